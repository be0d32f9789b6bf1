import DubaoModel

/// The pairs of Chinese characters that stand side by side inside the lines of one page.
///
/// A column cuts a paragraph wherever the line is full, so about a third of its cuts fall inside
/// a word (`…平均年龄|…`, `…基础研` / `究领域…`). When a line's last character and the next
/// line's first make a pair the page writes elsewhere inside a line, the two lines are one
/// paragraph's: a subheading's end and the next paragraph's start make such a pair only by
/// chance (on a month of 人民日报: 4 in 100 subheading ends, against half of all column cuts).
/// The page is its own dictionary, so this holds for any paper, month or subject, and needs no
/// word list.
///
/// Built on the first question: a page that never asks (one that indents its paragraphs) pays nothing.
final class AdjacentPairs {
    private let lines: [Substring]
    private var pairs: Set<UInt64>?

    init(_ lines: [Substring]) {
        self.lines = lines
    }

    /// Does `first`'s last character, then `second`'s first, stand side by side in a line of the page?
    func joins(_ first: some StringProtocol, _ second: some StringProtocol) -> Bool {
        guard let a = first.unicodeScalars.last, let b = second.unicodeScalars.first,
              Scalars.isHan(a), Scalars.isHan(b) else { return false }
        if pairs == nil { pairs = Self.collect(lines) }
        return pairs!.contains(Self.key(a, b))
    }

    private static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 32 | UInt64(b.value)
    }

    private static func collect(_ lines: [Substring]) -> Set<UInt64> {
        var pairs = Set<UInt64>()
        for line in lines {
            var previous: Unicode.Scalar?
            for s in line.unicodeScalars {
                if Scalars.isHan(s) {
                    if let p = previous { pairs.insert(key(p, s)) }
                    previous = s
                } else {
                    previous = nil
                }
            }
        }
        return pairs
    }
}
