import DubaoTestSupport
import Testing
import DubaoLayout

@Suite struct TruncationTests {
    @Test func textThatFitsIsUnchanged() {
        #expect(Truncation.truncate("两会召开", toWidth: 8) == "两会召开")
        #expect(Truncation.truncate("", toWidth: 3) == "")
        #expect("春天".truncated(toWidth: 10) == "春天")
    }

    @Test func longTextEndsWithAnEllipsis() {
        #expect(Truncation.truncate("两会今日召开", toWidth: 9) == "两会今日…")
        #expect(Truncation.truncate("Hello world", toWidth: 6) == "Hello…")
        #expect(Truncation.truncate("a中文", toWidth: 4) == "a中…")
    }

    @Test func aWideCharacterStraddlingTheLimitBecomesAPad() {
        #expect(Truncation.truncate("两会今日召开", toWidth: 8) == "两会今… ")
        #expect(DisplayWidth.of(Truncation.truncate("两会今日召开", toWidth: 8)) == 8)
        #expect(Truncation.clip("两会今日", toWidth: 5) == "两会 ")
        #expect(Truncation.clip("两会今日", toWidth: 1) == " ")
    }

    @Test func tinyWidths() {
        #expect(Truncation.truncate("两会", toWidth: 0) == "")
        #expect(Truncation.truncate("两会", toWidth: -1) == "")
        #expect(Truncation.truncate("两会", toWidth: 1) == "…")
        #expect(Truncation.truncate("两会", toWidth: 2) == "两会".truncated(toWidth: 2))
        #expect(Truncation.truncate("两会", toWidth: 2) == "… ")
        #expect(Truncation.truncate("两会", toWidth: 3) == "两…")
        #expect(Truncation.truncate("两会", toWidth: 1, ellipsis: "……") == " ")
    }

    @Test func combiningMarksStayWithTheirBase() {
        #expect(Truncation.truncate("cafe\u{301}s and more", toWidth: 5) == "cafe\u{301}…")
        #expect(Truncation.clip("e\u{301}x", toWidth: 1) == "e\u{301}")
    }

    @Test func paddingAndFitting() {
        #expect(Truncation.pad("中", toWidth: 4) == "中  ")
        #expect("中文".padded(toWidth: 3) == "中文")
        #expect("中文".padded(toWidth: 2) == "中文")
        #expect(Truncation.fit("中", toWidth: 5) == "中   ")
        #expect(Truncation.fit("中华人民共和国", toWidth: 6) == "中华… ")
        #expect("中文".displayWidth == 4)
    }

    @Test func resultsAreNeverWiderThanAsked() {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<1000 {
            let text = RandomText.printable(length: Int.random(in: 0..<30, using: &generator), using: &generator)
            let width = Int.random(in: 0...20, using: &generator)
            let truncated = Truncation.truncate(text, toWidth: width)
            #expect(DisplayWidth.of(truncated) <= width)
            if DisplayWidth.of(text) > width {
                #expect(DisplayWidth.of(truncated) == width)
            }
            #expect(DisplayWidth.of(Truncation.fit(text, toWidth: width)) == max(0, width))
        }
    }
}
