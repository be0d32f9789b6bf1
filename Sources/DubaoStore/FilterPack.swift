import DubaoModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The search filters (`SearchFilter`) of the issues of ten days, in one file:
/// `filters/<YYYY-MM>-<d>-<hash>.bin`, `d` being 0 for days 1–10, 1 for 11–20, 2 for the rest.
///
/// A query reads a handful of rows of each pack, not the packs: the file is laid out by word,
/// the same word of every issue side by side, so one read answers one probe for all of them.
/// Ten days is what an import rewrites: a year in one file would be rewritten whole by every
/// daily import (12 MB or more), while ten years of ten-day packs are 365 files to open.
///
///     {"format":"dubao-filter","schema":1,"words":W,"issues":[{"folder":…,"searchText":…},…]}\n
///     zero bytes up to a multiple of 8
///     W rows, each: the word of every issue, in the order listed, then a check word
///
/// Words are little-endian. A row's check word is a hash of the header and the row, so a
/// damaged row, a truncated file or a row of another pack is noticed where it is read, and the
/// pack's issues are then searched without it, never wrongly.
struct FilterPack: Equatable {
    static let formatName = "dubao-filter"
    static let schema = 1
    static let folder = "filters"

    struct Column: Equatable {
        var folder: String
        /// The search text the filter was built from: the filter is used only while the issue
        /// still has that search text.
        var searchText: String
        var filter: [UInt64]
    }

    var columns: [Column]

    /// The pack an issue of this date belongs in, as its file name begins.
    static func window(of date: IssueDate) -> String {
        let month = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        return "\(date.year)-\(month)-\(min(2, (date.day - 1) / 10))"
    }

    static func isPackFile(_ name: String) -> Bool {
        name.first?.isNumber == true && name.hasSuffix(".bin")
    }

    func encoded() -> [UInt8] {
        let words = columns.map(\.filter.count).max() ?? SearchFilter.minWords
        let header = Self.header(words: words, columns: columns)
        var start = header.count
        while start % 8 != 0 { start += 1 }
        let resized = columns.map { SearchFilter.resized($0.filter, to: words) }
        let seed = LibraryFormat.contentHash(header)
        let width = columns.count + 1
        var out = [UInt8](repeating: 0, count: start + words * width * 8)
        out.replaceSubrange(0..<header.count, with: header)
        var row = [UInt64](repeating: 0, count: columns.count)
        out.withUnsafeMutableBytes { raw in
            for w in 0..<words {
                for c in resized.indices { row[c] = resized[c][w] }
                let offset = start + w * width * 8
                for c in row.indices { raw.storeBytes(of: row[c].littleEndian, toByteOffset: offset + c * 8, as: UInt64.self) }
                raw.storeBytes(of: Self.check(row, index: w, seed: seed).littleEndian, toByteOffset: offset + row.count * 8,
                               as: UInt64.self)
            }
        }
        return out
    }

    static func header(words: Int, columns: [Column]) -> [UInt8] {
        var w = JSONBytes()
        w.open("{")
        w.key("format"); w.string(formatName); w.comma()
        w.key("issues"); w.array(columns, lineEach: false) { w, c in
            w.open("{")
            w.key("folder"); w.string(c.folder); w.comma()
            w.key("searchText"); w.string(c.searchText)
            w.close("}")
        }
        w.comma()
        w.key("schema"); w.int(schema); w.comma()
        w.key("words"); w.int(words)
        w.close("}")
        w.bytes.append(0x0A)
        return w.bytes
    }

    static func check(_ row: [UInt64], index: Int, seed: UInt64) -> UInt64 {
        var h = seed ^ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
        for value in row {
            h = (h ^ value) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
        }
        return h
    }

    /// What a pack's header says, and where its rows start.
    struct Layout {
        var words: Int
        var issues: [(folder: String, searchText: String)]
        var rowsStart: Int
        var seed: UInt64
        var rowBytes: Int { (issues.count + 1) * 8 }
    }

    /// The header of a pack, checked against the file's size; nil when it is not a whole pack of
    /// this format. A pack of a newer schema is as good as none: its issues are searched without.
    static func layout(header: [UInt8], fileSize: Int) -> Layout? {
        guard let json = JSONReader.parse(header), json["format"]?.string == formatName,
              json["schema"]?.int == schema, let words = json["words"]?.int,
              words >= SearchFilter.minWords, words <= SearchFilter.maxWords, words & (words - 1) == 0,
              let items = json["issues"],
              let issues = [(folder: String, searchText: String)](json: items, { item in
                  guard let folder = item["folder"]?.string, let text = item["searchText"]?.string else { return nil }
                  return (folder, text)
              }), !issues.isEmpty
        else { return nil }
        var start = header.count
        while start % 8 != 0 { start += 1 }
        let layout = Layout(words: words, issues: issues, rowsStart: start, seed: LibraryFormat.contentHash(header))
        guard fileSize == start + words * layout.rowBytes else { return nil }
        return layout
    }

    /// The whole pack from its bytes, every row checked; nil when anything is wrong with it.
    static func decode(_ bytes: [UInt8]) -> FilterPack? {
        guard let end = bytes.firstIndex(of: 0x0A),
              let layout = layout(header: Array(bytes[...end]), fileSize: bytes.count) else { return nil }
        var filters = [[UInt64]](repeating: [UInt64](repeating: 0, count: layout.words), count: layout.issues.count)
        var row = [UInt64](repeating: 0, count: layout.issues.count)
        let sound = bytes.withUnsafeBytes { raw -> Bool in
            for w in 0..<layout.words {
                let offset = layout.rowsStart + w * layout.rowBytes
                for c in row.indices { row[c] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + c * 8, as: UInt64.self)) }
                let check = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + row.count * 8, as: UInt64.self))
                guard check == Self.check(row, index: w, seed: layout.seed) else { return false }
                for c in row.indices { filters[c][w] = row[c] }
            }
            return true
        }
        guard sound else { return nil }
        let columns = zip(layout.issues, filters).map { Column(folder: $0.folder, searchText: $0.searchText, filter: $1) }
        return FilterPack(columns: columns)
    }

    @inline(__always)
    static func word(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    }
}

extension FilterPack {
    /// Which of a pack's issues can hold every element, reading only the rows the elements
    /// fall in: for each issue listed, its folder, search text and whether it passes. Nil when
    /// the file is missing, not a pack, or damaged where it was read.
    static func answer(path: String, elements: [UInt64]) -> [(folder: String, searchText: String, passes: Bool)]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        // The header is a line of about 100 bytes an issue.
        var head = [UInt8](repeating: 0, count: min(size, 4096))
        guard readFully(fd, into: &head, at: 0) else { return nil }
        var end = head.firstIndex(of: 0x0A)
        if end == nil, head.count < size {
            head = [UInt8](repeating: 0, count: min(size, 1 << 20))
            guard readFully(fd, into: &head, at: 0) else { return nil }
            end = head.firstIndex(of: 0x0A)
        }
        guard let end, let layout = layout(header: Array(head[...end]), fileSize: size) else { return nil }
        var passes = [Bool](repeating: true, count: layout.issues.count)
        var masks: [Int: UInt64] = [:]
        for key in elements {
            let p = SearchFilter.probe(key, words: layout.words)
            masks[p.word, default: 0] |= p.mask
        }
        var rowBytes = [UInt8](repeating: 0, count: layout.rowBytes)
        var row = [UInt64](repeating: 0, count: layout.issues.count)
        for (w, mask) in masks.sorted(by: { $0.key < $1.key }) {
            guard readFully(fd, into: &rowBytes, at: layout.rowsStart + w * layout.rowBytes) else { return nil }
            for c in row.indices { row[c] = word(rowBytes, at: c * 8) }
            guard word(rowBytes, at: row.count * 8) == check(row, index: w, seed: layout.seed) else { return nil }
            for c in row.indices where row[c] & mask != mask { passes[c] = false }
        }
        return zip(layout.issues, passes).map { ($0.folder, $0.searchText, $1) }
    }

    private static func readFully(_ fd: Int32, into buffer: inout [UInt8], at offset: Int) -> Bool {
        let count = buffer.count
        var done = 0
        return buffer.withUnsafeMutableBytes { raw in
            while done < count {
                let n = pread(fd, raw.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }
}
