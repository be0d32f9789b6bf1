/// A Bloom filter of one issue's search text: every scalar in it and every pair of neighbouring
/// scalars, so that "this issue cannot contain the query" costs a few word reads instead of a
/// scan of the text.
///
/// Built from the search text's own bytes, separators and record headers included, it holds
/// every one- and two-scalar substring of exactly what `SearchText.candidates` searches: a term
/// that occurs there has each of its scalars and pairs in the filter, so the filter can let an
/// issue through that has no hit, never turn one away that has.
///
/// Each element sets two bits in one 64-bit word (a blocked Bloom filter), so a probe is one
/// word. The word count is a power of two: a filter folds to half its size by OR-ing neighbouring
/// words, and to twice its size by repeating each word, both without losing an element, so filters of issues
/// of different sizes share one width in a pack (`FilterPack`).
enum SearchFilter {
    static let minWords = 16
    static let maxWords = 1 << 14
    /// The share of bits set a filter is folded down to at most: a pair then passes a word it
    /// is not in about one time in nine (both of its bits set by others).
    static let fullest = 1.0 / 3.0

    @inline(__always)
    static func unigram(_ v: UInt32) -> UInt64 { UInt64(v) }

    /// Scalars are below 2^21: a pair is both, and a bit no single scalar has.
    @inline(__always)
    static func bigram(_ a: UInt32, _ b: UInt32) -> UInt64 { 1 << 42 | UInt64(a) << 21 | UInt64(b) }

    /// The word (below `words`, a power of two) and the two bits an element sets: one multiply,
    /// the word from the product's top bits and the bits from the middle ones, which depend on
    /// every bit of a pair. The top bits make the word of a filter half as wide its word halved
    /// (`folded` ORs neighbouring words), and of one twice as wide its word doubled, or that
    /// plus one (`resized` repeats each word).
    @inline(__always)
    static func probe(_ key: UInt64, words: Int) -> (word: Int, mask: UInt64) {
        probe(key, shift: UInt64(64 - words.trailingZeroBitCount))
    }

    /// The keys and this hash are part of the pack format: a change to either needs a new
    /// `FilterPack.schema`, or packs written before would turn away issues that match.
    @inline(__always)
    static func probe(_ key: UInt64, shift: UInt64) -> (word: Int, mask: UInt64) {
        let h = key &* 0x9E37_79B9_7F4A_7C15
        return (Int(truncatingIfNeeded: h >> shift), (1 as UInt64) << ((h >> 32) & 63) | (1 as UInt64) << ((h >> 38) & 63))
    }

    /// The filter of a search text made of `chunks` laid end to end (each whole UTF-8), built on
    /// every core, then folded to the smallest width that keeps it no fuller than `fullest`.
    static func build(chunks: [[UInt8]]) -> [UInt64] {
        let words = width(forBytes: chunks.reduce(0) { $0 + $1.count })
        let half = chunks.count / 2
        let groups = half == 0 ? [chunks] : [Array(chunks[..<half]), Array(chunks[half...])]
        return combine(Parallel.map(groups) { part(of: $0, words: words) }, chunks: chunks)
    }

    /// The width to build the filter of a text of about this many bytes at (at least that many):
    /// Chinese text holds about one distinct character or pair for every 4 to 9 bytes, so room
    /// for the most of them at a third full, folded afterwards to fewer.
    static func width(forBytes total: Int) -> Int {
        var words = minWords
        while words < maxWords && words * 32 < total { words *= 2 }
        return words
    }

    /// The filter of some chunks of a search text, unfolded and without the pairs across their
    /// seams: `combine` joins the parts of a whole text. `words` is the whole text's width: a part
    /// built narrower would be fuller when widened, and let more through. One filter for several
    /// chunks, not one a chunk: each is allocated, cleared and OR-ed at full width.
    static func part(of chunks: [[UInt8]], words: Int) -> [UInt64] {
        var filter = [UInt64](repeating: 0, count: words)
        for chunk in chunks { add(chunk, to: &filter) }
        return filter
    }

    /// The filter of the whole text from the `part`s of its chunks (in any grouping): the parts
    /// at the widest one's width, the pairs across every seam of `chunks`, folded.
    static func combine(_ parts: [[UInt64]], chunks: [[UInt8]]) -> [UInt64] {
        let words = parts.map(\.count).max() ?? minWords
        // The first of the widest parts is the start, copied once; the others are OR-ed into it.
        let first = parts.firstIndex { $0.count == words }
        var filter = first.map { parts[$0] } ?? [UInt64](repeating: 0, count: words)
        filter.withUnsafeMutableBufferPointer { filter in
            for (k, part) in parts.enumerated() where k != first {
                if part.count == words {
                    part.withUnsafeBufferPointer { part in
                        for i in 0..<words { filter[i] |= part[i] }
                    }
                } else {
                    let part = resized(part, to: words)
                    for i in 0..<words { filter[i] |= part[i] }
                }
            }
        }
        // An empty chunk has no seam: the chunks either side of it meet.
        let joined = chunks.filter { !$0.isEmpty }
        for (before, after) in zip(joined, joined.dropFirst()) {
            let pair = probe(bigram(lastScalar(before), firstScalar(after)), words: words)
            filter[pair.word] |= pair.mask
        }
        return folded(filter)
    }

    /// Adds every scalar of `bytes` and every pair of neighbours.
    static func add(_ bytes: [UInt8], to filter: inout [UInt64]) {
        let shift = UInt64(64 - filter.count.trailingZeroBitCount)
        // Characters repeat: each is hashed once, through a bitset of the Basic Multilingual Plane.
        var seen = [UInt64](repeating: 0, count: 1024)
        bytes.withUnsafeBufferPointer { b in
            filter.withUnsafeMutableBufferPointer { f in
                seen.withUnsafeMutableBufferPointer { seen in
                    let n = b.count
                    var i = 0
                    var previous: UInt32 = 0
                    var first = true
                    while i < n {
                        let c = b[i]
                        var v: UInt32
                        // Chinese text is nearly all three-byte scalars: decoded here, the rest below.
                        if c & 0xF0 == 0xE0, i + 2 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 {
                            v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                            i += 3
                        } else {
                            let (value, length) = scalar(b, at: i)
                            v = value
                            i += length
                        }
                        if v >= 0x10000 || seen[Int(v >> 6)] & (1 << (v & 63)) == 0 {
                            if v < 0x10000 { seen[Int(v >> 6)] |= 1 << (v & 63) }
                            let p = probe(unigram(v), shift: shift)
                            f[p.word] |= p.mask
                        }
                        if !first {
                            let p = probe(bigram(previous, v), shift: shift)
                            f[p.word] |= p.mask
                        }
                        first = false
                        previous = v
                    }
                }
            }
        }
    }

    /// The scalar at `i` and its length. A byte that starts no valid scalar stands for itself,
    /// as a value no query scalar has, so the filter still holds every pair around it.
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        let length = Int(UTF8Lead.scalarLength(c))
        guard length > 1, i + length <= b.count else { return (0x11_0000 | UInt32(c), 1) }
        var v = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let next = b[i + k]
            guard next & 0xC0 == 0x80 else { return (0x11_0000 | UInt32(c), 1) }
            v = v << 6 | UInt32(next & 0x3F)
        }
        return (v, length)
    }

    static func firstScalar(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { scalar($0, at: 0).0 }
    }

    static func lastScalar(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { b in
            var start = b.count - 1
            while start > 0, b.count - start < 4, b[start] & 0xC0 == 0x80 { start -= 1 }
            let (v, length) = scalar(b, at: start)
            // A cut scalar at the end: its last byte stood for itself.
            return start + length == b.count ? v : 0x11_0000 | UInt32(b[b.count - 1])
        }
    }

    /// Halved (neighbouring words OR-ed) while the half stays no fuller than `fullest`.
    static func folded(_ filter: [UInt64]) -> [UInt64] {
        var filter = filter
        while filter.count > minWords {
            let half = filter.count / 2
            let set = filter.withUnsafeBufferPointer { f in
                var set = 0
                for i in 0..<half { set += (f[2 * i] | f[2 * i + 1]).nonzeroBitCount }
                return set
            }
            guard Double(set) <= fullest * Double(half * 64) else { break }
            filter = halved(filter)
        }
        return filter
    }

    /// `filter` at another power-of-two width: folded down, or repeated up.
    static func resized(_ filter: [UInt64], to words: Int) -> [UInt64] {
        var filter = filter
        while filter.count > words { filter = halved(filter) }
        while filter.count < words { filter = filter.flatMap { [$0, $0] } }
        return filter
    }

    static func halved(_ filter: [UInt64]) -> [UInt64] {
        filter.withUnsafeBufferPointer { f in
            [UInt64](unsafeUninitializedCapacity: f.count / 2) { out, count in
                for i in 0..<(f.count / 2) { out[i] = f[2 * i] | f[2 * i + 1] }
                count = f.count / 2
            }
        }
    }

    /// What an issue must hold for a query to match in it: each term's scalars and neighbouring
    /// pairs, as the terms are searched (folded UTF-8).
    static func elements(of query: SearchQuery) -> [UInt64] {
        var out: Set<UInt64> = []
        for term in query.foldedUTF8Terms where !term.isEmpty {
            term.withUnsafeBufferPointer { b in
                var i = 0
                var previous: UInt32?
                while i < b.count {
                    let (v, length) = scalar(b, at: i)
                    i += length
                    out.insert(unigram(v))
                    if let previous { out.insert(bigram(previous, v)) }
                    previous = v
                }
            }
        }
        return out.sorted()
    }
}
