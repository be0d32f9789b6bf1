import DubaoCore
import Foundation
import Testing

@Suite("Importer: control characters and escape sequences never reach the store")
struct ContentCleaningTests {
    func page(_ body: String) throws -> (String, [String]) {
        let text = "第01版：要闻\n\n一条标题\n\n本报讯（记者 甲）\(body)\n"
        let result = try Importer().importPages([("p.txt", Array(text.utf8))])
        return (result.issue.sections[0].articles[0].paragraphs.joined(), result.warnings.map(\.message))
    }

    @Test("escape sequences, C0 and C1 controls, bidi overrides and stray BOMs are removed, with a count")
    func hostile() throws {
        let (text, warnings) = try page("正文\u{1B}]0;标题\u{07}开始\u{1B}[2J，\u{202E}反向\u{202C}\u{0085}\u{FEFF}结束。\u{0000}")
        #expect(text == "正文开始，反向结束。")
        #expect(warnings.contains { $0.contains("control character") })
    }

    @Test("ordinary punctuation, quotes, dashes and ellipses are left alone, without a warning")
    func ordinary() throws {
        let body = "他说：“今年的雪下得早……”——这是第一场雪，温度-6℃，9.2%。"
        let (text, warnings) = try page(body)
        #expect(text == body)
        #expect(!warnings.contains { $0.contains("control character") })
    }
}
