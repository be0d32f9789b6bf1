import DubaoModel
import DubaoText
import Foundation

/// The documents of the library folder, as they are written to disk.
///
///     library.json                                   the volumes: one a year
///     volumes/<YYYY>-<hash>.json                     that year's issues: paper, date, counts
///     issues/<paper>-<hash>/<YYYY-MM-DD>/issue-….json sections and article titles of one issue
///     issues/<paper>-<hash>/<YYYY-MM-DD>/s-….json     the full articles of one section
///     issues/<paper>-<hash>/<YYYY-MM-DD>/text2-….txt  the folded text, for search
///
/// Listing issues, sections and titles reads only the first three kinds; article bodies are
/// read one section at a time, when they are needed. An import rewrites one volume and the
/// short `library.json`, so its cost does not grow with the years already in the library.
public enum LibraryFormat {
    /// The version of every document but the index.
    public static let schema = 1
    /// `library.json` went to 2 when the issues moved out into volumes; 1 is still read.
    public static let indexSchema = 2

    struct Probe: Decodable {
        var schema: Int?
        var format: String?
    }

    /// Decodes a library document, telling damage apart from a newer schema.
    static func decode<T: StoreDocument>(_ type: T.Type, schema newest: Int = LibraryFormat.schema,
                                         from bytes: [UInt8], path: String) throws(StoreError) -> T {
        let format = T.formatName
        if let fast = type as? JSONValueDecodable.Type, let json = JSONReader.parse(bytes),
           json["format"]?.string == format, let schema = json["schema"]?.int, schema <= newest,
           let value = fast.init(json: json) as? T {
            return value
        }
        let data = Data(bytes)
        let probe: Probe
        do {
            probe = try JSONDecoder().decode(Probe.self, from: data)
        } catch {
            throw .corrupt(path: path, detail: Sentence(bytes.isEmpty ? .storeFileEmpty : .storeNotJSON))
        }
        guard let schema = probe.schema, probe.format == format else {
            throw .corrupt(path: path, detail: Sentence(.storeNotDocument, format))
        }
        guard schema <= newest else { throw .unknownSchema(path: path, version: schema, newest: newest) }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw .corrupt(path: path, detail: describe(error))
        } catch {
            throw .corrupt(path: path, detail: Sentence(.storeOtherError, "\(error)"))
        }
    }

    /// Small documents people may open (the index, catalogs, bookmarks) are indented; section
    /// documents, which hold the article text and are most of the library, are not.
    static func encode<T: Encodable>(_ value: T, pretty: Bool = true) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding our own plain value types cannot fail.
        return [UInt8]((try? encoder.encode(value)) ?? Data())
    }

    static func describe(_ error: DecodingError) -> Sentence {
        func path(_ c: DecodingError.Context) -> Sentence {
            let p = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? Sentence(.storeAtTop) : Sentence(.storeAt, p)
        }
        switch error {
        case .typeMismatch(_, let c): return Sentence(.storeWrongType, path(c))
        case .valueNotFound(_, let c): return Sentence(.storeMissingValue, path(c))
        case .keyNotFound(let key, let c): return Sentence(.storeMissingKey, key.stringValue, path(c))
        case .dataCorrupted(let c): return Sentence(.storeBadValue, path(c), c.debugDescription)
        @unknown default: return Sentence(.storeUnreadable)
        }
    }

    /// A folder name for a paper that cannot escape the library or collide with another paper.
    static func paperFolder(_ paper: String) -> String {
        var safe = ""
        for s in paper.unicodeScalars {
            if Scalars.isHan(s) || (s.isASCII && (s.properties.isAlphabetic || Scalars.isDigit(s))) {
                safe.unicodeScalars.append(s)
            } else if !safe.hasSuffix("_") {
                safe += "_"
            }
            if safe.count >= 24 { break }
        }
        safe = String(safe.drop { $0 == "_" })
        while safe.hasSuffix("_") { safe.removeLast() }
        if safe.isEmpty { safe = "paper" }
        return "\(safe)-\(hex(fnv(Array(paper.utf8)), digits: 6))"
    }

    static func fnv(_ bytes: [UInt8]) -> UInt64 { StableHash.fnv1a64(bytes) }

    /// The name-part of a file named by its content: 10 hex digits of a hash that reads eight
    /// bytes at a time (FNV-1a, one byte at a time, was a tenth of an import's storing).
    /// Names only have to differ when contents do; unlike article IDs they may change between
    /// versions of dubao, which then writes the next import under new names.
    static func contentName(_ bytes: [UInt8]) -> String {
        hex(contentHash(bytes), digits: 10)
    }

    /// A 64-bit finaliser (murmur3's): every bit of the result depends on every bit of `x`.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return z ^ (z >> 33)
    }

    static func contentHash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw -> UInt64 in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var i = 0
            while i + 8 <= raw.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                h ^= h >> 29
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < raw.count {
                tail |= UInt64(raw[i]) << shift
                shift += 8
                i += 1
            }
            return mix(h ^ tail)
        }
    }

    /// `2026-11-29T05:11:00Z` without a formatter object, which cost more than writing the volume.
    static func timestamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    static func hex(_ value: UInt64, digits: Int) -> String { StableHash.hex(value, digits: digits) }
}

/// A document of the store: it names its format once, for its writer and its readers alike.
protocol StoreDocument: Decodable {
    /// `dubao-section`: the `format` field every document of this kind carries.
    static var formatName: String { get }
}
