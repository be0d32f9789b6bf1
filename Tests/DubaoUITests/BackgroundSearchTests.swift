import DubaoImport
import DubaoTestSupport
import DubaoStore
import DubaoModel
@testable import DubaoUI
import DubaoRuntime
import Foundation
import Testing

/// The fixture library, where the search stops before each issue until the test lets it go on.
final class GatedLibrary: LibraryReading, @unchecked Sendable {
    let memory = MemoryLibrary(issues: [SearchFixture.older, SearchFixture.newer])
    let gate = DispatchSemaphore(value: 0)

    func issues() throws(StoreError) -> [IssueEntry] { try memory.issues() }
    func catalog(of issue: IssueEntry) throws(StoreError) -> IssueCatalog { try memory.catalog(of: issue) }
    func articles(of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
        try memory.articles(of: section, in: issue)
    }
    /// Only the search asks for candidates: it waits here, an issue at a time.
    func searchCandidates(in issue: IssueEntry, query: SearchQuery) throws(StoreError) -> [SearchText.Candidate]? {
        gate.wait()
        return nil
    }
}

@Suite("The reader's library search runs in the background")
struct BackgroundSearchTests {
    func start(_ library: GatedLibrary) -> AppRuntime {
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: library, searchesInBackground: true)
        r.start(isSample: false)
        return r
    }

    func search(_ r: AppRuntime, _ text: String) {
        r.dispatch(.key(.character("/")))
        for c in text { r.dispatch(.key(.character(c))) }
        r.dispatch(.key(.enter))
    }

    func statusLine(_ r: AppRuntime) -> String {
        String(Screen.render(r.state).text.split(separator: "\n", omittingEmptySubsequences: false)[r.state.viewport.height - 1])
    }

    @Test("keys work while it runs, the status line shows its progress, and the results arrive")
    func responsive() {
        let library = GatedLibrary()
        let r = start(library)
        search(r, "渡口")
        #expect(r.state.search.searching?.query == "渡口" && r.state.search.results == nil, "Enter returns at once")
        #expect(statusLine(r).contains("searching “渡口”…"))
        r.dispatch(.key(.character("j")))
        #expect(r.state.navigation.articles.selection == 1, "keys go on working")
        library.gate.signal()
        waitUntil { r.poll(); return r.state.search.searching?.done == 1 }
        #expect(statusLine(r).contains("1/2 issues — Esc cancels"))
        library.gate.signal()
        r.waitForSearch()
        #expect(r.state.search.searching == nil)
        #expect(r.state.search.results?.hits.map(\.id) == ["20260309-a2", "20260302-c1"])
    }

    @Test("Esc cancels it: the search stops and its results never appear")
    func cancel() {
        let library = GatedLibrary()
        let r = start(library)
        search(r, "渡口")
        r.dispatch(.key(.escape))
        #expect(r.state.search.searching == nil && r.state.status.message?.text == "search for “渡口” cancelled")
        #expect(!r.isSearching)
        library.gate.signal()
        library.gate.signal()
        usleep(50_000)
        r.poll()
        #expect(r.state.search.results == nil)
    }

    @Test("a damaged search filter is named in the status line, and the results are whole")
    func damagedFilter() throws {
        let root = ScratchFolder.path("damaged-filter")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let library = Library(root: root)
        try library.store(SearchFixture.older)
        try library.store(SearchFixture.newer)
        let packs = try FileManager.default.contentsOfDirectory(atPath: root + "/filters")
        #expect(!packs.isEmpty)
        for pack in packs { try Data("not a pack".utf8).write(to: URL(fileURLWithPath: root + "/filters/" + pack)) }
        let r = AppRuntime(state: AppState(width: 160, height: 40), library: library, searchesInBackground: true)
        r.start(isSample: false)
        search(r, "渡口")
        waitUntil { r.poll(); return r.state.status.message != nil }
        let expected = try Searcher.search(MemoryLibrary(issues: [SearchFixture.older, SearchFixture.newer]), query: SearchQuery("渡口")!)
        #expect(r.state.search.results?.hits.map(\.id) == expected.map(\.id))
        #expect(r.state.status.message?.text.hasPrefix(root + "/filters/") == true)
        #expect(r.state.status.message?.text.contains(".bin is damaged") == true)
        #expect(Screen.render(r.state).text.replacingOccurrences(of: "\n", with: "").contains(".bin is damaged"))
    }

    @Test("a damaged filter's warning waits for the results it belongs to, and follows a search that found nothing")
    func damagedFilterOrder() throws {
        let memory = MemoryLibrary(issues: [SearchFixture.older, SearchFixture.newer])
        var state = AppState(width: 160, height: 40)
        let hits = try Searcher.search(memory, query: SearchQuery("渡口")!)
        // Before its results: kept, then said once they are listed (which clears the status line).
        state.search.searching = SearchProgress(query: "渡口")
        _ = Reducer.reduce(&state, .searchFilterDamaged(query: "渡口", paths: ["/lib/filters/a.bin"]))
        #expect(state.status.message == nil)
        _ = Reducer.reduce(&state, .searchFinished(query: "渡口", hits: hits))
        #expect(state.search.results?.hits.count == hits.count)
        #expect(state.status.message?.text.hasPrefix("/lib/filters/a.bin is damaged") == true)
        // After a search that found nothing: beside the line that says so.
        state.search.searching = SearchProgress(query: "火星")
        _ = Reducer.reduce(&state, .searchFinished(query: "火星", hits: []))
        _ = Reducer.reduce(&state, .searchFilterDamaged(query: "火星", paths: ["/lib/filters/b.bin"]))
        let line = try #require(state.status.message?.text)
        #expect(line.contains("火星") && line.contains("/lib/filters/b.bin is damaged"), "\(line)")
    }

    @Test("a result's snippet is set as the open article is (据悉,今年 reads 据悉，今年), its match still marked")
    func snippetPunctuation() throws {
        let article = Article(id: ArticleID(stored: "20260309-0000000001"), title: "夜班渡船", paragraphs: ["据悉,今年南岸渡口加开夜班渡船。"])
        let library = MemoryLibrary(issues: [DubaoModel.Issue(paper: "江城晨报", date: IssueDate("2026-03-09")!,
                                                             sections: [Section(name: "城事", order: 1, articles: [article])])])
        let r = AppRuntime(state: AppState(width: 160, height: 40), library: library)
        r.start(isSample: false)
        search(r, "渡口")
        let grid = Screen.render(r.state)
        let row = try #require(grid.text.split(separator: "\n").first { $0.contains("今年南岸") })
        #expect(row.contains("据悉，今年南岸渡口") && !row.contains("据悉,"), "\(row)")
    }
}
