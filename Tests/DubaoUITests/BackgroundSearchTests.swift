import DubaoImport
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

    func until(_ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(10)
        while !condition(), Date() < deadline { usleep(1_000) }
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
        until { r.poll(); return r.state.search.searching?.done == 1 }
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
}
