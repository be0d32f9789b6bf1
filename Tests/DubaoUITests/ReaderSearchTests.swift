import DubaoImport
import DubaoStore
import DubaoLayout
import DubaoModel
import DubaoTerminal
import DubaoRuntime
import DubaoText
import DubaoUI
import Testing

/// A small library of two issues written for these tests: 渡口 (ferry landing) occurs in the
/// title and body of an article in each issue, many times down a long one, and nowhere else.
enum SearchFixture {
    static let newer = Issue(paper: "河湾日报", date: IssueDate("2026-03-09")!, sections: [
        Section(name: "要闻", order: 1, page: "第01版", articles: [
            Article(id: "20260309-a1", title: "春季植树活动周末启动", dateline: "本报讯", credit: "（记者 方舟）",
                    paragraphs: ["全市春季义务植树活动本周六启动，首批树苗已运抵各区。",
                                 "园林部门提醒市民按指定地点领取树苗，注意用水安全。"]),
            Article(id: "20260309-a2", kicker: "小城故事：", title: "渡口边的夜校开课了", dateline: "本报讯",
                    credit: "（记者 林渡）",
                    paragraphs: ["北岸渡口旁的老仓库改成了夜校，第一期课程昨晚开讲。",
                                 "来上课的多是在渡口做生意的摊主，他们说下了船就能进教室，很方便。"]
                        + (1...12).map { "第\($0)段记录了夜校开课后的又一个平常日子，灯光照着河面，船工们陆续靠岸，教室里坐满了人。" }
                        + ["夜校负责人说，等到夏天，还要在渡口的候船亭里开一间小小的阅览室。"]),
        ]),
        Section(name: "副刊", order: 2, page: "第04版", articles: [
            Article(id: "20260309-b1", title: "听雨", paragraphs: ["雨落在瓦上，一夜没有停。"]),
        ]),
    ])
    static let older = Issue(paper: "河湾日报", date: IssueDate("2026-03-02")!, sections: [
        Section(name: "城事", order: 1, page: "第03版", articles: [
            Article(id: "20260302-c1", title: "老渡口换上新渡船", dateline: "本报讯",
                    paragraphs: ["停靠在南岸渡口的新渡船今天投入使用，可载客六十人。"]),
            Article(id: "20260302-c2", title: "菜市场早市时间调整", paragraphs: ["自下周一起，早市提前半小时开门。"]),
        ]),
    ])

    static func runtime(width: Int = 120, height: Int = 40, language: Language = .english) -> AppRuntime {
        let r = AppRuntime(state: AppState(width: width, height: height, settings: ReaderSettings(language: language)),
                           library: MemoryLibrary(issues: [older, newer]))
        r.start(isSample: false)
        return r
    }
}

@Suite("Reader search: the query line, results, finding in the article")
struct ReaderSearchTests {
    func type(_ r: AppRuntime, _ text: String) {
        for c in text { r.dispatch(.key(.character(c))) }
    }

    @Test("/ opens the query line; typing, Backspace over wide characters, Ctrl-U, Esc")
    func queryEditing() {
        let r = SearchFixture.runtime()
        let before = r.state
        type(r, "/")
        #expect(r.state.search.queryLine == QueryLine(scope: .library))
        type(r, "渡口j5")
        #expect(r.state.search.queryLine?.text == "渡口j5", "keys and digits are text while the line is open")
        #expect(r.state.navigation.articles.selection == before.navigation.articles.selection && r.state.status.count == nil)
        r.dispatch(.key(.backspace))
        r.dispatch(.key(.backspace))
        #expect(r.state.search.queryLine?.text == "渡口")
        r.dispatch(.key(.backspace))
        #expect(r.state.search.queryLine?.text == "渡", "Backspace takes a whole wide character")
        r.dispatch(.key(.control("u")))
        #expect(r.state.search.queryLine?.text == "")
        r.dispatch(.key(.backspace))
        #expect(r.state.search.queryLine?.text == "", "Backspace on an empty line does nothing")
        type(r, "河")
        r.dispatch(.key(.escape))
        #expect(r.state.search.queryLine == nil)
        #expect(r.state == before, "Esc cancels and changes nothing else")
    }

    @Test("Enter asks the runtime to search; an empty query searches nothing")
    func enterRunsTheSearch() {
        var state = SearchFixture.runtime().state
        _ = Reducer.reduce(&state, .key(.character("/")))
        _ = Reducer.reduce(&state, .key(.character(" ")))
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.search.queryLine == nil && state.status.message?.text == "nothing to search for")
        _ = Reducer.reduce(&state, .key(.character("/")))
        _ = Reducer.reduce(&state, .key(.character("渡")))
        _ = Reducer.reduce(&state, .key(.character("口")))
        #expect(Reducer.reduce(&state, .key(.enter)) == [.saveReading([.searched("渡口")]), .search("渡口")],
                "the query kept in the history, and searched for")
        #expect(state.search.queryLine == nil)
    }

    @Test("results: an entry above the bookmarks, newest issue first, the first open at its first match")
    func results() {
        let r = SearchFixture.runtime()
        type(r, "/渡口")
        r.dispatch(.key(.enter))
        let results = try! #require(r.state.search.results)
        #expect(results.query == "渡口")
        #expect(results.hits.map(\.id) == ["20260309-a2", "20260302-c1"])
        #expect(r.state.listing == .searchResults)
        #expect(r.state.sectionsRows.prefix(2) == [.searchResults, .bookmarks])
        #expect(r.state.sectionsRow == 0 && r.state.viewport.focus == .articles && r.state.navigation.articles.selection == 0)
        let reader = try! #require(r.state.reader)
        #expect(reader.article.id == "20260309-a2")
        let find = try! #require(reader.find)
        #expect(find.current == 0 && find.matches.count == 4)
        #expect(find.matches.first == Highlight(origin: .title, range: 0..<6), "the title's 渡口 comes first")
        // The credit's 渡 alone is no match; the title, two paragraphs and the last one are.
        #expect(Set(find.matches.map(\.origin)) == [.title, .paragraph(0), .paragraph(1), .paragraph(14)])
        let screen = Screen.render(r.state).text
        #expect(screen.contains("search: 渡口") && screen.contains("(2)"))
        #expect(screen.contains("03-09") && screen.contains("03-02"))
    }

    @Test("results of more than one year carry the year in their dates")
    func resultsAcrossYears() throws {
        let lastYear = Issue(paper: "河湾日报", date: IssueDate("2025-12-30")!, sections: [
            Section(name: "城事", order: 1, page: "第03版", articles: [
                Article(id: "20251230-d1", title: "渡口冬季停航", paragraphs: ["北岸渡口从明天起冬季停航。"]),
            ]),
        ])
        let r = AppRuntime(state: AppState(width: 120, height: 40),
                           library: MemoryLibrary(issues: [SearchFixture.older, SearchFixture.newer, lastYear]))
        r.start(isSample: false)
        type(r, "/渡口")
        r.dispatch(.key(.enter))
        let screen = Screen.render(r.state).text
        #expect(screen.contains("2026-03-09") && screen.contains("2025-12-30"), "\(screen)")
    }

    @Test("leaving the results takes their matches away: no match k/N, no highlights, n finds nothing")
    func leavingResultsClearsFind() throws {
        let r = SearchFixture.runtime()
        r.dispatch(.key(.character("l")))
        r.dispatch(.key(.character("j")))   // the article the first result will be
        let before = r.state.selectedID
        type(r, "/渡口")
        r.dispatch(.key(.enter))
        #expect(r.state.reader?.article.id == before, "the same article, so leaving does not replace it")
        r.dispatch(.key(.enter))            // read it
        type(r, "n")
        r.dispatch(.key(.character("q"))) // back to the list
        r.dispatch(.key(.escape))         // out of the results
        #expect(r.state.search.results == nil)
        #expect(r.state.reader?.find == nil)
        #expect(!(Screen.render(r.state).text.split(separator: "\n").last ?? "").contains("match"))
    }

    @Test("the current match stands out from the other highlighted matches, and moves with n")
    func currentMatchDistinct() throws {
        let r = SearchFixture.runtime()
        type(r, "/渡口")
        r.dispatch(.key(.enter))
        func styles() throws -> (current: [Int], others: Int) {
            let text = try #require(r.state.viewport.layout.readerText)
            let grid = Screen.render(r.state)
            var current: [Int] = [], others = 0
            for y in text.y..<(text.y + text.height) {
                for x in text.x..<(text.x + text.width) {
                    if grid[x, y].style == .selection { current.append(y) }
                    if grid[x, y].style == .match { others += 1 }
                }
            }
            return (current, others)
        }
        let first = try styles()
        #expect(!first.current.isEmpty && first.others > 0, "one match marked as current, the others as matches")
        type(r, "n")
        let second = try styles()
        #expect(!second.current.isEmpty && second.current != first.current, "n moves the mark")
    }

    @Test("a result from another issue opens through the article loader")
    func resultFromAnotherIssue() {
        let r = SearchFixture.runtime()
        type(r, "/渡口")
        r.dispatch(.key(.enter))
        type(r, "j")
        #expect(r.state.navigation.articles.selection == 1)
        #expect(r.state.reader?.article.id == "20260302-c1")
        #expect(r.state.issue?.date == SearchFixture.newer.date, "the issue shown stays the same")
        #expect(r.state.reader?.find?.matches.count == 2)
        type(r, "J")
        #expect(r.state.status.message?.text == "the last result")
    }

    @Test("n and N go through the matches across paragraphs, scrolling, and wrap round with a message")
    func nextAndPrevious() {
        let r = SearchFixture.runtime(width: 80, height: 24)
        type(r, "/渡口")
        r.dispatch(.key(.enter))
        r.dispatch(.key(.enter))
        #expect(r.state.viewport.focus == .reader)
        #expect(r.state.reader?.top == 0)
        type(r, "n")
        #expect(r.state.reader?.find?.current == 1)
        #expect(Screen.render(r.state).row(23).contains("match 2/4"))
        type(r, "nn")
        #expect(r.state.reader?.find?.current == 3 && r.state.status.message == nil)
        // The last match is far down the article: the reader scrolls to it.
        let reader = r.state.reader!
        let line = reader.lines.firstIndex { $0.origin == .paragraph(14) }!
        #expect(reader.top > 0 && line >= reader.top && line < reader.top + 22)
        type(r, "n")
        #expect(r.state.reader?.find?.current == 0)
        #expect(r.state.status.message?.text == "match 1/4: wrapped round to the first")
        #expect(r.state.reader?.top == 0, "back up to the title")
        type(r, "N")
        #expect(r.state.reader?.find?.current == 3)
        #expect(r.state.status.message?.text == "match 4/4: wrapped round to the last")
        type(r, "2N")
        #expect(r.state.reader?.find?.current == 1, "a count repeats")
    }

    @Test("n with nothing found says how to find")
    func nWithoutFind() {
        let r = SearchFixture.runtime()
        type(r, "n")
        #expect(r.state.status.message?.text == "no search: / finds in the article")
    }

    @Test("Esc or q leaves the results and gives back the list as it was")
    func leaving() {
        let r = SearchFixture.runtime()
        let before = (r.state.navigation.listing, r.state.navigation.articles.selection, r.state.reader?.article.id)
        type(r, "/渡口")
        r.dispatch(.key(.enter))
        type(r, "j")
        r.dispatch(.key(.escape))
        #expect(r.state.search.results == nil && r.state.listing == .section(0))
        #expect((r.state.navigation.listing, r.state.navigation.articles.selection, r.state.reader?.article.id) == before)
        #expect(r.state.viewport.focus == .articles)

        type(r, "/渡口")
        r.dispatch(.key(.enter))
        type(r, "h")
        #expect(r.state.viewport.focus == .sections && r.state.sectionsRow == 0)
        type(r, "q")
        #expect(r.state.search.results == nil && !r.state.quitting, "q in the sections pane leaves the results, not dubao")
        #expect(r.state.navigation.articles.selection == 0)
        #expect(r.state.reader?.article.id == "20260309-a1")
        #expect(r.state.reader?.find == nil, "no highlights on an article the search did not find")
    }

    @Test("moving off the results entry in the sections pane leaves them")
    func movingInSections() {
        let r = SearchFixture.runtime()
        type(r, "/渡口")
        r.dispatch(.key(.enter))
        type(r, "h")
        type(r, "k")
        #expect(r.state.search.results != nil, "nothing above the results entry")
        type(r, "j")
        #expect(r.state.search.results == nil && r.state.inBookmarks)
    }

    @Test("nothing found: a message, and the list stays")
    func nothingFound() {
        let r = SearchFixture.runtime()
        type(r, "/没有这个词")
        r.dispatch(.key(.enter))
        #expect(r.state.search.results == nil)
        #expect(r.state.status.message?.text == "no article matches “没有这个词”")
    }

    @Test("b on a result bookmarks it with its own issue, section and title")
    func bookmarkAResult() {
        let r = SearchFixture.runtime()
        type(r, "/渡口")
        r.dispatch(.key(.enter))
        type(r, "jb")
        let b = try! #require(r.state.userData.bookmarks.first)
        #expect(b.id == "20260302-c1" && b.date == SearchFixture.older.date && b.section == "城事" && b.title == "老渡口换上新渡船")
    }

    @Test("/ in the reader finds in the open article, from the top of the page")
    func findInArticle() {
        let r = SearchFixture.runtime(width: 80, height: 24)
        type(r, "j")
        r.dispatch(.key(.enter))
        #expect(r.state.reader?.article.id == "20260309-a2")
        type(r, "/")
        #expect(r.state.search.queryLine?.scope == .article)
        type(r, "夜校")
        var state = r.state
        #expect(Reducer.reduce(&state, .key(.enter)) == [.saveReading([.searched("夜校")])],
                "nothing to read: the article is in hand; the query kept in the history")
        let find = try! #require(state.reader?.find)
        #expect(find.query == "夜校" && find.current == 0)
        #expect(find.matches.count == 15)
        #expect(state.search.results == nil, "finding in the article is no library search")

        // From further down, the first match at or below the top of the page.
        let r2 = SearchFixture.runtime(width: 80, height: 24)
        type(r2, "j")
        r2.dispatch(.key(.enter))
        type(r2, "G")
        let top = r2.state.reader!.top
        type(r2, "/夜校")
        r2.dispatch(.key(.enter))
        let found = try! #require(r2.state.reader?.find)
        let line = ArticleFindLines.line(found.matches[found.current], r2.state.reader!.lines)
        #expect(line >= top && found.current > 0)
        #expect(Screen.render(r2.state).row(23).contains("match \(found.current + 1)/15"))

        type(r2, "/没有")
        r2.dispatch(.key(.enter))
        #expect(r2.state.reader?.find == nil)
        #expect(r2.state.status.message?.text == "“没有” is not in this article")
    }

    @Test("the query line shows the end of a long query, with the cursor after it, never past the line")
    func longQuery() {
        let r = SearchFixture.runtime(width: 40, height: 10)
        type(r, "/")
        type(r, String(repeating: "渡口", count: 30) + "尾")
        let grid = Screen.render(r.state)
        let row = grid.row(9)
        #expect(DisplayWidth.of(row) == 40)
        #expect(row.contains("…") && row.contains("口尾"))
        #expect(grid.cursor.map { grid[$0.x - 2, 9].text } == "尾")
    }
}

/// The line a match is on, for tests.
enum ArticleFindLines {
    static func line(_ h: Highlight, _ lines: [TypesetLine]) -> Int {
        lines.firstIndex { $0.origin == h.origin && $0.sourceRange.contains(h.range.lowerBound) } ?? -1
    }
}
