import DubaoTestSupport
import Testing
@testable import DubaoLayout

@Suite struct DisplaySanitizerTests {
    func clean(_ text: String) -> String { DisplaySanitizer.sanitize(text) }

    @Test func plainTextComesBackUnchanged() {
        let text = "春耕时节，田间地头一片忙碌。Farmers use App 2.0 for 12.6% more yield."
        #expect(clean(text) == text)
        #expect(!DisplaySanitizer.needsSanitizing(text))
        #expect(clean("") == "")
        #expect(clean("e\u{301}\u{200B}中") == "e\u{301}\u{200B}中")
    }

    @Test func escapeSequencesAreRemovedWhole() {
        #expect(clean("红\u{1B}[1;31m色\u{1B}[0m字") == "红色字")
        #expect(clean("\u{1B}]0;窗口标题\u{07}正文") == "正文")
        #expect(clean("\u{1B}]8;;http://x.cn\u{1B}\\链接\u{1B}]8;;\u{1B}\\") == "链接")
        #expect(clean("a\u{1B}(Bb") == "ab")
        #expect(clean("a\u{1B}cb") == "ab")
        #expect(clean("a\u{9B}2Jb") == "ab")
        #expect(clean("a\u{1B}Pq#0;2;0;0;0\u{1B}\\b") == "ab")
    }

    @Test func brokenEscapeSequencesKeepTheTextAfterThem() {
        #expect(clean("报\u{1B}[12中国") == "报中国")
        #expect(clean("报\u{1B}中国") == "报中国")
        #expect(clean("\u{1B}") == "")
        #expect(clean("\u{1B}[") == "")
        #expect(clean("\u{1B}\u{1B}[mA") == "A")
        #expect(clean("\u{1B}]2;没有结束\n下一行") == " 下一行")
    }

    @Test func controlCharactersAreRemovedAndTabsBecomeSpaces() {
        #expect(clean("a\u{0}b\u{7}c\u{8}d\u{7F}e\u{85}f\u{9C}g") == "abcdefg")
        #expect(clean("列1\t列2") == "列1 列2")
        #expect(clean("上\n下") == "上 下")
        #expect(clean("上\r\n下\r左") == "上 下 左")
        #expect(DisplaySanitizer.sanitize("上\r\n下\r左\n", keepingNewlines: true) == "上\n下\n左\n")
        #expect(!DisplaySanitizer.needsSanitizing("上\n下", keepingNewlines: true))
    }

    @Test func bidiControlsAreRemoved() {
        let text = "\u{202E}反转\u{202C}\u{2066}隔离\u{2069}\u{200F}\u{061C}"
        #expect(clean(text) == "反转隔离")
    }

    @Test func emojiJoinersAndPresentationSelectorsAreRemoved() {
        #expect(clean("👨\u{200D}👩\u{200D}👧") == "👨👩👧")
        #expect(clean("❤\u{FE0F}") == "❤")
        #expect(DisplayWidth.of(clean("❤\u{FE0F}")) == 1)
        // Other variation selectors pick Han glyph variants and are harmless.
        #expect(clean("葛\u{E0100}") == "葛\u{E0100}")
    }

    @Test func unprintableCodePointsBecomeReplacementCharacters() {
        #expect(clean("a\u{378}b\u{FFFF}c") == "a\u{FFFD}b\u{FFFD}c")
        #expect(clean("\u{FFFD}") == "\u{FFFD}")
    }

    @Test func everyScalarOfTheResultIsPrintable() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let text = RandomText.anything(length: 60, using: &generator)
            let cleaned = clean(text)
            for scalar in cleaned.unicodeScalars {
                #expect(DisplayWidth.isPrintable(scalar), "U+\(String(scalar.value, radix: 16)) left in")
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
            }
            #expect(clean(cleaned) == cleaned)
        }
    }

    @Test func offsetsPointBackIntoTheSource() {
        let text = "a\u{1B}[1m中\tb"
        let (scalars, offsets) = DisplaySanitizer.scalarsWithSourceOffsets(of: text)
        #expect(String(String.UnicodeScalarView(scalars)) == "a中 b")
        #expect(offsets == [0, 5, 8, 9, 10])
    }
}
