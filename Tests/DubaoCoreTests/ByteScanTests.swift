import CByteScan
import DubaoTestSupport
import Testing

/// The vector byte scans against plain loops that say what each one means, on random bytes made
/// of the pieces that matter (Chinese, the lead bytes the scans look closer at, controls, quotes),
/// at every length around the sixteen-byte steps and with matches at both ends.
@Suite struct ByteScanTests {
    static let pieces = ["的", "报", "记", "者", "，", "。", "“", "”", "—", "…", "a", "Z", " ", "\t", "\n", "\r", "\"", "\\",
                         "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}", "é", "\u{61C}", "\u{200E}", "\u{200B}",
                         "\u{202B}", "\u{2067}", "\u{2066}", "\u{FEFF}", "\u{FF0C}", "\u{3000}", "😀"]

    static func text(_ rng: inout SeededGenerator, count: Int, from pieces: [String] = pieces) -> [UInt8] {
        Array((0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined().utf8)
    }

    static func naiveFind(_ h: [UInt8], _ n: [UInt8]) -> Int? {
        if n.isEmpty { return 0 }
        guard n.count <= h.count else { return nil }
        return (0...(h.count - n.count)).first { i in h[i..<(i + n.count)].elementsEqual(n) }
    }

    static func find(_ h: [UInt8], _ n: [UInt8]) -> Int? {
        h.withUnsafeBytes { hb in
            n.withUnsafeBytes { nb in
                let base = hb.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
                return dubao_find(base, hb.count, nb.baseAddress ?? base, nb.count).map { $0 - base }
            }
        }
    }

    @Test func findAgreesWithALoopEverywhere() {
        var rng = SeededGenerator(seed: 16)
        let alphabet = ["的", "报", "记", "者", "，", "a", "b"]
        for _ in 0..<4000 {
            let haystack = Self.text(&rng, count: Int.random(in: 0...40, using: &rng), from: alphabet)
            let needle: [UInt8]
            if Bool.random(using: &rng), !haystack.isEmpty {
                // A piece of the haystack itself, so most searches have an answer, often near an end.
                let start = Int.random(in: 0..<haystack.count, using: &rng)
                needle = Array(haystack[start..<min(haystack.count, start + Int.random(in: 1...24, using: &rng))])
            } else {
                needle = Self.text(&rng, count: Int.random(in: 0...4, using: &rng), from: alphabet)
            }
            #expect(Self.find(haystack, needle) == Self.naiveFind(haystack, needle), "\(haystack) \(needle)")
        }
    }

    @Test func findTellsApartNeedlesThatShareTheBytesItComparesFirst() {
        // 记者 and 讯者 end in the same bytes where the scan looks first; only the whole compare tells.
        let haystack = Array(String(repeating: "讯者，", count: 40).utf8) + Array("记者".utf8)
        #expect(Self.find(haystack, Array("记者".utf8)) == haystack.count - 6)
        #expect(Self.find(Array(String(repeating: "讯者", count: 40).utf8), Array("记者".utf8)) == nil)
    }

    /// What `ContentCleaner` changes, scalar by scalar.
    static func needsCleaning(_ bytes: [UInt8]) -> Bool {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { s in
            let v = s.value
            return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                || v == 0x200E || v == 0x200F || v == 0x061C || v == 0xFEFF
        }
    }

    @Test func cleaningScanAgreesWithTheScalarRule() {
        var rng = SeededGenerator(seed: 17)
        let clean = Self.pieces.filter { !Self.needsCleaning(Array($0.utf8)) }
        for _ in 0..<4000 {
            // Mostly clean text, with at most one piece that needs cleaning somewhere in it.
            var bytes = Self.text(&rng, count: Int.random(in: 0...50, using: &rng), from: clean)
            if Bool.random(using: &rng) {
                let piece = Array(Self.pieces.randomElement(using: &rng)!.utf8)
                let at = Int.random(in: 0...bytes.count, using: &rng)
                // Only at a scalar boundary.
                var place = at
                while place < bytes.count, bytes[place] & 0xC0 == 0x80 { place += 1 }
                bytes.insert(contentsOf: piece, at: place)
            }
            let scanned = bytes.withUnsafeBufferPointer { dubao_may_need_cleaning($0.baseAddress, $0.count) }
            #expect(scanned == Self.needsCleaning(bytes), "\(bytes)")
        }
    }

    @Test func jsonPlainLengthStopsAtTheFirstByteToEscape() {
        var rng = SeededGenerator(seed: 18)
        for _ in 0..<4000 {
            let bytes = Self.text(&rng, count: Int.random(in: 0...50, using: &rng))
            let expected = bytes.firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } ?? bytes.count
            let scanned = bytes.withUnsafeBufferPointer { dubao_json_plain_length($0.baseAddress, $0.count) }
            #expect(scanned == expected, "\(bytes)")
        }
    }
}
