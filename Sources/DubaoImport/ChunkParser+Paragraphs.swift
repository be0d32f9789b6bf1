import DubaoText
import DubaoModel

/// Paragraphs a page's columns cut in two, and joining them again.
extension ChunkParser {
    static func looksLikeProse(_ text: Substring) -> Bool {
        // The length first: it settles a long line from its byte count alone.
        !ChineseText.fits(text, within: 70) || text.unicodeScalars.contains(where: ChineseText.isProsePunctuation)
    }

    /// Can text still be added to the article's last paragraph? Not after `（下转第4版）`, nor past
    /// a photo caption set after it: a caption between two halves of a cut paragraph keeps them
    /// apart, since joining them would move the caption out of page order, which the lossless
    /// promise forbids.
    static func lastParagraphTakesMore(_ article: Article) -> Bool {
        guard article.continuation.isEmpty, !article.paragraphs.isEmpty else { return false }
        if let caption = article.captions.last, caption.afterParagraph == article.paragraphs.count { return false }
        return true
    }

    /// Does the article's last paragraph stop mid-sentence, so that the next text continues it?
    static func endsOpen(_ article: Article) -> Bool {
        guard lastParagraphTakesMore(article), let last = article.paragraphs.last?.unicodeScalars.last else { return false }
        // `有些镜头，将永远铭刻在人们的记忆中——`: a paragraph that leads into the next one ends
        // with a dash; inside a paragraph a dash is followed by its words, so a column cuts just
        // after one only as rarely as after any other character.
        if last == "—", article.paragraphs.last!.unicodeScalars.suffix(2).elementsEqual("——".unicodeScalars) { return false }
        if !ChineseText.endsSentence(last) {
            // `（二）把老城区的公园和广场建成市民的` / `好去处…`: however it starts, a line ending
            // in a word that waits for the next goes on.
            if ChineseText.waitsForMore(last) { return true }
            // `一、餐饮美食` is a finished subheading, not a paragraph cut by a column.
            let text = article.paragraphs.last![...]
            // `■ 后记`: so is a short line led by an ornament.
            let led = text.unicodeScalars.first.map { Credits.ornaments.contains($0) } ?? false
            let isSubheading = (HeadlineBlock.isSubheading(text) || led) && ChineseText.fits(text, within: 60)
                && !text.unicodeScalars.contains(where: ChineseText.isProsePunctuation)
            // A poem's last verse: short and bare like the verse before it.
            func bare(_ p: String) -> Bool {
                // `核心阅读` above a summary is a label, not a verse.
                ChineseText.fits(p[...], within: 40) && !HeadlineBlock.bodyLabels.contains(p)
                    && !p.unicodeScalars.contains(where: ChineseText.isProsePunctuation)
                    && !"，、,".unicodeScalars.contains(p.unicodeScalars.last ?? " ")
            }
            let n = article.paragraphs.count
            // Three bare lines in a row: two may be a subhead and a paragraph's first words.
            let isVerse = n >= 3 && bare(article.paragraphs[n - 1]) && bare(article.paragraphs[n - 2])
                && bare(article.paragraphs[n - 3])
            return !isSubheading && !isVerse
        }
        return false
    }

    /// A line of Chinese text shorter than any column (`核心阅读`, `措施更精细`), not ending in an
    /// opening mark or a word that waits for more: no column cut it, so it ends where it ends.
    static func tooShortForAColumn(_ text: Substring) -> Bool {
        let scalars = text.unicodeScalars
        guard let last = scalars.last, scalars.prefix(narrowestColumn).count < narrowestColumn else { return false }
        return scalars.contains(where: Scalars.isHan) && !ChineseText.isOpeningMark(last) && !ChineseText.waitsForMore(last)
    }

    /// `第一条 为了规范` / `农` / `民工工资支付行为…`: a line too short for a column
    /// (`narrowestColumn`), ending mid-sentence, that a column also cut from the line below it is
    /// the middle of a paragraph cut twice, so the line above goes on into it, however that line
    /// looks: no paragraph's first piece is that short.
    static func middlePieceFollows(_ lines: [PagePartLine], _ i: Int, adjacent: AdjacentPairs) -> Bool {
        guard i + 2 < lines.count, !lines[i + 1].breakAbove, !lines[i + 2].breakAbove else { return false }
        let piece = lines[i + 1].text.unicodeScalars
        guard let last = piece.last, piece.prefix(narrowestColumn).count < narrowestColumn, !ChineseText.endsSentence(last) else { return false }
        return adjacent.joins(lines[i + 1].text, lines[i + 2].text) || ChineseText.opensNothing(lines[i + 2].text)
    }

    /// `。不接触、不食用…` under `6.不接触、不购买、不食用野生动物`: no paragraph opens with a
    /// closing mark, so the column cut just before it, whatever the line above looks like.
    static func opensWithClosingMark(_ text: Substring) -> Bool {
        text.unicodeScalars.first.map(ChineseText.isClosingMark) ?? false
    }

    /// The article's last paragraph takes more and stops without a sentence's end. Unlike
    /// `endsOpen`, a subheading's look does not matter here: the next line proves the cut.
    static func stopsMidSentence(_ article: Article) -> Bool {
        guard lastParagraphTakesMore(article), let last = article.paragraphs.last?.unicodeScalars.last else { return false }
        return !ChineseText.endsSentence(last) && last != "—"
    }

    /// `…吞吐量12.` then `6万吨，…`: a column cut inside a decimal number.
    static func cutInNumber(_ article: Article, before text: Substring) -> Bool {
        // The next line's first scalar first: it turns almost every line away, and counting the
        // paragraph's scalars would walk all of it for every line appended to it.
        guard let next = text.unicodeScalars.first, Scalars.isDigit(next),
              let last = article.paragraphs.last?.unicodeScalars, last.startIndex != last.endIndex else { return false }
        let pointIndex = last.index(before: last.endIndex)
        guard pointIndex != last.startIndex else { return false }
        let point = last[pointIndex]
        let digit = last[last.index(before: pointIndex)]
        return (point == "." || point == "．") && Scalars.isDigit(digit)
    }

    /// `英国国家统计局（ONS）1` / `月13日发布的…`: a line ending in a figure over one that goes on
    /// with a figure or its unit is a number a column cut. (On the month of 人民日报 set as printed
    /// pages, 663 column cuts and no paragraph's end.)
    static func cutInFigure(_ text: Substring, _ next: Substring) -> Bool {
        guard let last = text.unicodeScalars.last, Scalars.isDigit(last), let first = next.unicodeScalars.first else { return false }
        return Scalars.isDigit(first) || "年月日时万亿%％个多余元人名岁次项件家倍".unicodeScalars.contains(first)
    }

    /// `■特点一：青年人才已成为基础研` / `究领域的有生力量`: a line that ends in the middle of a
    /// word the page writes elsewhere, however much its first words look like a subheading.
    func cutInWord(_ article: Article, before text: Substring) -> Bool {
        // (A dash, which `stopsMidSentence` also turns away, never makes a pair.)
        Self.stopsMidSentence(article) && adjacent.joins(article.paragraphs.last!, text)
    }

    /// The last paragraph ends before `text`, though it stops mid-sentence: a commentary's summary,
    /// a field of a list.
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

    static func namesCommentaryColumn(_ line: String) -> Bool {
        guard HeadlineBlock.endsWithColumnTag(line[...]) else { return false }
        let tag = HeadlineBlock.withoutColumnTag(line[...]).endIndex
        return line[tag...].unicodeScalars.contains(where: { "评论观谈音".unicodeScalars.contains($0) })
    }

    /// Adds a line's text to the current article: to its last paragraph when that was cut
    /// mid-sentence, else as a paragraph of its own (always with `separate`).
    mutating func addText(_ raw: Substring, line: PagePartLine, separate: Bool = false) {
        // After `（下转第4版）` the article is over on this page: more text would stand after
        // the marker in the page but before it in the article.
        if let a = current, !a.continuation.isEmpty { startArticle(at: line, reason: .untitledAfterContinuation) }
        var text = raw
        if let (marker, after) = ContinuationMarker.leading(text) {
            if current!.paragraphs.isEmpty && current!.continuedFrom.isEmpty {
                current!.continuedFrom = String(marker)
                text = after
            }
        }
        var trailing: Substring?
        if let (marker, before) = ContinuationMarker.trailing(text) {
            trailing = marker
            text = before
        }
        if !text.isEmpty {
            let indentedStart = usesIndent && line.indent >= 2
            // `——某某在会上说` / `（本报记者某某整理）`: a sign-off in brackets is a line of its own,
            // whatever the line above ends with; a column cuts a paragraph just before its
            // closing credit too seldom to weigh against that.
            // So is an agency's dateline in brackets closing a text (`（新华社北京1月10日电）`).
            let signOff = HeadlineBlock.isBracketedNote(text)
                && (text.contains("整理") || text.contains("记者") || Credits.startsWithAgency(text.dropFirst()) && text.contains("电"))
            let subheadTail = standsAloneAsParallel && Self.stopsMidSentence(current!) && Self.subheadsTail(text)
            if !separate, !indentedStart, !signOff,
               !startStandsAlone
                   && (Self.endsOpen(current!) || Self.cutInNumber(current!, before: text) || cutInWord(current!, before: text))
                   && !lastParagraphEnds(before: text)
                || Self.opensWithClosingMark(text) && Self.lastParagraphTakesMore(current!)
                // `的海铁联运班列…`, `了新突破`, `运行。风险…`: no sentence opens with `的`, `了`, `们`…, nor
                // with a sentence's last word (`ChineseText.opensNothing`).
                || Self.stopsMidSentence(current!) && ChineseText.opensNothing(text)
                || subheadTail
                || middlePieces.contains(line.number) && Self.stopsMidSentence(current!) {
                // Joined with no space, Latin too: a column cuts `DeepSeek` wherever it falls.
                current!.paragraphs[current!.paragraphs.count - 1] += text
                // The subhead is whole with its last words.
                startStandsAlone = paragraphEnds.contains(line.number) || subheadTail
                standsAloneAsParallel = false
            } else {
                current!.paragraphs.append(String(text))
                // A column is wider than this: a paragraph's first line shorter than any column
                // (`核心阅读`, `措施更精细`) ends where it ends, punctuation or not.
                // Compared by bounds and a bounded count: paragraphs can be megabytes long. Not the
                // piece right under a lead's dateline (`本报拉萨1月1日电` / `(` / `记者…)`), which
                // is the middle of the lead's paragraph, nor a piece ending in an open bracket.
                let a = current!
                let underLead = a.paragraphs.count == 1 && !(a.dateline.isEmpty && a.credit.isEmpty)
                let wholeLine = text.startIndex == line.text.startIndex && text.endIndex == line.text.endIndex
                // So does a number alone (`1` over `问：…`, an interview's questions counted).
                let number = text.unicodeScalars.prefix(3).count <= 2 && text.unicodeScalars.allSatisfy(Scalars.isDigit)
                startStandsAlone = wholeLine
                    && (!underLead && (Self.tooShortForAColumn(text) || number)
                        || parallelSubheads.contains(line.number)) || paragraphEnds.contains(line.number)
                standsAloneAsParallel = startStandsAlone && wholeLine && parallelSubheads.contains(line.number)
                    && !paragraphEnds.contains(line.number) && !Self.tooShortForAColumn(text)
            }
        }
        if let trailing {
            if current!.continuation.isEmpty {
                current!.continuation = String(trailing)
            } else {
                current!.paragraphs.append(String(trailing))
            }
        }
    }
}
