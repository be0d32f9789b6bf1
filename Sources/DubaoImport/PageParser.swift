import DubaoText
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
        let usesIndent = Self.levelIndents(&lines)
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
                                              Sentence(.warnPageWithoutArticles, name)))
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
}
