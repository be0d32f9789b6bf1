import DubaoModel
/// Shows half-width punctuation typed inside Chinese text in its full-width form: `他说:好` reads `他说：好`.
///
/// Web and OCR sources often mix `,` `(` into Chinese sentences, where they look cramped and
/// break the rhythm of full-width columns. This changes only what is displayed; the model
/// keeps the text as printed. Each scalar is replaced by exactly one scalar, so indices and
/// source offsets stay valid.
///
/// A mark counts as inside Chinese text when a wide character touches it. Numbers keep their
/// separators (`3,600`, `12:30`, `3:0`), and Latin text keeps its own punctuation. Brackets
/// are converted in pairs, so `f(x)` and `（GDP）` both come out matched.
public enum PunctuationNormalizer {
    /// `text` with half-width punctuation next to Chinese characters in full-width form.
    public static func normalize(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        guard normalize(&scalars) else { return text }
        return String(scalars: scalars)
    }

    /// A library's words as a screen or a command line shows them outside the typeset article (a
    /// title in a list, a snippet): safe to draw (`DisplaySanitizer`), and normalised when the
    /// reader's setting says so.
    public static func shown(_ text: String, normalizing: Bool) -> String {
        let clean = DisplaySanitizer.sanitize(text)
        return normalizing ? normalize(clean) : clean
    }

    /// `text` normalised, with `range` (UTF-8 offsets into `text`, on scalar boundaries) moved to
    /// where the same scalars are in the result: a full-width mark is three bytes where the
    /// half-width one was one.
    public static func normalize(_ text: String, keeping range: Range<Int>) -> (String, Range<Int>) {
        var scalars = Array(text.unicodeScalars)
        guard normalize(&scalars) else { return (text, range) }
        var old = 0, new = 0
        var lower: Int?, upper: Int?
        for (before, after) in zip(text.unicodeScalars, scalars) {
            if old == range.lowerBound { lower = new }
            if old == range.upperBound { upper = new }
            old += UTF8.width(before)
            new += UTF8.width(after)
        }
        if old == range.lowerBound { lower = new }
        if old == range.upperBound { upper = new }
        guard let lower, let upper, lower <= upper else { return (text, range) }
        return (String(scalars: scalars), lower..<upper)
    }

    /// Normalises `scalars` in place; true when anything changed.
    @discardableResult
    public static func normalize(_ scalars: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        // For each open bracket seen: whether it was converted, so its partner follows suit.
        var openBrackets: [Bool] = []
        for index in scalars.indices {
            let scalar = scalars[index]
            guard scalar.value < 0x80 else { continue }
            let before: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
            let after: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            let touchesChinese = isWide(before) || isWide(after)
            var replacement: Unicode.Scalar?
            switch scalar {
            case ",": replacement = touchesChinese ? "，" : nil
            case ";": replacement = touchesChinese ? "；" : nil
            case "?": replacement = touchesChinese ? "？" : nil
            case "!": replacement = touchesChinese ? "！" : nil
            case ":":
                // `比分3:0`, `12:30`: a colon after a digit separates numbers.
                replacement = isWide(before) || (isWide(after) && !isDigit(before)) ? "：" : nil
            case "(":
                openBrackets.append(touchesChinese)
                replacement = touchesChinese ? "（" : nil
            case ")":
                let converted = openBrackets.popLast() ?? touchesChinese
                replacement = converted ? "）" : nil
            default:
                break
            }
            if let replacement {
                scalars[index] = replacement
                changed = true
            }
        }
        return changed
    }

    @inline(__always)
    private static func isWide(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.value >= 0x1100 else { return false }
        return DisplayWidth.of(scalar) == 2
    }

    @inline(__always)
    private static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.value >= 0x30 && scalar.value <= 0x39
    }
}

extension PunctuationNormalizer {
    /// The article with every field's punctuation as the reader shows it: what is copied, saved
    /// or paged from the reader reads as the screen did.
    public static func normalize(_ article: Article) -> Article {
        var a = article
        for keyPath in [\Article.kicker, \.title, \.subtitle, \.continuedFrom, \.dateline, \.credit, \.continuation] {
            a[keyPath: keyPath] = normalize(a[keyPath: keyPath])
        }
        a.paragraphs = a.paragraphs.map(normalize)
        a.captions = a.captions.map { Caption(text: normalize($0.text), afterParagraph: $0.afterParagraph) }
        return a
    }
}
