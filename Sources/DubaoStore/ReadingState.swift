import Foundation
import DubaoModel

/// Where the reader was: the last article open, which articles were read, and how far into
/// each one the reader had scrolled.
public struct ReadingState: Codable, Sendable, Equatable {
    public struct Place: Codable, Sendable, Equatable {
        public var paper: String
        public var date: IssueDate
        public var section: String
        public var article: ArticleID
        /// The newest issue in the library when the place was saved: an issue newer than that
        /// arrived since, and the next start opens it rather than going back to the place.
        public var newest: IssueDate?
        /// The pane that had the focus (`sections`, `articles` or `reader`), which the next start
        /// gives it again. Nil in a file from before it was kept; a name this dubao does not know
        /// is passed over.
        public var focus: String?

        public init(paper: String, date: IssueDate, section: String, article: ArticleID, newest: IssueDate? = nil,
                    focus: String? = nil) {
            self.paper = paper
            self.date = date
            self.section = section
            self.article = article
            self.newest = newest
            self.focus = focus
        }
    }

    /// A place in an article that survives re-layout at another width: a block of the article
    /// (`paragraph` ≥ 0, or -1 for the headline block) and a UTF-8 offset inside it.
    public struct Position: Codable, Sendable, Equatable {
        public var paragraph: Int
        public var offset: Int

        public init(paragraph: Int, offset: Int) {
            self.paragraph = paragraph
            self.offset = offset
        }
    }

    public var last: Place?
    public var read: Set<ArticleID>
    public var positions: [ArticleID: Position]
    /// The queries searched for, newest first, each once, at most `queryLimit`.
    public var queries: [String]

    public init(last: Place? = nil, read: Set<ArticleID> = [], positions: [ArticleID: Position] = [:],
                queries: [String] = []) {
        self.last = last
        self.read = read
        self.positions = positions
        self.queries = queries
    }

    /// How many queries are kept: more than anyone goes back through with Up.
    public static let queryLimit = 100

    /// `queries` (newest first) with `query` put first, an earlier copy of it dropped, and
    /// no more than `queryLimit`.
    public static func remembering(_ query: String, in queries: [String]) -> [String] {
        Array(([query] + queries.filter { $0 != query }).prefix(queryLimit))
    }

    enum CodingKeys: String, CodingKey { case last, read, positions, queries }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        last = try c.decodeIfPresent(Place.self, forKey: .last)
        read = Set((try c.decodeIfPresent([String].self, forKey: .read) ?? []).map(ArticleID.init(stored:)))
        // Keyed by the ID's text, as JSON objects are.
        let byText = try c.decodeIfPresent([String: Position].self, forKey: .positions) ?? [:]
        positions = Dictionary(uniqueKeysWithValues: byText.map { (ArticleID(stored: $0.key), $0.value) })
        queries = try c.decodeIfPresent([String].self, forKey: .queries) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(last, forKey: .last)
        try c.encode(read.sorted().map(\.text), forKey: .read)
        try c.encode(Dictionary(uniqueKeysWithValues: positions.map { ($0.key.text, $0.value) }), forKey: .positions)
        if !queries.isEmpty { try c.encode(queries, forKey: .queries) }
    }
}

/// A change to the reading state, applied to what is on disk at the time of writing, so two
/// dubao processes reading at once both keep what they did.
public enum ReadingChange: Sendable, Equatable {
    case markRead(ArticleID, Bool)
    case position(ArticleID, ReadingState.Position?)
    case last(ReadingState.Place)
    /// A query run from the query line, put first in the history.
    case searched(String)

    public func apply(to state: inout ReadingState) {
        switch self {
        case .markRead(let id, let read):
            if read { state.read.insert(id) } else { state.read.remove(id) }
        case .position(let id, let position):
            state.positions[id] = position
        case .last(let place):
            state.last = place
        case .searched(let query):
            state.queries = ReadingState.remembering(query, in: state.queries)
        }
    }
}

/// Where the reading state lives: `state.json` holds the last place, and `reading/<YYYY>.json`
/// the read marks and positions of each year's articles (an ID begins with its date), so
/// opening an article rewrites one year, however many years were read. Changed like bookmarks:
/// locked, re-read, written atomically; a damaged file is named and never rewritten.
public struct ReadingStateStore: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var path: String { root + "/state.json" }
    var folder: String { root + "/reading" }

    /// The file that holds an article's marks: its year's, or `other` for an ID without a date.
    public func partPath(for id: ArticleID) -> String {
        "\(folder)/\(Self.yearKey(for: id)).json"
    }

    /// `2026` for an article ID of 2026 (IDs begin with their date), `other` for any other ID.
    public static func yearKey(for id: ArticleID) -> String {
        id.year.map { String(decoding: $0, as: UTF8.self) } ?? "other"
    }

    public static func yearKey(for date: IssueDate) -> String {
        String(date.compact.prefix(4))
    }

    func loadDocument() throws(StoreError) -> ReadingStateDocument {
        guard let bytes = try AtomicFile.read(path) else { return ReadingStateDocument() }
        return try LibraryFormat.decode(ReadingStateDocument.self, from: bytes, path: path)
    }

    func loadPart(_ path: String) throws(StoreError) -> ReadingPart? {
        guard let bytes = try AtomicFile.read(path) else { return nil }
        if let part = ReadingPart.scan(bytes) { return part }
        return try LibraryFormat.decode(ReadingPart.self, from: bytes, path: path)
    }

    func partPaths() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.contains(".tmp-") }.sorted().map { folder + "/" + $0 }
    }

    /// The whole state: the last place and every year's marks.
    public func load() throws(StoreError) -> ReadingState {
        try load(years: nil)
    }

    /// The last place and the marks of these years only (`yearKey`); nil for all years. The
    /// reader starts with the year it opens on and reads others when it needs them.
    public func load(years: Set<String>?) throws(StoreError) -> ReadingState {
        let (state, failures) = loadAvailable(years: years)
        if let first = failures.first { throw first }
        return state
    }

    /// What can be read of the state: a damaged `state.json` or year file is reported and
    /// left out, and the others are read all the same (a damaged year must not hide the last
    /// place, nor a damaged `state.json` the marks).
    public func loadAvailable(years: Set<String>?) -> (state: ReadingState, failures: [StoreError]) {
        var failures: [StoreError] = []
        var state = ReadingState()
        do { state = try loadDocument().state } catch { failures.append(error) }
        let paths = years.map { $0.sorted().map { "\(folder)/\($0).json" } } ?? partPaths()
        for path in paths {
            do {
                guard let part = try loadPart(path) else { continue }
                // Hashing a year's IDs once more to merge them was half of loading them.
                if state.read.isEmpty { state.read = part.read } else { state.read.formUnion(part.read) }
                if state.positions.isEmpty {
                    state.positions = part.positions
                } else {
                    state.positions.merge(part.positions) { _, new in new }
                }
            } catch {
                failures.append(error)
            }
        }
        return (state, failures)
    }

    /// Applies the changes to the state on disk, rewriting only the years they touch.
    /// Writes the changes into `state.json` and the years' files. A damaged file is never
    /// written and its changes are dropped, but the other files still get theirs: one bad year
    /// must not stop a reader's other years or last place from being kept. The first damage
    /// found is thrown after everything else is written.
    public func apply(_ changes: [ReadingChange]) throws(StoreError) {
        try AtomicFile.makeFolders(root)
        let lock = try LibraryLock(path: root + "/.lock")
        defer { withExtendedLifetime(lock) {} }
        var firstError: StoreError?
        var document: ReadingStateDocument?
        do { document = try loadDocument() } catch { firstError = error }
        var parts: [String: ReadingPart] = [:]
        var damaged: Set<String> = []
        func part(_ path: String) -> ReadingPart? {
            if damaged.contains(path) { return nil }
            if let loaded = parts[path] { return loaded }
            do {
                return try loadPart(path) ?? ReadingPart()
            } catch {
                damaged.insert(path)
                firstError = firstError ?? error
                return nil
            }
        }
        var documentChanged = false
        if var doc = document {
            // A state.json from before the years were split holds its marks itself: they move
            // out now, except those whose year's file is damaged, which stay where they are.
            var keptRead: Set<ArticleID> = [], keptPositions: [ArticleID: ReadingState.Position] = [:]
            for id in doc.state.read {
                if var p = part(partPath(for: id)) {
                    p.read.insert(id)
                    parts[partPath(for: id)] = p
                } else {
                    keptRead.insert(id)
                }
            }
            for (id, position) in doc.state.positions {
                if var p = part(partPath(for: id)) {
                    p.positions[id] = p.positions[id] ?? position
                    parts[partPath(for: id)] = p
                } else {
                    keptPositions[id] = position
                }
            }
            documentChanged = keptRead.count != doc.state.read.count || keptPositions.count != doc.state.positions.count
            doc.state.read = keptRead
            doc.state.positions = keptPositions
            document = doc
        }
        for change in changes {
            switch change {
            case .last(let place):
                guard document != nil else { continue }
                document!.state.last = place
                documentChanged = true
            case .searched(let query):
                guard document != nil else { continue }
                document!.state.queries = ReadingState.remembering(query, in: document!.state.queries)
                documentChanged = true
            case .markRead(let id, let read):
                guard var p = part(partPath(for: id)) else { continue }
                if read { p.read.insert(id) } else { p.read.remove(id) }
                parts[partPath(for: id)] = p
            case .position(let id, let position):
                guard var p = part(partPath(for: id)) else { continue }
                p.positions[id] = position
                parts[partPath(for: id)] = p
            }
        }
        if !parts.isEmpty { try AtomicFile.makeFolders(folder) }
        for (path, p) in parts.sorted(by: { $0.key < $1.key }) {
            try AtomicFile.write(p.encoded(), to: path)
        }
        if documentChanged, let document { try AtomicFile.write(document.encoded(), to: self.path) }
        if let firstError { throw firstError }
    }
}
