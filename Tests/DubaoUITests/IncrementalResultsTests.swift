import DubaoStore
import DubaoTestSupport
import DubaoModel
@testable import DubaoUI
import DubaoRuntime
import Foundation
import Testing

@Suite("Library search results come a screenful at a time")
struct IncrementalResultsTests {
    /// One issue of 250 articles that all hold the query.
    static let issue: DubaoModel.Issue = {
        let articles = (0..<250).map { i in
            Article(id: ArticleID(stored: "20260309-\(String(format: "%010x", i))"), title: "渡口\(i)", paragraphs: ["江城渡口第\(i)段"])
        }
        return DubaoModel.Issue(paper: "江城晨报", date: IssueDate("2026-03-09")!, sections: [Section(name: "城事", order: 1, articles: articles)])
    }()
    static let library = MemoryLibrary(issues: [issue])

    /// Without `counting`, the results say `100+` until the last hit is listed.
    func start(counting: Bool = false, library: any LibraryReading = Self.library) -> AppRuntime {
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: library, searchesInBackground: true)
        r.countsSearches = counting
        r.start(isSample: false)
        r.dispatch(.key(.character("/")))
        for c in "渡口" { r.dispatch(.key(.character(c))) }
        r.dispatch(.key(.enter))
        r.waitForSearch()
        return r
    }

    @Test("the first hundred are listed as 100+, more come as the selection nears their end, then the count")
    func batches() {
        let r = start()
        #expect(r.state.search.results?.hits.count == SearchResults.firstBatch)
        #expect(r.state.search.results?.complete == false)
        #expect(Screen.render(r.state).text.contains("(100+)"))
        #expect(Screen.render(r.state).text.contains("1/100+"), "the position says more may come")
        #expect(!r.isSearching, "a search that waits for the reader needs no polling")
        #expect(!Screen.render(r.state).text.contains("searching"), "nor a status line")
        // Not counted: G goes to the last listed, more come a hundred at a time, and it says so.
        r.dispatch(.key(.character("G")))
        #expect(r.state.status.message?.text.hasPrefix("100+ results are listed a hundred at a time") == true)
        r.waitForSearch()
        #expect(r.state.search.results?.hits.count == 200)
        r.dispatch(.key(.character("G")))
        r.waitForSearch()
        #expect(r.state.search.results?.hits.count == 250)
        #expect(r.state.search.results?.complete == true && r.state.search.searching == nil)
        #expect(Screen.render(r.state).text.contains("(250)"))
        let ids = r.state.search.results?.hits.map(\.id) ?? []
        #expect(Set(ids).count == 250, "no hit twice")
    }

    @Test("the count comes while the first hundred are listed, and the list still grows as the selection nears its end")
    func counted() throws {
        // Counting reads search texts: a library on disk (in memory there are none, and no count).
        let root = ScratchFolder.path("counted")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let library = Library(root: root)
        try library.store(Self.issue)
        let r = start(counting: true, library: library)
        waitUntil {
            r.poll()
            return r.state.search.results?.total != nil
        }
        #expect(r.state.search.results?.total == 250)
        #expect(r.state.search.results?.hits.count == SearchResults.firstBatch, "counted, not listed")
        #expect(Screen.render(r.state).text.contains("(250)"))
        #expect(!Screen.render(r.state).text.contains("+)"))
        let lines = Screen.render(r.state).text.split(separator: "\n")
        #expect(lines.first?.contains("1/250") == true, "the list's title counts them all: \(lines.first ?? "")")
        #expect(lines.last?.contains("1/250") == true, "and so does the status line: \(lines.last ?? "")")
        // Counted, and few enough: G lists them all and goes to the last.
        r.dispatch(.key(.character("G")))
        r.waitForSearch()
        #expect(r.state.search.results?.hits.count == 250)
        #expect(r.state.navigation.articles.selection == 249)
        #expect(Screen.render(r.state).text.contains("250/250"))
    }

    @Test("leaving the results stops the search that waits; Esc goes back as it always does")
    func leaving() {
        let r = start()
        #expect(r.state.search.searching?.waiting == true)
        r.dispatch(.key(.escape))
        #expect(r.state.search.results == nil, "Esc left the results, as it does")
        #expect(r.state.search.searching == nil, "and the rest of their search with them")
        #expect(r.state.status.message == nil, "not a cancelled search: the reader left it")
    }
}
