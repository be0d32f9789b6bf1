import DubaoCore
import DubaoModel
import Foundation
import Testing

/// Inputs the fuzzers (Scripts/fuzz.sh) found, each kept as a test once fixed.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    func expectLossless(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> DubaoModel.Issue {
        let importer = Importer()
        let result = try importer.importPages([("fuzz.txt", bytes)])
        #expect(Lossless.nonBlank(result.issue.sections) == Lossless.nonBlank(try importer.pageText(bytes)),
                sourceLocation: sourceLocation)
        return result.issue
    }

    @Test("text after a 责任编辑 footer is not glued to the article above it (order is kept)")
    func textAfterFooter() throws {
        let bytes = Array("第02版：经济\n\n一条标题\n\n本报讯（记者 甲）正文一段。\n\n责任编辑:乙\n又一段没有标题的文字。\n\n责任编辑:乙\n".utf8)
        let issue = try expectLossless(bytes)
        let articles = issue.sections[0].articles
        #expect(articles.count == 2)
        #expect(articles[0].paragraphs == ["正文一段。"])
    }

    @Test("a byline above a 本报讯 lead: the lead stays text, so the page's order is kept")
    func bylineAboveLead() throws {
        let bytes = Array("第02版：经济\n\n镇上年货大集开市\n\n□本报记者 甲\n\n本报讯(记者乙)今天开市，摊位摆满了街。\n".utf8)
        let issue = try expectLossless(bytes)
        let article = try #require(issue.sections.first?.articles.first)
        #expect(article.credit == "□本报记者 甲")
        #expect(article.dateline.isEmpty)
        #expect(article.paragraphs == ["本报讯(记者乙)今天开市，摊位摆满了街。"])
    }
}
