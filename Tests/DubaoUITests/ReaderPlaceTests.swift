import DubaoImport
import DubaoRuntime
import DubaoStore
import DubaoTerminal
import DubaoUI
import Testing

/// The reading place through resizes: a pane tall enough for the whole article shows it from
/// the top, and the place comes back when the pane is short again.
@Suite("Reader: the place survives a size that shows the whole article")
struct ReaderPlaceTests {
    func reading(_ width: Int, _ height: Int) throws -> AppRuntime {
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: try SampleLibrary())
        r.start(isSample: true)
        r.dispatch(.key(.enter))
        r.dispatch(.key(.resize(width: width, height: height)))
        return r
    }

    func keys(_ r: AppRuntime, _ text: String) {
        r.keys(text)
    }

    /// The percentage on the reader's title row.
    func percent(_ r: AppRuntime) -> String? {
        let title = Screen.render(r.state).row(0)
        return title.split(separator: " ").last.map(String.init)
    }

    @Test("taller until the article fits, then short again: back at 100%, on the same line")
    func tallerAndBack() throws {
        let r = try reading(120, 10)
        keys(r, "G")
        let end = try #require(r.state.reader?.top)
        #expect(end > 0)
        #expect(percent(r) == "100%", "\(Screen.render(r.state).text)")
        r.dispatch(.key(.resize(width: 120, height: 40)))
        #expect(r.state.reader?.top == 0, "the whole article shows")
        r.dispatch(.key(.resize(width: 120, height: 10)))
        #expect(r.state.reader?.top == end)
        #expect(percent(r) == "100%")
    }

    @Test("wider and taller, then back: the same paragraph, and the same line at the old width")
    func widerAndBack() throws {
        let r = try reading(60, 10)
        // The blank row above the second paragraph, at the top: a place the paragraph alone
        // would round to the row below.
        let second = try #require(r.state.reader?.lines.firstIndex { $0.paragraph == 1 })
        keys(r, "\(second)G")
        let reader = try #require(r.state.reader)
        let line = reader.top
        #expect(line == second - 1 && reader.lines[line].paragraph == nil)
        let paragraph = try #require(reader.lines[line...].first { $0.paragraph != nil }?.paragraph)
        r.dispatch(.key(.resize(width: 200, height: 60)))
        #expect(r.state.reader?.top == 0 && r.state.reader?.layoutWidth != reader.layoutWidth)
        r.dispatch(.key(.resize(width: 80, height: 10)))
        let other = try #require(r.state.reader)
        #expect(other.layoutWidth != reader.layoutWidth)
        #expect(other.lines[other.top...].first { $0.paragraph != nil }?.paragraph == paragraph)
        r.dispatch(.key(.resize(width: 60, height: 10)))
        #expect(r.state.reader?.top == line, "the very line, not the paragraph's first")
    }

    @Test("an article opened at its saved place in a pane that shows it all keeps that place, and leaving it saves it")
    func savedPlaceInATallPane() throws {
        let r = try reading(120, 10)
        keys(r, "5j")
        let id = try #require(r.state.reader?.article.id)
        let saved = try #require(r.state.reader?.top)
        keys(r, "J")
        let place = try #require(r.state.userData.positions[id])
        r.dispatch(.key(.resize(width: 120, height: 40)))
        keys(r, "K")
        #expect(r.state.reader?.article.id == id && r.state.reader?.top == 0)
        keys(r, "J")
        #expect(r.state.userData.positions[id] == place, "not overwritten with the top")
        keys(r, "K")
        r.dispatch(.key(.resize(width: 120, height: 10)))
        #expect(r.state.reader?.top == saved)
        r.dispatch(.key(.resize(width: 120, height: 40)))
        r.dispatch(.key(.character("Q")))
        #expect(r.state.userData.positions[id] == place, "quitting at a tall size keeps the place too")
    }
}
