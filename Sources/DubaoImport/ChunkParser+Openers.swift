import DubaoModel

/// Lines that open a paragraph, and the short lines above them that are subheads.
extension ChunkParser {
    /// The numbers of the short lines after a finished sentence that end bare above a line that
    /// opens a paragraph the way news writing opens them (`opensParagraph`): subheads.
    ///
    /// `一息尚存，奋斗不止` / `“很多人问我，…`: a column cuts a sentence wherever its line is full,
    /// so the line after a cut starts with whatever character came next, and rarely with an
    /// opening quote, a year (`2019年，`) or a date (`1月11日`); paragraphs open with them all the
    /// time. On the month of 人民日报 set as printed pages, a line of up to 25 characters after a
    /// finished sentence, ending bare, above such a line, was a subhead 256 times and a
    /// paragraph's first words a column cut 14 times on days 1–21 (81 and 3 on days 22–31).
    /// Longer lines are left alone: there the two come about as often; so is a line as wide as
    /// the next (text wrapped at a width), and one ending in a preposition (`…能力为`). So is a line
    /// with a comma above a quoted term (`原创首演作品比例，也是衡量一个艺术节` / `“层次”的…`): a
    /// clause goes on into a term it names, and a subhead of two clauses is over someone's words
    /// (7 cuts and no subhead in the month, against 13 subheads and 3 cuts over a term without
    /// the comma). (A time word, `近年来`, `日前`, is a weaker sign: 49 subheads, 8 cuts; it is not used.)
    static func subheadsOverOpeners(_ lines: [PagePartLine], adjacent: AdjacentPairs) -> Set<Int> {
        var found = Set<Int>()
        for i in lines.indices.dropFirst().dropLast() where !lines[i].breakAbove && !lines[i + 1].breakAbove {
            let text = lines[i].text
            // The byte count first: this is asked of every line of the page.
            guard text.utf8.count <= 100, let last = text.unicodeScalars.last,
                  // `据介绍，新码头的设计年通过能力为` / `“两百万标箱”…`: a preposition waits for its object.
                  ChineseText.endsBare(last), last != "—",
                  text.unicodeScalars.count <= 25, text.unicodeScalars.contains(where: Scalars.isHan),
                  let before = lines[i - 1].text.unicodeScalars.last, ChineseText.endsSentence(before),
                  opensParagraph(lines[i + 1].text), !adjacent.joins(text, lines[i + 1].text) else { continue }
            // Text wrapped at a width puts a quote at a line's start wherever the width falls: a
            // line as wide as the next, within a character, is a wrapped one.
            if abs(ChineseText.roughWidth(text) - ChineseText.roughWidth(lines[i + 1].text)) <= 2 { continue }
            if text.unicodeScalars.contains(where: { $0 == "，" || $0 == "," }), Self.opensWithQuotedTerm(lines[i + 1].text) { continue }
            found.insert(lines[i].number)
        }
        return found
    }

    /// `“一带一路”合作…`, `“法宝”，…`: a line opening with a quoted term, a few characters with
    /// no punctuation inside the quotes, rather than someone's words.
    static func opensWithQuotedTerm(_ text: Substring) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.first == "“" || scalars.first == "\"" else { return false }
        var count = 0
        for s in scalars.dropFirst() {
            if s == "”" || s == "\"" { return count > 0 }
            if ChineseText.isProsePunctuation(s) || ChineseText.endsSentence(s) || s == "、" || s == "…" { return false }
            count += 1
            if count > 8 { return false }
        }
        return false
    }

    /// `“…`, `2019年…`, `1月11日…`: a line that opens as news paragraphs open.
    static func opensParagraph(_ text: Substring) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(8))
        guard let first = scalars.first else { return false }
        if first == "“" || first == "「" || first == "‘" { return true }
        let digits = scalars.prefix(while: Scalars.isDigit).count
        if digits == 4, scalars.count > 4, scalars[4] == "年" { return true }
        return (1...2).contains(digits) && scalars.count > digits + 1 && scalars[digits] == "月"
            && Scalars.isDigit(scalars[digits + 1])
    }
}
