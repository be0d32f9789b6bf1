import DubaoText
import DubaoModel

/// Parses the lines of one page (between two page headers) into articles.
struct ChunkParser {
    var fileName: String
    var usesIndent: Bool
    var articles: [Article] = []
    var pageLines: [PageLine] = []
    var warnings: [ImportWarning] = []
    var date: (found: PageFurniture.IssueDateFound, line: Int)?
    var paper = ""
    var current: Article?
    /// The last paragraph ends where its last line ends, punctuation or not: it began with a line
    /// too short to be a column's (`narrowestColumn`) or one of an item's parallel subheads, or
    /// its last line must end it (`paragraphEnds`).
    var startStandsAlone = false
    /// The last paragraph stands alone only as one of an item's parallel subheads, at least a
    /// column wide: a line too short for a column under it is its last words (`subheadsTail`).
    var standsAloneAsParallel = false
    /// The numbers of the lines that are a paragraph's middle piece, too short to open one
    /// (`middlePieceFollows`): the line above goes on into them.
    var middlePieces: Set<Int> = []
    /// The numbers of the lines that are one of an item's parallel subheads (`parallelSubheads`).
    var parallelSubheads: Set<Int> = []
    /// The numbers of the lines that end their paragraph though they end mid-sentence: subheads
    /// over a line that opens a paragraph (`subheadsOverOpeners`), and ends the count of a
    /// column's cuts calls for (`cutBudgetEnds`).
    var paragraphEnds: Set<Int> = []
    /// The width the page's text was wrapped at, if it was (`columnWidth`), once asked.
    var wrapWidthFound: Int??
    /// Lines before this one are prose a column cut, not verse (`verseLength` met a cut word there).
    var proseUntil = 0
    /// Characters in the narrowest newspaper column: a line cut by a column is at least this long.
    static let narrowestColumn = 8

    /// The page parts its items by a wider gap (`PageParser.markBreaks`): a headline block starts
    /// only after one, unless a lead or byline right below proves it.
    var breaksItems: Bool

    /// The page parts its items by a wider gap (once or more below its top line, and not by
    /// indentation): a headline that even a lead or byline under it proves starts an item only
    /// after a gap. (Asking for two gaps left the stories of a page's two features as articles of
    /// their own: on the month of 人民日报, one gap is enough for 2 more articles right on days
    /// 1–21 and 3 on 22–31.)
    var itemsStartAfterBreaks = false

    /// The page's own pairs of adjacent characters and ICU's dictionary: a line's end and the next
    /// line's start that make a pair or a word are a word a column cut (`AdjacentPairs`).
    var adjacent = AdjacentPairs([])

    init(fileName: String, usesIndent: Bool, breaksItems: Bool = false) {
        self.fileName = fileName
        self.usesIndent = usesIndent
        self.breaksItems = breaksItems
    }

    mutating func run(_ lines: [PagePartLine]) {
        adjacent = AdjacentPairs(lines.map(\.text))
        itemsStartAfterBreaks = breaksItems && !usesIndent && lines.dropFirst().contains(where: \.breakAbove)
        var kinds = lines.map { Self.kind(of: $0.text) }
        Self.markMasthead(lines, &kinds)
        Self.markSignatures(lines, &kinds)
        if !usesIndent {
            let subheads = Self.subheadsOverOpeners(lines, adjacent: adjacent)
            let lineLength = PageLineLength(lines)
            let budget = Self.cutBudgetEnds(lines, kinds, adjacent: adjacent, known: subheads, lineLength: lineLength)
            paragraphEnds = subheads.union(budget).union(Self.verseCoupletEnds(lines))
            middlePieces = Set(lines.indices.filter { Self.middlePieceFollows(lines, $0, adjacent: adjacent) }.map { lines[$0 + 1].number })
            if breaksItems {
                parallelSubheads = Self.parallelSubheads(lines, adjacent: adjacent, anchors: paragraphEnds, lineLength: lineLength)
            }
        }
        // Whether a line may belong to a headline: asked of a line up to five times below (a
        // block after a break, a signed title of two lines and of three, verse, a headline block).
        // Where the page indents its paragraphs, an indented line is never a headline.
        let candidate = lines.indices.map { k in
            if usesIndent, lines[k].indent >= 2 { return false }
            if case .text = kinds[k] { return HeadlineBlock.isCandidate(lines[k].text) } else { return false }
        }
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.headlineRole != nil {
                var n = 1
                while i + n < lines.count, lines[i + n].headlineRole != nil, !lines[i + n].breakAbove { n += 1 }
                startTypesetHeadline(lines[i..<(i + n)])
                i += n
                continue
            }
            switch kinds[i] {
            case .lead where insideIndentedBody(line):
                // `　　新华社北京12月31日电` after a summary: the article's own text, not a new one.
                addText(line.text, line: line)
            case .editor where creditsAGraphic(line):
                // `制图：某某` under a chart credits the article above it, not the page.
                addText(line.text, line: line, separate: true)
            case .byline where insideIndentedBody(line), .editor where insideIndentedBody(line),
                 .caption where insideIndentedBody(line):
                // `　　版式设计：某某` closing an article is its text; the page's footer is not indented.
                // A caption set in the text stays where it stands.
                addText(line.text, line: line, separate: true)
            case .header:
                pageLines.append(PageLine(kind: .header, text: String(line.text), line: line.number))
            case .editor:
                // A footer closes the article above it: what follows is not its text.
                finishArticle()
                pageLines.append(PageLine(kind: .editor, text: String(line.text), line: line.number))
            case .dateLine(let d, let name):
                finishArticle()
                pageLines.append(PageLine(kind: .meta, text: String(line.text), line: line.number))
                if date == nil { date = (d, line.number) }
                if paper.isEmpty { paper = name }
            case .marker(let direction):
                addMarker(line, direction)
            case .lead where continuesItem(line) && !current!.paragraphs.isEmpty:
                // `本报北京1月5日电…` inside an item of a page that parts its items by a wider gap,
                // with none above it: one of the item's briefs, its text.
                addText(line.text, line: line, separate: true)
            case .lead(var lead):
                // `本报江城1月2日电` / `（记者林晓）`: a lead's credit on a line of its own.
                if lead.credit.isEmpty, lead.rest.isEmpty, i + 1 < lines.count, !lines[i + 1].breakAbove,
                   HeadlineBlock.isBracketedNote(lines[i + 1].text), Credits.roles.contains(where: { lines[i + 1].text.contains($0) }),
                   let joined = Credits.lead(Substring(String(line.text) + String(lines[i + 1].text))),
                   !joined.credit.isEmpty, joined.rest.isEmpty {
                    lead = joined
                    i += 1
                }
                if let a = current, a.paragraphs.isEmpty, a.captions.isEmpty, a.dateline.isEmpty, !a.credit.isEmpty {
                    // A byline above the lead: an article's dateline comes before its credit, so
                    // this dateline cannot go where the page put it. The lead stays text, whole
                    // (found by the fuzzer: the page's order was lost).
                    addText(line.text, line: line)
                    break
                }
                if var a = current, a.paragraphs.isEmpty, a.captions.isEmpty, a.dateline.isEmpty {
                    a.dateline = lead.dateline
                    a.credit = lead.credit
                    a.reporters += lead.reporters
                    current = a
                } else {
                    startArticle(at: line, reason: .untitledLead)
                    current!.dateline = lead.dateline
                    current!.credit = lead.credit
                    current!.reporters = lead.reporters
                }
                if !lead.rest.isEmpty { addText(lead.rest, line: line) }
            case .byline where current.map(Self.endsOpen) ?? false && !(continuesItem(line) && bylineStandsAlone()):
                // `本报北京1月2日电  （` / `记者谢湘）…`: a lead's credit a column cut in two.
                addText(line.text, line: line)
            case .byline where continuesItem(line) && !current!.paragraphs.isEmpty:
                // `本报记者 某某文` under a feature's last paragraph, where the page parts its items
                // by a wider gap and gives none here: the item's signature, its text, a line of its own.
                addText(line.text, line: line, separate: true)
                startStandsAlone = true
            case .byline(let byline):
                let names = byline.names
                if let a = current, a.paragraphs.isEmpty, a.captions.isEmpty, a.credit.isEmpty, a.dateline.isEmpty {
                    current!.credit = String(line.text)
                    current!.reporters = names
                } else if byline.signedOnly, i + 1 < lines.count, case .lead = kinds[i + 1] {
                    // `■简讯` right above a 本报讯 lead: the brief's headline, ornament and all.
                    finishArticle()
                    current = Article(title: String(line.text), sourceLines: LineRange(first: line.number, last: line.number))
                } else if byline.signedOnly, current != nil {
                    // `■创新驱动` in a body: a subheading of its own, not an author.
                    addText(line.text, line: line, separate: true)
                } else {
                    startArticle(at: line, reason: .untitledByline)
                    current!.credit = String(line.text)
                    current!.reporters = names
                }
            case .index:
                // A table of contents ends the article above it and belongs to the page.
                finishArticle()
                pageLines.append(PageLine(kind: .meta, text: String(line.text), line: line.number))
            case .masthead(let name):
                pageLines.append(PageLine(kind: .meta, text: String(line.text), line: line.number))
                if paper.isEmpty { paper = name }
            case .signature:
                if current == nil { startArticle(at: line, reason: .untitledSignature) }
                addText(line.text, line: line, separate: true)
            case .caption:
                if current == nil || !current!.continuation.isEmpty {
                    startArticle(at: line, reason: .untitledCaption)
                }
                current!.captions.append(Caption(text: String(line.text), afterParagraph: current!.paragraphs.count))
            case .text where i > 0 && captionGoesOn(lines[i], after: kinds[i - 1]):
                current!.captions[current!.captions.count - 1].text += line.text
            case .text:
                // On a page that indents its paragraphs, the unindented lines are headlines; on one
                // that parts its items by a wider gap, the headline-like lines after the gap are.
                if let n = indentedHeadlineLength(lines, kinds, at: i) ?? brokenHeadlineLength(lines, kinds, candidate, at: i) {
                    startHeadline(lines[i..<(i + n)])
                    i += n
                    continue
                }
                if let n = signedTitle(lines, kinds, candidate, at: i) {
                    // `故乡的秋` / `李白杨`: an arts page's title with its author's bare name under it.
                    finishArticle()
                    let author = lines[i + n - 1]
                    let block = HeadlineBlock.assign(lines[i..<(i + n - 1)].map(\.text))
                    current = Article(kicker: block.kicker, title: block.title, subtitle: block.subtitle,
                                      credit: String(author.text), reporters: [String(author.text)],
                                      sourceLines: LineRange(first: line.number, last: author.number))
                    i += n
                    continue
                }
                if let n = verseLength(lines, kinds, candidate, at: i) {
                    // Short lines without punctuation inside an article are verse: a line each.
                    for k in i..<(i + n) { addText(lines[k].text, line: lines[k], separate: true) }
                    current!.sourceLines.last = lines[i + n - 1].number
                    i += n
                    continue
                }
                if let n = headlineBlockLength(lines, kinds, candidate, at: i) {
                    startHeadline(lines[i..<(i + n)])
                    i += n
                    continue
                }
                if current == nil { startArticle(at: line, reason: .untitledTextFirst) }
                addText(line.text, line: line)
            }
            // (`lines[i]`: a lead may have taken the line after it.)
            if current != nil { current!.sourceLines.last = lines[i].number }
            i += 1
        }
        finishArticle()
    }

    /// `守护平安是我们的职责` / `本报记者 丁一` inside a feature: the byline of one of its stories,
    /// a line of its own, unless the line above leaves a lead's credit open (`本报北京1月2日电 （`).
    func bylineStandsAlone() -> Bool {
        guard let paragraph = current?.paragraphs.last, let last = paragraph.unicodeScalars.last else { return false }
        return !ChineseText.isOpeningMark(last) && !Self.leavesBracketOpen(paragraph)
    }

    /// `（新华社北京1月5日电` / `记者杨思琪、侯雪静、` / `严勇、韩朝阳）`: a closing credit in
    /// brackets a column cut, still open at the paragraph's end (looked for in its last forty
    /// characters: a credit is shorter).
    static func leavesBracketOpen(_ paragraph: String) -> Bool {
        for s in paragraph.unicodeScalars.reversed().prefix(40) {
            if s == "）" || s == ")" { return false }
            if s == "（" || s == "(" { return true }
        }
        return false
    }

    /// `图为1月6日，武警广西总` / `队来宾支队特战队员…`: a caption a column cut mid-sentence goes
    /// on in the next line, which stays with it rather than becoming a paragraph out of page order.
    /// Not after a photographer's `摄`, which ends a caption however it is punctuated, nor across
    /// a gap.
    func captionGoesOn(_ line: PagePartLine, after previous: Kind) -> Bool {
        guard case .caption = previous, !line.breakAbove, let a = current, a.continuation.isEmpty,
              let caption = a.captions.last, caption.afterParagraph == a.paragraphs.count,
              let last = caption.text.unicodeScalars.last else { return false }
        // Only a caption that describes (`图为…`, `▲…`), which ends with its sentence; a credit
        // (`…摄影报道`, `新华社记者 某某 摄`) ends where it ends, and on a page without gaps the next
        // item's headline may stand right under it.
        let describes = ["图为", "上图", "下图", "左图", "右图", "▲"].contains(where: { caption.text.hasPrefix($0) })
        return describes && !ChineseText.endsSentence(last) && last != "—" && !caption.text.unicodeScalars.contains("摄")
    }

    /// `制图：沈某`, `本版制图：…` alone inside an article's text: the chart's credit; and
    /// `版式设计：某某` right under an article's last line on a page that parts its items by a
    /// wider gap, which 人民日报 sets at the end of a feature's text. A page's footer names its
    /// editors (`责任编辑：…　制图：…`) and stays page furniture, as does a designer's credit set
    /// apart by a gap, or on a page that gives no gaps to tell.
    func creditsAGraphic(_ line: PagePartLine) -> Bool {
        guard let a = current, !a.paragraphs.isEmpty else { return false }
        let text = line.text
        if text.unicodeScalars.contains("编") { return false }
        if text.hasPrefix("制图") || text.hasPrefix("本版制图") { return true }
        return (text.hasPrefix("版式设计") || text.hasPrefix("视觉设计")) && breaksItems && !line.breakAbove
    }

    /// A line inside the current item of a page that parts its items by a wider gap regularly
    /// (`itemsStartAfterBreaks`), with none above it: it belongs to that item, whatever it reads as.
    func continuesItem(_ line: PagePartLine) -> Bool {
        itemsStartAfterBreaks && !line.breakAbove && current != nil
    }

    /// An indented line of an article that already has text: on a page that indents its
    /// paragraphs only an unindented headline starts another article.
    func insideIndentedBody(_ line: PagePartLine) -> Bool {
        guard usesIndent, line.indent >= 2, let a = current else { return false }
        return !a.paragraphs.isEmpty || !a.captions.isEmpty
    }

    mutating func addMarker(_ line: PagePartLine, _ direction: ContinuationMarker.Direction) {
        let text = String(line.text)
        switch direction {
        case .continuesOn:
            if current != nil, current!.continuation.isEmpty {
                current!.continuation = text
            } else {
                pageLines.append(PageLine(kind: .meta, text: text, line: line.number))
            }
        case .continuedFrom:
            // The marker reads before a dateline and credit: under a byline it starts an item of its own.
            if let a = current, a.paragraphs.isEmpty, a.captions.isEmpty, a.continuedFrom.isEmpty, a.dateline.isEmpty,
               a.credit.isEmpty {
                current!.continuedFrom = text
            } else {
                finishArticle()
                current = Article(continuedFrom: text, sourceLines: LineRange(first: line.number, last: line.number))
            }
        }
    }

    /// Ends the article above and starts one under these headline lines.
    mutating func startHeadline(_ block: ArraySlice<PagePartLine>) {
        finishArticle()
        let roles = HeadlineBlock.assign(block.map(\.text))
        current = Article(kicker: roles.kicker, title: roles.title, subtitle: roles.subtitle,
                          sourceLines: LineRange(first: block.first!.number, last: block.last!.number))
    }

    /// Ends the article above and starts one under a headline whose roles the type gave.
    mutating func startTypesetHeadline(_ block: ArraySlice<PagePartLine>) {
        finishArticle()
        let roles = HeadlineBlock.typeset(block.map { ($0.headlineRole!, $0.text) })
        current = Article(kicker: roles.kicker, title: roles.title, subtitle: roles.subtitle,
                          sourceLines: LineRange(first: block.first!.number, last: block.last!.number))
    }

    mutating func startArticle(at line: PagePartLine, reason: Phrase) {
        finishArticle()
        current = Article(sourceLines: LineRange(first: line.number, last: line.number))
        warnings.append(ImportWarning(file: fileName, line: line.number, Sentence(.warnUntitled, Sentence(reason))))
    }

    mutating func finishArticle() {
        guard let article = current else { return }
        // `（上接第1版）` on a line of its own above the next title: it names no article of its
        // own, and the one below cannot take it without reading out of page order.
        if !article.continuedFrom.isEmpty, article.title.isEmpty, article.kicker.isEmpty, article.paragraphs.isEmpty,
           article.captions.isEmpty, article.dateline.isEmpty, article.credit.isEmpty, article.continuation.isEmpty {
            pageLines.append(PageLine(kind: .meta, text: article.continuedFrom, line: article.sourceLines.first))
            current = nil
            return
        }
        if article.isHeadlineOnly && article.dateline.isEmpty && article.credit.isEmpty {
            warnings.append(ImportWarning(file: fileName, line: article.sourceLines.first,
                                          Sentence(.warnHeadlineOnly, article.displayTitle)))
        }
        articles.append(article)
        current = nil
    }
}
