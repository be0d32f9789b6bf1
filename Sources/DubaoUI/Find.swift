import DubaoTerminal
import DubaoStore
import DubaoLayout
import DubaoModel

/// What the article pane lists: the selected section's articles, the bookmarks, or the results
/// of a search over the whole library.
public enum Listing: Equatable, Sendable {
    case section(Int)
    case bookmarks
    case searchResults
}

/// A row of the sections pane: the search results entry (while there are results), the
/// bookmarks entry, then the sections.
public enum SectionsRow: Equatable, Sendable {
    case searchResults
    case bookmarks
    case section(Int)
}

/// The results of a search over the library, listed in the article pane while they last.
public struct SearchResults: Equatable, Sendable {
    /// The hits a library search gives first, and then each time the reader nears the end of
    /// those listed: a screenful and more, while the rest is not searched for until wanted.
    public static let firstBatch = 100
    /// Up to how many hits `G` lists at once to reach the last (counted ones; more are listed a
    /// hundred at a time, as the selection nears their end): every hit is made a result and
    /// held, about 36 µs and a few hundred bytes each.
    public static let wholeList = 5_000

    public var query: String
    /// Newest issue first, as `Searcher.search` gives them.
    public var hits: [SearchHit]
    /// False while the search may find more: the count shows as `100+`, or as `total`.
    public var complete: Bool
    /// How many the search finds in all, counted (not listed) while the first are read: shown
    /// before the list has them all.
    public var total: Int?

    /// How many hits there are, as the screen says it: all of them once listed or counted
    /// (never fewer than are listed: the count read the issue list a moment after the search),
    /// else those listed and `+`.
    public var countLabel: String {
        if complete { return "\(hits.count)" }
        return total.map { "\(max($0, hits.count))" } ?? "\(hits.count)+"
    }

    public init(query: String, hits: [SearchHit], complete: Bool = true) {
        self.query = query
        self.hits = hits
        self.complete = complete
    }
}

/// A match in the open article, in the terms of the typeset lines: the origin of the lines that
/// show it and a UTF-8 range in that origin's text.
public struct Highlight: Equatable, Sendable, Hashable {
    public var origin: TypesetLine.Origin
    public var range: Range<Int>

    public init(origin: TypesetLine.Origin, range: Range<Int>) {
        self.origin = origin
        self.range = range
    }
}

/// Finding in the open article: every match, highlighted, and the one `n`/`N` are on.
public struct ArticleFind: Equatable, Sendable {
    public var query: String
    /// In reading order; never empty.
    public var matches: [Highlight]
    /// Index into `matches` of the current match.
    public var current: Int

    /// Every match of `query` in `article`; nil when there is none.
    public init?(query: String, in article: Article) {
        guard let folded = SearchQuery(query) else { return nil }
        let found = Searcher.matches(in: article, query: folded)
        guard !found.isEmpty else { return nil }
        self.query = query
        matches = found.map { Self.highlight($0, in: article) }
        current = 0
    }

    /// Where a match of the search shows in the typeset article: the dateline and the credit
    /// are set as one byline, so their ranges move into its text.
    static func highlight(_ match: SearchMatch, in article: Article) -> Highlight {
        switch match.field {
        case .kicker: return Highlight(origin: .kicker, range: match.range)
        case .title: return Highlight(origin: .title, range: match.range)
        case .subtitle: return Highlight(origin: .subtitle, range: match.range)
        case .paragraph(let i): return Highlight(origin: .paragraph(i), range: match.range)
        case .caption(let i): return Highlight(origin: .caption(i), range: match.range)
        case .dateline: return Highlight(origin: .byline, range: match.range)
        case .credit:
            let shift = ArticleTypesetter.byline(of: article).utf8.count - article.credit.utf8.count
            return Highlight(origin: .byline, range: (match.range.lowerBound + shift)..<(match.range.upperBound + shift))
        }
    }

    /// The text of the article a line origin shows, which its source ranges count in.
    static func source(of origin: TypesetLine.Origin, in article: Article) -> String {
        switch origin {
        case .kicker: return article.kicker
        case .title: return article.title
        case .subtitle: return article.subtitle
        case .continuedFrom: return article.continuedFrom
        case .byline: return ArticleTypesetter.byline(of: article)
        case .paragraph(let i): return article.paragraphs.indices.contains(i) ? article.paragraphs[i] : ""
        case .caption(let i): return article.captions.indices.contains(i) ? article.captions[i].text : ""
        case .continuation: return article.continuation
        case .spacing: return ""
        }
    }

    /// The first line that shows `highlight`.
    static func line(of highlight: Highlight, in lines: [TypesetLine]) -> Int? {
        lines.firstIndex {
            $0.origin == highlight.origin && $0.sourceRange.lowerBound < max(highlight.range.upperBound, highlight.range.lowerBound + 1)
                && highlight.range.lowerBound < $0.sourceRange.upperBound
        }
    }

    /// The cells of `line` to highlight, counted from the start of its text: every match on it.
    static func columns(on line: TypesetLine, matches: [Highlight], article: Article) -> [Range<Int>] {
        let here = matches.filter {
            $0.origin == line.origin && $0.range.lowerBound < line.sourceRange.upperBound
                && line.sourceRange.lowerBound < $0.range.upperBound
        }
        guard !here.isEmpty else { return [] }
        let source = source(of: line.origin, in: article)
        return here.compactMap { line.columns(showing: $0.range, in: source) }
    }
}
