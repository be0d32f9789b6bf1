import Testing
import DubaoModel
@testable import DubaoLayout

/// The article as plain text (copy, pager) and as Markdown (save).
@Suite struct ArticleExportTextTests {
    static let article = ArticleTypesetterTests.article

    @Test("plain text: the headline lines, the byline, each paragraph and caption on one line, a blank line between")
    func plainTextBlocks() {
        #expect(ArticlePlainText.text(of: Self.article) == """
            春耕时节访田间
            北方农田迎来播种好时机
            ——各地抢抓农时推进机械化作业

            （上接第1版）
            本报讯(记者 王明 李华)

            连日来,北方多地气温回升,农民们趁着晴好天气下田整地。

            图｜图为农民在田间驾驶播种机作业。

            据统计,今年全省计划播种面积达到2300万亩,比上年增加1.5%。

            （下转第3版）
            """)
    }

    @Test("plain text: empty fields leave no blank lines; a long paragraph stays one line")
    func plainTextSparse() {
        let long = String(repeating: "江城港货物吞吐量同比增长。", count: 40)
        let article = Article(title: "标题", dateline: "本报讯", paragraphs: [long, "第二段。"])
        #expect(ArticlePlainText.text(of: article) == "标题\n\n本报讯\n\n\(long)\n\n第二段。")
        #expect(ArticlePlainText.text(of: Article(paragraphs: ["只有一段。"])) == "只有一段。")
    }

    @Test("plain text: no control character, escape sequence or line break from the article survives")
    func plainTextSanitized() {
        let article = Article(title: "标题\u{1B}]0;pwned\u{07}", paragraphs: ["一段\u{1B}[2J文字\n接着\u{9B}31m", "\u{202E}反转"])
        let text = ArticlePlainText.text(of: article)
        #expect(text == "标题\n\n一段文字 接着\n\n反转")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    }

    @Test("Markdown: kicker, # title, subtitle, byline, paragraphs, captions, continuation, then where it was printed")
    func markdownDocument() {
        #expect(ArticleMarkdown.document(of: Self.article, source: "江城晨报 2024-03-05 01 要闻") == """
            *春耕时节访田间*

            # 北方农田迎来播种好时机

            *——各地抢抓农时推进机械化作业*

            （上接第1版）\\
            本报讯(记者 王明 李华)

            连日来,北方多地气温回升,农民们趁着晴好天气下田整地。

            *图｜图为农民在田间驾驶播种机作业。*

            据统计,今年全省计划播种面积达到2300万亩,比上年增加1.5%。

            （下转第3版）

            ---

            江城晨报 2024-03-05 01 要闻

            """)
    }

    @Test("Markdown: text that looks like markup is escaped; a kicker alone is the heading")
    func markdownEscapes() {
        let article = Article(kicker: "引题*强调*", paragraphs: ["# 不是标题", "- 不是列表", "2026. 不是编号", "a_b [链接](x) <b> C#"])
        #expect(ArticleMarkdown.document(of: article, source: "") == """
            # 引题\\*强调\\*

            \\# 不是标题

            \\- 不是列表

            2026\\. 不是编号

            a\\_b \\[链接\\](x) \\<b\\> C#

            """)
    }
}
