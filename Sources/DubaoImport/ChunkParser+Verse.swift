import DubaoModel

extension ChunkParser {
    /// Three or more short lines without punctuation inside an article, not standing before a
    /// lead or byline: a poem's verse, not a headline block.
    mutating func verseLength(_ lines: [PagePartLine], _ kinds: [Kind], _ candidate: [Bool], at i: Int) -> Int? {
        // A walk from an earlier line met a cut word at `proseUntil`: every line before it would meet it again.
        if i < proseUntil { return nil }
        guard let a = current, !a.title.isEmpty || !a.credit.isEmpty, !Self.endsOpen(a) else { return nil }
        var n = 0
        while i + n < lines.count, candidate[i + n], ChineseText.fits(lines[i + n].text, within: 40),
              n == 0 || !lines[i + n].breakAbove {
            // The next piece's title and author end the poem.
            if n >= 3, signedTitle(lines, kinds, candidate, at: i + n) == 2 { break }
            // `为确保事业单位工作` / `人员培训…`: lines that cut a word in two are a paragraph a
            // column cut into short pieces; a verse ends where its words end.
            if n > 0, Self.cutAcross(lines[i + n - 1].text, lines[i + n].text, adjacent) {
                proseUntil = i + n
                return nil
            }
            n += 1
        }
        guard n >= 3 else { return nil }
        // `…路口镇黄皋` / `村的建档立卡贫` / `困户。1年前…`: nor where a column cut the last line
        // from the prose under it.
        if i + n < lines.count, !lines[i + n].breakAbove, Self.cutAcross(lines[i + n - 1].text, lines[i + n].text, adjacent) {
            proseUntil = i + n
            return nil
        }
        // `港务集团负责人介绍说今年以来集团` / `加快智慧港口建设，装卸效率提高了`: lines as wide
        // as the text a page dump wrapped at a column's width are a paragraph's, not verse. The
        // width is the prose's, measured on lines with a comma or full stop inside, which a
        // poem's lines (`春天来到江城的时候我总是想起故乡那条河`) and a list's seldom have however
        // alike their lengths. Asked only here, of a verse found: counting is not free.
        if wrapWidthFound == nil {
            wrapWidthFound = Self.columnWidth(lines.filter { $0.text.unicodeScalars.dropLast().contains(where: ChineseText.isProsePunctuation) },
                                              atLeast: 4)
        }
        if let width = wrapWidthFound!, width >= 12,
           let wide = (i..<(i + n)).first(where: { abs(lines[$0].text.unicodeScalars.count - width) <= 1 }) {
            n = wide - i
            guard n >= 3 else { return nil }
        }
        if i + n < lines.count {
            switch kinds[i + n] {
            case .lead, .byline, .header, .editor, .dateLine: return nil
            default: break
            }
        }
        return n
    }

    /// Did a column cut `first` from `second`: a word or a number across them, or a word at
    /// `first`'s end that waits for more?
    static func cutAcross(_ first: Substring, _ second: Substring, _ adjacent: AdjacentPairs) -> Bool {
        adjacent.joins(first, second) || splitsDigits(first, second)
            || first.unicodeScalars.last.map(ChineseText.waitsForMore) == true
    }

    /// `…重点案件3` / `08起…`: a number a column cut in two.
    static func splitsDigits(_ first: Substring, _ second: Substring) -> Bool {
        guard let a = first.unicodeScalars.last, let b = second.unicodeScalars.first else { return false }
        return Scalars.isDigit(a) && Scalars.isDigit(b)
    }
}
