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
        if splitsDigits(text, next) { return true }
        guard let last = text.unicodeScalars.last, Scalars.isDigit(last), let first = next.unicodeScalars.first else { return false }
        return "年月日时万亿%％个多余元人名岁次项件家倍".unicodeScalars.contains(first)
    }

    /// `（三）违法限制外国投资者` / `汇入、汇出资金；`: a numbered item of a list that stops
    /// mid-sentence, over a line that ends as a list's items end (`；`) with no full stop inside and
    /// no number of its own, is that item cut by a column, not a subheading over its text.
    static func itemGoesOn(_ article: Article, before text: Substring) -> Bool {
        guard let last = text.unicodeScalars.last, last == "；" || last == ";", stopsMidSentence(article),
              let paragraph = article.paragraphs.last, HeadlineBlock.isSubheading(paragraph[...]),
              !opensNumberedItem(text), !HeadlineBlock.isSubheading(text) else { return false }
        return !text.unicodeScalars.contains(where: { $0 == "。" || $0 == "．" })
    }

    /// `■特点一：青年人才已成为基础研` / `究领域的有生力量`: a line that ends in the middle of a
    /// word the page writes elsewhere, however much its first words look like a subheading.
    func cutInWord(_ article: Article, before text: Substring) -> Bool {
        // (A dash, which `stopsMidSentence` also turns away, never makes a pair.)
        Self.stopsMidSentence(article) && adjacent.joins(article.paragraphs.last!, text)
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
            let stopsMidSentence = Self.stopsMidSentence(current!)
            let subheadTail = standsAloneAsParallel && stopsMidSentence && Self.subheadsTail(text)
            if !separate, !indentedStart, !signOff,
               !startStandsAlone
                   && (Self.endsOpen(current!) || Self.cutInNumber(current!, before: text) || cutInWord(current!, before: text))
                   && !lastParagraphEnds(before: text)
                || Self.opensWithClosingMark(text) && Self.lastParagraphTakesMore(current!)
                // `的海铁联运班列…`, `了新突破`, `运行。风险…`: no sentence opens with `的`, `了`, `们`…, nor
                // with a sentence's last word (`ChineseText.opensNothing`).
                || stopsMidSentence && ChineseText.opensNothing(text)
                || Self.itemGoesOn(current!, before: text)
                // `…费用逾1` / `700亿元`: a number a column cut, whatever the line above looks like.
                || stopsMidSentence && current!.paragraphs.last.map({ Self.cutInFigure($0[...], text) }) == true
                || subheadTail
                || middlePieces.contains(line.number) && stopsMidSentence {
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
                let short = wholeLine && Self.tooShortForAColumn(text)
                let parallel = wholeLine && parallelSubheads.contains(line.number)
                startStandsAlone = wholeLine && !underLead && (short || number) || parallel || paragraphEnds.contains(line.number)
                standsAloneAsParallel = parallel && !short && !paragraphEnds.contains(line.number)
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
