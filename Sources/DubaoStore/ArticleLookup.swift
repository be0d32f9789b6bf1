import DubaoModel

extension LibraryReading {
    /// An article whose issue is known (a bookmark's, a search result's): one catalog and one
    /// section read, not the library's index and every volume as `article(id:)` does. Nil
    /// when it is no longer in that issue.
    public func article(id: ArticleID, in issue: IssueEntry, section: String) throws(StoreError) -> Article? {
        let catalog = try catalog(of: issue)
        // The section of that name first; a re-import may have moved the article to another.
        let named = catalog.sections.filter { $0.name == section }
        let others = catalog.sections.filter { $0.name != section }
        for entry in named + others where entry.articles.contains(where: { $0.id == id }) {
            if let article = try articles(withIDs: [id], of: entry, in: issue).first { return article }
        }
        return nil
    }
}
