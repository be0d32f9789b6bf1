import DubaoModel
import DubaoText
import Foundation

/// One issue of a change: its IDs decided over the issue as it will be stored, then its section
/// documents, catalog and search text, written as new files that nothing refers to until the commit.
extension Library {
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
        public var renamedIDs: [ArticleID: ArticleID] = [:]
    }

    /// Writes one issue's new files (sections, catalog, search text), unflushed; returns its
    /// entry for the volume, the names its folder keeps, and the search filter of its search
    /// text, for its pack (`writeFilterPacks`).
    func write(_ issue: Issue, existing: IssueEntry?, now: Date, created: inout [String],
               flush: BackgroundFlush) throws(StoreError) -> (IssueEntry, StoreReport, Set<String>, [UInt64]) {
        let folder = issueFolder(paper: issue.paper, date: issue.date)
        let folderPath = "\(root)/\(folder)"
        var catalog: IssueCatalog
        if let existing {
            guard let found = try readCatalog(existing) else {
                throw .corrupt(path: "\(folderPath)/\(existing.catalog)", detail: Sentence(.storeListedButMissing))
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
        // With no other section stored beside them, the importer's IDs (the same rule over the
        // same sections) stand, and numbering every article again would cost 5% of an import.
        if !kept.isEmpty { IssueIDs.assign(&issue.sections, paper: issue.paper, date: issue.date, kept: kept) }
        let keys = IssueIDs.keys(of: issue.sections, kept: kept)
        var taken = Set(kept.flatMap(\.ids))
        for s in issue.sections.indices {
            if let previous = replaced[s], let existing {
                let new = issue.sections[s]
                // Only a section whose titles repeat needs the old articles: the others are known by
                // their titles, and reading every replaced section would slow each re-import.
                if IDCarry.sharesTitles(previous.articles.map(\.title)) || IDCarry.sharesTitles(new.articles.map(IDCarry.titleKey)),
                   let old = try readSection(previous.file, in: existing) {
                    IDCarry.carry(old: old, into: &issue.sections[s].articles, taken: taken,
                                  fresh: IssueIDs.maker(paper: issue.paper, date: issue.date, key: keys[s]))
                } else {
                    IDCarry.carryByTitle(old: previous.articles.map { ($0.title, $0.id) }, into: &issue.sections[s].articles, taken: taken)
                }
            }
            taken.formUnion(issue.sections[s].articles.map(\.id))
        }
        IssueIDs.makeUnique(&issue.sections, paper: issue.paper, date: issue.date, kept: kept)
        var renamed: [ArticleID: ArticleID] = [:]
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
        for (section, (_, file)) in zip(issue.sections, documents) {
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
        // The files are written on one core while the search text and its filter are made, in
        // parts, on the others: the writes wait on the kernel, and building the filter (every
        // character and pair hashed) would otherwise add a tenth to an import.
        let words = SearchFilter.width(forBytes: searchSections.reduce(0) { total, section in
            section.articles.reduce(total) { $0 + SearchText.estimatedBytes(of: $1) }
        })
        // In quarters, so that whichever core is done first takes the next: in halves, one core
        // waited for the other a third of the time.
        let pieces = min(4, searchSections.count)
        let ranges = (0..<pieces).map { k in (k * searchSections.count / pieces)..<((k + 1) * searchSections.count / pieces) }
        var writing: StoreError?
        let parts = Parallel.map([nil] + ranges.map(Optional.some)) { range -> (chunks: [[UInt8]], filter: [UInt64])? in
            guard let range else {
                do throws(StoreError) {
                    for (bytes, file) in documents { try writeNew(bytes, named: file) }
                    try writeNew(catalogBytes, named: catalogFile)
                } catch {
                    writing = error
                }
                return nil
            }
            let chunks = searchSections[range].map { SearchText.build([$0]) }
            return (chunks, SearchFilter.part(of: chunks, words: words))
        }
        if let writing { throw writing }
        let searchChunks = parts.compactMap { $0?.chunks }.flatMap { $0 }
        let searchBytes = searchChunks.flatMap { $0 }
        let searchFile = "\(SearchText.currentPrefix)\(LibraryFormat.contentName(searchBytes)).txt"
        try writeNew(searchBytes, named: searchFile)
        let filter = SearchFilter.combine(parts.compactMap { $0?.filter }, chunks: searchChunks)

        let entry = IssueEntry(paper: issue.paper, date: issue.date, folder: folder, catalog: catalogFile, searchText: searchFile,
                               sections: catalog.sections.count,
                               articles: catalog.sections.reduce(0) { $0 + $1.articles.count },
                               // Storing the same pages again changes nothing, not even the stamp.
                               updated: existing.flatMap { $0.catalog == catalogFile && $0.searchText == searchFile ? $0.updated : nil }
                                   ?? LibraryFormat.timestamp(now))
        return (entry, StoreReport(folder: folder, sections: changes, renamedIDs: renamed),
                Set(catalog.sections.map(\.file) + [catalogFile, searchFile]), filter)
    }
}
