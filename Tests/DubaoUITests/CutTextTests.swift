import DubaoImport
import DubaoLayout
import DubaoModel
import DubaoRuntime
import DubaoStore
import DubaoTerminal
import DubaoUI
import Testing

/// Text too long for its place: what is cut, what never is, and what stays apart.
@Suite("Cut text: names beside counts, messages, the search entry")
struct CutTextTests {
    /// An issue whose section names are far wider than the sections pane, one ending in digits.
    static func longNames() -> AppRuntime {
        let day = IssueDate("2026-11-27")!
        let names = ["000_a0ce3d5f9b1c27e4", "要闻", "一个非常非常长的版面名字", "2026年第12期"]
        let sections = names.enumerated().map { n, name in
            Section(name: name, order: n + 1, page: name, articles: (1...8).map { a in
                Article(id: ArticleID(stored: "20261127-\(n)\(a)"), title: "文章\(a)", paragraphs: ["正文。"])
            })
        }
        let r = AppRuntime(state: AppState(width: 120, height: 40),
                           library: MemoryLibrary(issues: [Issue(paper: "晨报", date: day, sections: sections)]))
        r.start(isSample: false)
        return r
    }

    @Test("a cut section name keeps a blank before its count")
    func nameAndCount() throws {
        let r = Self.longNames()
        let grid = Screen.render(r.state)
        let pane = try #require(r.state.viewport.layout.sections)
        let rows = (pane.y + 2..<pane.y + 2 + 4).map { y in
            String(grid.row(y).prefix { $0 != "│" })
        }
        for row in rows {
            let count = try #require(row.range(of: "8/8"), "\(row)")
            #expect(row[..<count.lowerBound].hasSuffix(" "), "a blank before the count: \(row)")
        }
        #expect(rows[0].contains("000_a0ce3… 8/8"), "\(rows[0])")
        Snapshot.check(grid, named: "120x40-long-section-names")
    }
}
