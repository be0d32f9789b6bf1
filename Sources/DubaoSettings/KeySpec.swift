import DubaoText
import DubaoTerminal
import DubaoUI

/// Key names in the config file, the same ones `KeyEvent.description` prints:
/// a single character (`j`, `J`, `?`, `中`), `C-d` (Ctrl plus a letter), `Tab`, `S-Tab`, `Enter`,
/// `Esc`, `Space`, `BS`, `Del`, `Up`, `Down`, `Left`, `Right`, `PgUp`, `PgDn`, `Home`, `End`,
/// `F1`–`F12`. Names of more than one character are case-insensitive, and a few long forms are
/// accepted too (`Return`, `Escape`, `Backspace`, `Delete`, `PageUp`, `PageDown`, `BackTab`).
public enum KeySpec {
    /// The named keys, in the spelling `KeyEvent.description` uses.
    public static let namedKeys: [(name: String, key: KeyEvent)] = [
        ("Tab", .tab), ("S-Tab", .backTab), ("Enter", .enter), ("Esc", .escape), ("Space", .character(" ")),
        ("BS", .backspace), ("Del", .delete), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end),
    ]

    private static let aliases: [String: KeyEvent] = {
        var table: [String: KeyEvent] = [:]
        for (name, key) in namedKeys { table[name.lowercased()] = key }
        let long: [String: KeyEvent] = [
            "return": .enter, "escape": .escape, "backspace": .backspace, "delete": .delete,
            "pageup": .pageUp, "pagedown": .pageDown, "backtab": .backTab,
        ]
        table.merge(long) { a, _ in a }
        return table
    }()

    /// The key a spec names, or nil when it names none.
    public static func parse(_ spec: String) -> KeyEvent? {
        if spec.count == 1, let c = spec.first {
            return isBindable(c) ? .character(c) : nil
        }
        let lower = spec.lowercased()
        if let key = aliases[lower] { return key }
        if lower.hasPrefix("c-"), lower.count == 3, let c = lower.last, c.isASCII, c.isLetter {
            return .control(c)
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n), !lower.dropFirst().hasPrefix("0") {
            return .function(n)
        }
        return nil
    }

    /// The name `parse` reads back: `KeyEvent.description`.
    public static func name(of key: KeyEvent) -> String {
        key.description
    }

    /// Why `spec` names no key, and what to write instead.
    public static func problem(with spec: String) -> Sentence {
        let shown = TOMLDocument.quoted(spec)
        if spec.isEmpty { return Sentence(.keyEmpty) }
        let lower = spec.lowercased()
        if lower.hasPrefix("ctrl-") || lower.hasPrefix("ctrl+") || lower.hasPrefix("^"), let c = spec.last, c.isASCII, c.isLetter, spec.count <= 6 {
            return Sentence(.keyCtrlSpelling, shown, c.lowercased())
        }
        if lower.hasPrefix("c-") {
            return Sentence(.keyCtrlOneLetter, shown)
        }
        if lower.hasPrefix("m-") || lower.hasPrefix("a-") {
            return Sentence(.keyAltUnbindable, shown)
        }
        if lower.hasPrefix("f"), Int(lower.dropFirst()) != nil {
            return Sentence(.keyFunctionRange, shown)
        }
        if spec.count == 1 {
            return Sentence(.keyUnbindableCharacter, shown)
        }
        let guess = Suggestion.closest(to: spec, in: namedKeys.map(\.name)).map { Sentence(.settingsDidYouMean, TOMLDocument.quoted($0)) }
        return Sentence(.keyUnknown, shown, namedKeys.map(\.name).joined(separator: ", "), guess ?? "")
    }

    private static func isBindable(_ c: Character) -> Bool {
        if c == " " { return true }
        return !c.unicodeScalars.contains { u in
            u.properties.generalCategory == .control || u.properties.generalCategory == .format
                || (u.properties.isWhitespace)
        }
    }
}
