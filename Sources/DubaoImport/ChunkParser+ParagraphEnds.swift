import DubaoModel

/// Where a paragraph ends though its last line stops mid-sentence, told by what the line is (a
/// commentary's summary, a field of a list, a subhead's last words) or by what opens the next one
/// (a numbered item).
extension ChunkParser {
    /// The last paragraph ends before `text`, though it stops mid-sentence: a commentary's summary,
    /// a field of a list, a line above a numbered item.
    func lastParagraphEnds(before text: Substring) -> Bool {
        summaryEnds(before: text)
            || current!.paragraphs.last.map { Self.fieldsOfAList($0, text) } == true
            || Self.opensNumberedItem(text) && current!.paragraphs.last?.unicodeScalars.last.map(Self.mayEndBeforeItem) == true
    }

    /// `以“稳”应变，以“进”提质，确保经济实现量的合理增长` / `和质的稳步提升` / `“以新发展理念…`: a
    /// line shorter than any column (`narrowestColumn`), bare, without punctuation, under a line
    /// taken for one of an item's parallel subheads, is that subhead's last words, which a column
    /// carried over: no paragraph's first piece is that short. The subhead then ends with them.
    /// (On the month of 人民日报 set as printed pages, 2 more articles' paragraphs right on days
    /// 1–21 with one seed, as many as before with another, none changed on 22–31; allowing lines
    /// up to 9 characters lost 4.)
    static func subheadsTail(_ text: Substring) -> Bool {
        let scalars = text.unicodeScalars
        guard let last = scalars.last, ChineseText.endsBare(last), tooShortForAColumn(text) else { return false }
        return !scalars.contains(where: { ChineseText.isProsePunctuation($0) || ChineseText.endsSentence($0) })
    }

    /// `21.小品《机场姐妹花》`, `（2）钢琴协奏曲…`, `（三）…`, `第一章 总则`, `第一百零五条 …`: a line
    /// opening with an item's number starts a paragraph, so the line above ends one, however it ends
    /// (a programme's `表演：刘欢、郑楚馨`, a law's date over `第一章 总 则`): on the month of 人民日报
    /// set as printed pages, 19 such ends and no column's cut. Not `一、`, which a column also cuts
    /// from `统一、`, nor `1.5万`, nor `第二条路` in a sentence: a law's `第一条` stands apart from
    /// its words by a blank, or alone on its line.
    static func opensNumberedItem(_ text: Substring) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(12))
        guard let first = scalars.first else { return false }
        let numerals = "一二三四五六七八九十百千零〇".unicodeScalars
        if first == "第" {
            let count = scalars.dropFirst().prefix(while: { numerals.contains($0) }).count
            guard count > 0, count + 1 < scalars.count, "条章节".unicodeScalars.contains(scalars[count + 1]) else { return false }
            return count + 2 == text.unicodeScalars.count || count + 2 < scalars.count && (scalars[count + 2] == " " || scalars[count + 2] == "\u{3000}")
        }
        if first == "（" || first == "(" {
            let count = scalars.dropFirst().prefix(while: { numerals.contains($0) || Scalars.isDigit($0) }).count
            return (1...3).contains(count) && count + 1 < scalars.count && (scalars[count + 1] == "）" || scalars[count + 1] == ")")
        }
        let digits = scalars.prefix(while: Scalars.isDigit).count
        guard (1...2).contains(digits), digits + 1 < scalars.count, ".．、".unicodeScalars.contains(scalars[digits]) else { return false }
        let after = scalars[digits + 1]
        return !Scalars.isDigit(after) && after != "%" && after != "％"
    }

    /// A line may end before a numbered item unless it ends in a figure (`邮箱：…@1` / `63.com`),
    /// an ASCII letter or sign, or a mark or word that leads on.
    static func mayEndBeforeItem(_ last: Unicode.Scalar) -> Bool {
        !Scalars.isDigit(last) && !last.isASCII && !ChineseText.leadsOn(last)
    }

    /// `为基层减负，在繁文缛节上做“减法”，…激发基层干部担当有为` under `…（评论员观察）`: a
    /// commentary column sets its opening summary in bold, one long sentence without a full stop
    /// at its end; the next line starts the text. Such columns' tags name a 评, 论, 观, 谈 or 音
    /// (`人民时评`, `人民论坛`, `民生观`, `创新谈`, `和音`; so do a few others, `国际观察`). So the
    /// text's first paragraph under such a headline, as far as it has gone (its lines a column cut
    /// joined), longer than a subhead (over 25 characters) and at most about a hundred, with no
    /// sentence's end inside and ending bare (not in a figure), ends before the next line, unless
    /// that line finishes a word of it. On the month of 人民日报 set as printed pages, the first
    /// line was a whole summary 27 times and a paragraph's first piece a column cut 3 times; under
    /// other columns' tags (`新春走基层`), where a news story opens, 3 and 11. (Asking that the
    /// summary be one line lost 5 articles' paragraphs on days 1–21: a summary is cut too.)
    func summaryEnds(before text: Substring) -> Bool {
        guard let a = current, a.paragraphs.count == 1, a.dateline.isEmpty, a.credit.isEmpty, a.captions.isEmpty,
              [a.kicker, a.title, a.subtitle].contains(where: Self.namesCommentaryColumn) else { return false }
        let summary = a.paragraphs[0].unicodeScalars
        guard let last = summary.last, ChineseText.endsBare(last), !Scalars.isDigit(last),
              summary.prefix(26).count > 25, ChineseText.fits(a.paragraphs[0][...], within: 200),
              !summary.contains(where: { "。！？!?".unicodeScalars.contains($0) }) else { return false }
        return !adjacent.joins(a.paragraphs[0], text)
    }

    /// `提案人：某某` / `案由：…`, `咨询时间：…` / `咨询电话：…`: two lines that each open with a
    /// short label and its colon are fields of a list, a paragraph each, however the first ends
    /// (on the month of 人民日报 set as printed pages, 8 such pairs and no column's cut; a label
    /// over prose, `…十分` / `感怀：“…”`, is cut as often as not, so both lines must be fields).
    static func fieldsOfAList(_ paragraph: String, _ text: Substring) -> Bool {
        opensWithLabel(paragraph[...]) && opensWithLabel(text)
    }

    /// `案由：`, `本版制图：`: two to five Chinese characters and a colon open the line.
    static func opensWithLabel(_ text: Substring) -> Bool {
        var count = 0
        for s in text.unicodeScalars.prefix(6) {
            if s == "：" || s == ":" { return count >= 2 }
            guard Scalars.isHan(s) else { return false }
            count += 1
        }
        return false
    }

    /// A headline's line ending in a column's tag that names a 评, 论, 观, 谈 or 音 (`summaryEnds`).
    static func namesCommentaryColumn(_ line: String) -> Bool {
        guard HeadlineBlock.endsWithColumnTag(line[...]) else { return false }
        let tag = HeadlineBlock.withoutColumnTag(line[...]).endIndex
        return line[tag...].unicodeScalars.contains(where: { "评论观谈音".unicodeScalars.contains($0) })
    }
}
