import CByteScan
import DubaoModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif


/// One file per issue with the folded text of all its articles, so that a search reads plain
/// bytes at the speed of grep instead of decoding every article, and decodes only the sections
/// of the articles that matched.
///
/// Each article is a record: `0x1E id 0x1F section 0x1F file 0x1F` (the section document it is
/// in, so a search needs no catalog) then its searchable fields, folded
/// (`SearchFolding`) and separated by newlines. Folded query terms never contain these control
/// bytes, so a match never spans two records.
public enum SearchText {
    /// The name of the search texts folded as `SearchFolding` folds now; the first ones,
    /// `text-…`, folded ASCII and full-width forms only, and are still read (see
    /// `SearchQuery.needsCurrentFolding`).
    static let currentPrefix = "text2-"
    static let recordStart: UInt8 = 0x1E
    static let unitSeparator: UInt8 = 0x1F

    static func build(_ sections: [(name: String, file: String, articles: [Article])]) -> [UInt8] {
        var out: [UInt8] = []
        for section in sections {
            for article in section.articles {
                out.append(recordStart)
                out.append(contentsOf: article.id.text.utf8)
                out.append(unitSeparator)
                out.append(contentsOf: section.name.utf8)
                out.append(unitSeparator)
                out.append(contentsOf: section.file.utf8)
                out.append(unitSeparator)
                for (_, text) in Searcher.searchableFields(article) {
                    appendFolded(text, to: &out)
                    out.append(0x0A)
                }
            }
        }
        return out
    }

    /// About how many bytes an article takes in a search text, at least as many as nearly every
    /// article does (folding shortens text more often than it lengthens it): its fields unfolded,
    /// a line break each, and room for the record's header.
    static func estimatedBytes(of a: Article) -> Int {
        var total = 128 + a.kicker.utf8.count + a.title.utf8.count + a.subtitle.utf8.count
            + a.dateline.utf8.count + a.credit.utf8.count + 5
        for p in a.paragraphs { total += p.utf8.count + 1 }
        for c in a.captions { total += c.text.utf8.count + 1 }
        return total
    }

    /// `SearchFolding` on UTF-8 bytes: ASCII capitals, and the few non-ASCII scalars that
    /// fold (letters of U+00C0–U+052F and U+1E00–U+1EFF, U+3000, the voiced marks, the
    /// full-width and half-width forms U+FF01–U+FFE6, a half-width kana with its voiced mark),
    /// change; every other byte is copied. Must give exactly what `SearchQuery` gives a query.
    static func appendFolded(_ text: String, to out: inout [UInt8]) {
        let old = out.count
        // The text goes over whole, and is folded where it lies: folding nearly always keeps or
        // shortens a scalar, so the folded bytes never overtake the ones still to be read, and
        // most fields need no byte moved at all.
        out.append(contentsOf: text.utf8)
        let kept = out.withUnsafeMutableBufferPointer { whole -> Int? in
            foldInPlace(UnsafeMutableBufferPointer(rebasing: whole[old...]))
        }
        if let kept {
            out.removeLast(out.count - old - kept)
        } else {
            // A few letters lowercase to a longer scalar (Ⱥ → ⱥ): such a field is folded a scalar
            // at a time, as a query is.
            out.removeLast(out.count - old)
            for v in SearchFolding.foldedScalars(text.unicodeScalars) where v != UInt32(recordStart) && v != UInt32(unitSeparator) {
                appendUTF8(v, to: &out)
            }
        }
    }

    /// Folds the valid UTF-8 in `b` in place; returns its folded length, or nil (and `b` spoilt)
    /// when a scalar folds to a longer one.
    private static func foldInPlace(_ b: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard let base = b.baseAddress else { return 0 }
        let n = b.count
        let readable = UnsafeBufferPointer(b)
        var w = 0        // where the next folded byte goes
        var run = 0      // the unfolded bytes from here to `i` still have to move to `w`
        var i = 0
        @inline(__always) func moveRun() {
            if w != run { memmove(base + w, base + run, i - run) }
            w += i - run
        }
        while i < n {
            let c = base[i]
            // One table look-up passes a whole scalar of nearly all of Chinese text.
            let step = Int(unfoldedStep[Int(c)])
            if step != 0 {
                i += step
            } else if c < 0x80 {
                moveRun()
                // 1E and 1F, the records' own separators, are never in article text: dropped.
                if c >= 0x41 {
                    base[w] = c + 0x20
                    w += 1
                }
                i += 1
                run = i
            } else {
                guard let (v, length) = scalar(in: readable, at: i) else { i += 1; continue }
                var folded = SearchFolding.fold(v)
                var consumed = length
                if (0x30A6...0x30DB).contains(folded), let (mark, markLength) = scalar(in: readable, at: i + length),
                   let composed = SearchFolding.compose(folded, SearchFolding.fold(mark)) {
                    folded = composed
                    consumed += markLength
                }
                if folded != v || consumed != length {
                    let width = folded < 0x80 ? 1 : folded < 0x800 ? 2 : 3
                    guard width <= consumed else { return nil }
                    moveRun()
                    switch width {
                    case 1: base[w] = UInt8(folded)
                    case 2:
                        base[w] = UInt8(0xC0 | (folded >> 6))
                        base[w + 1] = UInt8(0x80 | (folded & 0x3F))
                    default:
                        base[w] = UInt8(0xE0 | (folded >> 12))
                        base[w + 1] = UInt8(0x80 | ((folded >> 6) & 0x3F))
                        base[w + 2] = UInt8(0x80 | (folded & 0x3F))
                    }
                    w += width
                    i += consumed
                    run = i
                } else {
                    i += consumed
                }
            }
        }
        i = n
        moveRun()
        return w
    }

    /// The scalar whose two- or three-byte UTF-8 starts at `i` (the text is valid UTF-8).
    @inline(__always)
    static func scalar(in b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        guard i < b.count else { return nil }
        let c = b[i]
        if c & 0xE0 == 0xC0, i + 1 < b.count {
            return ((UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F), 2)
        }
        if c & 0xF0 == 0xE0, i + 2 < b.count {
            return ((UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F), 3)
        }
        return nil
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800: out += [UInt8(0xC0 | (v >> 6)), UInt8(0x80 | (v & 0x3F))]
        case 0x800..<0x10000: out += [UInt8(0xE0 | (v >> 12)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
        default:
            out += [UInt8(0xF0 | (v >> 18)), UInt8(0x80 | ((v >> 12) & 0x3F)), UInt8(0x80 | ((v >> 6) & 0x3F)),
                    UInt8(0x80 | (v & 0x3F))]
        }
    }

    /// For `appendFolded`: 0 for the bytes that may start something to fold (1E, 1F, A–Z, and
    /// the lead bytes of U+00C0–U+027F, U+0340–U+053F, U+1000–U+1FFF, U+3000–U+3FFF and
    /// U+F000–U+FFFF); for every other lead byte the length of its scalar, which is copied as
    /// it is. Chinese characters (lead bytes E4–E9) never fold.
    private static let unfoldedStep: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        let folds: Bool = b == 0x1E || b == 0x1F || (0x41...0x5A).contains(b) || (0xC3...0xC9).contains(b)
            || (0xCD...0xD4).contains(b) || b == 0xE1 || b == 0xE3 || b == 0xEF
        return folds ? 0 : UTF8Lead.scalarLength(UInt8(b))
    }

    /// A record that contains every term: its article ID and section name.
    public struct Candidate: Equatable, Sendable {
        public var id: ArticleID
        public var section: String
        /// The section document the article is in.
        public var file: String
    }

    /// Records of `text` whose text (not their header) contains all the query's terms (folded UTF-8
    /// byte strings): exactly the articles `Searcher.matches` finds a match in.
    static func candidates(in text: [UInt8], terms: [[UInt8]]) -> [Candidate] {
        guard let first = terms.first, !first.isEmpty else { return [] }
        var out: [Candidate] = []
        text.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            let count = raw.count
            var position = 0
            var lastRecord = -1
            while position < count {
                let found = first.withUnsafeBytes { n in dubao_find(base + position, count - position, n.baseAddress, n.count) }
                guard let found else { break }
                let at = found - UnsafeRawPointer(base)
                // The record this hit is in: back to its start, forward to the next.
                var start = at
                while start > 0, raw[start] != recordStart { start -= 1 }
                var end = at
                while end < count, raw[end] != recordStart { end += 1 }
                // A hit in the record's header (its ID, section, file) is no hit: the search goes
                // on from the record's text.
                let body = bodyStart(raw, record: start, end: end)
                if at < body {
                    position = body
                    continue
                }
                position = end
                if start == lastRecord { continue }
                lastRecord = start
                let text = UnsafeRawBufferPointer(rebasing: raw[body..<end])
                let others = terms.dropFirst().allSatisfy { term in
                    term.withUnsafeBytes { n in dubao_find(text.baseAddress, text.count, n.baseAddress, n.count) != nil }
                }
                guard others, let header = headerFields(UnsafeRawBufferPointer(rebasing: raw[start..<end])) else { continue }
                out.append(Candidate(id: ArticleID(stored: header.0), section: header.1, file: header.2))
            }
        }
        return out
    }

    /// Where the record starting at `start` has its text: after the header's third separator
    /// (at `end` for a record cut short).
    static func bodyStart(_ raw: UnsafeRawBufferPointer, record start: Int, end: Int) -> Int {
        var separators = 0
        var i = start
        while i < end {
            if raw[i] == unitSeparator {
                separators += 1
                if separators == 3 { return i + 1 }
            }
            i += 1
        }
        return end
    }

    static func headerFields(_ record: UnsafeRawBufferPointer) -> (String, String, String)? {
        guard record.count > 1, record[0] == recordStart else { return nil }
        var fields: [String] = []
        var start = 1
        var i = 1
        while i < record.count, fields.count < 3 {
            if record[i] == unitSeparator {
                fields.append(String(decoding: record[start..<i], as: UTF8.self))
                start = i + 1
            }
            i += 1
        }
        guard fields.count == 3 else { return nil }
        return (fields[0], fields[1], fields[2])
    }
}
