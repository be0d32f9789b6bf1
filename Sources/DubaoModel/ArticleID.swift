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
        let hash = fnv1a64(key)
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return "\(date.compact)-\(padded.prefix(10))"
    }

    /// True for strings shaped like an ID, so commands can tell an ID from a typo early.
    public static func isWellFormed(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 8, parts[1].count == 10 else { return false }
        return parts[0].allSatisfy { $0.isASCII && $0.isNumber }
            && parts[1].allSatisfy { $0.isASCII && $0.isHexDigit && !$0.isUppercase }
    }

    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
