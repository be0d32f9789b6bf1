import DubaoTerminal
import DubaoUI
import Testing
import DubaoSettings

@Suite struct KeySpecTests {
    /// Every key event that is not a mouse event or a resize, as far as they can be listed:
    /// every printable ASCII character, some Chinese ones, Ctrl with every letter, every named key.
    static let keys: [KeyEvent] = {
        var keys: [KeyEvent] = (0x20...0x7E).map { .character(Character(Unicode.Scalar($0)!)) }
        keys += ["中", "读", "报", "，", "。", "ａ", "é", "ß", "й"].map { .character($0) }
        keys += "abcdefghijklmnopqrstuvwxyz".map { .control($0) }
        keys += [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
                 .enter, .tab, .backTab, .escape, .backspace, .delete]
        keys += (1...12).map { .function($0) }
        return keys
    }()

    @Test func everyKeyRoundTripsThroughItsDescription() {
        for key in Self.keys {
            #expect(KeySpec.parse(key.description) == key, "\(key.description)")
        }
        #expect(Set(Self.keys.map(\.description)).count == Self.keys.count, "two keys share a name")
    }

    @Test func theDocumentedSpellings() {
        #expect(KeySpec.parse("j") == .character("j"))
        #expect(KeySpec.parse("J") == .character("J"))
        #expect(KeySpec.parse("?") == .character("?"))
        #expect(KeySpec.parse("[") == .character("["))
        #expect(KeySpec.parse("<") == .character("<"))
        #expect(KeySpec.parse("中") == .character("中"))
        #expect(KeySpec.parse("C-d") == .control("d"))
        #expect(KeySpec.parse("S-Tab") == .backTab)
        #expect(KeySpec.parse("Tab") == .tab)
        #expect(KeySpec.parse("Enter") == .enter)
        #expect(KeySpec.parse("Esc") == .escape)
        #expect(KeySpec.parse("Space") == .character(" "))
        #expect(KeySpec.parse("BS") == .backspace)
        #expect(KeySpec.parse("Del") == .delete)
        #expect(KeySpec.parse("PgUp") == .pageUp)
        #expect(KeySpec.parse("PgDn") == .pageDown)
        #expect(KeySpec.parse("Home") == .home)
        #expect(KeySpec.parse("End") == .end)
        #expect(KeySpec.parse("F1") == .function(1))
        #expect(KeySpec.parse("F12") == .function(12))
    }

    @Test func namesAreCaseInsensitiveAndHaveLongForms() {
        #expect(KeySpec.parse("pgdn") == .pageDown)
        #expect(KeySpec.parse("ENTER") == .enter)
        #expect(KeySpec.parse("Return") == .enter)
        #expect(KeySpec.parse("Escape") == .escape)
        #expect(KeySpec.parse("Backspace") == .backspace)
        #expect(KeySpec.parse("Delete") == .delete)
        #expect(KeySpec.parse("PageDown") == .pageDown)
        #expect(KeySpec.parse("s-tab") == .backTab)
        #expect(KeySpec.parse("C-D") == .control("d"))
        #expect(KeySpec.parse("f5") == .function(5))
        #expect(KeySpec.parse(" ") == .character(" "))
    }

    @Test func whatIsNotAKey() {
        for spec in ["", "jj", "F0", "F13", "F01", "C-", "C-1", "C-dd", "C-中", "M-x", "A-x", "Ctrl-d", "PgDown", "\t", "\n", "\u{7}", "\u{200B}"] {
            #expect(KeySpec.parse(spec) == nil, "\(spec.debugDescription)")
        }
    }

    @Test func problemsSayWhatToWrite() {
        #expect(KeySpec.problem(with: "F13").description.contains("function keys are F1–F12"))
        #expect(KeySpec.problem(with: "C-1").description.contains("Ctrl works with one letter"))
        #expect(KeySpec.problem(with: "M-x").description.contains("Alt/Meta"))
        #expect(KeySpec.problem(with: "PgDown").description.contains(#"did you mean "PgDn"?"#))
        #expect(KeySpec.problem(with: "Foo").description.contains("use a single character, C-x, or one of Tab, S-Tab, Enter"))
    }
}
