import CByteScan
import DubaoModel
import Foundation

/// The full articles of one section: `issues/<paper>-<hash>/<YYYY-MM-DD>/s-….json`.
struct SectionDocument: Codable, Equatable {
    var schema = LibraryFormat.schema
    static let formatName = "dubao-section"
    var format = Self.formatName
    var paper: String
    var date: IssueDate
    var section: String
    var page: String
    var pageLines: [PageLine]
    var articles: [Article]
}

extension SectionDocument: JSONValueDecodable {
    init?(json: JSONValue) {
        guard let schema = json["schema"]?.int, let format = json["format"]?.string,
              let paper = json["paper"]?.string, let date = json["date"].flatMap(IssueDate.init(json:)),
              let section = json["section"]?.string, let page = json["page"]?.string,
              let pageLines = [PageLine](json: json["pageLines"], PageLine.init(json:)),
              let articles = [Article](json: json["articles"], Article.init(json:)) else { return nil }
        self.init(schema: schema, format: format, paper: paper, date: date, section: section, page: page,
                  pageLines: pageLines, articles: articles)
    }
}

extension Article {
    init?(json o: JSONValue) {
        guard let id = o["id"]?.string, let kicker = o["kicker"]?.string, let title = o["title"]?.string,
              let subtitle = o["subtitle"]?.string, let continuedFrom = o["continuedFrom"]?.string,
              let dateline = o["dateline"]?.string, let credit = o["credit"]?.string,
              let reporters = o["reporters"]?.strings, let paragraphs = o["paragraphs"]?.strings,
              let continuation = o["continuation"]?.string,
              let first = o["sourceLines"]?["first"]?.int, let last = o["sourceLines"]?["last"]?.int,
              let captions = [Caption](json: o["captions"], { item in
                  guard let text = item["text"]?.string, let after = item["afterParagraph"]?.int else { return nil }
                  return Caption(text: text, afterParagraph: after)
              })
        else { return nil }
        self.init(id: ArticleID(stored: id), kicker: kicker, title: title, subtitle: subtitle, continuedFrom: continuedFrom,
                  dateline: dateline, credit: credit, reporters: reporters, paragraphs: paragraphs, captions: captions,
                  continuation: continuation, sourceLines: LineRange(first: first, last: last))
    }
}

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
        w.key("id"); w.string(a.id.text); w.comma()
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

/// Reads single articles out of a section document that `SectionWriter` wrote, without decoding
/// the rest of the section.
enum SectionReader {
    /// The articles with these IDs, in the document's order; nil when the document is not laid
    /// out as expected (then the caller decodes it whole).
    static func articles(withIDs ids: Set<ArticleID>, in bytes: [UInt8]) -> [Article]? {
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
                dubao_find(h.baseAddress, h.count, n.baseAddress, n.count).map { $0 - h.baseAddress! }
            }
        }
    }
}

extension SectionDocument: StoreDocument {}
