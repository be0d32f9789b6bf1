import DubaoImport
import DubaoStore
import DubaoModel
import Testing

/// Pages far outside the usual: they import completely and losslessly. The time limit only
/// guards against a hang; speed is the benchmark's business.
@Suite("Importer: very large and very odd pages", .timeLimit(.minutes(2)))
struct LargeInputTests {
    static func han(_ count: Int, seed: UInt64) -> String {
        var state = seed
        var out = String.UnicodeScalarView()
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out.append(Unicode.Scalar(0x4E00 + UInt32(state >> 33) % 3000)!)
        }
        return String(out)
    }

    func importLossless(_ text: String) throws -> DubaoModel.Issue {
        let bytes = Array(text.utf8)
        let importer = Importer()
        let result = try importer.importPages([("big.txt", bytes)])
        #expect(Lossless.nonBlank(result.issue.sections) == Lossless.nonBlank(try importer.pageText(bytes)))
        return result.issue
    }

    @Test("a 6-million-character paragraph on one line (18 MB)")
    func oneHugeLine() throws {
        let issue = try importLossless("第01版：要闻\n\n一条很长的稿件\n\n本报讯（记者 甲）" + Self.han(6_000_000, seed: 1) + "。\n")
        #expect(issue.sections[0].articles[0].paragraphs.count == 1)
    }

    @Test("100,000 tiny paragraphs")
    func manyParagraphs() throws {
        var text = "第01版：要闻\n\n许多小段落\n\n本报讯（记者 甲）开头。\n\n"
        for i in 0..<100_000 { text += "短句\(i)。\n\n" }
        let issue = try importLossless(text)
        #expect(issue.sections[0].articles[0].paragraphs.count == 100_001)
    }

    @Test("a 5,000-character title line")
    func hugeTitle() throws {
        let issue = try importLossless("第01版：要闻\n\n" + Self.han(5_000, seed: 2) + "\n\n本报讯（记者 甲）正文。\n")
        #expect(issue.articleCount >= 1)
    }
}
