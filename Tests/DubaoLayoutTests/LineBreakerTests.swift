import Testing
@testable import DubaoLayout

/// The wrapped lines of `text`, as strings.
func wrap(_ text: String, _ width: Int, indent: String = "") -> [String] {
    LineBreaker(width: width, firstLineIndent: indent).lines(of: text).map(\.text)
}

@Suite struct LineBreakerTests {
    @Test func hanTextBreaksBetweenAnyTwoCharacters() {
        #expect(wrap("春风吹绿了江南岸", 6) == ["春风吹", "绿了江", "南岸"])
        #expect(wrap("春风吹绿了江南岸", 7) == ["春风吹", "绿了江", "南岸"])
        #expect(wrap("春风吹绿了江南岸", 100) == ["春风吹绿了江南岸"])
    }

    @Test func closingPunctuationNeverStartsALine() {
        // "我们到了" fills the line; "，" may not start the next, so "了" goes down with it.
        #expect(wrap("我们到了，天黑了", 8) == ["我们到", "了，天黑", "了"])
        #expect(wrap("大家都笑了。", 10) == ["大家都笑", "了。"])
        #expect(wrap("他说：“明天见”", 10) == ["他说：“明", "天见”"])
        #expect(wrap("一二三四、五", 8) == ["一二三", "四、五"])
    }

    @Test(arguments: Array("，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}%"))
    func noClosingMarkStartsALine(_ mark: Character) {
        let lines = wrap("春夏秋冬\(mark)东南西北", 8)
        #expect(lines.count > 1)
        for line in lines.dropFirst() { #expect(line.first != mark, "\(lines)") }
    }

    @Test(arguments: Array("（《「『【〔〈“‘([{"))
    func noOpeningMarkEndsALine(_ mark: Character) {
        let lines = wrap("春夏秋\(mark)东南西北", 7)
        #expect(lines.count > 1)
        for line in lines { #expect(line.last != mark, "\(lines)") }
    }

    @Test func openingPunctuationGoesDownWithWhatFollows() {
        #expect(wrap("他读完《红楼梦》", 8) == ["他读完", "《红楼", "梦》"])
        #expect(wrap("会议（扩大）召开", 6) == ["会议", "（扩", "大）召", "开"])
    }

    @Test func ellipsisAndDashAreNeverSplit() {
        #expect(wrap("他欲言又止……", 11) == ["他欲言又", "止……"])
        #expect(wrap("他欲言又止……", 12) == ["他欲言又止……"])
        #expect(wrap("远方——故乡", 9) == ["远方——故", "乡"])
        #expect(wrap("远方——故乡", 5) == ["远", "方——", "故乡"])
        let text = "心中想着……未来——还有过去……"
        for width in 2...20 {
            let lines = wrap(text, width)
            for (above, line) in zip(lines, lines.dropFirst()) {
                // A doubled mark is never split; and once there is room for it next to a character, it
                // does not start a line either.
                #expect(!(above.hasSuffix("…") && line.hasPrefix("…")), "\(width): \(lines)")
                #expect(!(above.hasSuffix("—") && line.hasPrefix("—")), "\(width): \(lines)")
                if width >= 4 { #expect(!line.hasPrefix("…") && !line.hasPrefix("—"), "\(width): \(lines)") }
            }
        }
        #expect(wrap(text, 3) == ["心", "中", "想", "着", "……", "未", "来", "——", "还", "有", "过", "去", "……"])
        #expect(wrap("……", 1) == ["…", "…"])
    }

    @Test func numbersAndLatinWordsStayWhole() {
        #expect(wrap("产量达到12.6万吨", 10) == ["产量达到", "12.6万吨"])
        #expect(wrap("同比增长9.2%以上", 9) == ["同比增长", "9.2%以上"])
        #expect(wrap("截至2023年底", 6) == ["截至", "2023年", "底"])
        #expect(wrap("下载App使用", 6) == ["下载", "App使", "用"])
        #expect(wrap("访问example.com/news获取", 12) == ["访问", "example.com/", "news获取"])
    }

    @Test func anOrdinalStaysWithItsNumber() {
        // `第` then `02版` would read as a stray character and a page number.
        #expect(wrap("每版一个版面（第01版、第02版）", 24) == ["每版一个版面（第01版、", "第02版）"])
        #expect(wrap("位列第3名", 6) == ["位列", "第3名"])
        // Before a Chinese numeral it is a character like any other.
        #expect(wrap("排名第三", 6) == ["排名第", "三"])
    }

    @Test func aUnitStaysWithItsNumberWhenPunctuationPullsItDown() {
        // "，" may not start a line; pulling down only "吨" would leave "12.6万" split from it.
        #expect(wrap("货运量达到12.6万吨，比去年多", 19) == ["货运量达到", "12.6万吨，比去年多"])
        #expect(wrap("开工于2022年，至今", 13) == ["开工于", "2022年，至今"])
        #expect(wrap("我们在2023年党建工作中", 11) == ["我们在", "2023年党建", "工作中"])
        #expect(wrap("会议于3月24日召开", 8) == ["会议于", "3月24日", "召开"])
        #expect(wrap("降雪量2至4毫米，气温", 12) == ["降雪量2至", "4毫米，气温"])
        // A unit binds only right after its number: "年底" is free to break.
        #expect(wrap("截至2023年底", 8) == ["截至", "2023年底"])
        #expect(wrap("今年产量增长", 6) == ["今年产", "量增长"])
        // Too long for any line: the run breaks where it must.
        #expect(wrap("12.6万吨", 6) == ["12.6万", "吨"])
    }

    @Test func runsLongerThanTheLineBreakAnywhere() {
        #expect(wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"])
        #expect(wrap("网址https://example.org/abc", 10) == ["网址", "https://ex", "ample.org/", "abc"])
        #expect(wrap("1234567890123", 5) == ["12345", "67890", "123"])
    }

    @Test func latinTextBreaksAtSpacesAndDropsThem() {
        #expect(wrap("the quick brown fox", 10) == ["the quick", "brown fox"])
        #expect(wrap("the quick brown fox", 9) == ["the quick", "brown fox"])
        #expect(wrap("a  b", 1) == ["a", "b"])
        #expect(wrap("使用 Python 编程", 8) == ["使用", "Python", "编程"])
    }

    @Test func ideographicSpaceIsABreakableSpace() {
        #expect(wrap("本报讯\u{3000}记者王明", 8) == ["本报讯", "记者王明"])
        #expect(wrap("\u{3000}\u{3000}开头", 100) == ["\u{3000}\u{3000}开头"])
    }

    @Test func firstLineIndent() {
        let indent = "\u{3000}\u{3000}"
        #expect(wrap("今天天气很好我们去公园", 12, indent: indent) == ["\u{3000}\u{3000}今天天气", "很好我们去公", "园"])
        #expect(wrap("今天", 6, indent: indent) == ["\u{3000}\u{3000}今", "天"])
        // Too narrow for the indent and a wide character after it: the indent is left out.
        #expect(wrap("今天", 5, indent: indent) == ["今天"])
        let lines = LineBreaker(width: 12, firstLineIndent: indent).lines(of: "今天天气很好")
        #expect(lines[0].width == 12)
        #expect(lines[0].sourceRange == 0..<12)
    }

    @Test func wideCharactersNeverExceedTheWidth() {
        #expect(wrap("中文", 1) == ["\u{FFFD}", "\u{FFFD}"])
        #expect(wrap("a中b", 1) == ["a", "\u{FFFD}", "b"])
        #expect(wrap("中文", 2) == ["中", "文"])
        #expect(wrap("中文", 3) == ["中", "文"])
        #expect(wrap("中a文", 3) == ["中a", "文"])
        #expect(wrap("😀😀😀", 5) == ["😀😀", "😀"])
        let lines = LineBreaker(width: 1).lines(of: "中")
        #expect(lines == [LineBreaker.Line(text: "\u{FFFD}", width: 1, sourceRange: 0..<3)])
    }

    @Test func narrowWidthsStillMakeProgress() {
        #expect(wrap("中文，", 2) == ["中", "文", "，"])
        #expect(wrap("。。。。。", 4) == ["。。", "。。", "。"])
        #expect(wrap("（（（（", 4) == ["（（", "（（"])
        #expect(wrap("……", 1) == ["…", "…"])
        #expect(wrap("你好", 0).isEmpty)
        #expect(wrap("你好", -3).isEmpty)
    }

    @Test func emptyAndBlankText() {
        #expect(wrap("", 10).isEmpty)
        #expect(wrap("   ", 10) == [""])
        #expect(wrap("     中", 2) == ["", "中"])
    }

    @Test func combiningMarksStayWithTheirBase() {
        #expect(wrap("cafe\u{301}s", 4) == ["cafe\u{301}", "s"])
        #expect(wrap("中\u{301}文", 2) == ["中\u{301}", "文"])
        #expect(wrap("\u{301}中", 2) == ["\u{301}中"])
    }

    @Test func lineFeedsEndLines() {
        #expect(wrap("甲\n\n乙", 10) == ["甲", "", "乙"])
        #expect(wrap("甲\n", 10) == ["甲", ""])
        let lines = LineBreaker(width: 10).lines(of: "甲\n乙")
        #expect(lines.map(\.sourceRange) == [0..<3, 4..<7])
    }

    @Test func sourceRangesPointAtTheText() {
        let text = "全年粮食产量达到6.9亿吨，比上年增长1.3%。"
        let lines = LineBreaker(width: 10).lines(of: text)
        let utf8 = Array(text.utf8)
        for line in lines {
            #expect(String(decoding: utf8[line.sourceRange], as: UTF8.self) == line.text)
            #expect(DisplayWidth.of(line.text) == line.width)
        }
        #expect(lines.first?.sourceRange.lowerBound == 0)
        #expect(lines.last?.sourceRange.upperBound == utf8.count)
    }
}

@Suite("Line breaker: fuzz regressions")
struct LineBreakerFuzzRegressionTests {
    /// Found by Scripts/fuzz.sh: a combining mark on a space that hung past the end of the line
    /// made the line one cell too wide.
    @Test func combiningMarkOnHangingSpace() {
        let lines = LineBreaker(width: 6, firstLineIndent: "\u{3000}\u{3000}").lines(of: "]; \u{0742}")
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.width <= 6 && DisplayWidth.of(line.text) <= 6, "\(line)") }
    }
}
