import DubaoImport
import DubaoStore
import DubaoTerminal
import DubaoRuntime
import DubaoText
import DubaoUI
import Testing

/// The reader on the sample paper, drawn into the grid at the sizes people use.
@Suite("Screens: the sample paper at 80x24 and 120x40")
struct ScreenSnapshotTests {
    static func runtime(width: Int, height: Int) throws -> AppRuntime {
        let runtime = AppRuntime(state: AppState(width: width, height: height), library: try SampleLibrary())
        runtime.start(isSample: true)
        return runtime
    }

    static func check(_ runtime: AppRuntime, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let grid = Screen.render(runtime.state)
        let layout = runtime.state.viewport.layout
        // An overlay covers the rules between panes; everything else must keep them.
        Snapshot.checkGeometry(grid, separators: runtime.state.overlay == nil ? layout.separators : [],
                               paneRows: runtime.state.viewport.height - 1,
                               sourceLocation: sourceLocation)
        Snapshot.check(grid, named: name, sourceLocation: sourceLocation)
    }

    @Test func wideStart() throws {
        let r = try Self.runtime(width: 120, height: 40)
        Self.check(r, named: "120x40-start")
    }

    @Test func wideReadingSecondSection() throws {
        let r = try Self.runtime(width: 120, height: 40)
        r.dispatch(.key(.character("]")))
        r.dispatch(.key(.character("j")))
        r.dispatch(.key(.enter))
        r.dispatch(.key(.character(" ")))
        Self.check(r, named: "120x40-reader-paged")
    }

    @Test func narrowStart() throws {
        let r = try Self.runtime(width: 80, height: 24)
        Self.check(r, named: "80x24-start")
    }

    @Test func narrowReader() throws {
        let r = try Self.runtime(width: 80, height: 24)
        r.dispatch(.key(.enter))
        Self.check(r, named: "80x24-reader")
    }

    @Test func twoPanes() throws {
        let r = try Self.runtime(width: 100, height: 30)
        r.dispatch(.key(.character("J")))
        Self.check(r, named: "100x30-two-panes")
    }

    @Test func help() throws {
        let r = try Self.runtime(width: 120, height: 40)
        r.dispatch(.key(.character("?")))
        Self.check(r, named: "120x40-help")
    }

    @Test("page numbers in the sections pane line up: 04, not 4, under 01 to 03")
    func pageNumbersPadded() throws {
        let r = try Self.runtime(width: 120, height: 40)
        let grid = Screen.render(r.state)
        let rows = (0..<grid.height).map { grid.row($0) }
        #expect(rows.contains { $0.hasPrefix(" 04 文化") }, "\(rows.prefix(8))")
        #expect(!rows.contains { $0.hasPrefix(" 4 文化") })
    }

    @Test func tooSmall() throws {
        let r = try Self.runtime(width: 19, height: 5)
        Self.check(r, named: "19x5-too-small")
    }

    @Test("every size from 20x6 upward draws without breaking the grid")
    func manySizes() throws {
        let r = try Self.runtime(width: 20, height: 6)
        r.dispatch(.key(.enter))
        for width in stride(from: 1, through: 160, by: 7) {
            for height in [1, 3, 6, 9, 24, 41] {
                r.dispatch(.key(.resize(width: width, height: height)))
                let grid = Screen.render(r.state)
                Snapshot.checkGeometry(grid, separators: r.state.viewport.layout.separators,
                                       paneRows: max(0, height - 1))
            }
        }
    }
}

/// The lists at the four sizes the reader is tried at, in both languages: the start, the
/// bookmarks and search results, each row with its whole headline where the pane allows.
@Suite("Screens: the lists at 80x24, 100x30, 120x40 and 200x60, in English and Chinese")
struct ListSnapshotTests {
    static let sizes = [(80, 24), (100, 30), (120, 40), (200, 60)]
    static let cases = sizes.flatMap { size in Language.allCases.map { (size.0, size.1, $0) } }

    /// `120x40-bookmarks`, and `120x40-bookmarks-zh` in Chinese.
    static func name(_ c: (Int, Int, Language), _ what: String) -> String {
        "\(c.0)x\(c.1)-\(what)" + (c.2 == .chinese ? "-zh" : "")
    }

    @Test("the start", arguments: cases)
    func start(_ c: (Int, Int, Language)) throws {
        let r = try SampleRuntime.start(c.0, c.1, language: c.2)
        ScreenSnapshotTests.check(r, named: Self.name(c, "start"))
    }

    @Test("bookmarks: headline, then date and section", arguments: cases)
    func bookmarks(_ c: (Int, Int, Language)) throws {
        let r = try SampleRuntime.start(c.0, c.1, language: c.2)
        r.keys("b]jb]b")
        r.dispatch(.key(.character("h")))
        r.keys("gl")
        ScreenSnapshotTests.check(r, named: Self.name(c, "bookmarks"))
    }

    @Test("search results: headline, then date, section and the match", arguments: cases)
    func results(_ c: (Int, Int, Language)) {
        let r = SearchFixture.runtime(width: c.0, height: c.1, language: c.2)
        r.keys("/渡口")
        r.dispatch(.key(.enter))
        SearchScreenTests.check(r, named: Self.name(c, "search-results"))
    }

    @Test("the help in Chinese")
    func chineseHelp() throws {
        let r = try SampleRuntime.start(120, 40, language: .chinese)
        r.keys("?")
        ScreenSnapshotTests.check(r, named: "120x40-help-zh")
    }
}
