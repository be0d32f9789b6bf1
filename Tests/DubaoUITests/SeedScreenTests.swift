import DubaoImport
import DubaoStore
import DubaoLayout
import DubaoModel
import DubaoTerminal
import DubaoRuntime
@testable import DubaoUI
import Foundation
import Testing

/// The real seed page on screen. Its text is never stored in the project, so instead of a snapshot
/// these check what a snapshot would show: geometry, truncation, the focus mark and kinsoku.
@Suite("Screens: the real seed page", .enabled(if: SeedLibrary.available,
                                                "skipped: ../shared/seeds/000_a0ce3d9deb04aa59.txt is absent beside the checkout"))
struct SeedScreenTests {
    static let closing = Set("，。、；：？！）》」』】〕〉”’…,.;:?!)]}%")
    static let opening = Set("（《「『【〔〈“‘([{")

    func reader(width: Int, height: Int) throws -> AppRuntime {
        let r = AppRuntime(state: AppState(width: width, height: height), library: try SeedLibrary.make())
        r.start(isSample: false)
        return r
    }

    /// Rows of the reader's text area, as drawn.
    func readerRows(_ r: AppRuntime) -> [String] {
        let grid = Screen.render(r.state)
        guard let text = r.state.viewport.layout.readerText else { return [] }
        return (text.y..<(text.y + text.height)).map { y in
            var row = ""
            for x in text.x..<(text.x + text.width) { row += grid[x, y].text }
            return row.trimmingCharacters(in: .whitespaces)
        }
    }

    @Test("every article at 80x24 and 120x40: rows fit, rules align, no line starts with closing punctuation",
          arguments: [(80, 24), (120, 40)])
    func everyArticle(size: (Int, Int)) throws {
        let r = try reader(width: size.0, height: size.1)
        let total = r.state.articleSummaries.count
        #expect(total == 8)
        for n in 0..<total {
            if n > 0 { r.dispatch(.key(.character("J"))) }
            #expect(r.state.navigation.articles.selection == n)
            if r.state.viewport.focus != .reader { r.dispatch(.key(.enter)) }
            #expect(r.state.viewport.focus == .reader)
            r.dispatch(.key(.character("g")))
            while true {
                let grid = Screen.render(r.state)
                let layout = r.state.viewport.layout
                for y in 0..<grid.height { #expect(DisplayWidth.of(grid.row(y)) == size.0) }
                for x in layout.separators { for y in 0..<(size.1 - 1) { #expect(grid[x, y].text == "│") } }
                for row in readerRows(r) where !row.isEmpty {
                    let body = row.drop { $0 == "\u{3000}" }
                    #expect(!Self.closing.contains(body.first!), "line starts with closing punctuation: \(row)")
                    #expect(!Self.opening.contains(row.last!), "line ends with opening punctuation: \(row)")
                }
                // From the end a page goes on to the next unread article: stop before it.
                guard let reader = r.state.reader, let text = r.state.viewport.layout.readerText,
                      reader.top + text.height < reader.lines.count else { break }
                r.dispatch(.run(.pageDown))
            }
        }
    }

    @Test("at 120x40 the real page's headlines show 18 characters or whole, cut only with …, never past the pane")
    func headlines() throws {
        let r = try reader(width: 120, height: 40)
        // As the list shows them: half-width punctuation set full-width, as in the headline.
        try HeadlineRowsTests.expectReadable(r, titles: r.state.articleSummaries.map { r.state.settings.display($0.title) })
    }

    @Test("the focused pane is marked, and the mark moves with the focus")
    func focusMark() throws {
        let r = try reader(width: 120, height: 40)
        let layout = r.state.viewport.layout
        func marked(_ pane: Pane) -> Bool {
            let rect = layout.rect(for: pane)!
            return Screen.render(r.state)[rect.x, rect.y].text == "▶"
        }
        #expect(marked(.articles) && !marked(.sections) && !marked(.reader))
        r.dispatch(.key(.tab))
        #expect(marked(.reader) && !marked(.articles))
    }
}

/// The seed page imported into an in-memory library.
enum SeedLibrary {
    static var path: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/../shared/seeds/000_a0ce3d9deb04aa59.txt"
    }
    static var available: Bool { FileManager.default.fileExists(atPath: path) }

    static func make() throws -> MemoryLibrary {
        let result = try Importer(options: .init(date: IssueDate("2023-03-25"), paper: "长春日报", section: "要闻"))
            .importPaths([path])
        return MemoryLibrary(issues: [result.issue])
    }
}
