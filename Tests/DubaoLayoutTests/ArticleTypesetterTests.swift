import DubaoTestSupport
import Testing
import DubaoModel
@testable import DubaoLayout

@Suite struct ArticleTypesetterTests {
    /// A made-up article with every field filled.
    static let article = Article(
        id: "20240305-0000000001",
        kicker: "春耕时节访田间",
        title: "北方农田迎来播种好时机",
        subtitle: "——各地抢抓农时推进机械化作业",
        continuedFrom: "（上接第1版）",
        dateline: "本报讯",
        credit: "(记者 王明 李华)",
        reporters: ["王明", "李华"],
        paragraphs: [
            "连日来,北方多地气温回升,农民们趁着晴好天气下田整地。",
            "据统计,今年全省计划播种面积达到2300万亩,比上年增加1.5%。",
        ],
        captions: [Caption(text: "图为农民在田间驾驶播种机作业。", afterParagraph: 1)],
        continuation: "（下转第3版）"
    )

    @Test func headlineBylineBodyCaptionAndContinuationInOrder() {
        let lines = ArticleTypesetter().typeset(Self.article, width: 80)
        #expect(lines.map(\.style) == [
            .kicker, .title, .subtitle, .blank,
            .continuedFrom, .byline, .blank,
            .body, .blank,
            .caption, .blank,
            .body, .blank,
            .continuation,
        ])
        #expect(lines[5].text == "本报讯（记者 王明 李华）")
        #expect(lines[7].text == "\u{3000}\u{3000}连日来，北方多地气温回升，农民们趁着晴好天气下田整地。")
        #expect(lines[9].text == "图｜图为农民在田间驾驶播种机作业。")
        #expect(lines[11].paragraph == 1)
        #expect(lines[9].origin == .caption(0))
        #expect(lines[13].text == "（下转第3版）")
    }

    @Test func theBlockIsCentredAndHeadlinesWithinIt() {
        let lines = ArticleTypesetter(measure: 40).typeset(Self.article, width: 60)
        let body = lines.filter { $0.style == .body }
        #expect(body.allSatisfy { $0.leftOffset == 10 })
        let title = lines.first { $0.style == .title }!
        #expect(title.leftOffset == 10 + (40 - title.width) / 2)
        let continuation = lines.last!
        #expect(continuation.leftOffset + continuation.width == 50)
    }

    @Test func paragraphsWrapAtTheMeasureWithTheirIndent() {
        let lines = ArticleTypesetter(measure: 20).typeset(Self.article, width: 100)
        let first = lines.filter { $0.paragraph == 0 }
        #expect(first.count > 1)
        #expect(first[0].text.hasPrefix("\u{3000}\u{3000}"))
        #expect(!first[1].text.hasPrefix("\u{3000}"))
        #expect(first.allSatisfy { $0.width <= 20 })
        // The paragraph's ranges run through the raw text, which still has its half-width commas.
        let raw = Array(Self.article.paragraphs[0].utf8)
        #expect(first.first?.sourceRange.lowerBound == 0)
        #expect(first.last?.sourceRange.upperBound == raw.count)
        let rawFirstLine = String(decoding: raw[first[0].sourceRange], as: UTF8.self)
        #expect(rawFirstLine == "连日来,北方多地")
    }

    @Test func punctuationNormalisingCanBeTurnedOff() {
        let lines = ArticleTypesetter(normalizesPunctuation: false).typeset(Self.article, width: 80)
        #expect(lines.contains { $0.text == "本报讯(记者 王明 李华)" })
    }

    @Test func bylineJoinsDatelineAndCredit() {
        var article = Article(dateline: "新华社北京3月5日电", credit: "记者李华")
        #expect(ArticleTypesetter.byline(of: article) == "新华社北京3月5日电\u{3000}记者李华")
        article.credit = "（记者李华）"
        #expect(ArticleTypesetter.byline(of: article) == "新华社北京3月5日电（记者李华）")
        article.dateline = ""
        #expect(ArticleTypesetter.byline(of: article) == "（记者李华）")
    }

    @Test func headlineOnlyArticleHasNoBlankLinesAfterIt() {
        let lines = ArticleTypesetter().typeset(Article(title: "简讯"), width: 30)
        #expect(lines.map(\.text) == ["简讯"])
        #expect(lines[0].leftOffset == 13)
        #expect(ArticleTypesetter().typeset(Article(), width: 30).isEmpty)
    }

    @Test func captionsBeforeTheFirstParagraphAndAfterTheLast() {
        let article = Article(
            title: "题", paragraphs: ["甲段。"],
            captions: [Caption(text: "上图", afterParagraph: 0), Caption(text: "下图", afterParagraph: 1),
                       Caption(text: "多余", afterParagraph: 9)])
        let texts = ArticleTypesetter(captionPrefix: "").typeset(article, width: 20).map(\.text)
        #expect(texts == ["题", "", "上图", "", "\u{3000}\u{3000}甲段。", "", "下图", "", "多余"])
    }

    @Test func controlCharactersNeverReachTheLines() {
        let article = Article(title: "标\u{1B}[31m题\u{7}", paragraphs: ["正\u{202E}文\t内容\n第二行"])
        let lines = ArticleTypesetter().typeset(article, width: 40)
        #expect(lines.map(\.text) == ["标题", "", "\u{3000}\u{3000}正文 内容 第二行"])
        #expect(lines[0].sourceRange == 0..<article.title.utf8.count)
    }

    @Test func narrowPanes() {
        for width in 1...6 {
            let lines = ArticleTypesetter().typeset(Self.article, width: width)
            #expect(!lines.isEmpty)
            for line in lines {
                #expect(line.leftOffset >= 0 && line.leftOffset + line.width <= width, "\(width): \(line)")
            }
        }
        #expect(ArticleTypesetter().typeset(Self.article, width: 0).isEmpty)
    }

    @Test func positionIsFoundAgainAfterRelayout() {
        let wide = ArticleTypesetter().typeset(Self.article, width: 80)
        let narrow = ArticleTypesetter().typeset(Self.article, width: 16)
        let offset = 40
        let index = narrow.lineIndex(paragraph: 1, utf8Offset: offset)!
        #expect(narrow[index].paragraph == 1 && narrow[index].sourceRange.contains(offset))
        #expect(wide[wide.lineIndex(paragraph: 1, utf8Offset: offset)!].paragraph == 1)
        #expect(narrow.lineIndex(paragraph: 1, utf8Offset: 10_000).map { narrow[$0].paragraph } == 1)
        #expect(narrow.lineIndex(paragraph: 7, utf8Offset: 0).map { narrow[$0].paragraph } == 1)
    }

    @Test func randomArticlesNeverOverflow() {
        var generator = SeededGenerator(seed: 31)
        func text(_ length: Int) -> String {
            RandomText.anything(length: Int.random(in: 0...length, using: &generator), using: &generator)
        }
        for round in 0..<300 {
            let paragraphs = (0..<Int.random(in: 0...4, using: &generator)).map { _ in text(120) }
            let article = Article(
                kicker: text(20), title: text(40), subtitle: text(30), continuedFrom: text(8),
                dateline: text(10), credit: text(12), paragraphs: paragraphs,
                captions: [Caption(text: text(30), afterParagraph: Int.random(in: 0...3, using: &generator))],
                continuation: text(8))
            let width = Int.random(in: 1...100, using: &generator)
            let measure = Int.random(in: 1...90, using: &generator)
            let lines = ArticleTypesetter(measure: measure).typeset(article, width: width)
            for line in lines {
                #expect(line.leftOffset >= 0, "round \(round)")
                #expect(line.leftOffset + line.width <= width, "round \(round): \(line)")
                #expect(DisplayWidth.of(line.text) == line.width, "round \(round): \(line)")
                #expect(!DisplaySanitizer.needsSanitizing(line.text), "round \(round): \(line)")
            }
            // No two blank lines in a row, none first or last.
            #expect(lines.first?.style != .blank && lines.last?.style != .blank)
            for (a, b) in zip(lines, lines.dropFirst()) { #expect(!(a.style == .blank && b.style == .blank)) }
        }
    }
}

@Suite struct ArticleTypesetterSpeedTests {
    /// Speed is the benchmark's business (issue 6); this checks a megabyte sets completely.
    @Test func aMegabyteArticleTypesets() {
        var generator = SeededGenerator(seed: 3)
        var paragraphs: [String] = []
        var size = 0
        while size < 1_000_000 {
            let paragraph = RandomText.printable(length: Int.random(in: 20...400, using: &generator), using: &generator)
            size += paragraph.utf8.count
            paragraphs.append(paragraph)
        }
        let article = Article(title: "长文测试", paragraphs: paragraphs)
        let lines = ArticleTypesetter().typeset(article, width: 100)
        #expect(lines.count > paragraphs.count)
        #expect(lines.allSatisfy { $0.leftOffset + $0.width <= 100 })
    }
}
