/// A stable article identifier: `20230325-3fa9c2d81b`, the issue's date and the first ten hex
/// digits of a hash. The one place that knows that format: making an ID, telling one from a
/// typo, and reading the date it begins with.
///
/// An ID must survive re-importing the same page, because bookmarks point at it, so it is
/// derived from what identifies an article to a reader — paper, date, section, title — and
/// never from its position on the page. Stored documents and articles keep it as its text.
public struct ArticleID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String
    /// The date of the issue the article is in.
    public let date: IssueDate

    /// Nil unless `text` is shaped like an ID, so commands tell an ID from a typo early.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 8, parts[1].count == 10,
              parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              parts[1].allSatisfy({ $0.isASCII && $0.isHexDigit && !$0.isUppercase }),
              let date = IssueDate(String(parts[0])) else { return nil }
        self.text = text
        self.date = date
    }

    public var description: String { text }

    public static func < (a: ArticleID, b: ArticleID) -> Bool { a.text < b.text }

    /// The ID of the `occurrence`th article titled `title` in a section of an issue.
    public init(paper: String, date: IssueDate, section: String, title: String, occurrence: Int = 1) {
        var key = "\(paper)\u{1F}\(date)\u{1F}\(section)\u{1F}\(title)"
        if occurrence > 1 { key += "\u{1F}\(occurrence)" }
        // The first ten of the sixteen hex digits: IDs already handed out must never change.
        let hex = StableHash.hex(StableHash.fnv1a64(Array(key.utf8)), digits: 16)
        self.text = "\(date.compact)-\(hex.prefix(10))"
        self.date = date
    }

    /// `ArticleID(…).text`: the form articles and documents keep.
    public static func make(paper: String, date: IssueDate, section: String, title: String, occurrence: Int = 1) -> String {
        ArticleID(paper: paper, date: date, section: section, title: title, occurrence: occurrence).text
    }

    /// The date a stored ID begins with, or nil when it begins with none. Only the date is
    /// asked of it: a bookmark file edited by hand keeps whatever it was given.
    public static func date(of text: String) -> IssueDate? {
        guard let digits = datePart(of: text) else { return nil }
        return IssueDate(String(decoding: digits, as: UTF8.self))
    }

    /// `2026` for an ID of 2026, on bytes alone: asked of every search result on every key.
    public static func year(of text: String) -> Substring.UTF8View? {
        datePart(of: text).map { $0.prefix(4) }
    }

    private static func datePart(of text: String) -> Substring.UTF8View? {
        let digits = Substring(text).utf8.prefix(8)
        guard digits.count == 8, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return digits
    }
}

/// FNV-1a: a small hash that is the same on every machine and every run (Swift's `Hasher` is
/// seeded per process), for names that must not change: article IDs, content-named files.
public enum StableHash {
    public static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The last `digits` hex digits of the hash, zero-padded.
    public static func hex(_ value: UInt64, digits: Int) -> String {
        let s = String(value, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - s.count)) + s).suffix(digits))
    }
}
