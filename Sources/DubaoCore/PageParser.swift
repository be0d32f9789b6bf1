#if canImport(Glibc)
import Glibc
#endif
import DubaoModel

/// Reads the text of one raw page file into sections and articles.
///
/// The parser knows the conventions of Chinese newspaper pages, not any particular page:
/// page headers split sections, headline blocks start articles, datelines and bylines credit
/// them, and paragraphs that the page's columns cut in two are joined again. Every non-blank
/// character of the input ends up in exactly one field, in order.
public struct PageParser {
    /// What one file yielded, before the importer gives articles their IDs.
    public struct Page {
        public var sections: [Section]
        public var date: IssueDate?
        /// Line of the page that gave the date.
        public var dateLine: Int
        public var paper: String
        public var warnings: [ImportWarning]
    }

    struct Line {
        var number: Int
        var text: Substring
        var indent: Int
        /// How many blank lines stand right above this one.
        var blanksAbove = 0
        /// More blank lines stand above this one than the page puts between its lines: a break
        /// between items (`PageParser.markBreaks`).
        var breakAbove = false
    }

    public var fileName: String
    /// Section name for a page without headers.
    public var defaultSection: String

    public init(fileName: String, defaultSection: String) {
        self.fileName = fileName
        self.defaultSection = defaultSection
    }

    public func parse(_ text: String) -> Page {
        var warnings: [ImportWarning] = []
        var lines = Self.splitLines(text)
        Self.markBreaks(&lines)
        var chunks: [(header: PageFurniture.Header?, lines: [Line])] = [(nil, [])]
        var date: IssueDate?
        var dateLine = 0
        var paper = ""
        for line in lines {
            if let header = PageFurniture.header(line.text) {
                chunks.append((header, [line]))
                if date == nil, let d = header.date, let found = IssueDate(year: d.year, month: d.month, day: d.day) {
                    date = found
                    dateLine = line.number
                }
                if paper.isEmpty { paper = header.paper }
            } else {
                chunks[chunks.count - 1].lines.append(line)
            }
        }
        let usesIndent = Self.usesIndentation(lines)
        var sections: [Section] = []
        var carried: [PageLine] = []
        for chunk in chunks {
            var parsed = ChunkParser(fileName: fileName, usesIndent: usesIndent,
                                     breaksItems: chunk.lines.contains(where: \.breakAbove))
            parsed.run(chunk.lines)
            warnings += parsed.warnings
            if date == nil, let d = parsed.date {
                date = IssueDate(year: d.found.year, month: d.found.month, day: d.found.day)
                dateLine = d.line
            }
            if paper.isEmpty { paper = parsed.paper }
            if parsed.articles.isEmpty && chunk.header == nil {
                // Only the chunk before the first header has none: its furniture belongs to the first page.
                carried += parsed.pageLines
                continue
            }
            let name: String
            let page: String
            if let header = chunk.header {
                page = header.page
                name = header.name.isEmpty ? header.page : header.name
            } else {
                page = ""
                name = defaultSection
            }
            if parsed.articles.isEmpty {
                warnings.append(ImportWarning(file: fileName, line: chunk.lines.first?.number ?? 0,
                                              message: "page “\(name)” has no articles; its header and footer are kept"))
            }
            sections.append(Section(name: name, order: sections.count + 1, page: page,
                                    pageLines: carried + parsed.pageLines, articles: parsed.articles))
            carried = []
        }
        if !carried.isEmpty {
            if sections.isEmpty {
                sections.append(Section(name: defaultSection, order: 1, pageLines: carried))
            } else {
                sections[sections.count - 1].pageLines += carried
            }
        }
        return Page(sections: sections, date: date, dateLine: dateLine, paper: paper, warnings: warnings)
    }

    /// The lines that are not blank, trimmed, with their 1-based numbers, indentation and the
    /// blank lines above them.
    static func splitLines(_ text: String) -> [Line] {
        var lines: [Line] = []
        var number = 0
        // Split on the newline byte, found by memchr: grapheme breaking a whole page is slow, and
        // so was the generic split over the UTF-8 view.
        var offsets: [Int] = []
        var copy = text
        copy.withUTF8 { b in
            guard let base = b.baseAddress else { return }
            var at = 0
            while at < b.count, let hit = memchr(base + at, 0x0A, b.count - at) {
                let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                offsets.append(k)
                at = k + 1
            }
        }
        offsets.append(text.utf8.count)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var startOffset = 0
        var blankAbove = 0
        for end in offsets {
            number += 1
            let endIndex = utf8.index(start, offsetBy: end - startOffset)
            let raw = text[start..<endIndex]
            if endIndex < utf8.endIndex {
                start = utf8.index(after: endIndex)
                startOffset = end + 1
            }
            let trimmed = ChineseText.trimmed(raw)
            if trimmed.isEmpty {
                blankAbove += 1
                continue
            }
            lines.append(Line(number: number, text: trimmed, indent: ChineseText.indentation(raw), blanksAbove: blankAbove))
            blankAbove = 0
        }
        return lines
    }

    /// Marks the lines with more blank lines above them than the page usually has between two
    /// lines. An electronic edition saved an article a file has a blank line above each headline
    /// and none inside the text; a page copied out with a blank line after every line has two
    /// between items. A page with no usual gap (too few lines, or gaps of every size) has no breaks.
    static func markBreaks(_ lines: inout [Line]) {
        guard lines.count >= 6 else { return }
        var counts: [Int: Int] = [:]
        for line in lines.dropFirst() { counts[min(line.blanksAbove, 3), default: 0] += 1 }
        guard let (usual, seen) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
              seen * 3 >= (lines.count - 1) * 2, usual < 3 else { return }
        for k in lines.indices.dropFirst() where lines[k].blanksAbove > usual { lines[k].breakAbove = true }
        // The top of a page that has breaks starts an item as a break does.
        if lines.dropFirst().contains(where: \.breakAbove) { lines[0].breakAbove = true }
    }

    /// Pages that mark paragraph starts by indentation: an indented line then starts a paragraph
    /// even when the one before it ends mid-sentence.
    static func usesIndentation(_ lines: [Line]) -> Bool {
        let long = lines.filter { !ChineseText.fits($0.text, within: 60) }
        guard long.count >= 3 else { return false }
        return long.filter { $0.indent >= 2 }.count * 2 >= long.count
    }
}

/// Parses the lines of one page (between two page headers) into articles.
struct ChunkParser {
    var fileName: String
    var usesIndent: Bool
    var articles: [Article] = []
    var pageLines: [PageLine] = []
    var warnings: [ImportWarning] = []
    var date: (found: PageFurniture.IssueDateFound, line: Int)?
    var paper = ""
    private var current: Article?
    /// The last paragraph began with a line too short to be a column's (`narrowestColumn`).
    private var shortStart = false
    /// Characters in the narrowest newspaper column: a line cut by a column is at least this long.
    static let narrowestColumn = 8

    /// The page parts its items by a wider gap (`PageParser.markBreaks`): a headline block starts
    /// only after one, unless a lead or byline right below proves it.
    var breaksItems: Bool

    init(fileName: String, usesIndent: Bool, breaksItems: Bool = false) {
        self.fileName = fileName
        self.usesIndent = usesIndent
        self.breaksItems = breaksItems
    }

    enum Kind {
        case header
        case editor
        case dateLine(PageFurniture.IssueDateFound, paper: String)
        case marker(ContinuationMarker.Direction)
        case caption
        case byline(Credits.Byline)
        case lead(Credits.Lead)
        /// The paper's name, a weekday or a lunar date beside the date at the top of a page.
        case masthead(paper: String)
        /// `江城市人民政府` / `2025年10月20日` under a notice: its signature, part of its text.
        case signature
        /// A line of a front page's table of contents (`今日导读`, `…（第2版）`).
        case index
        case text
    }

    static func kind(of text: Substring) -> Kind {
        // Most lines are long paragraphs: of all the furniture, only a lead or a caption can be that long.
        if !ChineseText.fits(text, within: 100) {
            if let lead = Credits.lead(text) { return .lead(lead) }
            return Credits.isCaption(text) ? .caption : .text
        }
        if PageFurniture.header(text) != nil { return .header }
        if PageFurniture.isEditorLine(text) { return .editor }
        if PageFurniture.isIndexLine(text) { return .index }
        if let d = PageFurniture.dateLine(text) { return .dateLine(d.date, paper: d.paper) }
        if let m = ContinuationMarker.whole(text) { return .marker(m) }
        if let lead = Credits.lead(text) { return .lead(lead) }
        if let byline = Credits.byline(text) { return .byline(byline) }
        if Credits.isCaption(text) { return .caption }
        return .text
    }

    mutating func run(_ lines: [PagePartLine]) {
        var kinds = lines.map { Self.kind(of: $0.text) }
        Self.markMasthead(lines, &kinds)
        Self.markSignatures(lines, &kinds)
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
            case .lead(let lead):
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
                    startArticle(at: line, reason: "a lead without a headline")
                    current!.dateline = lead.dateline
                    current!.credit = lead.credit
                    current!.reporters = lead.reporters
                }
                if !lead.rest.isEmpty { addText(lead.rest, line: line) }
            case .byline where current.map(Self.endsOpen) ?? false:
                // `本报北京1月2日电  （` / `记者谢湘）…`: a lead's credit a column cut in two.
                addText(line.text, line: line)
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
                    startArticle(at: line, reason: "a byline without a headline")
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
                if current == nil { startArticle(at: line, reason: "a signature without a headline") }
                addText(line.text, line: line, separate: true)
            case .caption:
                if current == nil || !current!.continuation.isEmpty {
                    startArticle(at: line, reason: "a photo caption without a headline")
                }
                current!.captions.append(Caption(text: String(line.text), afterParagraph: current!.paragraphs.count))
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
                if current == nil { startArticle(at: line, reason: "text before any headline") }
                addText(line.text, line: line)
            }
            if current != nil { current!.sourceLines.last = line.number }
            i += 1
        }
        finishArticle()
    }

    /// `制图：沈某`, `本版制图：…` alone inside an article's text: the chart's credit. A page's
    /// footer names its editors (`责任编辑：…　制图：…`) and stays page furniture.
    func creditsAGraphic(_ line: PagePartLine) -> Bool {
        guard let a = current, !a.paragraphs.isEmpty else { return false }
        let text = line.text
        return (text.hasPrefix("制图") || text.hasPrefix("本版制图")) && !text.unicodeScalars.contains("编")
    }

    /// An indented line of an article that already has text: on a page that indents its
    /// paragraphs only an unindented headline starts another article.
    func insideIndentedBody(_ line: PagePartLine) -> Bool {
        guard usesIndent, line.indent >= 2, let a = current else { return false }
        return !a.paragraphs.isEmpty || !a.captions.isEmpty
    }

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
        // rare blank line parts them (`…曹某图` under a cartoon, then the next headline).
        if let a = current, Self.endsOpen(a), !lines[i].breakAbove,
           Self.looksLikeProse(lines[i].text) { return nil }
        var n = 0
        while i + n < lines.count, n < 6, lines[i + n].indent < 2 {
            // `图片报道` or a painting's name with no text of its own, then the next headline: a
            // rare blank line between them ends the first item.
            // A salutation (`同志们，朋友们：`) stays with its title across the gap.
            if n > 0, lines[i + n].breakAbove, !HeadlineBlock.endsInColon(lines[i + n].text) { return n }
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
        if HeadlineBlock.itemLabels.contains(String(first)) { return 1 }
        func isSalutation(_ text: Substring) -> Bool {
            HeadlineBlock.endsInColon(text) && ChineseText.fits(text, within: 30)
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
            if !strong {
                guard case .text = kinds[k], n < 2, candidate[k], !HeadlineBlock.endsWithColumnTag(lines[k - 1].text),
                      !text.unicodeScalars.contains("…"), !Credits.startsWithAgency(text) else { break }
                if HeadlineBlock.hasComma(text), !text.hasSuffix("——"),
                   !HeadlineBlock.endsWithColumnTag(text) { break }
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

    /// The lines at the top of a page, around a date line, that only give the paper's name,
    /// the weekday or the lunar date: page furniture, never a headline.
    static func markMasthead(_ lines: [PagePartLine], _ kinds: inout [Kind]) {
        var start = 0
        while start < lines.count, case .header = kinds[start] { start += 1 }
        var end = start
        var sawDate = false
        var masthead: [(Int, String)] = []
        while end < lines.count {
            if case .dateLine = kinds[end] {
                sawDate = true
            } else if case .text = kinds[end], let paper = PageFurniture.mastheadLine(lines[end].text) {
                masthead.append((end, paper))
            } else if case .header = kinds[end] {
            } else {
                break
            }
            end += 1
        }
        guard sawDate else { return }
        for (k, paper) in masthead { kinds[k] = .masthead(paper: paper) }
    }

    /// A date line after the page's prose has begun signs the text above it; so does a short
    /// line right above such a date (the office that signed). Neither dates the issue.
    static func markSignatures(_ lines: [PagePartLine], _ kinds: inout [Kind]) {
        var sawProse = false
        for k in kinds.indices {
            switch kinds[k] {
            case .lead:
                sawProse = true
            case .text:
                if !sawProse, looksLikeProse(lines[k].text) { sawProse = true }
            case .dateLine where sawProse:
                kinds[k] = .signature
                if k > 0, case .text = kinds[k - 1], ChineseText.fits(lines[k - 1].text, within: 40),
                   !looksLikeProse(lines[k - 1].text), k > 1, case .text = kinds[k - 2], looksLikeProse(lines[k - 2].text) {
                    kinds[k - 1] = .signature
                }
            default:
                break
            }
        }
    }

    /// A headline of one or two lines whose last line is only a person's name, followed by
    /// plain text (not a lead or byline, which would credit the article themselves): the
    /// number of lines including the name, or nil.
    func signedTitle(_ lines: [PagePartLine], _ kinds: [Kind], _ candidate: [Bool], at i: Int) -> Int? {
        if let a = current, Self.endsOpen(a) { return nil }
        for n in [2, 3] {
            let name = i + n - 1, next = i + n
            guard next < lines.count, (i..<name).allSatisfy({ candidate[$0] }), !lines[(i + 1)...next].contains(where: \.breakAbove),
                  case .text = kinds[name], Credits.isProbableName(lines[name].text),
                  case .text = kinds[next] else { continue }
            // The title must not itself look like a name, and the name line must be shorter.
            if Credits.isProbableName(lines[i].text) { return nil }
            return n
        }
        return nil
    }

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

    static func looksLikeProse(_ text: Substring) -> Bool {
        // The length first: it settles a long line from its byte count alone.
        !ChineseText.fits(text, within: 70) || text.unicodeScalars.contains(where: ChineseText.isProsePunctuation)
    }

    /// Does the article's last paragraph stop mid-sentence, so that the next text continues it?
    static func endsOpen(_ article: Article) -> Bool {
        guard article.continuation.isEmpty, let last = article.paragraphs.last?.unicodeScalars.last else { return false }
        // A photo caption set between two halves of a cut paragraph keeps them apart: joining
        // them would move the caption out of page order, which the lossless promise forbids.
        if let caption = article.captions.last, caption.afterParagraph == article.paragraphs.count { return false }
        if !ChineseText.endsSentence(last) {
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

    /// `…吞吐量12.` then `6万吨，…`: a column cut inside a decimal number.
    static func cutInNumber(_ article: Article, before text: Substring) -> Bool {
        // The next line's first scalar first: it turns almost every line away, and counting the
        // paragraph's scalars would walk all of it for every line appended to it.
        guard let next = text.unicodeScalars.first, ChineseText.isDigit(next),
              let last = article.paragraphs.last?.unicodeScalars, last.startIndex != last.endIndex else { return false }
        let pointIndex = last.index(before: last.endIndex)
        guard pointIndex != last.startIndex else { return false }
        let point = last[pointIndex]
        let digit = last[last.index(before: pointIndex)]
        return (point == "." || point == "．") && ChineseText.isDigit(digit)
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

    /// Adds a line's text to the current article: to its last paragraph when that was cut
    /// mid-sentence, else as a paragraph of its own (always with `separate`).
    mutating func addText(_ raw: Substring, line: PagePartLine, separate: Bool = false) {
        // After `（下转第4版）` the article is over on this page: more text would stand after
        // the marker in the page but before it in the article.
        if let a = current, !a.continuation.isEmpty { startArticle(at: line, reason: "text after a continuation marker") }
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
            if !separate, !indentedStart, !shortStart, Self.endsOpen(current!) || Self.cutInNumber(current!, before: text) {
                // Joined with no space, Latin too: a column cuts `DeepSeek` wherever it falls.
                current!.paragraphs[current!.paragraphs.count - 1] += text
                shortStart = false
            } else {
                current!.paragraphs.append(String(text))
                // A column is wider than this: a paragraph's first line shorter than any column
                // (`核心阅读`, `措施更精细`) ends where it ends, punctuation or not.
                // Compared by bounds and a bounded count: paragraphs can be megabytes long. Not the
                // piece right under a lead's dateline (`本报拉萨1月1日电` / `(` / `记者…)`), which
                // is the middle of the lead's paragraph, nor a piece ending in an open bracket.
                let a = current!
                let underLead = a.paragraphs.count == 1 && !(a.dateline.isEmpty && a.credit.isEmpty)
                shortStart = text.startIndex == line.text.startIndex && text.endIndex == line.text.endIndex
                    && text.unicodeScalars.prefix(Self.narrowestColumn).count < Self.narrowestColumn
                    && !underLead && text.unicodeScalars.contains(where: ChineseText.isHan)
                    && !"（(“《「『【".unicodeScalars.contains(text.unicodeScalars.last!)
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

    /// Ends the article above and starts one under these headline lines.
    mutating func startHeadline(_ block: ArraySlice<PagePartLine>) {
        finishArticle()
        let roles = HeadlineBlock.assign(block.map(\.text))
        current = Article(kicker: roles.kicker, title: roles.title, subtitle: roles.subtitle,
                          sourceLines: LineRange(first: block.first!.number, last: block.last!.number))
    }

    mutating func startArticle(at line: PagePartLine, reason: String) {
        finishArticle()
        current = Article(sourceLines: LineRange(first: line.number, last: line.number))
        warnings.append(ImportWarning(file: fileName, line: line.number,
                                      message: "\(reason): kept as an article without a title"))
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
                                          message: "headline “\(article.displayTitle)” has no body; kept as a headline-only item"))
        }
        articles.append(article)
        current = nil
    }
}

typealias PagePartLine = PageParser.Line
