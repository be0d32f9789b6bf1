import DubaoStore
import DubaoModel

/// The sample paper shipped with the binary, read like a library, so that a new user sees a
/// real paper before importing anything.
public struct SampleLibrary: LibraryReading {
    public let issue: Issue
    let memory: MemoryLibrary

    /// The pages of SampleData/, which Package.swift embeds in the binary (`embedInCode`), so a
    /// binary moved anywhere still has them. SwiftPM names each page's bytes after its file,
    /// keeping only what a Swift name may hold.
    static let pages: [(file: String, bytes: [UInt8])] = [
        ("01-要闻.txt", PackageResources._1_要闻_txt),
        ("02-经济.txt", PackageResources._2_经济_txt),
        ("03-城事.txt", PackageResources._3_城事_txt),
        ("04-文化.txt", PackageResources._4_文化_txt),
    ]

    /// The sample's paper and date, as its pages print them (a test holds them to the pages):
    /// known without importing it, so a real library can let go of bookmarks made on it.
    public static let paper = "江城晨报"
    public static let date = IssueDate("2026-11-27")!

    /// Imports the sample's pages; fails only if the sample itself is broken (tests guard that).
    public init() throws(Importer.Failure) {
        issue = try Importer().importPages(Self.pages).issue
        memory = MemoryLibrary(issues: [issue])
    }

    public func issues() throws(StoreError) -> [IssueEntry] { try memory.issues() }

    public func catalog(of issue: IssueEntry) throws(StoreError) -> IssueCatalog { try memory.catalog(of: issue) }

    public func articles(of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
        try memory.articles(of: section, in: issue)
    }
}
