import DubaoImport
import DubaoStore
import DubaoModel
import DubaoTerminal
import DubaoRuntime
import DubaoUI
import Testing

/// A title with half-width punctuation reads the same in the list, the reader's title row and
/// the headline block: all full-width when `normalize_punctuation` is on, all as printed when off.
@Suite("Titles: punctuation shown the same everywhere")
struct TitlePunctuationTests {
    static let issue = Issue(paper: "河湾日报", date: IssueDate("2026-05-04")!, sections: [
        Section(name: "民生", order: 1, page: "第02版", articles: [
            Article(id: "20260504-p1", kicker: "聚焦社区:", title: "帮(扶)老人计划启动", dateline: "本报讯",
                    paragraphs: ["街道为独居老人建立了帮扶台账。"]),
        ]),
    ])

    static func rows(normalizing: Bool) -> [String] {
        let settings = ReaderSettings(normalizesPunctuation: normalizing)
        let r = AppRuntime(state: AppState(width: 120, height: 20, settings: settings), library: MemoryLibrary(issues: [issue]))
        r.start(isSample: false)
        let grid = Screen.render(r.state)
        return (0..<grid.height).map { grid.row($0) }
    }

    @Test func fullWidthEverywhereWhenNormalizing() {
        let rows = Self.rows(normalizing: true)
        let shown = rows.filter { $0.contains("帮（扶）老人") }
        #expect(shown.count == 3, "the list row, the reader's title row and the headline: \(rows)")
        #expect(!rows.contains { $0.contains("帮(扶)") }, "\(rows)")
        #expect(rows.contains { $0.contains("聚焦社区：") })
        #expect(!rows.contains { $0.contains("聚焦社区:") })
    }

    @Test func asPrintedWhenNot() {
        let rows = Self.rows(normalizing: false)
        #expect(rows.filter { $0.contains("帮(扶)老人") }.count == 3, "\(rows)")
        #expect(!rows.contains { $0.contains("（扶）") })
    }
}
