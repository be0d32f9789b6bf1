import DubaoModel
import DubaoText
import Foundation

/// What the reading side of dubao needs from a library: the folder on disk, or the sample paper.
public protocol LibraryReading: Sendable {
    /// Every issue, newest first.
    func issues() throws(StoreError) -> [IssueEntry]
    func catalog(of issue: IssueEntry) throws(StoreError) -> IssueCatalog
    func articles(of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article]
    /// Only the articles with these IDs, in page order; libraries that can do it cheaper than
    /// reading the whole section do.
    func articles(withIDs ids: Set<ArticleID>, of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article]
    /// The articles that may match, by ID and section, when the library keeps a search text;
    /// nil means "read them all".
    func searchCandidates(in issue: IssueEntry, query: SearchQuery) throws(StoreError) -> [SearchText.Candidate]?
    /// What tells, for one search, the issues that cannot match from those that may; nil when
    /// the library keeps no search filters.
    func issueFilter(for query: SearchQuery) -> IssueFilter?
    /// Changes whenever the issue list may have, and costs next to nothing to take, so a reader
    /// can look every second; nil for a library that never changes (the sample paper).
    func stamp() -> LibraryStamp?
}

extension LibraryReading {
    public func articles(withIDs ids: Set<ArticleID>, of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
        try articles(of: section, in: issue).filter { ids.contains($0.id) }
    }

    public func searchCandidates(in issue: IssueEntry, query: SearchQuery) throws(StoreError) -> [SearchText.Candidate]? {
        nil
    }

    public func stamp() -> LibraryStamp? { nil }

    public func issueFilter(for query: SearchQuery) -> IssueFilter? { nil }

    /// Finds an article by ID; only issues of the ID's date are opened.
    public func article(id: ArticleID) throws(StoreError) -> (issue: IssueEntry, section: SectionEntry, article: Article)? {
        guard let date = id.date else { return nil }
        for issue in try issues() where issue.date == date {
            let catalog = try catalog(of: issue)
            for section in catalog.sections where section.articles.contains(where: { $0.id == id }) {
                if let article = try articles(of: section, in: issue).first(where: { $0.id == id }) {
                    return (issue, section, article)
                }
            }
        }
        return nil
    }
}

/// The local file store: a folder of JSON documents (see `LibraryFormat`).
///
/// Every change is made under an exclusive lock, re-reading what is on disk first, and written
/// atomically; a damaged document stops the change and is never overwritten.
public struct Library: LibraryReading {
    public let root: String
    /// Told when a change has to wait for another dubao process that is writing the library.
    public var waiting: @Sendable () -> Void = {}

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// `--library`, else `DUBAO_LIBRARY`, else `$XDG_DATA_HOME/dubao`, else `~/.local/share/dubao`.
    public static func defaultRoot(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["DUBAO_LIBRARY"], !env.isEmpty { return env }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/dubao" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/dubao"
    }

    var indexPath: String { root + "/library.json" }

    /// The index's stamp: taken before the issues are read, it tells whether a later look finds
    /// a change made since.
    public func stamp() -> LibraryStamp? { LibraryStamp.of(indexPath) }

    func issueFolder(paper: String, date: IssueDate) -> String {
        "issues/\(LibraryFormat.paperFolder(paper))/\(date)"
    }

    public func issues() throws(StoreError) -> [IssueEntry] {
        var index = try readIndex()
        var all: [IssueEntry]
        do {
            all = try issues(of: index)
        } catch let error {
            // A writer may have replaced a volume since the index was read: look again once.
            guard case .corrupt = error else { throw error }
            index = try readIndex()
            all = try issues(of: index)
        }
        all.sort(by: IssueEntry.newestFirst)
        return all
    }

    /// Every issue the index lists, in no particular order.
    func issues(of index: LibraryIndex) throws(StoreError) -> [IssueEntry] {
        var all = index.issues ?? []
        for volume in index.volumes {
            all += try readVolume(volume)
        }
        return all
    }

    func readIndex() throws(StoreError) -> LibraryIndex {
        guard let bytes = try AtomicFile.read(indexPath) else { return LibraryIndex() }
        return try LibraryFormat.decode(LibraryIndex.self, schema: LibraryFormat.indexSchema,
                                        from: bytes, path: indexPath)
    }

    func readVolume(_ volume: VolumeEntry) throws(StoreError) -> [IssueEntry] {
        let path = "\(root)/\(volume.file)"
        guard let bytes = try AtomicFile.read(path) else {
            throw .corrupt(path: path, detail: Sentence(.storeListedButMissing))
        }
        return try LibraryFormat.decode(VolumeDocument.self, from: bytes, path: path).issues
    }

    public func catalog(of issue: IssueEntry) throws(StoreError) -> IssueCatalog {
        if let catalog = try readCatalog(issue) { return catalog }
        // A writer may have replaced the catalog since `issue` was read: look again once.
        guard let fresh = try issues().first(where: { $0.folder == issue.folder }) else { throw StoreError.issueGone(issue) }
        if fresh.catalog != issue.catalog, let catalog = try readCatalog(fresh) {
            return catalog
        }
        throw .corrupt(path: "\(root)/\(issue.folder)/\(issue.catalog)", detail: Sentence(.storeListedButMissing))
    }

    func readCatalog(_ issue: IssueEntry) throws(StoreError) -> IssueCatalog? {
        let path = "\(root)/\(issue.folder)/\(issue.catalog)"
        guard let bytes = try AtomicFile.read(path) else { return nil }
        return try LibraryFormat.decode(IssueCatalog.self, from: bytes, path: path)
    }

    public func articles(of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
        if let articles = try readSection(section.file, in: issue) { return articles }
        // Re-imported since the caller read the catalog: the section lives in a newer file now.
        guard let fresh = try issues().first(where: { $0.folder == issue.folder }) else { throw StoreError.issueGone(issue) }
        if let catalog = try readCatalog(fresh),
           let current = catalog.sections.first(where: { isSameSection(name: $0.name, page: $0.page, as: section.name, page: section.page) }),
           current.file != section.file,
           let articles = try readSection(current.file, in: fresh) {
            return articles
        }
        throw .corrupt(path: "\(root)/\(issue.folder)/\(section.file)", detail: Sentence(.storeListedInCatalogButMissing))
    }

    /// Articles of the issue whose text holds every term of the query, from its search text;
    /// nil when the issue has none (then the search reads the articles themselves).
    public func searchCandidates(in issue: IssueEntry, query: SearchQuery) throws(StoreError) -> [SearchText.Candidate]? {
        guard !issue.searchText.isEmpty, let bytes = try AtomicFile.read("\(root)/\(issue.folder)/\(issue.searchText)") else {
            return nil
        }
        // A search text written before letters beyond ASCII, ￥ and half-width kana were folded
        // holds them as printed: for a query that needs those, the articles are read instead.
        if !issue.searchText.hasPrefix(SearchText.currentPrefix), query.needsCurrentFolding { return nil }
        return SearchText.candidates(in: bytes, terms: query.foldedUTF8Terms)
    }

    public func articles(withIDs ids: Set<ArticleID>, of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
        let path = "\(root)/\(issue.folder)/\(section.file)"
        if let bytes = try AtomicFile.read(path), let found = SectionReader.articles(withIDs: ids, in: bytes) {
            return found
        }
        return try articles(of: section, in: issue).filter { ids.contains($0.id) }
    }

    func readSection(_ file: String, in issue: IssueEntry) throws(StoreError) -> [Article]? {
        let path = "\(root)/\(issue.folder)/\(file)"
        guard let bytes = try AtomicFile.read(path) else { return nil }
        return try LibraryFormat.decode(SectionDocument.self, from: bytes, path: path).articles
    }
}
