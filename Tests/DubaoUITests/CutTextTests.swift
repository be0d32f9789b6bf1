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

    @Test("a message longer than the status line wraps onto the row above it, whole")
    func longMessageWraps() throws {
        let r = AppRuntime(state: AppState(width: 50, height: 24), library: try SampleLibrary())
        r.start(isSample: true)
        let before = Screen.render(r.state)
        r.dispatch(.key(.character("d")))
        let message = try #require(r.state.status.message?.text)
        #expect(DisplayWidth.of(message) > 48, "longer than the line: \(message)")
        let grid = Screen.render(r.state)
        let rows = (22...23).map { grid.row($0).trimmingCharacters(in: .whitespaces) }
        #expect(rows.joined(separator: " ") == message, "\(rows)")
        Snapshot.checkGeometry(grid, separators: r.state.viewport.layout.separators, paneRows: 22)
        Snapshot.check(grid, named: "50x24-long-message")
        #expect((0..<22).allSatisfy { grid.row($0) == before.row($0) }, "the panes are not moved for it")
        r.dispatch(.key(.character("j")))
        let after = Screen.render(r.state)
        #expect(!after.row(22).contains("dubao") && !after.row(23).contains("dubao"), "the next key clears it")
    }

    @Test("at 80 columns a message too long to share the line with the position takes the whole line")
    func messageTakesTheLine() throws {
        let r = AppRuntime(state: AppState(width: 80, height: 24), library: try SampleLibrary())
        r.start(isSample: true)
        r.dispatch(.key(.character("d")))
        let grid = Screen.render(r.state)
        #expect(grid.row(23).trimmingCharacters(in: .whitespaces) == r.state.status.message?.text)
        #expect(!grid.row(22).contains("dubao"), "one row is enough")
    }

    @Test("the search entry in the sections pane cuts the query, never its count")
    func searchEntryKeepsCount() throws {
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: try SampleLibrary())
        r.start(isSample: true)
        for c in "/江城港前十月货物吞吐量" { r.dispatch(.key(.character(c))) }
        r.dispatch(.key(.enter))
        let hits = try #require(r.state.search.results?.hits.count)
        #expect(hits > 0)
        let grid = Screen.render(r.state)
        let pane = try #require(r.state.viewport.layout.sections)
        let entry = String(grid.row(pane.y + 1).prefix { $0 != "│" })
        // The pane is narrow: the label has given way to `/` before the query.
        #expect(entry.hasPrefix("/江城") && entry.trimmingCharacters(in: .whitespaces).hasSuffix("… (\(hits))"), "\(entry)")
        // However the query is cut, the `…` and the count stay together, one blank apart.
        for width in 20...40 {
            r.dispatch(.key(.resize(width: 4 * width, height: 40)))
            guard let rect = r.state.viewport.layout.sections else { continue }
            let row = String(Screen.render(r.state).row(rect.y + 1).prefix { $0 != "│" })
            #expect(row.contains(" (\(hits))") && !row.contains("  ("), "\(4 * width) columns: \(row)")
        }
    }
}
