import DubaoModel

/// The sample paper shipped inside the binary, read like a library, so that a new user sees a
/// real paper before importing anything.
public struct SampleLibrary: LibraryReading {
    public let issue: Issue
    let entry: IssueEntry

    /// Imports the embedded pages; fails only if the sample itself is broken (a test guards that).
    public init() throws(Importer.Failure) {
        let pages = SamplePaperData.files.map { (file: $0.name, bytes: $0.bytes) }
        let result = try Importer().importPages(pages)
        issue = result.issue
        entry = IssueEntry(paper: issue.paper, date: issue.date, folder: "(sample)", sections: issue.sections.count,
                           articles: issue.articleCount, updated: "")
    }

    public func issues() throws(StoreError) -> [IssueEntry] { [entry] }

    public func catalog(of issue: IssueEntry) throws(StoreError) -> IssueCatalog {
        IssueCatalog(paper: self.issue.paper, date: self.issue.date, sections: self.issue.sections.map {
            SectionEntry(name: $0.name, order: $0.order, page: $0.page, file: $0.name, pageLines: $0.pageLines,
                         articles: $0.articles.map(ArticleSummary.init))
        })
    }

    public func articles(of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
        self.issue.sections.first { $0.name == section.name }?.articles ?? []
    }
}
