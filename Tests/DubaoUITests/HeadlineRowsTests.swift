import DubaoLayout
import DubaoModel
import DubaoRuntime
import DubaoStore
import DubaoTerminal
@testable import DubaoUI
import Testing

/// A newspaper reader lives on its headlines: how much of each the article list shows at the
/// sizes people use, with headlines of every length a paper prints.
@Suite("Headlines in the article list")
struct HeadlineRowsTests {
    /// Headlines from four characters to sixty, as a front page has them (written for this test).
    static let titles = [
        "雪后初晴",
        "城南菜市场改造完工",
        "江城港前十月货物吞吐量同比增长百分之九",
        "老城区公交线网优化方案下月起实施十二条线路调整走向",
        "城际铁路江临段全线铺轨贯通明年春天开通后两城之间最快四十分钟可达",
        "全市中小学今冬起延长课后服务时间家长可按需选择托管时段学校不得借机收费也不得组织集体补课",
        "关于进一步做好冬春季节城乡居民取暖保障工作的通知要求各区县于本月底前完成燃气管网安全检查和低保家庭取暖补贴发放",
    ]

    static func runtime(width: Int, height: Int, titles: [String] = titles, paper: String = "江城晨报") -> AppRuntime {
        let articles = titles.enumerated().map { i, title in
            Article(id: ArticleID(stored: "20261127-h\(i)"), title: title, paragraphs: ["\(title)。正文一段。"])
        }
        let issue = Issue(paper: paper, date: IssueDate("2026-11-27")!, sections: [
            Section(name: "要闻", order: 1, page: "第01版", articles: articles),
        ])
        let r = AppRuntime(state: AppState(width: width, height: height), library: MemoryLibrary(issues: [issue]))
        r.start(isSample: false)
        return r
    }

    /// The text of the selected row of the article pane, its lines joined, markers left out.
    static func selectedHeadline(_ r: AppRuntime) throws -> String {
        let grid = Screen.render(r.state)
        let pane = try #require(r.state.viewport.layout.articles)
        var shown = ""
        for y in (pane.y + 1)..<(pane.y + pane.height) where grid[pane.x + 2, y].style == .selection
            || grid[pane.x + 2, y].style == .selectionUnfocused {
            var line = ""
            for x in (pane.x + 2)..<(pane.x + pane.width) { line += grid[x, y].text }
            #expect(DisplayWidth.of(line) == pane.width - 2, "a row runs past the pane: \(line)")
            shown += line.trimmingCharacters(in: .whitespaces)
        }
        return shown
    }

    /// Characters of `title` the row shows before it is cut.
    static func readable(_ shown: String, of title: String) -> Int {
        zip(shown, title).prefix { $0 == $1 }.count
    }

    /// Walks the list from its first row: each of `titles` shows 18 characters or whole, and is
    /// cut only with `…`.
    static func expectReadable(_ r: AppRuntime, titles: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (i, title) in titles.enumerated() {
            #expect(r.state.navigation.articles.selection == i, sourceLocation: sourceLocation)
            let shown = try selectedHeadline(r)
            let n = readable(shown, of: title)
            #expect(n >= min(18, title.count), "\(title): \(shown)", sourceLocation: sourceLocation)
            #expect(n == title.count || shown.hasSuffix("…"), "cut without …: \(shown)", sourceLocation: sourceLocation)
            r.dispatch(.key(.character("j")))
        }
    }

    @Test("at 120x40 at least 18 characters of every headline, and the reader sets at least 34 a line")
    func wide() throws {
        let r = Self.runtime(width: 120, height: 40)
        #expect((r.state.viewport.layout.readerText?.width ?? 0) >= 68)
        try Self.expectReadable(r, titles: Self.titles)
    }

    @Test("at 100x30, two panes: as much of each headline, and the reader sets at least 34 characters")
    func twoPanes() throws {
        let r = Self.runtime(width: 100, height: 30)
        #expect(r.state.viewport.layout.mode == .twoPanes)
        #expect((r.state.viewport.layout.readerText?.width ?? 0) >= 68)
        for title in Self.titles {
            let n = Self.readable(try Self.selectedHeadline(r), of: title)
            #expect(n >= min(18, title.count), "\(title)")
            r.dispatch(.key(.character("j")))
        }
    }

    @Test("at 80x24 whole headlines show, a long one on two rows")
    func narrow() throws {
        let r = Self.runtime(width: 80, height: 24)
        for title in Self.titles where title.count <= 78 {
            #expect(try Self.selectedHeadline(r) == title)
            r.dispatch(.key(.character("j")))
        }
    }

    @Test("at 200x60 the list takes the room the reader's measure leaves, and a headline shows on one row")
    func wider() throws {
        let r = Self.runtime(width: 200, height: 60)
        let layout = r.state.viewport.layout
        #expect((layout.readerText?.width ?? 0) == 80, "the reader keeps its measure and no more")
        #expect((layout.articles?.width ?? 0) >= 80)
        for title in Self.titles.prefix(6) {
            #expect(try Self.selectedHeadline(r).hasPrefix(title))
            r.dispatch(.key(.character("j")))
        }
    }

    @Test("two-row headlines: paging, G and a click land on whole rows, the selection always in view")
    func scrolling() throws {
        let r = Self.runtime(width: 120, height: 12, titles: Array(repeating: Self.titles[5], count: 9))
        let pane = try #require(r.state.viewport.layout.articles)
        // Ten lines under the pane's title: five two-row headlines.
        r.dispatch(.key(.character("G")))
        #expect(r.state.navigation.articles.selection == 8)
        #expect(try Self.selectedHeadline(r).hasPrefix("全市中小学"))
        r.dispatch(.key(.character("g")))
        r.dispatch(.key(.character(" ")))
        #expect(r.state.navigation.articles.selection == 5, "a page is the five rows shown whole")
        #expect(try Self.selectedHeadline(r).hasPrefix("全市中小学"))
        r.dispatch(.key(.character("g")))
        r.dispatch(.key(.mouse(MouseEvent(kind: .press, x: pane.x + 4, y: pane.y + 1 + 5))))
        #expect(r.state.navigation.articles.selection == 2, "line 5 is the second line of the third row")
    }

    @Test("variable-height rows scroll as little as needed and never leave blank lines below the last")
    func keepVisible() {
        let heights = [1, 2, 2, 1, 2, 1, 2, 2]
        var list = ListState(selection: 7, offset: 0)
        list.keepVisible(rows: 5, count: heights.count) { heights[$0] }
        #expect(list.offset == 5, "rows 5 to 7 fill the five lines")
        list.selection = 0
        list.keepVisible(rows: 5, count: heights.count) { heights[$0] }
        #expect(list.offset == 0)
        list.selection = 4
        list.keepVisible(rows: 5, count: heights.count) { heights[$0] }
        #expect(list.offset == 2, "rows 2 to 4 fill the five lines, from the top down to the selection")
        #expect(list.row(atLine: 0, count: heights.count) { heights[$0] } == 2)
        list.offset = 3
        #expect(list.row(atLine: 2, count: heights.count) { heights[$0] } == 4)
        #expect(list.rowsShown(lines: 5, count: heights.count) { heights[$0] } == 3)
    }

    @Test("the line count the reducer scrolls by is the lines the view draws, for every headline and width")
    func lineCountAgrees() {
        let titles = Self.titles + ["“引号”开头的标题，还有《书名号》和数字2026年", "A title in English, with words that wrap", "标题"]
        for title in titles {
            for width in 1...80 {
                #expect(ArticleRows.lineCount(ofHeadline: title, width: width) == ArticleRows.headline(title, width: width).count,
                        "\(title) at \(width)")
            }
        }
    }

    @Test("a paper's name too long for the sections pane's title is cut before the date is")
    func sectionsTitleKeepsTheDate() throws {
        let r = Self.runtime(width: 120, height: 40, paper: "江城都市生活晨报")
        let top = String(Screen.render(r.state).text.split(separator: "\n")[0])
        let pane = try #require(r.state.viewport.layout.sections)
        let title = String(top.prefix(while: { $0 != "│" }))
        #expect(title.contains(" 江城都… 11-27"), "\(title)")
        #expect(DisplayWidth.of(title) == pane.width, "\(title)")
    }
}
