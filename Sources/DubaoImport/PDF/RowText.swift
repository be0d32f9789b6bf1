import DubaoModel

/// The text of one row of runs, as a reader would copy it: the runs joined, and the spaces that
/// only the typesetting put there taken out.
enum RowText {
    /// Runs joined left to right; white between two runs wider than a third of the type is a space.
    ///
    /// With `partsApart`, white of two characters or more parts two pieces of furniture set at
    /// either end of one row (the paper's name and the date, the page's name and the paper's):
    /// it is written `　　`, as a text page sets them, and no space is taken out beside it
    /// (`江城晨报　　2026年11月27日`, not `江城晨报2026年11月27日`).
    static func joined(_ row: [Int], _ runs: [TextRun], partsApart: Bool = false) -> String {
        var pieces: [String] = []
        var text = ""
        var previous: TextRun?
        for k in row {
            let run = runs[k]
            if let p = previous {
                let white = run.box.left - p.box.right
                if partsApart, white >= 2 * min(p.size, run.size) {
                    pieces.append(despaced(text))
                    text = ""
                } else if white >= 0.3 * min(p.size, run.size) {
                    text += " "
                }
            }
            text += run.text
            previous = run
        }
        pieces.append(despaced(text))
        return pieces.joined(separator: "\u{3000}\u{3000}")
    }

    /// Justified Chinese text is spread by widening the gaps between characters, and poppler
    /// reports a wide gap as a space: `习 近 平 新 时 代`, `10 月 14 日`. Those spaces go; a space
    /// between two names (`徐昕联 田明`) or two Latin words stays.
    ///
    /// A row is letter-spaced when most of what its spaces part are single characters: then
    /// every space beside a Chinese character or a hyphen goes. In any row, a space beside Chinese
    /// punctuation goes, and so does one between a Chinese character and a Latin letter or
    /// digit (`2024 年`, `CEPA 平台`), which Chinese type sets as a quarter of white, not a space.
    static func despaced(_ text: String) -> String {
        guard text.unicodeScalars.contains(" ") else { return text }
        let tokens = text.split(separator: " ", omittingEmptySubsequences: true)
        let single = tokens.filter { $0.unicodeScalars.count == 1 || $0.unicodeScalars.allSatisfy { $0.isASCII } }.count
        let letterSpaced = tokens.count >= 4 && single * 4 >= tokens.count * 3
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, s) in scalars.enumerated() {
            if s == " " {
                // Runs of spaces are looked at from their ends.
                let before = scalars[..<i].last { $0 != " " }
                let after = scalars[(i + 1)...].first { $0 != " " }
                guard let before, let after else { continue }
                if i > 0, scalars[i - 1] == " " { continue }
                let wide = isWide(before) || isWide(after)
                if letterSpaced && wide { continue }
                // `乐 东 10- 1 气 田`: in a letter-spaced row a hyphen set against one side joins
                // what is on the other too (`10 - 12`, spaced on both, stays).
                if letterSpaced, before == "-", i >= 2, scalars[i - 2] != " " { continue }
                if letterSpaced, after == "-", i + 2 < scalars.count, scalars[i + 2] != " " { continue }
                if isChinesePunctuation(before) || isChinesePunctuation(after) { continue }
                if wide && (before.isASCII || after.isASCII) { continue }
            }
            out.append(s)
        }
        return String(out)
    }

    /// Han characters, CJK punctuation and full-width forms: what Chinese type sets.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        Scalars.isHan(s) || isChinesePunctuation(s)
    }

    static func isChinesePunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3000...0x303F, 0xFF00...0xFF65, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7, 0x2022, 0x25A0...0x25FF:
            return true
        default:
            return false
        }
    }
}
