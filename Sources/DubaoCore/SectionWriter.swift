import CLibcShim
import DubaoModel
import Foundation

/// Writes section documents as JSON by hand: they hold nearly all of an archive's text, and
/// Foundation's encoder spent more time on them than parsing the pages did. The output is plain
/// JSON that `JSONDecoder` reads back into the same `SectionDocument` (a test checks the round
/// trip on every fixture page).
enum SectionWriter {
    static func encode(_ d: SectionDocument) -> [UInt8] {
        var w = JSONBytes()
        w.open("{")
        // Each article on a line of its own: a search that wants one article of a section cuts
        // out that line and decodes just it (`SectionReader`).
        w.key("articles"); w.array(d.articles, lineEach: true) { w, a in article(a, &w) }; w.comma()
        w.key("date"); w.string(d.date.description); w.comma()
        w.key("format"); w.string(d.format); w.comma()
        w.key("page"); w.string(d.page); w.comma()
        w.key("pageLines"); w.pageLines(d.pageLines); w.comma()
        w.key("paper"); w.string(d.paper); w.comma()
        w.key("schema"); w.int(d.schema); w.comma()
        w.key("section"); w.string(d.section)
        w.close("}")
        return w.bytes
    }

    static func article(_ a: Article, _ w: inout JSONBytes) {
        w.open("{")
        w.key("id"); w.string(a.id); w.comma()
        w.key("captions"); w.open("[")
        for (i, c) in a.captions.enumerated() {
            if i > 0 { w.comma() }
            w.open("{")
            w.key("afterParagraph"); w.int(c.afterParagraph); w.comma()
            w.key("text"); w.string(c.text)
            w.close("}")
        }
        w.close("]"); w.comma()
        for (name, value) in [("continuation", a.continuation), ("continuedFrom", a.continuedFrom), ("credit", a.credit),
                              ("dateline", a.dateline), ("kicker", a.kicker)] {
            w.key(name); w.string(value); w.comma()
        }
        w.key("paragraphs"); w.strings(a.paragraphs); w.comma()
        w.key("reporters"); w.strings(a.reporters); w.comma()
        w.key("sourceLines"); w.open("{")
        w.key("first"); w.int(a.sourceLines.first); w.comma()
        w.key("last"); w.int(a.sourceLines.last)
        w.close("}"); w.comma()
        w.key("subtitle"); w.string(a.subtitle); w.comma()
        w.key("title"); w.string(a.title)
        w.close("}")
    }
}

/// Just enough of a JSON writer: strings escaped as RFC 8259 asks, UTF-8 left as it is.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func open(_ bracket: Unicode.Scalar) { bytes.append(UInt8(bracket.value)) }
    mutating func close(_ bracket: Unicode.Scalar) { bytes.append(UInt8(bracket.value)) }
    mutating func comma() { bytes.append(0x2C) }
    mutating func key(_ k: String) { string(k); bytes.append(0x3A) }
    mutating func int(_ n: Int) { bytes += Array(String(n).utf8) }

    /// `[…]` with `element` writing each item; with `lineEach`, every item on a line of its own
    /// (what lets `SectionReader` and people pick one out).
    mutating func array<T>(_ items: [T], lineEach: Bool = false, _ element: (inout JSONBytes, T) -> Void) {
        bytes.append(0x5B)
        for (i, item) in items.enumerated() {
            if i > 0 { comma() }
            if lineEach { bytes.append(0x0A) }
            element(&self, item)
        }
        if lineEach { bytes.append(0x0A) }
        bytes.append(0x5D)
    }

    mutating func pageLines(_ lines: [PageLine]) {
        array(lines) { w, p in
            w.open("{")
            w.key("kind"); w.string(p.kind.rawValue); w.comma()
            w.key("line"); w.int(p.line); w.comma()
            w.key("text"); w.string(p.text)
            w.close("}")
        }
    }

    mutating func strings(_ values: [String]) {
        bytes.append(0x5B)
        for (i, v) in values.enumerated() {
            if i > 0 { comma() }
            string(v)
        }
        bytes.append(0x5D)
    }

    mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            // Runs that need no escape are copied whole: article text is nearly all such a run.
            var start = 0
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                if b >= 0x80 {
                    // The bytes to escape are all ASCII: step over a whole scalar.
                    i += Int(UTF8Lead.scalarLength(b))
                    continue
                }
                if b < 0x20 || b == 0x22 || b == 0x5C {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                    escape(b)
                    start = i + 1
                }
                i += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<n]))
        }
        bytes.append(0x22)
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case 0x22: bytes += [0x5C, 0x22]
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, 0x6E]
        case 0x0D: bytes += [0x5C, 0x72]
        case 0x09: bytes += [0x5C, 0x74]
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
        }
    }
}

/// Reads single articles out of a section document that `SectionWriter` wrote, without decoding
/// the rest of the section.
enum SectionReader {
    /// The articles with these IDs, in the document's order; nil when the document is not laid
    /// out as expected (then the caller decodes it whole).
    static func articles(withIDs ids: Set<String>, in bytes: [UInt8]) -> [Article]? {
        var found: [(Int, Article)] = []
        for id in ids {
            let marker = Array("\n{\"id\":\"\(id)\",".utf8)
            guard let start = find(marker, in: bytes) else { return nil }
            var end = start + 1
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            // The line is the article's object, followed by a comma or the array's end.
            var slice = Array(bytes[(start + 1)..<end])
            while let last = slice.last, last != 0x7D { slice.removeLast() }
            // The byte-level reader: Foundation's decoder was a third of a search for a common
            // character, which reads nearly every article. Anything it does not take goes the long way.
            guard let article = JSONReader.parse(slice).flatMap(Article.init(json:))
                    ?? (try? JSONDecoder().decode(Article.self, from: Data(slice))) else { return nil }
            found.append((start, article))
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        return haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                dubao_memmem(h.baseAddress, h.count, n.baseAddress, n.count).map { $0 - h.baseAddress! }
            }
        }
    }
}
