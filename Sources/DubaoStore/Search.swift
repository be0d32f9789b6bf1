import CByteScan
import DubaoModel
import Foundation

/// What the user typed, folded for matching: several words separated by spaces must all occur.
///
/// Matching is a plain substring search on folded text — Chinese needs no word segmentation to
/// find 巡回审判 — where letters ignore case (Latin, Greek and Cyrillic: `CAFÉ` = `café`),
/// full-width and half-width forms are equal (Ａ = A, ， = ,, （ = (, ￥ = ¥, ｶﾌｪ = カフェ,
/// ｶﾞ = ガ), so a query typed either way finds text printed either way.
public struct SearchQuery: Sendable, Equatable {
    public let text: String
    let terms: [[UInt32]]
    /// The terms as folded UTF-8, the form `SearchText` stores.
    let foldedUTF8Terms: [[UInt8]]
    /// For each term, its UTF-8 when every scalar of it is one that only itself folds to (a
    /// Chinese character, say): then a plain byte search finds what the folded search finds.
    /// Both kept from the start: a search asks for them for every issue and every article.
    let plainUTF8Terms: [[UInt8]?]

    /// Nil when the text holds nothing to search for.
    public init?(_ text: String) {
        self.text = text
        var terms: [[UInt32]] = []
        var current: [UInt32] = []
        // `cafe` and a combining acute, as some systems paste it, is `café`: composed first, as
        // printed text nearly always is (only a query with a combining mark: composing would also
        // turn a CJK compatibility ideograph into its unified one).
        let composed = text.unicodeScalars.contains { $0.properties.canonicalCombiningClass != .notReordered }
            ? text.precomposedStringWithCanonicalMapping : text
        for s in composed.unicodeScalars {
            let f = SearchFolding.fold(s.value)
            if f == 0x20 || (0x09...0x0D).contains(f) {
                if !current.isEmpty { terms.append(current); current = [] }
            } else if let last = current.last, let composed = SearchFolding.compose(last, f) {
                current[current.count - 1] = composed
            } else {
                current.append(f)
            }
        }
        if !current.isEmpty { terms.append(current) }
        guard !terms.isEmpty else { return nil }
        // Longest first: the rarest term rejects most articles soonest.
        self.terms = terms.sorted { $0.count > $1.count }
        foldedUTF8Terms = self.terms.map { term in
            var out: [UInt8] = []
            for v in term where Unicode.Scalar(v) != nil { SearchText.appendUTF8(v, to: &out) }
            return out
        }
        plainUTF8Terms = zip(self.terms, foldedUTF8Terms).map { term, bytes in
            term.allSatisfy(SearchFolding.foldsOnlyFromItself) ? bytes : nil
        }
    }

    /// True when a search text folded the first way (before letters beyond ASCII, ￥ and
    /// half-width katakana were folded) could miss what this query finds: some folded scalar
    /// of it is one that more characters fold to now than then.
    var needsCurrentFolding: Bool {
        terms.contains { $0.contains(where: SearchFolding.foldsDifferentlyThanVersion1) }
    }
}

/// The folding both the query and the text go through: one scalar to one scalar, and a
/// half-width kana with its voiced mark (ｶﾞ) to one voiced kana (ガ).
public enum SearchFolding {
    @inline(__always)
    public static func fold(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x41...0x5A: return v + 0x20
        case 0..<0xC0: return v
        case 0xC0..<0x530, 0x1E00..<0x1F00: return lowercase(v)
        case 0xFF21...0xFF3A: return v - 0xFF21 + 0x61          // Ａ–Ｚ → a–z
        case 0xFF01...0xFF5E: return v - 0xFF01 + 0x21          // other full-width ASCII forms
        case 0x3000: return 0x20
        case 0x3099: return 0x309B                              // combining voiced marks, as spacing ones
        case 0x309A: return 0x309C
        case 0xFF61...0xFF9F: return halfWidthKana[Int(v - 0xFF61)]
        case 0xFFE0...0xFFE6: return fullWidthSigns[Int(v - 0xFFE0)]
        default: return v
        }
    }

    /// `scalars` folded one by one, a voiced mark composed with the kana before it.
    static func foldedScalars(_ scalars: String.UnicodeScalarView) -> [UInt32] {
        var out: [UInt32] = []
        for s in scalars {
            let f = fold(s.value)
            if let last = out.last, let composed = compose(last, f) {
                out[out.count - 1] = composed
            } else {
                out.append(f)
            }
        }
        return out
    }

    /// The voiced kana a folded kana and a folded voiced mark (゛ or ゜) make, or nil.
    @inline(__always)
    public static func compose(_ base: UInt32, _ mark: UInt32) -> UInt32? {
        guard mark == 0x309B || mark == 0x309C, (0x30A6...0x30DB).contains(base) else { return nil }
        if mark == 0x309B {
            if base == 0x30A6 { return 0x30F4 }                                   // ウ゛ → ヴ
            if (0x30AB...0x30C1).contains(base) && base % 2 == 1 { return base + 1 }  // カ…チ
            if base == 0x30C4 || base == 0x30C6 || base == 0x30C8 { return base + 1 } // ツ テ ト
        }
        if [0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB].contains(base) { return base + (mark == 0x309B ? 1 : 2) }  // ハ…ホ
        return nil
    }

    /// Whether no scalar but `v` folds to `v`, and `v` never takes part in a composition.
    static func foldsOnlyFromItself(_ v: UInt32) -> Bool {
        v >= 0x80 && !foldsDifferentlyThanVersion1(v) && !(0xFF00...0xFFEF).contains(v) && v != 0x3000
    }

    /// Whether `v`, as folded, is something more characters fold to now than in the first
    /// search texts, which folded only ASCII capitals, full-width ASCII and U+3000.
    static func foldsDifferentlyThanVersion1(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0..<0x530, 0x1E00..<0x1F00, 0x20A9, 0x3001...0x3002, 0x300C...0x300D, 0x3099...0x30FF: return true
        default: return false
        }
    }

    /// Lowercase letters for U+00C0–U+052F and U+1E00–U+1EFF where the lowercase is one scalar.
    @inline(__always)
    static func lowercase(_ v: UInt32) -> UInt32 {
        v < 0x530 ? lowerTable[Int(v - 0xC0)] : lowerTable[Int(v - 0x1E00) + (0x530 - 0xC0)]
    }

    private static let lowerTable: [UInt32] = {
        func lower(_ v: UInt32) -> UInt32 {
            guard let s = Unicode.Scalar(v) else { return v }
            let mapped = s.properties.lowercaseMapping.unicodeScalars
            return mapped.count == 1 ? mapped.first!.value : v
        }
        return (UInt32(0xC0)..<0x530).map(lower) + (UInt32(0x1E00)..<0x1F00).map(lower)
    }()

    /// U+FF61–U+FF9F: half-width katakana and punctuation → their full-width forms.
    private static let halfWidthKana: [UInt32] = [
        0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5,
        0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,
        0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC,
        0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4,
        0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x309B, 0x309C,
    ]

    /// U+FFE0–U+FFE6: ￠ ￡ ￢ ￣ ￤ ￥ ￦ → ¢ £ ¬ ¯ ¦ ¥ ₩.
    private static let fullWidthSigns: [UInt32] = [0xA2, 0xA3, 0xAC, 0xAF, 0xA6, 0xA5, 0x20A9]
}

/// Where a match is: a field of the article and a UTF-8 range in that field's text, the same
/// offsets the typesetter reports for each line, so the reader can highlight it.
public struct SearchMatch: Sendable, Equatable {
    public enum Field: Sendable, Equatable, Hashable {
        case kicker, title, subtitle, dateline, credit
        case paragraph(Int)
        case caption(Int)
    }

    public var field: Field
    public var range: Range<Int>

    public init(field: Field, range: Range<Int>) {
        self.field = field
        self.range = range
    }
}

/// One article that matches, as a result list shows it.
public struct SearchHit: Sendable, Equatable {
    public var id: ArticleID
    public var title: String
    public var paper: String
    public var date: IssueDate
    public var section: String
    /// A line of text around the first match, and where the match is in it (UTF-8).
    public var snippet: String
    public var snippetMatch: Range<Int>
    public var matches: [SearchMatch]
}

public enum Searcher {
    /// Every occurrence of every term in the article, in reading order; empty unless each term
    /// occurs somewhere in it.
    public static func matches(in article: Article, query: SearchQuery) -> [SearchMatch] {
        let fields = searchableFields(article)
        var found: [(order: Int, match: SearchMatch)] = []
        for (term, bytes) in zip(query.terms, query.plainUTF8Terms) {
            var termFound = false
            for (order, (field, text)) in fields.enumerated() {
                let ranges = bytes.map { plainOccurrences(of: $0, in: text) } ?? occurrences(of: term, in: text)
                for range in ranges {
                    found.append((order, SearchMatch(field: field, range: range)))
                    termFound = true
                }
            }
            if !termFound { return [] }
        }
        return found.sorted { ($0.order, $0.match.range.lowerBound) < ($1.order, $1.match.range.lowerBound) }.map(\.match)
    }

    /// UTF-8 ranges of `term` in `text` when the term folds from nothing but itself: the bytes
    /// are searched as they are, with no folded copy of the text (most of a search's time when
    /// a common character matches nearly every article).
    static func plainOccurrences(of term: [UInt8], in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { b in
            var out: [Range<Int>] = []
            guard let base = b.baseAddress, !term.isEmpty else { return out }
            var position = 0
            while position + term.count <= b.count {
                let found = term.withUnsafeBytes { n in dubao_find(base + position, b.count - position, n.baseAddress, n.count) }
                guard let found else { break }
                let at = found - UnsafeRawPointer(base)
                out.append(at..<(at + term.count))
                position = at + term.count
            }
            return out
        }
    }

    /// The article's text fields in reading order, as the search sees them.
    public static func searchableFields(_ a: Article) -> [(SearchMatch.Field, String)] {
        var out: [(SearchMatch.Field, String)] = [(.kicker, a.kicker), (.title, a.title), (.subtitle, a.subtitle),
                                                  (.dateline, a.dateline), (.credit, a.credit)]
        for (i, p) in a.paragraphs.enumerated() { out.append((.paragraph(i), p)) }
        for (i, c) in a.captions.enumerated() { out.append((.caption(i), c.text)) }
        return out.filter { !$0.1.isEmpty }
    }

    /// UTF-8 ranges in `text` where the folded `term` occurs.
    static func occurrences(of term: [UInt32], in text: String) -> [Range<Int>] {
        guard let first = term.first else { return [] }
        var scalars: [UInt32] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(text.utf8.count)
        var offset = 0
        for s in text.unicodeScalars {
            let f = SearchFolding.fold(s.value)
            offset += UTF8.width(s)
            if let last = scalars.last, let composed = SearchFolding.compose(last, f) {
                // One folded scalar for both: its range runs to the end of the mark.
                scalars[scalars.count - 1] = composed
                continue
            }
            scalars.append(f)
            offsets.append(offset - UTF8.width(s))
        }
        offsets.append(offset)
        var out: [Range<Int>] = []
        let n = scalars.count, m = term.count
        guard m <= n else { return [] }
        var i = 0
        while i <= n - m {
            if scalars[i] == first {
                var k = 1
                while k < m, scalars[i + k] == term[k] { k += 1 }
                if k == m {
                    out.append(offsets[i]..<offsets[i + m])
                    i += m
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// Text around a match, about `width` characters, cut at no half character, with `…` where
    /// the field goes on; and the match's UTF-8 range in the snippet.
    public static func snippet(of text: String, around match: Range<Int>, width: Int = 40) -> (String, Range<Int>) {
        let utf8 = Array(text.utf8)
        let start = max(0, min(match.lowerBound, utf8.count))
        let end = max(start, min(match.upperBound, utf8.count))
        let before = String(decoding: utf8[..<start], as: UTF8.self)
        let hit = String(decoding: utf8[start..<end], as: UTF8.self)
        let after = String(decoding: utf8[end...], as: UTF8.self)
        let room = max(0, width - hit.count)
        let lead = String(before.suffix(room / 3))
        let tail = String(after.prefix(room - lead.count))
        // By bytes, not characters: counting the characters of a long paragraph is slow.
        let prefix = lead.utf8.count < before.utf8.count ? "…" + lead : lead
        let suffix = tail.utf8.count < after.utf8.count ? tail + "…" : tail
        let snippet = (prefix + hit + suffix).replacingAll("\n", with: " ")
        let from = prefix.utf8.count
        return (snippet, from..<(from + hit.utf8.count))
    }

    /// Which issues and sections to search.
    public struct Scope: Sendable {
        public var from: IssueDate?
        public var to: IssueDate?
        public var section: String?
        public var limit: Int?

        public init(from: IssueDate? = nil, to: IssueDate? = nil, section: String? = nil, limit: Int? = nil) {
            self.from = from
            self.to = to
            self.section = section
            self.limit = limit
        }

        /// Whether an issue of this date is searched (`from` and `to` inclusive).
        public func includes(_ date: IssueDate) -> Bool {
            from.map { date >= $0 } ?? true && to.map { date <= $0 } ?? true
        }
    }

    /// Every matching article of the library, newest issue first, in page order within an issue.
    /// `progress` hears of each issue before it is searched (how many are done, of how many)
    /// and stops the search by returning false; the hits so far are returned.
    public static func search(_ library: any LibraryReading, query: SearchQuery, scope: Scope = Scope(),
                              progress: ((_ done: Int, _ total: Int) -> Bool)? = nil) throws(StoreError) -> [SearchHit] {
        var hits: [SearchHit] = []
        try search(library, query: query, scope: scope, progress: progress) { hit in
            hits.append(hit)
            return true
        }
        return hits
    }

    /// The same search, handing each hit to `found` as soon as it is made, newest issue first:
    /// `found` stops the search by returning false, so a caller that wants the first screenful
    /// pays for that and no more. Issues whose search filter says they cannot match are passed
    /// over unread. Returns the search filters that were damaged (their issues were read).
    @discardableResult
    public static func search(_ library: any LibraryReading, query: SearchQuery, scope: Scope = Scope(),
                              progress: ((_ done: Int, _ total: Int) -> Bool)? = nil,
                              found: (SearchHit) -> Bool) throws(StoreError) -> [String] {
        var count = 0
        let filter = try scan(library, query: query, scope: scope, progress: { progress?($0, $1) ?? true }) { issue, candidates throws(StoreError) in
            try hits(in: issue, candidates: candidates, library: library, query: query, scope: scope) { hit in
                count += 1
                return found(hit) && scope.limit.map { count < $0 } ?? true
            }
        }
        return filter?.damaged ?? []
    }

    /// How many articles `search` would find, without making them into results: the articles of
    /// an issue's search text that hold every term are counted, and only an issue without a
    /// current search text (or a search of one section) has its articles read, unless
    /// `readingArticles` is false, when such an issue makes the count nil (not worth its cost).
    /// Nil too when `going` says to stop, which it is asked before each issue; with the count,
    /// the search filters that were damaged (their issues were read), as `search` returns them.
    public static func count(_ library: any LibraryReading, query: SearchQuery, scope: Scope = Scope(),
                             readingArticles: Bool = true,
                             going: () -> Bool) throws(StoreError) -> (total: Int, damaged: [String])? {
        var total = 0
        var unread = false
        let filter = try scan(library, query: query, scope: scope, progress: { _, _ in going() }) { issue, candidates throws(StoreError) in
            if let candidates, scope.section == nil {
                total += candidates.count
                return true
            }
            guard readingArticles else {
                unread = true
                return false
            }
            return try hits(in: issue, candidates: candidates, library: library, query: query, scope: scope) { _ in
                total += 1
                return true
            }
        }
        guard !unread, going() else { return nil }
        return (total, filter?.damaged ?? [])
    }

    /// The issues of `scope` that may match, newest first, handed to `body` with the candidates
    /// their search texts hold (`SearchText.candidates`; nil without a current search text):
    /// issues whose search filter says they cannot match are passed over unread, and the next few
    /// are scanned on every core, then taken in order, so a scan stopped early (`body` or
    /// `progress` returning false) has scanned at most a few issues more than it needed.
    /// `progress` hears of each issue first, how many are done of how many. Returns the filter,
    /// for the packs it found damaged.
    private static func scan(_ library: any LibraryReading, query: SearchQuery, scope: Scope,
                             progress: (_ done: Int, _ total: Int) -> Bool,
                             _ body: (IssueEntry, [SearchText.Candidate]?) throws(StoreError) -> Bool) throws(StoreError) -> IssueFilter? {
        let issues = try library.issues()
        let filter = library.issueFilter(for: query)
        filter?.prepare(issues.filter { scope.includes($0.date) })
        var next = 0
        var lookahead = 2
        while next < issues.count {
            var batch: [IssueEntry] = []
            while next < issues.count, batch.count < lookahead {
                let issue = issues[next]
                if !progress(next, issues.count) { return filter }
                next += 1
                if !scope.includes(issue.date) { continue }
                if let filter, !filter.mayMatch(issue) { continue }
                batch.append(issue)
            }
            lookahead = min(16, lookahead * 2)
            let scanned = Parallel.map(batch) { issue in
                Result { () throws(StoreError) in try library.searchCandidates(in: issue, query: query) }
            }
            for (issue, candidates) in zip(batch, scanned) {
                if try !body(issue, candidates.get()) { return filter }
            }
        }
        return filter
    }

    /// Hands `found` the hits of one issue, in page order; false when `found` said to stop.
    /// With a search text, only the articles that hold every term (`candidates`) are read, and
    /// no catalog.
    private static func hits(in issue: IssueEntry, candidates: [SearchText.Candidate]?, library: any LibraryReading,
                             query: SearchQuery, scope: Scope, found: (SearchHit) -> Bool) throws(StoreError) -> Bool {
        do {
            return try hitsOfIssue(issue, candidates: candidates, library: library, query: query, scope: scope, found: found)
        } catch where error.isIssueGone {
            // Removed since the issue list was read: it has no hits, and the others are still searched.
            return true
        }
    }

    private static func hitsOfIssue(_ issue: IssueEntry, candidates: [SearchText.Candidate]?, library: any LibraryReading,
                                    query: SearchQuery, scope: Scope, found: (SearchHit) -> Bool) throws(StoreError) -> Bool {
        if let candidates, candidates.isEmpty { return true }
        var groups: [(section: SectionEntry, ids: Set<ArticleID>)] = []
        if let candidates, scope.section == nil {
            for c in candidates {
                if let last = groups.last, last.section.file == c.file {
                    groups[groups.count - 1].ids.insert(c.id)
                } else {
                    groups.append((SectionEntry(name: c.section, order: 0, page: "", file: c.file, pageLines: [], articles: []),
                                   [c.id]))
                }
            }
        } else {
            let wanted = candidates.map { Set($0.map(\.id)) }
            for section in try library.catalog(of: issue).sections {
                if let name = scope.section, section.name != name, section.page != name { continue }
                let ids = Set(section.articles.map(\.id)).intersection(wanted ?? Set(section.articles.map(\.id)))
                if !ids.isEmpty { groups.append((section, ids)) }
            }
        }
        for (section, ids) in groups {
            for article in try library.articles(withIDs: ids, of: section, in: issue) {
                guard let hit = hit(article, query: query, issue: issue, section: section.name) else { continue }
                if !found(hit) { return false }
            }
        }
        return true
    }

    /// The article as a result, or nil when it does not match.
    static func hit(_ article: Article, query: SearchQuery, issue: IssueEntry, section: String) -> SearchHit? {
        let found = matches(in: article, query: query)
        guard let first = found.first else { return nil }
        // The list shows the title anyway: the snippet shows the text, where there is a match in it.
        let shown = found.first { if case .paragraph = $0.field { return true } else { return false } } ?? first
        let text = searchableFields(article).first { $0.0 == shown.field }?.1 ?? ""
        let (snippet, range) = Self.snippet(of: text, around: shown.range)
        return SearchHit(id: article.id, title: article.displayTitle, paper: issue.paper, date: issue.date,
                         section: section, snippet: snippet, snippetMatch: range, matches: found)
    }
}
