import DubaoModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a raw page into text, finding the encoding when it is not given.
///
/// Pages come as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK. Bytes that
/// cannot be decoded are replaced with U+FFFD and counted in a warning; a file whose encoding
/// cannot be told at all is an error that names the first bad byte.
public enum PageDecoder {
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: TextEncoding
        public var hadBOM: Bool
        /// Bytes replaced by U+FFFD, and where the first one was.
        public var replacedBytes: Int
        public var firstBadOffset: Int?
    }

    /// The archive format `bytes` start with, by its magic number, and the command that unpacks it.
    static func compression(_ bytes: [UInt8]) -> (format: String, unpack: String)? {
        let formats: [([UInt8], String, String)] = [
            ([0x1F, 0x8B], "gzip", "gunzip"), ([0x50, 0x4B, 0x03, 0x04], "zip", "unzip"),
            ([0x42, 0x5A, 0x68], "bzip2", "bunzip2"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz", "unxz"),
            ([0x28, 0xB5, 0x2F, 0xFD], "zstd", "unzstd"), ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7z", "7z x"),
        ]
        for (magic, format, unpack) in formats where bytes.starts(with: magic) {
            // `BZh` is also how a Latin page may start: bzip2's fourth byte is its block size, 1–9.
            if format == "bzip2", bytes.count < 4 || !(0x31...0x39).contains(bytes[3]) { continue }
            return (format, unpack)
        }
        return nil
    }

    public static func decode(_ bytes: [UInt8], forced: TextEncoding? = nil) throws(ImportError) -> Decoded {
        if let bom = byteOrderMark(bytes), forced == nil || forced == bom.encoding {
            return try decode(Array(bytes[bom.length...]), as: bom.encoding, bom: true)
        }
        if let forced {
            return try decode(bytes, as: forced, bom: false)
        }
        // A page saved compressed would otherwise be told to try another --encoding, which cannot help.
        if let archive = compression(bytes) { throw .compressed(format: archive.format, unpack: archive.unpack) }
        if let offset = firstNUL(bytes) {
            if let guess = utf16WithoutBOM(bytes) { throw .utf16WithoutBOM(guess) }
            throw .binary(offset: offset)
        }
        // Nearly every page is valid UTF-8: one validating pass decides it; the byte-by-byte scan
        // below is for the pages that are not.
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, encoding: .utf8, hadBOM: false, replacedBytes: 0, firstBadOffset: nil)
        }
        let utf8 = UTF8Scan(bytes)
        if utf8.invalidBytes == 0 {
            return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, hadBOM: false,
                           replacedBytes: 0, firstBadOffset: nil)
        }
        // A UTF-8 page with a few damaged bytes must not be read as GB18030, which accepts
        // most byte pairs and would turn the whole page into nonsense.
        if utf8.multibyteSequences >= 8 && utf8.invalidBytes * 50 <= utf8.multibyteSequences {
            return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, hadBOM: false,
                           replacedBytes: utf8.invalidBytes, firstBadOffset: utf8.firstInvalidOffset)
        }
        if let gb = GB18030.decode(bytes, lossy: false), looksLikeChinese(gb.text) {
            return Decoded(text: gb.text, encoding: .gb18030, hadBOM: false, replacedBytes: 0, firstBadOffset: nil)
        }
        // A GB18030 page with a damaged or cut-off byte: read as GB18030 all the same when the
        // damage is small beside the Chinese text around it, with the bytes counted.
        if let gb = GB18030.decode(bytes, lossy: true), gb.replaced > 0, looksLikeChinese(gb.text),
           gb.replaced <= max(3, hanCount(gb.text) / 50) {
            return Decoded(text: gb.text, encoding: .gb18030, hadBOM: false, replacedBytes: gb.replaced,
                           firstBadOffset: gb.firstBadOffset)
        }
        throw .undecodable(offset: utf8.firstInvalidOffset ?? 0)
    }

    static func decode(_ bytes: [UInt8], as encoding: TextEncoding, bom: Bool) throws(ImportError) -> Decoded {
        switch encoding {
        case .utf8:
            let scan = UTF8Scan(bytes)
            return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, hadBOM: bom,
                           replacedBytes: scan.invalidBytes, firstBadOffset: scan.firstInvalidOffset)
        case .utf16le, .utf16be:
            return decodeUTF16(bytes, bigEndian: encoding == .utf16be, bom: bom)
        case .gb18030:
            guard let gb = GB18030.decode(bytes, lossy: true) else {
                throw .encodingUnavailable("GB18030")
            }
            return Decoded(text: gb.text, encoding: .gb18030, hadBOM: bom,
                           replacedBytes: gb.replaced, firstBadOffset: gb.firstBadOffset)
        }
    }

    static func byteOrderMark(_ b: [UInt8]) -> (encoding: TextEncoding, length: Int)? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return (.utf8, 3) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return (.utf16le, 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16be, 2) }
        if b.count >= 4, b[0] == 0x84, b[1] == 0x31, b[2] == 0x95, b[3] == 0x33 { return (.gb18030, 4) }
        return nil
    }

    /// The first NUL of a file that looks binary: many NULs, as executables and images have.
    /// A text page with a stray NUL or two is text; the cleaner removes them with a warning.
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        let sample = bytes.prefix(65536)
        // Text has none: memchr settles that without counting.
        guard sample.withUnsafeBufferPointer({ b in b.baseAddress.map { memchr($0, 0, b.count) != nil } ?? false }) else {
            return nil
        }
        let nuls = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        guard nuls >= 4, nuls > 64 || nuls * 200 > sample.count else { return nil }
        return bytes.firstIndex(of: 0)
    }

    /// UTF-16 text without a BOM: a NUL in every other byte for ASCII, and the other half
    /// of the pairs (line ends, spaces) regular. Returns the likely byte order.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> TextEncoding? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 8 else { return nil }
        var evenNUL = 0, oddNUL = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { evenNUL += 1 } else { oddNUL += 1 }
        }
        let pairs = sample.count / 2
        // Chinese text in UTF-16 has few NULs, but its line ends and spaces give some, all on one side.
        // (A Han character such as 一, U+4E00, puts the odd NUL on the other side.)
        if oddNUL >= 4, evenNUL * 3 < oddNUL, oddNUL * 50 >= pairs { return .utf16le }
        if evenNUL >= 4, oddNUL * 3 < evenNUL, evenNUL * 50 >= pairs { return .utf16be }
        return nil
    }

    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, bom: Bool) -> Decoded {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var replaced = bytes.count % 2
        var firstBad: Int? = replaced == 1 ? bytes.count - 1 : nil
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var position = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                scalars.append(s)
                position += s.value > 0xFFFF ? 4 : 2
            case .emptyInput:
                break loop
            case .error:
                scalars.append("\u{FFFD}")
                replaced += 2
                if firstBad == nil { firstBad = position + (bom ? 2 : 0) }
                position += 2
            }
        }
        if replaced > 0, bytes.count % 2 == 1 { scalars.append("\u{FFFD}") }
        return Decoded(text: String(scalars), encoding: bigEndian ? .utf16be : .utf16le, hadBOM: bom,
                       replacedBytes: replaced, firstBadOffset: firstBad)
    }

    static func hanCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (Scalars.isHan($1) ? 1 : 0) }
    }

    /// A GB18030 reading of a non-Chinese binary file can succeed; real pages are mostly Han.
    static func looksLikeChinese(_ text: String) -> Bool {
        var han = 0, other = 0
        for s in text.unicodeScalars.prefix(20_000) {
            if Scalars.isHan(s) { han += 1 } else if s.value >= 0x80 { other += 1 }
        }
        return han > 0 && han >= other
    }
}

/// One pass over bytes counting what a UTF-8 decoder would accept and reject.
struct UTF8Scan {
    var invalidBytes = 0
    var multibyteSequences = 0
    var firstInvalidOffset: Int?

    init(_ bytes: [UInt8]) {
        var i = 0
        let n = bytes.count
        bytes.withUnsafeBufferPointer { b in
            while i < n {
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                var need = 0
                var min: UInt32 = 0
                var value: UInt32 = 0
                switch c {
                case 0xC2...0xDF: need = 1; value = UInt32(c & 0x1F); min = 0x80
                case 0xE0...0xEF: need = 2; value = UInt32(c & 0x0F); min = 0x800
                case 0xF0...0xF4: need = 3; value = UInt32(c & 0x07); min = 0x10000
                default: need = -1
                }
                var ok = need > 0
                if ok {
                    for k in 1...need {
                        guard i + k < n, b[i + k] & 0xC0 == 0x80 else { ok = false; break }
                        value = value << 6 | UInt32(b[i + k] & 0x3F)
                    }
                }
                if ok, value < min || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { ok = false }
                if ok {
                    multibyteSequences += 1
                    i += need + 1
                } else {
                    invalidBytes += 1
                    if firstInvalidOffset == nil { firstInvalidOffset = i }
                    i += 1
                }
            }
        }
    }
}
