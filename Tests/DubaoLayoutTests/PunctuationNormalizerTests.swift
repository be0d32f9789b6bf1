import DubaoTestSupport
import Testing
import DubaoLayout

@Suite struct PunctuationNormalizerTests {
    func normalize(_ text: String) -> String { PunctuationNormalizer.normalize(text) }

    @Test func halfWidthMarksInChineseBecomeFullWidth() {
        #expect(normalize("他说:好,我们走吧!") == "他说：好，我们走吧！")
        #expect(normalize("真的吗?是的;当然") == "真的吗？是的；当然")
        #expect(normalize("增长9.2%,高于预期") == "增长9.2%，高于预期")
        #expect(normalize("达到300,而去年") == "达到300，而去年")
    }

    @Test func bracketsConvertInPairs() {
        #expect(normalize("(记者王明 李华)") == "（记者王明 李华）")
        #expect(normalize("国内生产总值(GDP)增长") == "国内生产总值（GDP）增长")
        #expect(normalize("函数f(x)很简单") == "函数f(x)很简单")
        #expect(normalize("(1)改革") == "(1)改革")
        #expect(normalize("见附件)") == "见附件）")
    }

    @Test func numbersAndLatinTextAreLeftAlone() {
        #expect(normalize("共3,600人") == "共3,600人")
        #expect(normalize("时间:12:30") == "时间：12:30")
        #expect(normalize("比分3:0获胜") == "比分3:0获胜")
        #expect(normalize("Hello, world (again)!") == "Hello, world (again)!")
        #expect(normalize("") == "")
    }

    @Test func scalarCountNeverChanges() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            let text = RandomText.printable(length: 40, using: &generator)
            #expect(normalize(text).unicodeScalars.count == text.unicodeScalars.count)
        }
    }

    @Test("a range of the text moves with it: the same characters are marked before and after")
    func keepsARange() {
        let text = "据悉,今年(一季度)调解案件3,600件"
        let utf8 = Array(text.utf8)
        for (start, end) in [(0, 6), (6, 7), (7, 13), (13, 14), (14, 23), (utf8.count - 3, utf8.count), (0, utf8.count)] {
            let marked = String(decoding: utf8[start..<end], as: UTF8.self)
            let (normalized, range) = PunctuationNormalizer.normalize(text, keeping: start..<end)
            #expect(normalized == PunctuationNormalizer.normalize(text))
            let moved = String(decoding: Array(normalized.utf8)[range], as: UTF8.self)
            // The same scalars by position: as many as were marked, starting where they started.
            let first = String(decoding: utf8[..<start], as: UTF8.self).unicodeScalars.count
            let expected = Array(normalized.unicodeScalars)[first..<(first + marked.unicodeScalars.count)]
            #expect(Array(moved.unicodeScalars) == Array(expected), "\(marked) → \(moved)")
        }
        #expect(PunctuationNormalizer.normalize("abc", keeping: 1..<2) == ("abc", 1..<2))
    }
}
