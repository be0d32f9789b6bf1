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
///     {"format":"dubao-filter","schema":2,"words":W,"issues":[{"folder":…,"searchText":…},…]}\n
///     zero bytes up to a multiple of 8
///     W / R blocks, each: R rows (a row: the word of every issue, in the order listed), then a
///     check word
///
/// Words are little-endian. R, the rows a block, is 8 divided by the number of issues, at least
/// 1 (8, 4, 2, 2, then 1): a pack of one issue (the newest ten days hold a pack a day) pays a
/// check word for every eight words, not for every one, and a probe still reads one block of at
/// most about 80 bytes. Schema 1 had one row a block, whatever the issues, and is still read.
/// A block's check word is a hash of the header and the block, so a damaged block, a truncated
/// file or a block of another pack is noticed where it is read, and the pack's issues are then
/// searched without it, never wrongly.
struct FilterPack: Equatable {
    static let formatName = "dubao-filter"
    static let schema = 2
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

    /// The rows a block holds in a pack of this many issues (schema 2).
    static func rowsPerBlock(issues: Int) -> Int { max(1, 8 / max(1, issues)) }

    func encoded() -> [UInt8] { encodedWithDigest().bytes }

    /// The pack's bytes, and a hash of all of them to name its file by, made from the header's
    /// hash and the check words (which hash every word) as they are written: a second pass over
    /// up to 700 KB cost a tenth of writing the pack.
    func encodedWithDigest() -> (bytes: [UInt8], digest: UInt64) {
        let words = columns.map(\.filter.count).max() ?? SearchFilter.minWords
        let header = Self.header(words: words, columns: columns)
        var start = header.count
        while start % 8 != 0 { start += 1 }
        // Every filter at the pack's width, one after another.
        let flat = columns.flatMap { SearchFilter.resized($0.filter, to: words) }
        let seed = LibraryFormat.contentHash(header)
        let issues = columns.count, rows = Self.rowsPerBlock(issues: issues)
        let blockBytes = (rows * issues + 1) * 8
        var out = [UInt8](repeating: 0, count: start + words / rows * blockBytes)
        out.replaceSubrange(0..<header.count, with: header)
        var digest = Self.checkStart(index: words, seed: seed)
        flat.withUnsafeBufferPointer { flat in
            out.withUnsafeMutableBytes { raw in
                for b in 0..<(words / rows) {
                    var offset = start + b * blockBytes
                    var h = Self.checkStart(index: b, seed: seed)
                    for r in 0..<rows {
                        for c in 0..<issues {
                            let value = flat[c * words + b * rows + r]
                            raw.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt64.self)
                            h = Self.checkStep(h, value)
                            offset += 8
                        }
                    }
                    raw.storeBytes(of: h.littleEndian, toByteOffset: offset, as: UInt64.self)
                    digest = Self.checkStep(digest, h)
                }
            }
        }
        return (out, LibraryFormat.mix(digest))
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

    /// The check word of block `index`, whose words are `block`.
    static func check(_ block: [UInt64], index: Int, seed: UInt64) -> UInt64 {
        block.reduce(checkStart(index: index, seed: seed), checkStep)
    }

    @inline(__always)
    static func checkStart(index: Int, seed: UInt64) -> UInt64 { seed ^ UInt64(index) &* 0x9E37_79B9_7F4A_7C15 }

    @inline(__always)
    static func checkStep(_ h: UInt64, _ value: UInt64) -> UInt64 {
        let h = (h ^ value) &* 0x0000_0100_0000_01B3
        return h ^ h >> 29
    }

    /// What a pack's header says, and where its rows start.
    struct Layout {
        var words: Int
        var issues: [(folder: String, searchText: String)]
        var rowsStart: Int
        var seed: UInt64
        var rowsPerBlock: Int
        var blockWords: Int { rowsPerBlock * issues.count }
        var blockBytes: Int { (blockWords + 1) * 8 }
    }

    /// Whether a header that `layout` refused is a pack's of a schema newer than this dubao reads:
    /// written by a newer dubao, not damaged, so its issues are searched without it and nothing
    /// is said.
    static func isNewerSchema(header: [UInt8]) -> Bool {
        guard let json = JSONReader.parse(header), json["format"]?.string == formatName,
              let version = json["schema"]?.int else { return false }
        return version > schema
    }

    /// The header of a pack, checked against the file's size; nil when it is not a whole pack of
    /// this format. A pack of a newer schema is as good as none: its issues are searched without.
    static func layout(header: [UInt8], fileSize: Int) -> Layout? {
        guard let json = JSONReader.parse(header), json["format"]?.string == formatName,
              let version = json["schema"]?.int, version == 1 || version == schema, let words = json["words"]?.int,
              words >= SearchFilter.minWords, words <= SearchFilter.maxWords, words & (words - 1) == 0,
              let items = json["issues"],
              let issues = [(folder: String, searchText: String)](json: items, { item in
                  guard let folder = item["folder"]?.string, let text = item["searchText"]?.string else { return nil }
                  return (folder, text)
              }), !issues.isEmpty
        else { return nil }
        var start = header.count
        while start % 8 != 0 { start += 1 }
        let layout = Layout(words: words, issues: issues, rowsStart: start, seed: LibraryFormat.contentHash(header),
                            rowsPerBlock: version == 1 ? 1 : rowsPerBlock(issues: issues.count))
        guard fileSize == start + words / layout.rowsPerBlock * layout.blockBytes else { return nil }
        return layout
    }

    /// The whole pack from its bytes, every block checked; nil when anything is wrong with it.
    static func decode(_ bytes: [UInt8]) -> FilterPack? {
        guard let end = bytes.firstIndex(of: 0x0A),
              let layout = layout(header: Array(bytes[...end]), fileSize: bytes.count) else { return nil }
        let issues = layout.issues.count, rows = layout.rowsPerBlock, words = layout.words
        // Every filter one after another, as `encoded` lays them out before it interleaves them.
        var flat = [UInt64](repeating: 0, count: issues * words)
        let sound = bytes.withUnsafeBytes { raw -> Bool in
            flat.withUnsafeMutableBufferPointer { flat in
                for b in 0..<(words / rows) {
                    var offset = layout.rowsStart + b * layout.blockBytes
                    var h = Self.checkStart(index: b, seed: layout.seed)
                    for r in 0..<rows {
                        for c in 0..<issues {
                            let value = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                            flat[c * words + b * rows + r] = value
                            h = Self.checkStep(h, value)
                            offset += 8
                        }
                    }
                    guard h == UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) else { return false }
                }
                return true
            }
        }
        let filters = (0..<issues).map { Array(flat[($0 * words)..<(($0 + 1) * words)]) }
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
    /// What a pack says of a query's elements.
    enum Answer {
        /// For each issue listed, its folder, search text and whether it can hold every element.
        case issues([(folder: String, searchText: String, passes: Bool)])
        /// A pack a newer dubao wrote: its issues are searched without it.
        case newerSchema
        /// Missing, not a pack, or damaged where it was read.
        case unreadable
    }

    /// Which of a pack's issues can hold every element (nil when it cannot say, see `ask`).
    static func answer(path: String, elements: [UInt64]) -> [(folder: String, searchText: String, passes: Bool)]? {
        if case .issues(let issues) = ask(path: path, elements: elements) { return issues }
        return nil
    }

    /// Asks the pack at `path` about `elements`, reading only its header and the blocks the
    /// elements fall in.
    static func ask(path: String, elements: [UInt64]) -> Answer {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .unreadable }
        defer { close(fd) }
        guard let issues = answer(fd, elements: elements) else {
            return header(fd).map(isNewerSchema) == true ? .newerSchema : .unreadable
        }
        return .issues(issues)
    }

    /// The header line of the pack open at `fd` (with its line end): a line of about 100 bytes
    /// an issue, read up to 1 MB.
    private static func header(_ fd: Int32) -> [UInt8]? {
        var status = stat()
        guard fstat(fd, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        var head = [UInt8](repeating: 0, count: min(size, 4096))
        guard readFully(fd, into: &head, at: 0) else { return nil }
        var end = head.firstIndex(of: 0x0A)
        if end == nil, head.count < size {
            head = [UInt8](repeating: 0, count: min(size, 1 << 20))
            guard readFully(fd, into: &head, at: 0) else { return nil }
            end = head.firstIndex(of: 0x0A)
        }
        return end.map { Array(head[...$0]) }
    }

    private static func answer(_ fd: Int32, elements: [UInt64]) -> [(folder: String, searchText: String, passes: Bool)]? {
        var status = stat()
        guard fstat(fd, &status) == 0 else { return nil }
        guard let header = header(fd), let layout = layout(header: header, fileSize: Int(status.st_size)) else { return nil }
        var passes = [Bool](repeating: true, count: layout.issues.count)
        var masks: [Int: UInt64] = [:]
        for key in elements {
            let p = SearchFilter.probe(key, words: layout.words)
            masks[p.word, default: 0] |= p.mask
        }
        var blockBytes = [UInt8](repeating: 0, count: layout.blockBytes)
        var block = [UInt64](repeating: 0, count: layout.blockWords)
        let columns = layout.issues.count
        var read = -1
        for (w, mask) in masks.sorted(by: { $0.key < $1.key }) {
            let b = w / layout.rowsPerBlock
            if b != read {
                guard readFully(fd, into: &blockBytes, at: layout.rowsStart + b * layout.blockBytes) else { return nil }
                for k in block.indices { block[k] = word(blockBytes, at: k * 8) }
                guard word(blockBytes, at: block.count * 8) == check(block, index: b, seed: layout.seed) else { return nil }
                read = b
            }
            let row = (w % layout.rowsPerBlock) * columns
            for c in 0..<columns where block[row + c] & mask != mask { passes[c] = false }
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
