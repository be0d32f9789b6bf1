import DubaoModel
import DubaoText

/// Issues held in memory, read like a library: the sample paper, and tests.
public struct MemoryLibrary: LibraryReading {
    public let contents: [Issue]

    /// Issues in any order; they are listed newest first, as the library lists them.
    public init(issues: [Issue]) {
        contents = issues.sorted { ($0.date, $1.paper) > ($1.date, $0.paper) }  // as IssueEntry.newestFirst
    }

    public func issues() throws(StoreError) -> [IssueEntry] {
        contents.map { issue in
            IssueEntry(paper: issue.paper, date: issue.date, folder: "(memory)/\(issue.paper)/\(issue.date)",
                       catalog: "", sections: issue.sections.count, articles: issue.articleCount, updated: "")
        }
    }

    func find(_ entry: IssueEntry) -> Issue? {
        contents.first { $0.paper == entry.paper && $0.date == entry.date }
    }

    public func catalog(of entry: IssueEntry) throws(StoreError) -> IssueCatalog {
        guard let issue = find(entry) else { throw .notFound(Sentence(.storeNoIssue, entry.paper, entry.date)) }
        return IssueCatalog(paper: issue.paper, date: issue.date, sections: issue.sections.map {
            SectionEntry(name: $0.name, order: $0.order, page: $0.page, file: $0.name, pageLines: $0.pageLines,
                         articles: $0.articles.map(ArticleSummary.init))
        })
    }

    public func articles(of section: SectionEntry, in entry: IssueEntry) throws(StoreError) -> [Article] {
        find(entry)?.sections.first { $0.name == section.name }?.articles ?? []
    }
}
