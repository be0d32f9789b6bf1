import DubaoModel

/// Where the reader was: the last article open, which articles were read, and how far into
/// each one the reader had scrolled.
public struct ReadingState: Codable, Sendable, Equatable {
    public struct Place: Codable, Sendable, Equatable {
        public var paper: String
        public var date: IssueDate
        public var section: String
        public var article: String

        public init(paper: String, date: IssueDate, section: String, article: String) {
            self.paper = paper
            self.date = date
            self.section = section
            self.article = article
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
    public var read: Set<String>
    public var positions: [String: Position]

    public init(last: Place? = nil, read: Set<String> = [], positions: [String: Position] = [:]) {
        self.last = last
        self.read = read
        self.positions = positions
    }

    enum CodingKeys: String, CodingKey { case last, read, positions }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        last = try c.decodeIfPresent(Place.self, forKey: .last)
        read = Set(try c.decodeIfPresent([String].self, forKey: .read) ?? [])
        positions = try c.decodeIfPresent([String: Position].self, forKey: .positions) ?? [:]
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(last, forKey: .last)
        try c.encode(read.sorted(), forKey: .read)
        try c.encode(positions, forKey: .positions)
    }
}

/// A change to the reading state, applied to what is on disk at the time of writing, so two
/// dubao processes reading at once both keep what they did.
public enum ReadingChange: Sendable, Equatable {
    case markRead(String, Bool)
    case position(String, ReadingState.Position?)
    case last(ReadingState.Place)

    public func apply(to state: inout ReadingState) {
        switch self {
        case .markRead(let id, let read):
            if read { state.read.insert(id) } else { state.read.remove(id) }
        case .position(let id, let position):
            state.positions[id] = position
        case .last(let place):
            state.last = place
        }
    }
}

struct ReadingStateDocument: Codable, Equatable {
    var schema = LibraryFormat.schema
    var format = "dubao-state"
    var state = ReadingState()

    /// By hand, sorted, one entry a line: the state is rewritten whenever an article is opened
    /// or left, and after a year of reading holds tens of thousands of IDs.
    func encoded() -> [UInt8] {
        var w = JSONBytes()
        w.open("{")
        w.key("format"); w.string(format); w.comma()
        w.key("schema"); w.int(schema); w.comma()
        w.key("state"); w.open("{")
        if let last = state.last {
            w.bytes.append(0x0A)
            w.key("last"); w.open("{")
            w.key("article"); w.string(last.article); w.comma()
            w.key("date"); w.string(last.date.description); w.comma()
            w.key("paper"); w.string(last.paper); w.comma()
            w.key("section"); w.string(last.section)
            w.close("}"); w.comma()
        }
        w.bytes.append(0x0A)
        w.key("positions"); w.open("{")
        for (i, id) in state.positions.keys.sorted().enumerated() {
            let p = state.positions[id]!
            if i > 0 { w.comma() }
            w.bytes.append(0x0A)
            w.key(id); w.open("{")
            w.key("offset"); w.int(p.offset); w.comma()
            w.key("paragraph"); w.int(p.paragraph)
            w.close("}")
        }
        w.close("}"); w.comma()
        w.bytes.append(0x0A)
        w.key("read"); w.array(state.read.sorted(), lineEach: true) { w, id in w.string(id) }
        w.close("}")
        w.close("}")
        w.bytes.append(0x0A)
        return w.bytes
    }
}

/// `state.json` in the library folder, changed like bookmarks: locked, re-read, written atomically.
public struct ReadingStateStore: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var path: String { root + "/state.json" }

    public func load() throws(StoreError) -> ReadingState {
        guard let bytes = try AtomicFile.read(path) else { return ReadingState() }
        return try LibraryFormat.decode(ReadingStateDocument.self, format: "dubao-state", from: bytes, path: path).state
    }

    /// Applies the changes to the state on disk; returns the state as written.
    @discardableResult
    public func apply(_ changes: [ReadingChange]) throws(StoreError) -> ReadingState {
        try AtomicFile.makeFolders(root)
        let lock = try LibraryLock(path: root + "/.lock")
        defer { withExtendedLifetime(lock) {} }
        var state = try load()
        for change in changes { change.apply(to: &state) }
        try AtomicFile.write(ReadingStateDocument(state: state).encoded(), to: path)
        return state
    }
}
