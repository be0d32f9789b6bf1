import DubaoModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The search filters of a change: the ten-day packs (`FilterPack`) of the issues it wrote.
///
/// The library's newest ten days are the ones a daily import writes into, so there a change
/// packs only the issues it wrote, and leaves the packs of the days before as they are: reading,
/// checking and rewriting the whole ten days' pack (up to 700 KB) for every daily issue cost a
/// quarter of that import. Any other ten days are packed whole, into one pack, as soon as a change
/// reads their year: so a query reads one pack for each of them, and at most one a day for the
/// newest.
extension Library {
    /// Writes new packs, unflushed, for the ten days a change wrote an issue in, and points the
    /// entries of those days at them. A filter is taken from `fresh` (the issues just written),
    /// else from the pack the entry pointed at while it still has that search text, else built
    /// from the entry's search text: an issue imported before filters existed gets one with the
    /// next import of its ten days. A damaged old pack is not read from.
    ///
    /// `newestYear` is the library's newest year, read or not. With `mergingOthers`, any other
    /// ten days of the years read that are spread over several packs are packed whole too.
    /// Returns the ten-day windows written.
    func writeFilterPacks(_ volumes: inout [Int: [IssueEntry]], fresh: [String: (searchText: String, filter: [UInt64])],
                          newestYear: Int?, mergingOthers: Bool = false, created: inout [String]) throws(StoreError) -> Set<String> {
        var windows: Set<String> = []
        for entries in volumes.values {
            for entry in entries where fresh[entry.folder] != nil { windows.insert(FilterPack.window(of: entry.date)) }
        }
        // The newest ten days, when the newest year was read: the newest entry's, or a fresh one's.
        var newest: String?
        if let newestYear, let entries = volumes[newestYear] {
            newest = entries.map(\.date).max().map(FilterPack.window)
            for window in windows where window.hasPrefix("\(newestYear)-") && window > (newest ?? "") { newest = window }
        }
        if mergingOthers {
            var packs: [String: Set<String>] = [:]
            for entries in volumes.values {
                for entry in entries {
                    guard let file = entry.filter else { continue }
                    // The pack's file name begins with its window: no date to format for each entry.
                    let name = FilterPack.fileName(file)
                    packs[String(name.prefix(9)), default: []].insert(file)
                }
            }
            for (window, files) in packs where files.count > 1 && window != newest { windows.insert(window) }
        }
        guard !windows.isEmpty else { return [] }
        try AtomicFile.makeFolders("\(root)/\(FilterPack.folder)", durable: false)
        for window in windows.sorted() {
            guard let year = Int(window.prefix(4)), var entries = volumes[year] else { continue }
            let members = entries.indices.filter { FilterPack.window(of: entries[$0].date) == window }
            let whole = window != newest
            var old: [String: FilterPack.Column] = [:]
            if whole {
                for file in Set(members.compactMap { entries[$0].filter }) {
                    guard let bytes = try? AtomicFile.read("\(root)/\(file)"), let pack = FilterPack.decode(bytes) else { continue }
                    for column in pack.columns { old[column.folder] = column }
                }
            }
            var columns: [FilterPack.Column] = []
            for i in members {
                let entry = entries[i]
                if let new = fresh[entry.folder], new.searchText == entry.searchText {
                    columns.append(.init(folder: entry.folder, searchText: entry.searchText, filter: new.filter))
                } else if !whole, entry.filter != nil {
                    // In a pack of its own already; its pack is checked where a query reads it.
                    continue
                } else if let kept = old[entry.folder], kept.searchText == entry.searchText {
                    columns.append(kept)
                } else if entry.searchText.hasPrefix(SearchText.currentPrefix),
                          let text = try? AtomicFile.read("\(root)/\(entry.folder)/\(entry.searchText)") {
                    columns.append(.init(folder: entry.folder, searchText: entry.searchText,
                                         filter: SearchFilter.build(chunks: [text])))
                }
            }
            let pack = FilterPack(columns: columns)
            let (bytes, digest) = pack.encodedWithDigest()
            let file = "\(FilterPack.folder)/\(window)-\(LibraryFormat.hex(digest, digits: 10)).bin"
            if !columns.isEmpty {
                let path = "\(root)/\(file)"
                if try AtomicFile.createNew(bytes, at: path) {
                    created.append(path)
                } else if (try? AtomicFile.read(path)) ?? nil != bytes {
                    // Content-named, yet a damaged copy of that name must not be trusted.
                    try AtomicFile.write(bytes, to: path, durable: false)
                    created.append(path)
                }
            }
            let held = Set(columns.map(\.folder))
            for i in members where whole || held.contains(entries[i].folder) {
                entries[i].filter = held.contains(entries[i].folder) ? file : nil
            }
            volumes[year] = entries
        }
        return windows
    }

    /// Packs of these ten-day windows that no entry points at any more. Called under the lock,
    /// after the commit.
    func removeStalePacks(of windows: Set<String>, keeping volumes: [Int: [IssueEntry]]) {
        guard !windows.isEmpty else { return }
        let kept = Set(volumes.values.flatMap { $0.compactMap(\.filter) }.map(FilterPack.fileName))
        removeUnreferenced(in: "\(root)/\(FilterPack.folder)", keeping: kept) { name in
            FilterPack.isPackFile(name) && windows.contains(String(name.prefix(9)))
        }
    }
}

extension FilterPack {
    /// The pack's name in the filters folder, from the path an entry holds.
    static func fileName(_ path: String) -> String {
        path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
    }
}
