extension ChunkParser {
    /// Three or more short lines without punctuation inside an article, not standing before a
    /// lead or byline: a poem's verse, not a headline block.
    func verseLength(_ lines: [PagePartLine], _ kinds: [Kind], _ candidate: [Bool], at i: Int) -> Int? {
        guard let a = current, !a.title.isEmpty || !a.credit.isEmpty, !Self.endsOpen(a) else { return nil }
        var n = 0
        while i + n < lines.count, candidate[i + n], ChineseText.fits(lines[i + n].text, within: 40),
              n == 0 || !lines[i + n].breakAbove {
            // The next piece's title and author end the poem.
            if n >= 3, signedTitle(lines, kinds, candidate, at: i + n) == 2 { break }
            n += 1
        }
        guard n >= 3 else { return nil }
        if i + n < lines.count {
            switch kinds[i + n] {
            case .lead, .byline, .header, .editor, .dateLine: return nil
            default: break
            }
        }
        return n
    }
}
