import DubaoModel
import DubaoText

/// A PDF's pages as the text importer's sections: each page rebuilt from its geometry
/// (`PageRebuilder`), then its stories' lines walked by the same `ChunkParser` that reads text
/// pages, so datelines, credits, bylines, captions and continuation markers follow one set of
/// rules. What the geometry settles is handed over with the lines: the headline block and its
/// roles by type size, each paragraph as one indented line, the furniture as page lines.
///
/// Line numbers in warnings and `sourceLines` count a page's lines in the order they are read:
/// the masthead's rows, then each story's headline rows and paragraphs, then the footer's rows.
public struct PDFPageParser {
    public var fileName: String
    /// The page number the file's name gives (`01.pdf`, `zghyyb-20241016-03.pdf`), for a file of one page.
    public var numberFromName: Int?

    public init(fileName: String, numberFromName: Int?) {
        self.fileName = fileName
        self.numberFromName = numberFromName
    }

    /// One section a page, in the PDF's order.
    public func parse(_ pages: [PageGeometry]) -> PageParser.Page {
        var out = PageParser.Page(sections: [], date: nil, dateLine: 0, paper: "", warnings: [])
        for page in pages {
            let number = pages.count == 1 ? (numberFromName ?? page.number) : page.number
            let label = number < 10 ? "第0\(number)版" : "第\(number)版"
            let name = pages.count == 1 ? fileName : "\(fileName) page \(page.number)"
            var (section, date, dateLine, paper, warnings) = parse(page, label: label, name: name)
            if page.runs.isEmpty {
                warnings.append(ImportWarning(file: name, line: 0, Sentence(.warnPDFPageWithoutText)))
            }
            section.order = out.sections.count + 1
            out.sections.append(section)
            out.warnings += warnings
            if out.paper.isEmpty { out.paper = paper }
            if out.date == nil, let date {
                out.date = date
                out.dateLine = dateLine
            }
        }
        return out
    }

    /// A page's lines in the order they are read, each with what the geometry made of it.
    enum ReadLine {
        case furniture(String)
        case headline(String, HeadlineBlock.Role, first: Bool)
        case paragraph(String, first: Bool)
        /// A caption, or a line that stands apart: unindented, for the chunk parser to judge.
        case apart(String, first: Bool)

        var text: String {
            switch self {
            case .furniture(let t), .headline(let t, _, _), .paragraph(let t, _), .apart(let t, _): return t
            }
        }
    }

    static func readLines(_ page: PageGeometry) -> [ReadLine] {
        let rebuilt = PageRebuilder(page).rebuild()
        var out: [ReadLine] = rebuilt.top.map { .furniture($0) }
        for story in rebuilt.stories {
            var lines: [ReadLine] = story.headline.enumerated().map { .headline($1.text, $1.role, first: $0 == 0) }
            // A caption set above the story's first paragraph is read after it: the lead opens
            // the text, and a dateline after a caption would start another article.
            var held: [String] = []
            var sawText = false
            for paragraph in story.paragraphs {
                let first = lines.isEmpty
                if paragraph.standsApart, Credits.isCaption(paragraph.text[...]) {
                    if sawText { lines.append(.apart(paragraph.text, first: first)) } else { held.append(paragraph.text) }
                    continue
                }
                lines.append(.paragraph(paragraph.text, first: first))
                if !sawText {
                    sawText = true
                    lines += held.map { .apart($0, first: false) }
                    held = []
                }
            }
            let bare = lines.isEmpty
            lines += held.enumerated().map { .apart($1, first: bare && $0 == 0) }
            out += lines
        }
        out += rebuilt.bottom.map { .furniture($0) }
        return out
    }

    /// The page's text as it is read: every character of its text layer once, furniture and
    /// stories in order. The lossless check compares the import with it.
    public static func readingText(_ page: PageGeometry) -> String {
        readLines(page).map(\.text).joined(separator: "\n")
    }

    /// The page as a section, with the date and the paper's name it prints, where it does.
    func parse(_ page: PageGeometry, label: String, name: String) -> (Section, IssueDate?, Int, String, [ImportWarning]) {
        var pageLines: [PageLine] = []
        var paper = ""
        var band: PageFurniture.Header?
        var date: (IssueDate, Int)?
        var lines: [PageParser.Line] = []
        for (n, read) in Self.readLines(page).enumerated() {
            let number = n + 1
            func line(_ text: String, indent: Int, first: Bool, role: HeadlineBlock.Role? = nil) -> PageParser.Line {
                PageParser.Line(number: number, text: text[...], indent: indent, blanksAbove: first ? 1 : 0,
                                breakAbove: first, headlineRole: role)
            }
            switch read {
            case .furniture(let text):
                let kind: PageLine.Kind
                if let header = PageFurniture.header(text[...]) {
                    kind = .header
                    if band == nil { band = header }
                    if paper.isEmpty { paper = header.paper }
                } else {
                    // The masthead (`江城晨报`) or a date band that names the paper.
                    if paper.isEmpty { paper = PageFurniture.dateLine(text[...])?.paper ?? PageFurniture.mastheadLine(text[...]) ?? "" }
                    kind = PageFurniture.isEditorLine(text[...]) ? .editor : .meta
                }
                if date == nil, let d = PageFurniture.date(in: text[...]), let found = IssueDate(year: d.year, month: d.month, day: d.day) {
                    date = (found, number)
                }
                pageLines.append(PageLine(kind: kind, text: text, line: number))
            case .headline(let text, let role, let first):
                lines.append(line(text, indent: 0, first: first, role: role))
            case .paragraph(let text, let first):
                lines.append(line(text, indent: 2, first: first))
            case .apart(let text, let first):
                lines.append(line(text, indent: 0, first: first))
            }
        }
        var chunk = ChunkParser(fileName: name, usesIndent: true, breaksItems: true)
        chunk.run(lines)
        pageLines += chunk.pageLines
        if date == nil, let d = chunk.date, let found = IssueDate(year: d.found.year, month: d.found.month, day: d.found.day) {
            date = (found, d.line)
        }
        let section = Section(name: band.map { $0.name.isEmpty ? $0.page : $0.name } ?? label, order: 1,
                              page: band?.page ?? label, pageLines: pageLines.sorted { $0.line < $1.line },
                              articles: chunk.articles)
        if paper.isEmpty { paper = chunk.paper }
        return (section, date?.0, date?.1 ?? 0, paper, chunk.warnings)
    }

    /// `01.pdf` → 1, `zghyyb-20241016-03.pdf` → 3: the last number of one to three digits in the name.
    public static func pageNumber(inFileName name: String) -> Int? {
        let stem = name.lowercased().hasSuffix(".pdf") ? String(name.dropLast(4)) : name
        let digits = stem.reversed().drop { !$0.isASCII || !$0.isNumber }.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), let n = Int(String(digits.reversed())), n > 0 else { return nil }
        return n
    }
}
