import DubaoModel

extension BookmarksDocument: JSONValueDecodable {
    init?(json: JSONValue) {
        guard let schema = json["schema"]?.int, let format = json["format"]?.string,
              let bookmarks = [Bookmark](json: json["bookmarks"], { o in
                  guard let id = o["id"]?.string, let title = o["title"]?.string, let paper = o["paper"]?.string,
                        let date = o["date"].flatMap(IssueDate.init(json:)), let section = o["section"]?.string,
                        let added = o["added"]?.string
                  else { return nil }
                  return Bookmark(id: id, title: title, paper: paper, date: date, section: section, added: added)
              }) else { return nil }
        self.init(schema: schema, format: format, bookmarks: bookmarks)
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
            state.last = ReadingState.Place(paper: paper, date: date, section: section, article: article, newest: newest)
        }
        if let read = s["read"], read != .null {
            guard let ids = read.strings else { return nil }
            state.read = Set(ids)
        }
        if let positions = s["positions"], positions != .null {
            guard case .object(let p) = positions else { return nil }
            state.positions.reserveCapacity(p.count)
            for member in p {
                guard let paragraph = member.value["paragraph"]?.int, let offset = member.value["offset"]?.int else { return nil }
                state.positions[member.key] = ReadingState.Position(paragraph: paragraph, offset: offset)
            }
        }
        self.init(schema: schema, format: format, state: state)
    }
}
