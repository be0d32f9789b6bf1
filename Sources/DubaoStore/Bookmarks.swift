import DubaoModel
import Foundation

/// A saved article: enough to list it and find it again, and to show it even if a re-import
/// removed the article (its title is kept).
public struct Bookmark: Codable, Sendable, Equatable {
    public var id: ArticleID
    public var title: String
    public var paper: String
    public var date: IssueDate
    public var section: String
    /// When it was bookmarked, ISO 8601.
    public var added: String

    public init(id: ArticleID, title: String, paper: String, date: IssueDate, section: String, added: String) {
        self.id = id
        self.title = title
        self.paper = paper
        self.date = date
        self.section = section
        self.added = added
    }
}

struct BookmarksDocument: Codable, Equatable {
    var schema = LibraryFormat.schema
    static let formatName = "dubao-bookmarks"
    var format = Self.formatName
    var bookmarks: [Bookmark] = []
}

extension BookmarksDocument: JSONValueDecodable {
    init?(json: JSONValue) {
        guard let schema = json["schema"]?.int, let format = json["format"]?.string,
              let bookmarks = [Bookmark](json: json["bookmarks"], { o in
                  guard let id = o["id"]?.string, let title = o["title"]?.string, let paper = o["paper"]?.string,
                        let date = o["date"].flatMap(IssueDate.init(json:)), let section = o["section"]?.string,
                        let added = o["added"]?.string
                  else { return nil }
                  return Bookmark(id: ArticleID(stored: id), title: title, paper: paper, date: date, section: section, added: added)
              }) else { return nil }
        self.init(schema: schema, format: format, bookmarks: bookmarks)
    }
}

extension BookmarksDocument {
    /// Small and rewritten whole by every change: the plain encoder, indented for people who open it.
    func encoded() -> [UInt8] { LibraryFormat.encode(self) }
}

/// `bookmarks.json` in the library folder. Every change locks the library, re-reads the file
/// and writes it back atomically, so a kill -9 right after a change keeps it and two dubao
/// processes bookmarking at once keep both. A damaged file is reported and never rewritten.
public struct BookmarkStore: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var path: String { root + "/bookmarks.json" }

    /// Every bookmark, newest first; of two added in the same instant, the one added later first.
    public func all() throws(StoreError) -> [Bookmark] {
        Self.newestFirst(try read().bookmarks)
    }

    /// Newest first by `added`, ties broken by position in the file (later is newer).
    public static func newestFirst(_ bookmarks: [Bookmark]) -> [Bookmark] {
        bookmarks.enumerated().sorted { ($0.element.added, $0.offset) > ($1.element.added, $1.offset) }.map(\.element)
    }

    func read() throws(StoreError) -> BookmarksDocument {
        guard let bytes = try AtomicFile.read(path) else { return BookmarksDocument() }
        return try LibraryFormat.decode(BookmarksDocument.self, from: bytes, path: path)
    }

    /// Adds the bookmark; returns false, changing nothing, if the article was bookmarked
    /// already (its time and place in the list are the user's, not this call's).
    @discardableResult
    public func add(_ bookmark: Bookmark) throws(StoreError) -> Bool {
        try change { document in
            guard !document.bookmarks.contains(where: { $0.id == bookmark.id }) else { return nil }
            document.bookmarks.append(bookmark)
            return true
        } ?? false
    }

    /// Removes the bookmark; returns it, or nil if there was none.
    @discardableResult
    public func remove(id: ArticleID) throws(StoreError) -> Bookmark? {
        try change { document in
            guard let index = document.bookmarks.firstIndex(where: { $0.id == id }) else { return nil }
            return document.bookmarks.remove(at: index)
        }
    }

    /// Runs `body` on the document under the lock and writes it back, unless `body` returns
    /// nil: then nothing changed and the file is left as it is.
    func change<T>(_ body: (inout BookmarksDocument) -> T?) throws(StoreError) -> T? {
        try AtomicFile.makeFolders(root)
        let lock = try LibraryLock(path: root + "/.lock")
        defer { withExtendedLifetime(lock) {} }
        var document = try read()
        guard let result = body(&document) else { return nil }
        // The file keeps the order bookmarks were added in.
        try AtomicFile.write(document.encoded(), to: path)
        return result
    }

    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}

extension BookmarksDocument: StoreDocument {}
