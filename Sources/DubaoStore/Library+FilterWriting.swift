import DubaoModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The search filters of a change: the ten-day packs (`FilterPack`) of the issues it wrote,
/// written again with their new filters beside the ones already there.
extension Library {
    /// Writes a new pack for every ten days a change wrote an issue in, unflushed, and points the
    /// entries of those days at it. A filter is taken from `fresh` (the issues just written), else
    /// from the pack the entry pointed at while it still has that search text, else built from
    /// the entry's search text: an issue imported before filters existed gets one with the next
    /// import of its ten days. A damaged old pack is not read from. Returns the ten-day windows.
    func writeFilterPacks(_ volumes: inout [Int: [IssueEntry]], fresh: [String: (searchText: String, filter: [UInt64])],
                          created: inout [String]) throws(StoreError) -> Set<String> {
        var windows: Set<String> = []
        for entries in volumes.values {
            for entry in entries where fresh[entry.folder] != nil { windows.insert(FilterPack.window(of: entry.date)) }
        }
        guard !windows.isEmpty else { return [] }
        try AtomicFile.makeFolders("\(root)/\(FilterPack.folder)", durable: false)
        for window in windows.sorted() {
            guard let year = Int(window.prefix(4)), var entries = volumes[year] else { continue }
            let members = entries.indices.filter { FilterPack.window(of: entries[$0].date) == window }
            var old: [String: FilterPack.Column] = [:]
            for file in Set(members.compactMap { entries[$0].filter }) {
                guard let bytes = try? AtomicFile.read("\(root)/\(file)"), let pack = FilterPack.decode(bytes) else { continue }
                for column in pack.columns { old[column.folder] = column }
            }
            var columns: [FilterPack.Column] = []
            for i in members {
                let entry = entries[i]
                if let new = fresh[entry.folder], new.searchText == entry.searchText {
                    columns.append(.init(folder: entry.folder, searchText: entry.searchText, filter: new.filter))
                } else if let kept = old[entry.folder], kept.searchText == entry.searchText {
                    columns.append(kept)
                } else if entry.searchText.hasPrefix(SearchText.currentPrefix),
                          let text = try? AtomicFile.read("\(root)/\(entry.folder)/\(entry.searchText)") {
                    columns.append(.init(folder: entry.folder, searchText: entry.searchText,
                                         filter: SearchFilter.build(chunks: [text])))
                }
            }
            let pack = FilterPack(columns: columns)
            let bytes = pack.encoded()
            let file = "\(FilterPack.folder)/\(window)-\(LibraryFormat.contentName(bytes)).bin"
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
            for i in members { entries[i].filter = held.contains(entries[i].folder) ? file : nil }
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
