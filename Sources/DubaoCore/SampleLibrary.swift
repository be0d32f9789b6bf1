import DubaoModel

/// The sample paper shipped inside the binary, read like a library, so that a new user sees a
/// real paper before importing anything.
public struct SampleLibrary: LibraryReading {
    public let issue: Issue
    let memory: MemoryLibrary

    /// Imports the embedded pages; fails only if the sample itself is broken (a test guards that).
    public init() throws(Importer.Failure) {
        let pages = SamplePaperData.files.map { (file: $0.name, bytes: $0.bytes) }
        issue = try Importer().importPages(pages).issue
        memory = MemoryLibrary(issues: [issue])
    }

    public func issues() throws(StoreError) -> [IssueEntry] { try memory.issues() }

    public func catalog(of issue: IssueEntry) throws(StoreError) -> IssueCatalog { try memory.catalog(of: issue) }

    public func articles(of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
        try memory.articles(of: section, in: issue)
    }
}
