/// Stable article identifiers.
///
/// An ID must survive re-importing the same page, because bookmarks point at it, so it is
/// derived from what identifies an article to a reader — paper, date, section, title — and
/// never from its position on the page.
public enum ArticleID {
    /// `20230325-3fa9c2d81b`: the date keeps IDs sortable and readable, the hash makes them unique.
    public static func make(paper: String, date: IssueDate, section: String, title: String, occurrence: Int = 1) -> String {
        var key = "\(paper)\u{1F}\(date)\u{1F}\(section)\u{1F}\(title)"
        if occurrence > 1 { key += "\u{1F}\(occurrence)" }
        // The first ten of the sixteen hex digits: IDs already handed out must never change.
        let hex = StableHash.hex(StableHash.fnv1a64(Array(key.utf8)), digits: 16)
        return "\(date.compact)-\(hex.prefix(10))"
    }

    /// True for strings shaped like an ID, so commands can tell an ID from a typo early.
    public static func isWellFormed(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 8, parts[1].count == 10 else { return false }
        return parts[0].allSatisfy { $0.isASCII && $0.isNumber }
            && parts[1].allSatisfy { $0.isASCII && $0.isHexDigit && !$0.isUppercase }
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
