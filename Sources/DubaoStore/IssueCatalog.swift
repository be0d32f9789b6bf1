import DubaoModel

/// An issue's table of contents, `issues/<paper>-<hash>/<YYYY-MM-DD>/issue-….json`: its sections
/// and what a list shows of each article.
public struct IssueCatalog: Codable, Sendable, Equatable {
    var schema = LibraryFormat.schema
    static let formatName = "dubao-issue"
    var format = Self.formatName
    public var paper: String
    public var date: IssueDate
    public var sections: [SectionEntry]

    public init(paper: String, date: IssueDate, sections: [SectionEntry]) {
        self.paper = paper
        self.date = date
        self.sections = sections
    }
}

/// A section as its issue's catalog lists it. Outside the store it is a reference, as
/// `IssueEntry` is: the file its articles are in is the store's to know.
public struct SectionEntry: Codable, Sendable, Equatable {
    public var name: String
    public var order: Int
    public var page: String
    /// The section document, relative to the issue's folder.
    var file: String
    public var pageLines: [PageLine]
    public var articles: [ArticleSummary]
}

/// What a list needs of an article, without its body.
public struct ArticleSummary: Codable, Sendable, Equatable {
    public var id: ArticleID
    public var kicker: String
    public var title: String
    public var subtitle: String
    public var reporters: [String]
    public var paragraphs: Int
    public var captions: Int

    init(id: ArticleID, kicker: String, title: String, subtitle: String, reporters: [String], paragraphs: Int, captions: Int) {
        self.id = id
        self.kicker = kicker
        self.title = title
        self.subtitle = subtitle
        self.reporters = reporters
        self.paragraphs = paragraphs
        self.captions = captions
    }

    public init(_ a: Article) {
        id = a.id
        kicker = a.kicker
        title = a.title.isEmpty ? a.displayTitle : a.title
        subtitle = a.subtitle
        reporters = a.reporters
        paragraphs = a.paragraphs.count
        captions = a.captions.count
    }
}

extension IssueCatalog: JSONValueDecodable {
    init?(json: JSONValue) {
        guard let schema = json["schema"]?.int, let format = json["format"]?.string,
              let paper = json["paper"]?.string, let date = json["date"].flatMap(IssueDate.init(json:)),
              let sections = [SectionEntry](json: json["sections"], SectionEntry.init(json:)) else { return nil }
        self.init(paper: paper, date: date, sections: sections)
        self.schema = schema
        self.format = format
    }
}

extension SectionEntry {
    init?(json o: JSONValue) {
        guard let name = o["name"]?.string, let order = o["order"]?.int, let page = o["page"]?.string,
              let file = o["file"]?.string, let pageLines = [PageLine](json: o["pageLines"], PageLine.init(json:)),
              let articles = [ArticleSummary](json: o["articles"], ArticleSummary.init(json:))
        else { return nil }
        self.init(name: name, order: order, page: page, file: file, pageLines: pageLines, articles: articles)
    }
}

extension ArticleSummary {
    init?(json a: JSONValue) {
        guard let id = a["id"]?.string, let kicker = a["kicker"]?.string, let title = a["title"]?.string,
              let subtitle = a["subtitle"]?.string, let reporters = a["reporters"]?.strings,
              let paragraphs = a["paragraphs"]?.int, let captions = a["captions"]?.int
        else { return nil }
        self.init(id: ArticleID(stored: id), kicker: kicker, title: title, subtitle: subtitle, reporters: reporters,
                  paragraphs: paragraphs, captions: captions)
    }
}

extension IssueCatalog {
    /// By hand, like section documents (JSONEncoder was a tenth of storing an issue): one
    /// section's header a line, then one article a line.
    func encoded() -> [UInt8] {
        var w = JSONBytes()
        w.open("{")
        w.key("date"); w.string(date.description); w.comma()
        w.key("format"); w.string(format); w.comma()
        w.key("paper"); w.string(paper); w.comma()
        w.key("schema"); w.int(schema); w.comma()
        w.key("sections"); w.array(sections, lineEach: true) { w, s in
            w.open("{")
            w.key("file"); w.string(s.file); w.comma()
            w.key("name"); w.string(s.name); w.comma()
            w.key("order"); w.int(s.order); w.comma()
            w.key("page"); w.string(s.page); w.comma()
            w.key("pageLines"); w.pageLines(s.pageLines); w.comma()
            w.key("articles"); w.array(s.articles, lineEach: true) { w, a in
                w.open("{")
                w.key("id"); w.string(a.id.text); w.comma()
                w.key("captions"); w.int(a.captions); w.comma()
                w.key("kicker"); w.string(a.kicker); w.comma()
                w.key("paragraphs"); w.int(a.paragraphs); w.comma()
                w.key("reporters"); w.strings(a.reporters); w.comma()
                w.key("subtitle"); w.string(a.subtitle); w.comma()
                w.key("title"); w.string(a.title)
                w.close("}")
            }
            w.close("}")
        }
        w.close("}")
        w.bytes.append(0x0A)
        return w.bytes
    }
}

extension IssueCatalog: StoreDocument {}
