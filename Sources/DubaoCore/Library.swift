import DubaoModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the reading side of dubao needs from a library: the folder on disk, or the sample paper.
public protocol LibraryReading: Sendable {
    /// Every issue, newest first.
    func issues() throws(StoreError) -> [IssueEntry]
    func catalog(of issue: IssueEntry) throws(StoreError) -> IssueCatalog
    func articles(of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article]
    /// Only the articles with these IDs, in page order; libraries that can do it cheaper than
    /// reading the whole section do.
    func articles(withIDs ids: Set<String>, of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article]
    /// The articles that may match, by ID and section, when the library keeps a search text;
    /// nil means "read them all".
    func searchCandidates(in issue: IssueEntry, query: SearchQuery) throws(StoreError) -> [SearchText.Candidate]?
}

extension LibraryReading {
    public func articles(withIDs ids: Set<String>, of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
        try articles(of: section, in: issue).filter { ids.contains($0.id) }
    }

    public func searchCandidates(in issue: IssueEntry, query: SearchQuery) throws(StoreError) -> [SearchText.Candidate]? {
        nil
    }

    /// Finds an article by ID; only issues of the ID's date are opened.
    public func article(id: String) throws(StoreError) -> (issue: IssueEntry, section: SectionEntry, article: Article)? {
        let datePart = id.prefix(8)
        for issue in try issues() where issue.date.compact == datePart {
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
        return try LibraryFormat.decode(LibraryIndex.self, format: "dubao-library", schema: LibraryFormat.indexSchema,
                                        from: bytes, path: indexPath)
    }

    func readVolume(_ volume: VolumeEntry) throws(StoreError) -> [IssueEntry] {
        let path = "\(root)/\(volume.file)"
        guard let bytes = try AtomicFile.read(path) else {
            throw .corrupt(path: path, detail: "listed in library.json but missing")
        }
        return try LibraryFormat.decode(VolumeDocument.self, format: "dubao-volume", from: bytes, path: path).issues
    }

    public func catalog(of issue: IssueEntry) throws(StoreError) -> IssueCatalog {
        if let catalog = try readCatalog(issue) { return catalog }
        // A writer may have replaced the catalog since `issue` was read: look again once.
        if let fresh = try issues().first(where: { $0.folder == issue.folder }), fresh.catalog != issue.catalog,
           let catalog = try readCatalog(fresh) {
            return catalog
        }
        throw .corrupt(path: "\(root)/\(issue.folder)/\(issue.catalog)", detail: "listed in library.json but missing")
    }

    func readCatalog(_ issue: IssueEntry) throws(StoreError) -> IssueCatalog? {
        let path = "\(root)/\(issue.folder)/\(issue.catalog)"
        guard let bytes = try AtomicFile.read(path) else { return nil }
        return try LibraryFormat.decode(IssueCatalog.self, format: "dubao-issue", from: bytes, path: path)
    }

    public func articles(of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
        if let articles = try readSection(section.file, in: issue) { return articles }
        // Re-imported since the caller read the catalog: the section lives in a newer file now.
        if let fresh = try issues().first(where: { $0.folder == issue.folder }),
           let catalog = try readCatalog(fresh),
           let current = catalog.sections.first(where: { isSameSection(name: $0.name, page: $0.page, as: section.name, page: section.page) }),
           current.file != section.file,
           let articles = try readSection(current.file, in: fresh) {
            return articles
        }
        throw .corrupt(path: "\(root)/\(issue.folder)/\(section.file)", detail: "listed in the issue's catalog but missing")
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

    public func articles(withIDs ids: Set<String>, of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
        let path = "\(root)/\(issue.folder)/\(section.file)"
        if let bytes = try AtomicFile.read(path), let found = SectionReader.articles(withIDs: ids, in: bytes) {
            return found
        }
        return try articles(of: section, in: issue).filter { ids.contains($0.id) }
    }

    func readSection(_ file: String, in issue: IssueEntry) throws(StoreError) -> [Article]? {
        let path = "\(root)/\(issue.folder)/\(file)"
        guard let bytes = try AtomicFile.read(path) else { return nil }
        return try LibraryFormat.decode(SectionDocument.self, format: "dubao-section", from: bytes, path: path).articles
    }

    /// What `store` changed, for the user.
    public struct StoreReport: Sendable, Equatable {
        public struct SectionChange: Sendable, Equatable {
            public enum Kind: String, Sendable { case added, replaced, unchanged }
            public var name: String
            public var kind: Kind
            public var articles: Int
            /// Article IDs that were in the old section and are still there.
            public var kept: Int
            public var removed: Int
        }

        public var folder: String
        public var sections: [SectionChange]
        /// Articles that kept the ID they had in the library rather than the importer's new one
        /// (the importer's ID → the stored ID).
        public var renamedIDs: [String: String] = [:]
    }

    /// Adds an imported issue, replacing sections of the same name and keeping the others.
    ///
    /// Section documents and the issue's catalog are new files named by their content, so nothing
    /// a reader may be using is overwritten; `library.json` is written last and is the one commit
    /// point: until its rename nothing has changed, and if anything fails before it the files this
    /// call wrote are removed again.
    @discardableResult
    public func store(_ issue: Issue, now: Date = Date()) throws(StoreError) -> StoreReport {
        var pending: Issue? = issue
        do {
            return try storeEach(now: now) {
                defer { pending = nil }
                return pending
            }[0]
        } catch let error as StoreError {
            throw error
        } catch {
            // `next` above cannot throw.
            throw .corrupt(path: root, detail: "\(error)")
        }
    }

    /// Stores the issues `next` hands over one by one (nil ends them) as a single change: each
    /// issue's files are written as it comes, so only one issue is in memory at a time, and one
    /// flush and one rename of `library.json` at the end commit them all. If `next` or a write
    /// throws, everything this call wrote is removed and the library is as it was.
    ///
    /// `written` hears of each issue once its files are written (before the commit), for
    /// callers that print what was stored as they go.
    public func storeEach(now: Date = Date(), written: (StoreReport) -> Void = { _ in },
                          _ next: () throws -> Issue?) throws -> [StoreReport] {
        try AtomicFile.makeFolders(root)
        let lock = try LibraryLock(path: root + "/.lock", waiting: waiting)
        defer { withExtendedLifetime(lock) {} }

        var index = try readIndex()
        try sweepKilledWriter(index)
        // A library of schema 1 moves into volumes with its first change.
        var volumes: [Int: [IssueEntry]] = [:]
        for entry in index.issues ?? [] { volumes[entry.date.year, default: []].append(entry) }
        var touchedYears: Set<Int> = []
        var created: [String] = []
        var reports: [StoreReport] = []
        var keep: [String: Set<String>] = [:]
        let flush = BackgroundFlush(folder: root)
        defer { flush.finish() }
        do {
            while let issue = try next() {
                let year = issue.date.year
                if !touchedYears.contains(year) {
                    touchedYears.insert(year)
                    if let volume = index.volumes.first(where: { $0.year == year }) {
                        volumes[year, default: []] += try readVolume(volume)
                    }
                }
                let folder = issueFolder(paper: issue.paper, date: issue.date)
                try notePending(folder)
                let (entry, report, files) = try write(issue, existing: volumes[year]?.first { $0.folder == folder },
                                                       now: now, created: &created, flush: flush)
                volumes[year, default: []].removeAll { $0.folder == entry.folder }
                volumes[year, default: []].append(entry)
                keep[entry.folder] = files
                reports.append(report)
                written(report)
            }
            // Schema 1 held every year in library.json: all of them become volumes now.
            if index.issues != nil { touchedYears.formUnion(volumes.keys) }
            if !touchedYears.isEmpty { try AtomicFile.makeFolders(root + "/volumes", durable: false) }
            for y in touchedYears.sorted() {
                let entries = volumes[y] ?? []
                let document = VolumeDocument(year: y, issues: entries.sorted(by: IssueEntry.newestFirst)).encoded()
                let file = "volumes/\(y)-\(LibraryFormat.contentName(document)).json"
                let path = root + "/" + file
                // Content-named, but compared all the same: only renames ever make these files,
                // yet a hand-copied or damaged one of the same name must not be trusted.
                if (try? AtomicFile.read(path)) ?? nil != document {
                    try AtomicFile.write(document, to: path, durable: false)
                    created.append(path)
                }
                index.volumes.removeAll { $0.year == y }
                index.volumes.append(VolumeEntry(year: y, file: file, issues: entries.count))
            }
            index.volumes.sort { $0.year > $1.year }
            index.issues = nil
            index.schema = LibraryFormat.indexSchema
            // The new index is staged beside the old, one syncfs flushes it with every new file,
            // folder and directory entry above, and its rename is the commit: two flushes in all.
            let stagedIndex = try AtomicFile.stage(index.encoded(), for: indexPath)
            created.append(stagedIndex)
            try AtomicFile.syncFileSystem(containing: root)
            try AtomicFile.commit(stagedIndex, to: indexPath)
        } catch {
            // Nothing refers to these yet: take them away so a failure leaves no trace.
            for path in created { unlink(path) }
            unlink(pendingPath)
            throw error
        }
        for (folder, files) in keep { removeUnreferenced(in: "\(root)/\(folder)", keeping: files) }
        removeUnreferenced(in: root + "/volumes", keeping: Set(index.volumes.map { String($0.file.dropFirst("volumes/".count)) }),
                           isStale: { $0.first?.isNumber == true && $0.hasSuffix(".json") })   // <year>-….json
        removeTemporaryFiles(in: root)
        unlink(pendingPath)
        return reports
    }

    /// The issue folders a change is writing into, one a line, while it writes: a writer
    /// killed before its commit leaves files that nothing refers to, and the next change
    /// sweeps the folders this names.
    var pendingPath: String { root + "/.pending" }

    func notePending(_ folder: String) throws(StoreError) {
        let fd = open(pendingPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: pendingPath, errno: errno, doing: "write") }
        defer { close(fd) }
        let line = Array((folder + "\n").utf8)
        if line.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress!, $0.count) }) != line.count {
            throw .io(path: pendingPath, errno: errno, doing: "write")
        }
    }

    /// Removes what a killed writer left in the folders `.pending` names: files the index does
    /// not refer to, and folders that hold nothing else. Called under the lock.
    func sweepKilledWriter(_ index: LibraryIndex) throws(StoreError) {
        guard let bytes = try AtomicFile.read(pendingPath) else { return }
        let folders = Set(String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init))
            .filter { $0.hasPrefix("issues/") && !$0.contains("..") }
        guard !folders.isEmpty else { unlink(pendingPath); return }
        let entries = try issues(of: index)
        for folder in folders {
            var keep: Set<String> = []
            if let entry = entries.first(where: { $0.folder == folder }) {
                keep = [entry.catalog, entry.searchText]
                if let catalog = try readCatalog(entry) { keep.formUnion(catalog.sections.map(\.file)) }
            }
            removeUnreferenced(in: "\(root)/\(folder)", keeping: keep)
            // A new issue's folder, left empty: gone too (rmdir refuses a folder with anything in it).
            rmdir("\(root)/\(folder)")
        }
        unlink(pendingPath)
    }

    /// Writes one issue's new files (sections, catalog, search text), unflushed; returns its
    /// entry for the volume and the names its folder keeps.
    private func write(_ issue: Issue, existing: IssueEntry?, now: Date, created: inout [String],
                       flush: BackgroundFlush) throws(StoreError) -> (IssueEntry, StoreReport, Set<String>) {
        let folder = issueFolder(paper: issue.paper, date: issue.date)
        let folderPath = "\(root)/\(folder)"
        var catalog: IssueCatalog
        if let existing {
            guard let found = try readCatalog(existing) else {
                throw .corrupt(path: "\(folderPath)/\(existing.catalog)", detail: "listed in library.json but missing")
            }
            catalog = found
        } else {
            catalog = IssueCatalog(paper: issue.paper, date: issue.date, sections: [])
        }
        try AtomicFile.makeFolders(folderPath, durable: false)

        func writeNew(_ bytes: [UInt8], named name: String) throws(StoreError) {
            let path = folderPath + "/" + name
            // Not flushed one by one: nothing refers to it until library.json is written, and
            // everything is flushed at once just before that.
            if try AtomicFile.createNew(bytes, at: path) {
                created.append(path)
                flush.wrote(bytes.count)
                return
            }
            // There already: the same content, or a damaged copy to replace.
            if (try? AtomicFile.read(path)) ?? nil == bytes { return }
            try AtomicFile.write(bytes, to: path, durable: false)
            created.append(path)
        }
        var changes: [StoreReport.SectionChange] = []
        // IDs are decided again over the whole issue as it will be stored (see `IssueIDs`), and
        // a section imported again keeps the IDs its articles had (see `IDCarry`).
        let original = issue
        var issue = issue
        let replaced = issue.sections.map { new in
            catalog.sections.first { isSameSection(name: $0.name, page: $0.page, as: new.name, page: new.page) }
        }
        let kept = catalog.sections
            .filter { old in !issue.sections.contains { isSameSection(name: old.name, page: old.page, as: $0.name, page: $0.page) } }
            .map { IssueIDs.Kept(name: $0.name, page: $0.page, ids: $0.articles.map(\.id)) }
        IssueIDs.assign(&issue.sections, paper: issue.paper, date: issue.date, kept: kept)
        let keys = IssueIDs.keys(of: issue.sections, kept: kept)
        var taken = Set(kept.flatMap(\.ids))
        for s in issue.sections.indices {
            if let previous = replaced[s], let existing {
                let new = issue.sections[s]
                // Only a section whose titles repeat needs the old articles: the others are known by
                // their titles, and reading every replaced section would slow each re-import.
                if IDCarry.sharesTitles(previous.articles.map(\.title)) || IDCarry.sharesTitles(new.articles.map(IDCarry.titleKey)),
                   let old = try readSection(previous.file, in: existing) {
                    IDCarry.carry(old: old, into: &issue.sections[s].articles, taken: taken) { title, n in
                        ArticleID.make(paper: issue.paper, date: issue.date, section: keys[s], title: title, occurrence: n)
                    }
                } else {
                    IDCarry.carryByTitle(old: previous.articles.map { ($0.title, $0.id) }, into: &issue.sections[s].articles, taken: taken)
                }
            }
            taken.formUnion(issue.sections[s].articles.map(\.id))
        }
        IssueIDs.makeUnique(&issue.sections, paper: issue.paper, date: issue.date, kept: kept)
        var renamed: [String: String] = [:]
        for (before, after) in zip(original.sections, issue.sections) {
            for (a, b) in zip(before.articles, after.articles) where a.id != b.id { renamed[a.id] = b.id }
        }
        let documents = Parallel.map(issue.sections) { section -> (bytes: [UInt8], file: String) in
            let document = SectionDocument(paper: issue.paper, date: issue.date, section: section.name, page: section.page,
                                           pageLines: section.pageLines, articles: section.articles)
            let bytes = SectionWriter.encode(document)
            return (bytes, "s-\(LibraryFormat.hex(LibraryFormat.fnv(Array(section.name.utf8)), digits: 6))-"
                + "\(LibraryFormat.contentName(bytes)).json")
        }
        for (section, (bytes, file)) in zip(issue.sections, documents) {
            try writeNew(bytes, named: file)
            let entry = SectionEntry(name: section.name, order: 0, page: section.page, file: file,
                                     pageLines: section.pageLines, articles: section.articles.map(ArticleSummary.init))
            let newIDs = Set(section.articles.map(\.id))
            if let i = catalog.sections.firstIndex(where: { isSameSection(name: $0.name, page: $0.page, as: section.name, page: section.page) }) {
                let oldIDs = Set(catalog.sections[i].articles.map(\.id))
                let kind: StoreReport.SectionChange.Kind = catalog.sections[i].file == file ? .unchanged : .replaced
                changes.append(.init(name: section.name, kind: kind, articles: newIDs.count,
                                     kept: oldIDs.intersection(newIDs).count, removed: oldIDs.subtracting(newIDs).count))
                catalog.sections[i] = entry
            } else {
                changes.append(.init(name: section.name, kind: .added, articles: newIDs.count, kept: 0, removed: 0))
                catalog.sections.append(entry)
            }
        }
        // Pages in page order, whichever was imported first.
        catalog.sections = sortedByPage(catalog.sections, page: \.page)
        for i in catalog.sections.indices { catalog.sections[i].order = i + 1 }
        let catalogBytes = catalog.encoded()
        let catalogFile = "issue-\(LibraryFormat.contentName(catalogBytes)).json"
        try writeNew(catalogBytes, named: catalogFile)

        // The search text covers every section of the issue, the ones this import left alone too.
        var searchSections: [(name: String, file: String, articles: [Article])] = []
        for section in catalog.sections {
            if let fresh = issue.sections.first(where: { isSameSection(name: $0.name, page: $0.page, as: section.name, page: section.page) }) {
                searchSections.append((section.name, section.file, fresh.articles))
            } else if let stored = try readSection(section.file, in: existing ?? IssueEntry(
                paper: issue.paper, date: issue.date, folder: folder, catalog: catalogFile, sections: 0, articles: 0, updated: "")) {
                searchSections.append((section.name, section.file, stored))
            }
        }
        let searchBytes = Parallel.map(searchSections) { SearchText.build([$0]) }.flatMap { $0 }
        let searchFile = "\(SearchText.currentPrefix)\(LibraryFormat.contentName(searchBytes)).txt"
        try writeNew(searchBytes, named: searchFile)

        let entry = IssueEntry(paper: issue.paper, date: issue.date, folder: folder, catalog: catalogFile, searchText: searchFile,
                               sections: catalog.sections.count,
                               articles: catalog.sections.reduce(0) { $0 + $1.articles.count },
                               // Storing the same pages again changes nothing, not even the stamp.
                               updated: existing.flatMap { $0.catalog == catalogFile && $0.searchText == searchFile ? $0.updated : nil }
                                   ?? LibraryFormat.timestamp(now))
        return (entry, StoreReport(folder: folder, sections: changes, renamedIDs: renamed),
                Set(catalog.sections.map(\.file) + [catalogFile, searchFile]))
    }

    /// Old versions of section documents and catalogs, and temporary files a crash left behind.
    /// Called under the lock, after `library.json` no longer points at them.
    func removeUnreferenced(in folder: String, keeping: Set<String>,
                            isStale: (String) -> Bool = Library.isIssueFile) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !keeping.contains(name) {
            if isStale(name) || name.contains(".tmp-") { unlink(folder + "/" + name) }
        }
    }

    /// The files dubao writes into an issue's folder: section documents, catalogs, search texts.
    static func isIssueFile(_ name: String) -> Bool {
        ((name.hasPrefix("s-") || name.hasPrefix("issue")) && name.hasSuffix(".json"))
            || ((name.hasPrefix("text-") || name.hasPrefix(SearchText.currentPrefix)) && name.hasSuffix(".txt"))
    }

    /// Temporary files of writers that were killed before their rename. Only called under the
    /// lock, when no writer can be halfway.
    func removeTemporaryFiles(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.contains(".json.tmp-") || name.contains(".txt.tmp-") { unlink(folder + "/" + name) }
    }
}
