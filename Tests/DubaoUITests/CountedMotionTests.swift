import DubaoImport
import DubaoModel
import DubaoRuntime
import DubaoStore
import DubaoTerminal
import DubaoUI
import Testing

/// Counts before motions: where they land, and what they leave alone on the way.
@Suite("Counts: J and K, G and g")
struct CountedMotionTests {
    func start(_ width: Int = 120, _ height: Int = 40) throws -> AppRuntime {
        try SampleRuntime.start(width, height)
    }

    func keys(_ r: AppRuntime, _ text: String) {
        r.keys(text)
    }

    func ids(_ r: AppRuntime, section: Int) -> [ArticleID] {
        r.state.sections[section].articles.map(\.id)
    }

    @Test("3J in the reader marks read the article it lands on, not the ones it passes over")
    func countedNextArticle() throws {
        let r = try start()
        let first = ids(r, section: 0), second = ids(r, section: 1)
        #expect(first.count == 3 && second.count == 3)
        r.dispatch(.key(.enter))
        #expect(r.state.viewport.focus == .reader && r.state.userData.read == [first[0]])
        keys(r, "3J")
        #expect(r.state.navigation.listing == .section(1) && r.state.navigation.articles.selection == 0)
        #expect(r.state.reader?.article.id == second[0])
        #expect(r.state.userData.read == [first[0], second[0]], "first[1] and first[2] were only passed over")
        keys(r, "2J")
        #expect(r.state.reader?.article.id == second[2])
        #expect(r.state.userData.read == [first[0], second[0], second[2]])
        keys(r, "4K")
        #expect(r.state.navigation.listing == .section(0) && r.state.reader?.article.id == first[1])
        #expect(r.state.userData.read == [first[0], first[1], second[0], second[2]])
    }

    @Test("a count running past the last article stops there and says so")
    func countPastTheEnd() throws {
        let r = try start()
        keys(r, "999J")
        let last = r.state.sections.count - 1
        #expect(r.state.navigation.listing == .section(last))
        #expect(r.state.navigation.articles.selection == r.state.sections[last].articles.count - 1)
        #expect(r.state.status.message?.text == "the last article of this issue")
        keys(r, "999K")
        #expect(r.state.navigation.listing == .section(0) && r.state.navigation.articles.selection == 0)
        #expect(r.state.status.message?.text == "the first article of this issue")
    }
}

@Suite("Counts: G and g name a section or an article, whatever rows stand above them")
struct CountedGoToTests {
    @Test("5G in the sections pane is the fifth section, with or without the ★ and 搜索 rows; in the article pane the fifth article")
    func goToCountsSections() throws {
        let day = IssueDate("2026-11-27")!
        let sections = (1...6).map { n in
            Section(name: "版\(n)", order: n, page: "第0\(n)版", articles: (1...6).map { a in
                Article(id: ArticleID(stored: "20261127-\(n)\(a)"), title: "第\(n)版第\(a)篇", paragraphs: ["城\(n)\(a)。"])
            })
        }
        let r = AppRuntime(state: AppState(width: 120, height: 40),
                           library: MemoryLibrary(issues: [Issue(paper: "晨报", date: day, sections: sections)]))
        r.start(isSample: false)
        func keys(_ text: String) { for c in text { r.dispatch(.key(.character(c))) } }
        keys("h")
        #expect(r.state.viewport.focus == .sections)
        keys("5G")
        #expect(r.state.navigation.listing == .section(4), "the ★ row is not counted")
        keys("1G")
        #expect(r.state.navigation.listing == .section(0))
        keys("99G")
        #expect(r.state.navigation.listing == .section(5), "past the end: the last section")
        keys("g")
        #expect(r.state.navigation.listing == .bookmarks, "g still reaches the ★ row")
        // With search results the 搜索 row stands above the ★ row: 5G does not move.
        for c in "/城" { r.dispatch(.key(.character(c))) }
        r.dispatch(.key(.enter))
        #expect(r.state.inResults && r.state.sectionsRows.count == 8)
        keys("h")
        #expect(r.state.viewport.focus == .sections)
        keys("5G")
        #expect(r.state.navigation.listing == .section(4), "neither the 搜索 nor the ★ row is counted")
        keys("l5G")
        #expect(r.state.viewport.focus == .articles && r.state.navigation.articles.selection == 4)
    }
}
