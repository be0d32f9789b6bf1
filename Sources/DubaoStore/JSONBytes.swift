import CByteScan

/// Just enough of a JSON writer: strings escaped as RFC 8259 asks, UTF-8 left as it is.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func open(_ bracket: Unicode.Scalar) { bytes.append(UInt8(bracket.value)) }
    mutating func close(_ bracket: Unicode.Scalar) { bytes.append(UInt8(bracket.value)) }
    mutating func comma() { bytes.append(0x2C) }
    mutating func key(_ k: String) { string(k); bytes.append(0x3A) }
    mutating func int(_ n: Int) { bytes += Array(String(n).utf8) }

    /// `[…]` with `element` writing each item; with `lineEach`, every item on a line of its own
    /// (what lets `SectionReader` and people pick one out).
    mutating func array<T>(_ items: [T], lineEach: Bool = false, _ element: (inout JSONBytes, T) -> Void) {
        bytes.append(0x5B)
        for (i, item) in items.enumerated() {
            if i > 0 { comma() }
            if lineEach { bytes.append(0x0A) }
            element(&self, item)
        }
        if lineEach { bytes.append(0x0A) }
        bytes.append(0x5D)
    }

    mutating func strings(_ values: [String]) {
        bytes.append(0x5B)
        for (i, v) in values.enumerated() {
            if i > 0 { comma() }
            string(v)
        }
        bytes.append(0x5D)
    }

    mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            // Runs that need no escape are copied whole: article text is nearly all such a run.
            guard let base = utf8.baseAddress else { return }
            var start = 0
            let n = utf8.count
            while start < n {
                let plain = dubao_json_plain_length(base + start, n - start)
                bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: plain))
                start += plain
                guard start < n else { break }
                escape(utf8[start])
                start += 1
            }
        }
        bytes.append(0x22)
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case 0x22: bytes += [0x5C, 0x22]
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, 0x6E]
        case 0x0D: bytes += [0x5C, 0x72]
        case 0x09: bytes += [0x5C, 0x74]
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
        }
    }
}
