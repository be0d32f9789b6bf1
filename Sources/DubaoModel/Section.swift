/// A 版面: one page (or one file) of the paper and its articles.
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
