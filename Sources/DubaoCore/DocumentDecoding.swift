import DubaoModel

extension LibraryIndex: JSONValueDecodable {
    init?(json: JSONValue) {
        guard let schema = json["schema"]?.int, let format = json["format"]?.string else { return nil }
        var volumes: [VolumeEntry] = []
        if let items = json["volumes"], items != .null {
            guard let read = [VolumeEntry](json: items, { item in
                guard let year = item["year"]?.int, let file = item["file"]?.string, let count = item["issues"]?.int
                else { return nil }
                return VolumeEntry(year: year, file: file, issues: count)
            }) else { return nil }
            volumes = read
        } else if json["issues"] == nil {
            return nil     // `volumes` is required unless the index is of schema 1
        }
        var issues: [IssueEntry]?
        if let items = json["issues"], items != .null {
            guard let entries = [IssueEntry](json: items, IssueEntry.init(json:)) else { return nil }
            issues = entries
        }
        self.init(schema: schema, format: format, volumes: volumes, issues: issues)
    }
}

extension VolumeDocument: JSONValueDecodable {
    init?(json: JSONValue) {
        guard let schema = json["schema"]?.int, let format = json["format"]?.string, let year = json["year"]?.int,
              let issues = [IssueEntry](json: json["issues"], IssueEntry.init(json:)) else { return nil }
        self.init(schema: schema, format: format, year: year, issues: issues)
    }
}

extension IssueEntry {
    init?(json o: JSONValue) {
        guard let paper = o["paper"]?.string, let date = o["date"].flatMap(IssueDate.init(json:)),
              let folder = o["folder"]?.string, let catalog = o["catalog"]?.string,
              let searchText = o["searchText"]?.string, let sections = o["sections"]?.int,
              let articles = o["articles"]?.int, let updated = o["updated"]?.string
        else { return nil }
        self.init(paper: paper, date: date, folder: folder, catalog: catalog, searchText: searchText,
                  sections: sections, articles: articles, updated: updated)
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
        self.init(id: id, kicker: kicker, title: title, subtitle: subtitle, reporters: reporters,
                  paragraphs: paragraphs, captions: captions)
    }
}

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
