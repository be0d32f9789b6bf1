import DubaoModel

/// Where a headline block starts and how many lines it takes: the decisions a page's layout
/// and its neighbouring lines settle.
extension ChunkParser {
    /// On a page that indents every paragraph, how many unindented lines from `i` form a
    /// headline block, or nil. There an indented line is never a headline, whatever it says
    /// (`　　“培养担当民族复兴大任的时代新人”`, `　　这正是：`), and an unindented one is one,
    /// whatever punctuation it carries (`坚定信心，让梦想照进现实（人民观点）`, `同志们，朋友们：`
    /// under a speech's title) — unless it continues a paragraph a column cut mid-sentence.
    func indentedHeadlineLength(_ lines: [PagePartLine], _ kinds: [Kind], at i: Int) -> Int? {
        guard usesIndent, lines[i].indent < 2 else { return nil }
        // `编辑同志：`, `“硬骨头六连”全体官兵：` opening a letter inside an article, where the page
        // sets a blank line above each headline and none above this.
        if breaksItems, !lines[i].breakAbove, HeadlineBlock.endsInColon(lines[i].text) { return nil }
        // A paragraph cut mid-sentence goes on in the next line when that reads as prose, unless a
        // rare blank line parts them (`…曹某图` under a cartoon, then the next headline), or the
        // line is a short title carrying its column (`村里要致富，办法别嫌“土”（扶贫手记）` under a
        // sign-off, as a page that sets no blank line between its articles has it; where the page
        // does set them, the rule changed one page of the month's e-edition, splitting a title
        // the electronic edition files under a lead's line from that line).
        if let a = current, Self.endsOpen(a), !lines[i].breakAbove,
           Self.looksLikeProse(lines[i].text),
           !(HeadlineBlock.endsWithColumnTag(lines[i].text) && ChineseText.fits(lines[i].text, within: 60)) { return nil }
        var n = 0
        while i + n < lines.count, n < 6, lines[i + n].indent < 2 {
            // `图片报道` or a painting's name with no text of its own, then the next headline: a
            // rare blank line between them ends the first item.
            // A salutation (`同志们，朋友们：`) stays with its title across the gap.
            if n > 0, lines[i + n].breakAbove, !HeadlineBlock.endsInColon(lines[i + n].text) { return n }
            // `图片报道` heads a photo item of its own, with or without a blank line to part it
            // from the headline under it.
            if HeadlineBlock.itemLabels.contains(String(lines[i + n].text)) { return n == 0 ? 1 : n }
            // A full stop is prose's: an unindented paragraph on a page that indents only some.
            if HeadlineBlock.hasFullStop(lines[i + n].text) { return n == 0 ? nil : n }
            switch kinds[i + n] {
            case .text, .dateLine, .signature: n += 1
            default: return n == 0 ? nil : n
            }
        }
        // More unindented lines than any headline has: not a page that sets its headlines apart this way.
        if n == 6 { return nil }
        return n
    }

    /// After a break (`PageParser.markBreaks`), how many lines from `i` read as a headline, or nil
    /// when the page has no breaks or line `i` is not one.
    ///
    /// The first line after a break is a headline unless it is plainly prose: a kicker may be long
    /// and carry commas (`…，扶贫干部杨亮——`). The lines under it must earn their place, since
    /// a paragraph's first words cut off by a column look much like a second headline line:
    /// a line with a comma, a `……` or an agency's name opening it is prose; under a title that
    /// carries its column (`（人民论坛）`) only a `——` subtitle may follow; a third line must be
    /// a `——` subtitle, a speech's bracketed date (`（2019年12月31日）`) or its salutation
    /// (`同志们，朋友们：`). A label such as `图片报道` stands alone.
    func brokenHeadlineLength(_ lines: [PagePartLine], _ kinds: [Kind], _ candidate: [Bool], at i: Int) -> Int? {
        // The top of a page is a break too: a page that holds one article opens with its headline.
        guard !usesIndent, lines[i].breakAbove || (i == 0 && current == nil), case .text = kinds[i] else { return nil }
        let first = lines[i].text
        guard candidate[i] || (ChineseText.fits(first, within: 160) && !HeadlineBlock.hasSentenceInside(first)) else { return nil }
        if HeadlineBlock.itemLabels.contains(String(first)) || HeadlineBlock.isRoundupLabel(first) { return 1 }
        // `同志们，朋友们：`; a speech's salutation of several lines (`尊敬的温敏总统，` /
        // `尊敬的昂山素季国务资政，` / `女士们，先生们，朋友们：`); and an official notice's
        // addressees (`各省、自治区、直辖市人民政府，国务院各部委、各直属机构：`).
        func isSalutation(_ text: Substring) -> Bool {
            guard ChineseText.fits(text, within: 120), !HeadlineBlock.hasSentenceInside(text) else { return false }
            if HeadlineBlock.endsInColon(text) { return ChineseText.fits(text, within: 30) || text.hasPrefix("各") }
            return text.hasPrefix("尊敬的") && (text.hasSuffix("，") || text.hasSuffix(","))
        }
        // `靠前一步，守好群众钱袋子` / `“卖得出去赚小钱…`: a line with a comma, narrower than the
        // line above it, over a line that opens a paragraph as news writing opens one
        // (`opensParagraph`), ending bare, is the title under a kicker, not a paragraph's first
        // words a column cut.
        func overOpener(_ k: Int) -> Bool {
            guard k + 1 < lines.count, !lines[k + 1].breakAbove, let last = lines[k].text.unicodeScalars.last,
                  ChineseText.roughWidth(lines[k].text) < ChineseText.roughWidth(lines[k - 1].text),
                  ChineseText.endsBare(last) else { return false }
            let next = lines[k + 1].text
            // (A word across the two lines has already ended the headline above the comma test.)
            return Self.opensParagraph(next) || HeadlineBlock.leadTimeWords.contains(where: { next.hasPrefix($0) })
        }
        // `2020年春晚第二次彩排` / `欢乐吉祥，创新亮点频出`: a title of two whole phrases around
        // one comma, fewer characters than the kicker over it, is the headline's. A paragraph's
        // first words a column cut off under a title (`大漠驼影` / `冬日清晨，位于内蒙古巴彦淖`)
        // run longer than the title above them, open with a figure (`1月5日，…`) or have a time
        // word in their first clause (`近日，…`, `春节临近，…`): on
        // the month of 人民日报 set as printed pages, the test picks 22 titles and no paragraph
        // on either half, with either seed.
        func balancedTitle(_ k: Int) -> Bool {
            let scalars = lines[k].text.unicodeScalars
            guard let last = scalars.last, ChineseText.endsBare(last),
                  scalars.count < lines[k - 1].text.unicodeScalars.count else { return false }
            let clauses = scalars.split(whereSeparator: { $0 == "，" || $0 == "," })
            guard clauses.count == 2, clauses.allSatisfy({ $0.count >= 4 }), let opening = clauses.first?.first,
                  !Scalars.isDigit(opening), !HeadlineBlock.hasSentenceInside(lines[k].text),
                  !scalars.contains(where: { "：:；;".unicodeScalars.contains($0) }) else { return false }
            let first = String(String.UnicodeScalarView(clauses[0]))
            return !(HeadlineBlock.leadTimeWords + Self.openingTimeWords).contains(where: { first.contains($0) })
        }
        var n = 1
        while n < 5, i + n < lines.count, !lines[i + n].breakAbove {
            let k = i + n
            let text = lines[k].text
            let strong = HeadlineBlock.isSubtitleStart(text) || HeadlineBlock.isBracketedNote(text) || isSalutation(text)
            // A line right above the lead is the headline's last, however it reads: a 人民日报
            // subtitle may list a meeting's decisions, commas, semicolons and all.
            if n < 3, case .text = kinds[k], !HeadlineBlock.hasSentenceInside(text), k + 1 < lines.count,
               !lines[k + 1].breakAbove, case .lead = kinds[k + 1] {
                n += 1
                break
            }
            // `…神经内科专家王拥军——` / `探索医学未知，永无止境`: a kicker ending in a dash stands
            // over the title, commas and all; `衡阳 雁来有留意（经济聚焦）` / `2017年至2019年底，…` /
            // `核心阅读`: a summary's label opens the text, so the line above it is the headline's.
            // `李克强王沪宁韩正出席`: who attended closes a meeting's headline.
            let certain = (n == 1 && lines[k - 1].text.hasSuffix("——") && !HeadlineBlock.isSubtitleStart(lines[k - 1].text)
                    // A title is shorter than the kicker over it, by two characters at least
                    // (counted, not measured: a kicker's figures are narrow, `…9236名特困老人——`);
                    // a paragraph ending in a dash (`有些镜头，…记忆中——`) goes on in prose as long.
                    && candidate[k] && text.unicodeScalars.count + 2 <= lines[k - 1].text.unicodeScalars.count
                    || k + 1 < lines.count && !lines[k + 1].breakAbove && lines[k + 1].text.utf8.count <= 15
                        && HeadlineBlock.bodyLabels.contains(String(lines[k + 1].text))
                    // Who attended closes a headline of three lines or more; under a title alone,
                    // `国务院总理李强日前主持` / `召开…` is the text's first line.
                    || n >= 2 && HeadlineBlock.endsAttendance(text))
                && !HeadlineBlock.hasSentenceInside(text) && ChineseText.fits(text, within: 70)
                // Not a line that ends inside a word the next line finishes, or before one no
                // sentence opens with (`市委书记张三出席` / `会议并讲话。…`). Asked last: it searches the page.
                && !(k + 1 < lines.count && !lines[k + 1].breakAbove
                     && (adjacent.joins(text, lines[k + 1].text) || ChineseText.opensNothing(lines[k + 1].text)))
            if certain, case .text = kinds[k] {
                n += 1
                continue
            }
            if !strong {
                // `我们正生活在人类历史上` / `规模空前的城市化…`: a line that ends inside a word the
                // next line of text finishes is the first line of the text, however short. (Not
                // above a byline or lead, which a headline's last line stands over; and a title
                // may end in `的`: `幸福是奋斗出来的`.) A title of two phrases parted by a space
                // (`南京溧水 做优做强枢纽经济` / `工业机器人…`) needs a word across the seam, not
                // a pair the page writes across two words (`经济工作`); asked of every line here,
                // that stricter test lost as many headlines' lines as it saved.
                if k + 1 < lines.count, !lines[k + 1].breakAbove, case .text = kinds[k + 1],
                   HeadlineBlock.hasInnerSpace(text) ? adjacent.joinsInsideWord(text, lines[k + 1].text)
                                                     : adjacent.joins(text, lines[k + 1].text) { break }
                // `疾病是人生难以避免的风险` / `，健康是…`, `…詹家坳` / `村，村民们…`: nor is a line
                // the next one finishes, as no text opens (but `…（新春走基层）` / `车，盘山而上…`:
                // a column's tag is whole).
                if k + 1 < lines.count, !lines[k + 1].breakAbove, case .text = kinds[k + 1],
                   Self.opensWithClosingMark(lines[k + 1].text) || Self.cutInFigure(text, lines[k + 1].text)
                    || ChineseText.opensNothing(lines[k + 1].text) && text.unicodeScalars.last.map(ChineseText.endsSentence) == false { break }
                // `日本中央银行日前公布的…`: a news lead's time word is the text's; no line of a
                // headline under its first says `日前`, `近日`, `昨日` (none in a month of 人民日报).
                guard case .text = kinds[k], n < 2, candidate[k], !HeadlineBlock.endsWithColumnTag(lines[k - 1].text),
                      !HeadlineBlock.leadTimeWords.contains(where: { text.contains($0) }),
                      !text.unicodeScalars.contains("…"), !Credits.startsWithAgency(text) else { break }
                if HeadlineBlock.hasComma(text), !text.hasSuffix("——"),
                   !HeadlineBlock.endsWithColumnTag(text), !overOpener(k), !balancedTitle(k) { break }
            } else {
                switch kinds[k] {
                case .text, .dateLine, .signature: break
                default: return n
                }
            }
            n += 1
        }
        return n
    }

    /// Time words that open a paragraph's first clause (`春节临近，…`, `今年以来，…`), not a title's.
    static let openingTimeWords = ["近年", "今年", "去年", "目前", "连日", "当天", "最近", "今天", "昨天", "春节", "临近"]

    /// How many lines from `i` form a headline block, or nil when line `i` does not start one.
    /// `candidate[k]`: line `k` is plain text that may belong to a headline (`HeadlineBlock.isCandidate`).
    func headlineBlockLength(_ lines: [PagePartLine], _ kinds: [Kind], _ candidate: [Bool], at i: Int) -> Int? {
        func isCandidate(_ k: Int) -> Bool { k < candidate.count && candidate[k] }
        guard isCandidate(i) else { return nil }
        var n = 1
        while n < 4, isCandidate(i + n), !lines[i + n].breakAbove { n += 1 }
        // Five short lines in a row are a list or a poem, not a headline block.
        if n == 4, isCandidate(i + 4) { return nil }
        let next = i + n
        var strong = false
        var followedByProse = false
        if next >= lines.count {
            strong = true
        } else {
            switch kinds[next] {
            case .lead, .byline, .header, .editor, .dateLine, .caption: strong = true
            case .marker(let direction): strong = direction == .continuedFrom
            case .text: followedByProse = Self.looksLikeProse(lines[next].text)
            case .masthead, .signature: break
            case .index: strong = true
            }
        }
        let open = current.map(Self.endsOpen) ?? false
        // `我国羽绒年产量达` / `40万吨左右` / `本报电 …` inside a roundup: with no gap above, a
        // lead under a cut line proves no new item (`continuesItem`).
        if open, continuesItem(lines[i]) { return nil }
        if open {
            // A short line after a paragraph cut mid-sentence is the rest of that paragraph,
            // unless a dateline or byline right after it proves it is a new headline.
            guard next < lines.count else { return nil }
            switch kinds[next] {
            case .lead: return n
            case .byline(let byline): return byline.signedOnly ? nil : n
            default: return nil
            }
        }
        // `守护平安是我们的职责` / `本报记者 某某` inside a feature: on a page that parts its
        // items by a wider gap, a headline and byline with no gap above are one of the item's
        // stories, and stay in it (the electronic edition files them as one article). One gap
        // below the top is enough (a page of two items has one): if it were a slip of the copying,
        // items would run together, which costs a reader less than a story cut out of its feature.
        if continuesItem(lines[i]) { return nil }
        if strong { return n }
        if breaksItems { return nil }
        // `停车位缺口有多大？` between an interview's answers: a question, not a new article.
        if let a = current, !a.paragraphs.isEmpty,
           lines[i..<next].allSatisfy({ $0.text.unicodeScalars.last == "？" || $0.text.unicodeScalars.last == "?" }) {
            return nil
        }
        // A short line with a comma before plain prose is more often the first part of a
        // paragraph a column cut (`同时,…成立专班,高位谋`) than a title: those need a lead or byline.
        if followedByProse, !lines[i..<next].contains(where: { HeadlineBlock.hasComma($0.text) }) {
            // Inside an article, one plain short line before prose is a subhead (`创新资源加速引进来`),
            // or a paragraph's first words a column cut: a new article's headline shows more, a
            // column's name, a kicker or a subtitle.
            // (An unindented line under indented paragraphs stands apart by its layout.)
            if n == 1, let a = current, !a.paragraphs.isEmpty, !Self.endsOpen(a),
               !HeadlineBlock.endsWithColumnTag(lines[i].text), !(i > 0 && lines[i].indent < lines[i - 1].indent) { return nil }
            return n
        }
        return nil
    }

    /// A headline of one or two lines whose last line is only a person's name, followed by
    /// plain text (not a lead or byline, which would credit the article themselves): the
    /// number of lines including the name, or nil.
    func signedTitle(_ lines: [PagePartLine], _ kinds: [Kind], _ candidate: [Bool], at i: Int) -> Int? {
        if let a = current, Self.endsOpen(a) { return nil }
        // An essay signed inside a feature, with no wider gap above it, is one of the feature's pieces.
        if continuesItem(lines[i]) { return nil }
        for n in [2, 3] {
            let name = i + n - 1, next = i + n
            guard next < lines.count, (i..<name).allSatisfy({ candidate[$0] }), !lines[(i + 1)...next].contains(where: \.breakAbove),
                  case .text = kinds[name], Credits.isProbableName(lines[name].text),
                  case .text = kinds[next] else { continue }
            // The title must not itself look like a name, and the name line must be shorter.
            if Credits.isProbableName(lines[i].text) { return nil }
            // `从首张月背照片到首` / `张黑洞` / `照片，…`: a name that finishes the line's last word
            // is a column's cut, not an author.
            if adjacent.joins(lines[name - 1].text, lines[name].text) { return nil }
            return n
        }
        return nil
    }
}
