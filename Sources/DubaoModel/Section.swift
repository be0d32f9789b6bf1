/// A 版面: one page (or one file) of the paper and its articles.
/// Whether two sections are the same page of the paper: by page number when both have one
/// (a paper prints 要闻 on pages 1 to 4, each a section of its own), else by name.
public func isSameSection(name a: String, page p: String, as b: String, page q: String) -> Bool {
    !p.isEmpty && !q.isEmpty ? p == q : a == b
}

/// The order of pages by their numbers (`第03版`, `第A03版`), or nil when one has none. In a
/// paper whose every page has a letter, the letter's stack comes first (A01…A16, then B01);
/// otherwise the number does, the letter only breaking ties.
public func pageOrder(_ pages: [String]) -> [Int]? {
    var parsed: [(letter: Int, number: Int)] = []
    for page in pages {
        var letter = 0
        var digits = ""
        for s in page.unicodeScalars {
            if ("A"..."Z").contains(s) { letter = Int(s.value - 64) }
            if ("Ａ"..."Ｚ").contains(s) { letter = Int(s.value - 0xFF20) }
            if ("0"..."9").contains(s) { digits.unicodeScalars.append(s) }
        }
        guard let n = Int(digits) else { return nil }
        parsed.append((letter, n))
    }
    let lettered = parsed.allSatisfy { $0.letter > 0 }
    return parsed.map { lettered ? $0.letter * 10_000 + $0.number : $0.number * 100 + $0.letter }
}

/// Sections (or their catalog entries) in page order when every one has a page number; else
/// as they are.
public func sortedByPage<T>(_ sections: [T], page: (T) -> String) -> [T] {
    guard let keys = pageOrder(sections.map(page)) else { return sections }
    return sections.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }.map { sections[$0] }
}

public struct Section: Codable, Sendable, Equatable {
    public var name: String
    /// Position in the issue, from 1.
    public var order: Int
    /// `第03版` when the page header named one.
    public var page: String
    /// Lines that belong to the page rather than to an article: the page header,
    /// `责任编辑:…` footers, date lines. Kept so that nothing on the page is lost.
    public var pageLines: [PageLine]
    public var articles: [Article]

    public init(name: String, order: Int, page: String = "", pageLines: [PageLine] = [], articles: [Article] = []) {
        self.name = name
        self.order = order
        self.page = page
        self.pageLines = pageLines
        self.articles = articles
    }

    /// `责任编辑` and similar credits of the page.
    public var editors: [String] {
        pageLines.filter { $0.kind == .editor }.map(\.text)
    }
}

/// A line of a page that is about the page, not an article.
public struct PageLine: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// `第03版：经济`
        case header
        /// `责任编辑:赵磊`
        case editor
        /// A date line, the paper's name, or other page furniture.
        case meta
    }

    public var kind: Kind
    public var text: String
    /// 1-based line in the source file.
    public var line: Int

    public init(kind: Kind, text: String, line: Int) {
        self.kind = kind
        self.text = text
        self.line = line
    }
}

/// One day's paper.
public struct Issue: Codable, Sendable, Equatable {
    public var paper: String
    /// `YYYY-MM-DD`.
    public var date: IssueDate
    public var sections: [Section]

    public init(paper: String, date: IssueDate, sections: [Section] = []) {
        self.paper = paper
        self.date = date
        self.sections = sections
    }

    public var articleCount: Int { sections.reduce(0) { $0 + $1.articles.count } }
}
