import DubaoImport
import DubaoRuntime
import DubaoStore
import DubaoTerminal
import DubaoUI
import Testing

/// The focused pane is kept with the reading place: the next start gives it the focus again.
@Suite("Restart: the focused pane comes back")
struct FocusAfterRestartTests {
    func start(_ data: MemoryUserData, width: Int = 120, height: Int = 40) throws -> AppRuntime {
        let r = AppRuntime(state: AppState(width: width, height: height), library: try SampleLibrary(), userData: data)
        r.start(isSample: true)
        return r
    }

    @Test("quit in the reader: the next start has the reader focused, on the same article", arguments: [(120, 40), (80, 24)])
    func readerFocusComesBack(width: Int, height: Int) throws {
        let data = MemoryUserData()
        let r = try start(data, width: width, height: height)
        #expect(r.state.viewport.focus == .articles, "a first start: the article list")
        r.keys("j")
        r.dispatch(.key(.enter))
        #expect(r.state.viewport.focus == .reader)
        let article = r.state.reader?.article.id
        r.keys("Q")
        #expect(try data.readingState().last?.focus == "reader")

        let again = try start(data, width: width, height: height)
        #expect(again.state.viewport.focus == .reader)
        #expect(again.state.reader?.article.id == article)
        let title = try #require(again.state.reader?.article.title)
        #expect(Screen.render(again.state).text.contains("▶" + title.prefix(6)), "the ▶ on the reader's title row")
    }

    @Test("quit in the sections pane: it has the focus on the next start")
    func sectionsFocusComesBack() throws {
        let data = MemoryUserData()
        let r = try start(data)
        r.keys("]h")
        #expect(r.state.viewport.focus == .sections)
        r.keys("Q")
        #expect(try data.readingState().last?.focus == "sections")
        let again = try start(data)
        #expect(again.state.viewport.focus == .sections && again.state.navigation.listing == .section(1))
    }

    @Test("a place saved before the focus was kept, or naming a pane not known, opens on the article list")
    func withoutFocus() throws {
        for focus in [nil, "sidebar"] as [String?] {
            let data = MemoryUserData()
            let r = try start(data)
            r.keys("j")
            r.dispatch(.key(.enter))
            r.keys("Q")
            var place = try #require(try data.readingState().last)
            place.focus = focus
            try data.apply([.last(place)])
            let again = try start(data)
            #expect(again.state.viewport.focus == .articles)
            #expect(again.state.navigation.articles.selection == 1, "the place itself still comes back")
        }
    }
}
