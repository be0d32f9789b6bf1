import DubaoModel

@_silgen_name("memmem")
private func c_memmem(_ haystack: UnsafeRawPointer?, _ haystackLength: Int,
                      _ needle: UnsafeRawPointer?, _ needleLength: Int) -> UnsafeRawPointer?

/// One file per issue with the folded text of all its articles, so that a search reads plain
/// bytes at the speed of grep instead of decoding every article, and decodes only the sections
/// of the articles that matched.
///
/// Each article is a record: `0x1E id 0x1F section 0x1F file 0x1F` (the section document it is
/// in, so a search needs no catalog) then its searchable fields, folded
/// (`SearchFolding`) and separated by newlines. Folded query terms never contain these control
/// bytes, so a match never spans two records.
public enum SearchText {
    static let recordStart: UInt8 = 0x1E
    static let unitSeparator: UInt8 = 0x1F

    static func build(_ sections: [(name: String, file: String, articles: [Article])]) -> [UInt8] {
        var out: [UInt8] = []
        for section in sections {
            for article in section.articles {
                out.append(recordStart)
                out.append(contentsOf: article.id.utf8)
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

    /// `SearchFolding` on UTF-8 bytes: ASCII capitals, the full-width forms U+FF01–U+FF5E
    /// (EF BC 81 – EF BD 9E) and U+3000 (E3 80 80) change; every other byte is copied.
    static func appendFolded(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { b in
            let n = b.count
            out.reserveCapacity(out.count + n)
            // Bytes that stay as they are go over in runs; only the few that fold are looked at.
            var run = 0
            var i = 0
            while i < n {
                let c = b[i]
                // One table look-up passes nearly every byte of Chinese text.
                if foldable[Int(c)] == 0 {
                    i += 1
                } else if c < 0x80 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                    // 1E and 1F, the records' own separators, are never in article text: dropped.
                    if c >= 0x41 { out.append(c + 0x20) }
                    run = i + 1
                    i += 1
                } else if c == 0xEF, i + 2 < n, b[i + 1] == 0xBC || b[i + 1] == 0xBD {
                    let v = 0xFF00 + (UInt32(b[i + 1] & 0x03) << 6) + UInt32(b[i + 2] & 0x3F)
                    let folded = SearchFolding.fold(v)
                    if folded < 0x80 {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                        out.append(UInt8(folded))
                        run = i + 3
                    }
                    i += 3
                } else if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                    out.append(0x20)
                    i += 3
                    run = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<n]))
        }
    }

    /// For `appendFolded`: 1 for the bytes that may start something to fold (1E, 1F, A–Z, and
    /// the lead bytes EF and E3), 0 for every other byte, which is copied as it is.
    private static let foldable: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        let folds: Bool = b == 0x1E || b == 0x1F || (0x41...0x5A).contains(b) || b == 0xEF || b == 0xE3
        return folds ? 1 : 0
    }

    /// A record that contains every term: its article ID and section name.
    public struct Candidate: Equatable, Sendable {
        public var id: String
        public var section: String
        /// The section document the article is in.
        public var file: String
    }

    /// Records of `text` that contain all the query's terms (folded UTF-8 byte strings).
    static func candidates(in text: [UInt8], terms: [[UInt8]]) -> [Candidate] {
        guard let first = terms.first, !first.isEmpty else { return [] }
        var out: [Candidate] = []
        text.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            let count = raw.count
            var position = 0
            var lastRecord = -1
            while position < count {
                let found = first.withUnsafeBytes { n in c_memmem(base + position, count - position, n.baseAddress, n.count) }
                guard let found else { break }
                let at = found - base
                // The record this hit is in: back to its start, forward to the next.
                var start = at
                while start > 0, raw[start] != recordStart { start -= 1 }
                var end = at
                while end < count, raw[end] != recordStart { end += 1 }
                position = end
                if start == lastRecord { continue }
                lastRecord = start
                let record = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                let others = terms.dropFirst().allSatisfy { term in
                    term.withUnsafeBytes { n in c_memmem(record.baseAddress, record.count, n.baseAddress, n.count) != nil }
                }
                guard others, let header = headerFields(record) else { continue }
                out.append(Candidate(id: header.0, section: header.1, file: header.2))
            }
        }
        return out
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

extension SearchQuery {
    /// The terms as folded UTF-8, the form `SearchText` stores.
    var foldedUTF8Terms: [[UInt8]] {
        terms.map { term in
            var out: [UInt8] = []
            for v in term { if let s = Unicode.Scalar(v) { out += Array(String(s).utf8) } }
            return out
        }
    }
}
