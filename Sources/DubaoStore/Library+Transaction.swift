import DubaoModel
import DubaoText
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A change to the library: one writer at a time under the lock, a record of the folders it
/// writes into until its commit, one commit point (`library.json`'s rename), and a sweep of
/// what an earlier writer left when it was killed.
extension Library {
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
            throw .corrupt(path: root, detail: Sentence(.storeOtherError, "\(error)"))
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
        var (lock, index, volumes) = try beginChange()
        defer { withExtendedLifetime(lock) {} }
        var touchedYears: Set<Int> = []
        var created: [String] = []
        var reports: [StoreReport] = []
        var keep: [String: Set<String>] = [:]
        var filters: [String: (searchText: String, filter: [UInt64])] = [:]
        var packWindows: Set<String> = []
        var filterWindow: String?
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
                let (entry, report, files, filter) = try write(issue, existing: volumes[year]?.first { $0.folder == folder },
                                                               now: now, created: &created, flush: flush)
                // A backlog's filters are packed ten days at a time, not held to the end: ten
                // years of them would be 230 MB.
                let window = FilterPack.window(of: issue.date)
                if let last = filterWindow, last != window {
                    packWindows.formUnion(try writeFilterPacks(&volumes, fresh: filters, newestYear: newestYear(index, volumes),
                                                               created: &created))
                    filters = [:]
                }
                filterWindow = window
                filters[entry.folder] = (entry.searchText, filter)
                volumes[year, default: []].removeAll { $0.folder == entry.folder }
                volumes[year, default: []].append(entry)
                keep[entry.folder] = files
                reports.append(report)
                written(report)
            }
            // The first ten days of a year are the newest: the last ten days of the year before,
            // spread over a pack a day while they were, are packed whole now.
            let newest = newestYear(index, volumes)
            var yearBefore: [IssueEntry]?
            if let newest, !touchedYears.contains(newest - 1), index.issues == nil,
               let entries = volumes[newest], entries.allSatisfy({ $0.date.month == 1 && $0.date.day <= 10 }),
               let volume = index.volumes.first(where: { $0.year == newest - 1 }) {
                yearBefore = try readVolume(volume)
                volumes[newest - 1] = yearBefore
            }
            packWindows.formUnion(try writeFilterPacks(&volumes, fresh: filters, newestYear: newest, mergingOthers: true,
                                                       created: &created))
            if let yearBefore, let newest {
                if volumes[newest - 1] != yearBefore { touchedYears.insert(newest - 1) } else { volumes[newest - 1] = nil }
            }
            try commit(&index, volumes: volumes, touchedYears: touchedYears, created: &created)
        } catch {
            // Nothing refers to these yet: take them away so a failure leaves no trace.
            for path in created { unlink(path) }
            unlink(pendingPath)
            throw error
        }
        for (folder, files) in keep { removeUnreferenced(in: "\(root)/\(folder)", keeping: files) }
        removeStaleVolumes(index)
        removeStalePacks(of: packWindows, keeping: volumes)
        removeTemporaryFiles(in: root)
        unlink(pendingPath)
        return reports
    }

    /// The library as a change starts: the lock taken (held while the returned lock lives), what
    /// a killed writer left swept, the index read, and the issues a schema-1 index holds inline,
    /// by year (such a library moves into volumes with its first change).
    func beginChange() throws(StoreError) -> (lock: LibraryLock, index: LibraryIndex, volumes: [Int: [IssueEntry]]) {
        let lock = try LibraryLock(path: root + "/.lock", waiting: waiting)
        let index = try readIndex()
        try sweepKilledWriter(index)
        var volumes: [Int: [IssueEntry]] = [:]
        for entry in index.issues ?? [] { volumes[entry.date.year, default: []].append(entry) }
        return (lock, index, volumes)
    }

    /// Writes the volumes of `touchedYears` and commits the change: the new index is staged beside
    /// the old, one syncfs flushes it with every new file, folder and directory entry the change
    /// wrote, and its rename is the commit point (two flushes in all). A year left with no issue
    /// leaves the index. What it writes is added to `created`, for the caller to take away if it
    /// throws.
    func commit(_ index: inout LibraryIndex, volumes: [Int: [IssueEntry]], touchedYears: Set<Int>,
                created: inout [String]) throws(StoreError) {
        var touchedYears = touchedYears
        // Schema 1 held every year in library.json: all of them become volumes now.
        if index.issues != nil { touchedYears.formUnion(volumes.keys) }
        if !touchedYears.isEmpty { try AtomicFile.makeFolders(root + "/volumes", durable: false) }
        for y in touchedYears.sorted() {
            index.volumes.removeAll { $0.year == y }
            let entries = volumes[y] ?? []
            if entries.isEmpty { continue }
            let document = VolumeDocument(year: y, issues: entries.sorted(by: IssueEntry.newestFirst)).encoded()
            let file = "volumes/\(y)-\(LibraryFormat.contentName(document)).json"
            let path = root + "/" + file
            // Content-named, but compared all the same: only renames ever make these files,
            // yet a hand-copied or damaged one of the same name must not be trusted.
            if (try? AtomicFile.read(path)) ?? nil != document {
                try AtomicFile.write(document, to: path, durable: false)
                created.append(path)
            }
            index.volumes.append(VolumeEntry(year: y, file: file, issues: entries.count))
        }
        index.volumes.sort { $0.year > $1.year }
        index.issues = nil
        index.schema = LibraryFormat.indexSchema
        let stagedIndex = try AtomicFile.stage(index.encoded(), for: indexPath)
        created.append(stagedIndex)
        try AtomicFile.syncFileSystem(containing: root)
        try AtomicFile.commit(stagedIndex, to: indexPath)
    }

    /// Takes the issue of `paper` and `date` out of the library, nil when there is none. Its
    /// entry leaves its year's volume in one commit, as a store's change does (a failure before
    /// it leaves the library as it was), and its files go after; its folder is named in
    /// `.pending` first, so a remove killed after its commit leaves them to the next change's
    /// sweep. Bookmarks and reading marks of its articles are the user's and stay: a bookmark
    /// whose article is gone says so, and comes back to it if the issue is imported again. Its
    /// search filter goes with its pack when it was the pack's only one; in a pack shared with
    /// other issues of its ten days it stays until they are packed again, read by no one, since
    /// search finds filters through the entries.
    @discardableResult
    public func remove(paper: String, date: IssueDate) throws(StoreError) -> IssueEntry? {
        var (lock, index, volumes) = try beginChange()
        defer { withExtendedLifetime(lock) {} }
        if let volume = index.volumes.first(where: { $0.year == date.year }) {
            volumes[date.year, default: []] += try readVolume(volume)
        }
        let folder = issueFolder(paper: paper, date: date)
        guard let gone = volumes[date.year]?.first(where: { $0.folder == folder }) else { return nil }
        volumes[date.year]!.removeAll { $0.folder == folder }
        var created: [String] = []
        do {
            try notePending(folder)
            try commit(&index, volumes: volumes, touchedYears: [date.year], created: &created)
        } catch {
            for path in created { unlink(path) }
            unlink(pendingPath)
            throw error
        }
        removeUnreferenced(in: "\(root)/\(folder)", keeping: [])
        rmdir("\(root)/\(folder)")
        // The paper's folder, when this was its last issue (rmdir refuses one with anything in it).
        rmdir("\(root)/\((folder as NSString).deletingLastPathComponent)")
        removeStaleVolumes(index)
        // `volumes` holds the whole of the issue's year, so the packs of its ten days still named are all known.
        removeStalePacks(of: [FilterPack.window(of: date)], keeping: volumes)
        removeTemporaryFiles(in: root)
        unlink(pendingPath)
        return gone
    }

    /// Volumes the committed `index` no longer lists (`<year>-….json`).
    func removeStaleVolumes(_ index: LibraryIndex) {
        removeUnreferenced(in: root + "/volumes", keeping: Set(index.volumes.map { String($0.file.dropFirst("volumes/".count)) }),
                           isStale: { $0.first?.isNumber == true && $0.hasSuffix(".json") })
    }

    /// The newest year of the library as this change will leave it.
    func newestYear(_ index: LibraryIndex, _ volumes: [Int: [IssueEntry]]) -> Int? {
        (index.volumes.map(\.year) + volumes.keys).max()
    }

    /// The issue folders a change is writing into, one a line, while it writes: a writer
    /// killed before its commit leaves files that nothing refers to, and the next change
    /// sweeps the folders this names.
    var pendingPath: String { root + "/.pending" }

    func notePending(_ folder: String) throws(StoreError) {
        let fd = open(pendingPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: pendingPath, errno: errno, doing: .write) }
        defer { close(fd) }
        let line = Array((folder + "\n").utf8)
        if line.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress!, $0.count) }) != line.count {
            throw .io(path: pendingPath, errno: errno, doing: .write)
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
        // Filter packs are written after the issues they hold, so a killed writer may have left some.
        removeUnreferenced(in: "\(root)/\(FilterPack.folder)", keeping: Set(entries.compactMap(\.filter).map(FilterPack.fileName)),
                           isStale: FilterPack.isPackFile)
        unlink(pendingPath)
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
