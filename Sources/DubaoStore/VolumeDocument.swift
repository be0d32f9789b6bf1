import DubaoModel

/// One issue as its year's volume lists it (and `library.json` did, at schema 1).
///
/// Outside the store it is a reference: the reader holds it and hands it back to ask for the
/// issue's catalog or text. Where the issue's files are is the store's alone to know, so those
/// fields are not public.
public struct IssueEntry: Codable, Sendable, Equatable {
    public var paper: String
    public var date: IssueDate
    /// Relative to the library root.
    var folder: String
    /// The issue's catalog in that folder; a new file for every change, named by its content.
    var catalog: String
    /// The issue's folded text for search (`SearchText`), named by its content; empty if none.
    var searchText: String
    /// The pack of search filters that holds this issue's (`FilterPack`), relative to the
    /// library root; nil if none does: the issue is then searched without one.
    var filter: String?
    public var sections: Int
    public var articles: Int
    public var updated: String

    init(paper: String, date: IssueDate, folder: String, catalog: String, searchText: String = "", filter: String? = nil,
                sections: Int, articles: Int, updated: String) {
        self.paper = paper
        self.date = date
        self.folder = folder
        self.catalog = catalog
        self.searchText = searchText
        self.filter = filter
        self.sections = sections
        self.articles = articles
        self.updated = updated
    }

    /// Newest first; on the same day, papers in name order.
    public static func newestFirst(_ a: IssueEntry, _ b: IssueEntry) -> Bool {
        (a.date, b.paper) > (b.date, a.paper)
    }
}

extension IssueEntry {
    init?(json o: JSONValue) {
        guard let paper = o["paper"]?.string, let date = o["date"].flatMap(IssueDate.init(json:)),
              let folder = o["folder"]?.string, let catalog = o["catalog"]?.string,
              let searchText = o["searchText"]?.string, let sections = o["sections"]?.int,
              let articles = o["articles"]?.int, let updated = o["updated"]?.string
        else { return nil }
        // `filter` came later: a volume without it is read, its issues searched without filters.
        self.init(paper: paper, date: date, folder: folder, catalog: catalog, searchText: searchText, filter: o["filter"]?.string,
                  sections: sections, articles: articles, updated: updated)
    }
}

/// One year of issues: `volumes/<YYYY>-<hash>.json`.
struct VolumeDocument: Codable, Equatable {
    var schema = LibraryFormat.schema
    static let formatName = "dubao-volume"
    var format = Self.formatName
    var year: Int
    var issues: [IssueEntry]

    /// By hand, one issue a line: a volume is rewritten by every import of its year.
    func encoded() -> [UInt8] {
        var w = JSONBytes()
        w.open("{")
        w.key("format"); w.string(format); w.comma()
        w.key("issues"); w.array(issues, lineEach: true) { w, e in
            w.open("{")
            w.key("articles"); w.int(e.articles); w.comma()
            w.key("catalog"); w.string(e.catalog); w.comma()
            w.key("date"); w.string(e.date.description); w.comma()
            if let filter = e.filter { w.key("filter"); w.string(filter); w.comma() }
            w.key("folder"); w.string(e.folder); w.comma()
            w.key("paper"); w.string(e.paper); w.comma()
            w.key("searchText"); w.string(e.searchText); w.comma()
            w.key("sections"); w.int(e.sections); w.comma()
            w.key("updated"); w.string(e.updated)
            w.close("}")
        }
        w.comma()
        w.key("schema"); w.int(schema); w.comma()
        w.key("year"); w.int(year)
        w.close("}")
        w.bytes.append(0x0A)
        return w.bytes
    }
}

extension VolumeDocument: JSONValueDecodable {
    init?(json: JSONValue) {
        guard let schema = json["schema"]?.int, let format = json["format"]?.string, let year = json["year"]?.int,
              let issues = [IssueEntry](json: json["issues"], IssueEntry.init(json:)) else { return nil }
        self.init(schema: schema, format: format, year: year, issues: issues)
    }
}

extension VolumeDocument: StoreDocument {}

extension Collection where Element == IssueEntry {
    /// Where the issue of this paper and date is: bookmarks, reading places and the reader
    /// name an issue so, whatever its files are now.
    public func firstIndex(paper: String, date: IssueDate) -> Index? {
        firstIndex { $0.paper == paper && $0.date == date }
    }
}
