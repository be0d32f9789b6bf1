import DubaoModel

/// The one place that decides article IDs, for the importer and for the store alike.
///
/// An ID hashes the paper, the date, the section's key, the title and the title's occurrence
/// (`ArticleID.init(paper:date:section:title:occurrence:)`). The key is the section's name, except on a later page of the same name
/// (要闻 on pages 1 and 2), whose key is `name@page`. Which page comes first is decided over the
/// whole issue as it will be stored, so a page imported on its own gets the key it has in a
/// whole import, and its articles keep their IDs.
package enum IssueIDs {
    /// A section the store holds and this import leaves as it is.
    package struct Kept {
        var name: String
        var page: String
        var ids: [ArticleID]
    }

    /// The key of each of `sections` in the issue made of `kept` and them.
    static func keys(of sections: [Section], kept: [Kept]) -> [String] {
        let all = kept.map { ($0.name, $0.page) } + sections.map { ($0.name, $0.page) }
        // Page order decides; where pages give none, stored sections come before new ones.
        let order = sortedByPage(Array(all.indices)) { all[$0].1 }
        var first: [String: Int] = [:]
        for i in order where first[all[i].0] == nil { first[all[i].0] = i }
        return sections.indices.map { s in
            let i = kept.count + s
            return first[all[i].0] == i ? all[i].0 : all[i].0 + "@" + all[i].1
        }
    }

    /// The ID of the `n`th article titled `title` in the section keyed `key`: the one formula,
    /// for `assign`, `makeUnique` and `IDCarry` alike.
    static func maker(paper: String, date: IssueDate, key: String) -> (_ title: String, _ n: Int) -> ArticleID {
        { title, n in ArticleID(paper: paper, date: date, section: key, title: title, occurrence: n) }
    }

    /// Numbers every article of `sections` by its title's occurrence in its section, never
    /// handing out an ID that a kept section holds or an earlier article was given.
    package static func assign(_ sections: inout [Section], paper: String, date: IssueDate, kept: [Kept] = []) {
        let keys = keys(of: sections, kept: kept)
        var taken = Set(kept.flatMap(\.ids))
        for s in sections.indices {
            let make = maker(paper: paper, date: date, key: keys[s])
            var seen: [String: Int] = [:]
            for a in sections[s].articles.indices {
                let title = IDCarry.titleKey(sections[s].articles[a])
                var id: ArticleID
                repeat {
                    seen[title, default: 0] += 1
                    id = make(title, seen[title]!)
                } while taken.contains(id)
                taken.insert(id)
                sections[s].articles[a].id = id
            }
        }
    }

    /// Gives a new ID to any article whose ID an earlier one holds, so that carrying old IDs
    /// over can never leave two articles one ID.
    static func makeUnique(_ sections: inout [Section], paper: String, date: IssueDate, kept: [Kept]) {
        var taken = Set(kept.flatMap(\.ids))
        // Only worked out when a duplicate turns up, which is seldom.
        var keys: [String]?
        var all: Set<ArticleID>?
        for s in sections.indices {
            for a in sections[s].articles.indices {
                guard taken.contains(sections[s].articles[a].id) else {
                    taken.insert(sections[s].articles[a].id)
                    continue
                }
                if keys == nil {
                    keys = Self.keys(of: sections, kept: kept)
                    all = Set(sections.flatMap { $0.articles.map(\.id) })
                }
                let make = maker(paper: paper, date: date, key: keys![s])
                let title = IDCarry.titleKey(sections[s].articles[a])
                var n = 1
                var id: ArticleID
                repeat {
                    n += 1
                    id = make(title, n)
                } while taken.contains(id) || all!.contains(id)
                taken.insert(id)
                sections[s].articles[a].id = id
            }
        }
    }
}
