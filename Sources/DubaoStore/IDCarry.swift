import DubaoModel

/// Keeps article IDs when a section is imported again and several of its articles share a
/// title (`图片新闻`, `简讯`).
///
/// The importer numbers such articles by their place on the page, so an item added above them
/// would hand each one its neighbour's ID, and a bookmark would silently show another article.
/// Matched by title and the start of their text instead, they keep the IDs they had.
enum IDCarry {
    /// The text an article is known by besides its title: the start of its first paragraph, or
    /// its caption, subtitle or credit when it has none.
    static func fingerprint(_ a: Article) -> String {
        let text = a.paragraphs.first ?? a.captions.first?.text ?? (a.subtitle + a.kicker + a.dateline + a.credit)
        return String(text.unicodeScalars.prefix(24))
    }

    static func sharesTitles(_ keys: [String]) -> Bool {
        Set(keys).count < keys.count
    }

    static func titleKey(_ a: Article) -> String {
        a.title.isEmpty ? "untitled:" + a.displayTitle : a.title
    }

    /// Gives `new` the IDs of the `old` articles they are. `fresh(key, n)` makes the ID of the
    /// `n`th article titled `key`; no article is given an ID in `taken` (other sections' IDs).
    static func carry(old: [Article], into new: inout [Article], taken: Set<ArticleID>, fresh: (String, Int) -> ArticleID) {
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var claimed = taken
        var result: [ArticleID?] = Array(repeating: nil, count: new.count)
        // The same title and the same text: the same article.
        for (i, a) in new.enumerated() {
            let key = titleKey(a), print = fingerprint(a)
            if let match = old.first(where: { !claimed.contains($0.id) && titleKey($0) == key && fingerprint($0) == print }) {
                claimed.insert(match.id)
                result[i] = match.id
            }
        }
        // The rest: an article of the same title that found no twin is this one with its text
        // corrected; failing that the importer's ID, unless it belongs to another article;
        // failing that a new one.
        let used = Set(old.map(\.id))
        for (i, a) in new.enumerated() where result[i] == nil {
            let mine = a.id
            if let corrected = old.first(where: { !claimed.contains($0.id) && titleKey($0) == titleKey(a) }) {
                claimed.insert(corrected.id)
                result[i] = corrected.id
                continue
            }
            if !claimed.contains(mine), oldByID[mine] == nil {
                claimed.insert(mine)
                result[i] = mine
                continue
            }
            var n = 2
            var id = fresh(titleKey(a), n)
            while claimed.contains(id) || used.contains(id) || new.contains(where: { $0.id == id && $0.id != mine }) {
                n += 1
                id = fresh(titleKey(a), n)
            }
            claimed.insert(id)
            result[i] = id
        }
        for i in new.indices { new[i].id = result[i]! }
    }

    /// The same for a section whose titles do not repeat, from the stored summaries alone: an
    /// article keeps the ID its title had, unless another section holds it.
    static func carryByTitle(old: [(title: String, id: ArticleID)], into new: inout [Article], taken: Set<ArticleID>) {
        let byTitle = Dictionary(old.filter { !$0.title.isEmpty }.map { ($0.title, $0.id) }, uniquingKeysWith: { a, _ in a })
        var claimed = taken
        for i in new.indices {
            guard !new[i].title.isEmpty, let id = byTitle[new[i].title], !claimed.contains(id) else { continue }
            claimed.insert(id)
            new[i].id = id
        }
    }
}

extension Issue {
    /// Applies `Library.StoreReport.renamedIDs`, so what is printed names the stored IDs.
    public mutating func renameIDs(_ renamed: [ArticleID: ArticleID]) {
        guard !renamed.isEmpty else { return }
        for s in sections.indices {
            for a in sections[s].articles.indices {
                if let id = renamed[sections[s].articles[a].id] { sections[s].articles[a].id = id }
            }
        }
    }
}
