/// A stable article identifier: `20230325-3fa9c2d81b`, the issue's date and the first ten hex
/// digits of a hash. The one place that knows that format: making an ID, telling one from a
/// typo, and reading the date it begins with.
///
/// An ID must survive re-importing the same page, because bookmarks point at it, so it is
/// derived from what identifies an article to a reader — paper, date, section, title — and
/// never from its position on the page. Stored documents and articles keep it as its text.
public struct ArticleID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable, ExpressibleByStringLiteral {
    /// The ID as documents keep it and lists show it.
    public let text: String

    /// An ID as a document, a bookmark file or the importer holds it, taken as it is: a
    /// bookmark file edited by hand keeps whatever it was given, and is still found by it.
    public init(stored text: String) {
        self.text = text
    }

    public init(stringLiteral text: String) {
        self.text = text
    }

    /// Nil unless `text` is shaped like an ID, so commands tell an ID from a typo early.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 8, parts[1].count == 10,
              parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              parts[1].allSatisfy({ $0.isASCII && $0.isHexDigit && !$0.isUppercase }),
              IssueDate(String(parts[0])) != nil else { return nil }
        self.text = text
    }

    /// The ID of the `occurrence`th article titled `title` in a section of an issue.
    public init(paper: String, date: IssueDate, section: String, title: String, occurrence: Int = 1) {
        var key = "\(paper)\u{1F}\(date)\u{1F}\(section)\u{1F}\(title)"
        if occurrence > 1 { key += "\u{1F}\(occurrence)" }
        // The first ten of the sixteen hex digits: IDs already handed out must never change.
        let hex = StableHash.hex(StableHash.fnv1a64(Array(key.utf8)), digits: 16)
        self.text = "\(date.compact)-\(hex.prefix(10))"
    }

    /// `ArticleID(paper:date:section:title:occurrence:)`, under the name the tests and
    /// callers read best.
    public static func make(paper: String, date: IssueDate, section: String, title: String, occurrence: Int = 1) -> ArticleID {
        ArticleID(paper: paper, date: date, section: section, title: title, occurrence: occurrence)
    }

    public init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    public var description: String { text }

    public static func < (a: ArticleID, b: ArticleID) -> Bool { a.text < b.text }

    /// The date of the issue the article is in, from the eight digits an ID begins with; nil
    /// for one that begins with none.
    public var date: IssueDate? {
        datePart.flatMap { IssueDate(String(decoding: $0, as: UTF8.self)) }
    }

    /// `2026` for an ID of 2026, on bytes alone: asked of every search result on every key.
    public var year: Substring.UTF8View? {
        datePart.map { $0.prefix(4) }
    }

    /// `20260309`: the eight digits of the date an ID begins with.
    public var compactDate: Substring? {
        datePart.map { Substring($0) }
    }

    private var datePart: Substring.UTF8View? {
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
