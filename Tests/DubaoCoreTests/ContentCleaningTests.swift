import DubaoImport
import DubaoStore
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

    @Test("every removable scalar is found wherever it stands, the last place of the page too")
    func everyRemovableScalar() throws {
        let removable: [UInt32] = Array(0x01...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + [0x7F] + Array(0x80...0x9F)
            + [0x061C, 0x200E, 0x200F] + Array(0x202A...0x202E) + Array(0x2066...0x2069) + [0xFEFF]
        for v in removable {
            let s = String(Unicode.Scalar(v)!)
            let (middle, _) = try page("开头\(s)结尾。")
            #expect(middle == "开头结尾。", "U+\(String(v, radix: 16)) in the middle")
            // The scan steps a whole scalar at a time: after scalars of every length, too.
            let (afterMixed, _) = try page("a¥é—😀，\(s)尾。")
            #expect(afterMixed == "a¥é—😀，尾。", "U+\(String(v, radix: 16)) after scalars of one to four bytes")
            // Last in the file: the byte scan must not stop short of a scalar's final byte.
            let text = "第01版：要闻\n\n一条标题\n\n本报讯（记者 甲）正文。\(s)"
            let result = try Importer().importPages([("p.txt", Array(text.utf8))])
            #expect(result.issue.sections[0].articles[0].paragraphs.joined() == "正文。", "U+\(String(v, radix: 16)) at the end")
        }
    }
}
