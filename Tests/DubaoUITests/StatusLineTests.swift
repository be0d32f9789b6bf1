import DubaoImport
import DubaoStore
import DubaoModel
import DubaoTerminal
import DubaoRuntime
import DubaoUI
import Testing

/// The status line: of the article selected, and with `? help` wherever it fits.
@Suite("Status line: the right paper and date, the keys kept")
struct StatusLineTests {
    func statusLine(_ r: AppRuntime) -> String {
        String(Screen.render(r.state).text.split(separator: "\n", omittingEmptySubsequences: false)[r.state.viewport.height - 1])
    }

    @Test("a search result from another issue shows that issue's paper and date")
    func resultsDate() {
        let r = SearchFixture.runtime()
        for c in "/渡口" { r.dispatch(.key(.character(c))) }
        r.dispatch(.key(.enter))
        r.dispatch(.key(.character("j")))
        #expect(r.state.reader?.article.id == "20260302-c1")
        let line = statusLine(r)
        #expect(line.contains("2026-03-02") && !line.contains("2026-03-09"), "the result's date: \(line)")
    }

    @Test("80x24 and 50 columns: ? help and q back show, the position whole")
    func narrow() throws {
        let r = AppRuntime(state: AppState(width: 80, height: 24), library: try SampleLibrary())
        r.start(isSample: true)
        var line = statusLine(r)
        #expect(line.contains("? help") && line.contains("q back"), "80 columns: \(line)")
        r.dispatch(.resize(width: 50, height: 24))
        line = statusLine(r)
        #expect(line.contains("1/3") && line.contains("? help"), "50 columns: \(line)")
    }

    @Test("a long paper name is shortened before the keys are dropped")
    func longPaperName() throws {
        let day = IssueDate("2026-03-09")!
        let issue = Issue(paper: "一份名字非常非常长的地方都市生活晨报", date: day, sections: [
            Section(name: "要闻", order: 1, page: "第01版", articles: [
                Article(id: "20260309-a1", title: "标题", paragraphs: ["正文。"]),
            ]),
        ])
        let r = AppRuntime(state: AppState(width: 100, height: 30), library: MemoryLibrary(issues: [issue]))
        r.start(isSample: false)
        let line = statusLine(r)
        #expect(line.contains("? help") && line.contains("q back"), "\(line)")
        #expect(line.contains("一份名…"), "the name is cut, not gone: \(line)")
    }
}
