import DubaoModel

/// `state.json`: the last place and the queries searched for. Older dubaos read it too: they
/// pass over a key they do not know (and drop it when they write the file). One written before the years were split also holds read marks
/// and positions, which move out into the years' files with the next change.
struct ReadingStateDocument: Codable, Equatable {
    var schema = LibraryFormat.schema
    static let formatName = "dubao-state"
    var format = Self.formatName
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
            w.key("article"); w.string(last.article.text); w.comma()
            w.key("date"); w.string(last.date.description); w.comma()
            if let focus = last.focus { w.key("focus"); w.string(focus); w.comma() }
            if let newest = last.newest { w.key("newest"); w.string(newest.description); w.comma() }
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
            w.key(id.text); w.open("{")
            w.key("offset"); w.int(p.offset); w.comma()
            w.key("paragraph"); w.int(p.paragraph)
            w.close("}")
        }
        w.close("}"); w.comma()
        if !state.queries.isEmpty {
            // Left out while empty, so a reader who never searches has the file as before.
            w.bytes.append(0x0A)
            w.key("queries"); w.array(state.queries, lineEach: true) { w, query in w.string(query) }
            w.comma()
        }
        w.bytes.append(0x0A)
        w.key("read"); w.array(state.read.sorted(), lineEach: true) { w, id in w.string(id.text) }
        w.close("}")
        w.close("}")
        w.bytes.append(0x0A)
        return w.bytes
    }
}

extension ReadingStateDocument: JSONValueDecodable {
    init?(json: JSONValue) {
        guard let schema = json["schema"]?.int, let format = json["format"]?.string,
              let s = json["state"], case .object = s else { return nil }
        var state = ReadingState()
        if let last = s["last"], last != .null {
            guard let paper = last["paper"]?.string, let date = last["date"].flatMap(IssueDate.init(json:)),
                  let section = last["section"]?.string, let article = last["article"]?.string else { return nil }
            var newest: IssueDate?
            if let value = last["newest"], value != .null {
                guard let date = IssueDate(json: value) else { return nil }
                newest = date
            }
            // Only where the reader goes back to: anything but a name is passed over, not damage.
            let focus = last["focus"]?.string
            state.last = ReadingState.Place(paper: paper, date: date, section: section, article: ArticleID(stored: article),
                                            newest: newest, focus: focus)
        }
        if let read = s["read"], read != .null {
            guard let ids = read.strings else { return nil }
            state.read = Set(ids.map(ArticleID.init(stored:)))
        }
        if let positions = s["positions"], positions != .null {
            guard case .object(let p) = positions else { return nil }
            state.positions.reserveCapacity(p.count)
            for member in p {
                guard let paragraph = member.value["paragraph"]?.int, let offset = member.value["offset"]?.int else { return nil }
                state.positions[ArticleID(stored: member.key)] = ReadingState.Position(paragraph: paragraph, offset: offset)
            }
        }
        if let queries = s["queries"], queries != .null {
            guard let texts = queries.strings else { return nil }
            state.queries = texts
        }
        self.init(schema: schema, format: format, state: state)
    }
}

extension ReadingStateDocument: StoreDocument {}
