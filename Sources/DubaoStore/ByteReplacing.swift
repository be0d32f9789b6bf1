import CByteScan

/// Replacing every occurrence of a text, on UTF-8 bytes: the importer's credits and the search's
/// folding both do it on whole archives.
extension String {
    package func replacingAll(_ target: String, with replacement: String) -> String {
        // On UTF-8 bytes: Foundation's range(of:) was most of the time spent on credits once.
        guard let replaced = Array(utf8).replacingAll(Array(target.utf8), with: Array(replacement.utf8)) else { return self }
        return String(decoding: replaced, as: UTF8.self)
    }
}

extension [UInt8] {
    /// Every occurrence of `needle`, left to right and not overlapping, replaced; nil when there
    /// is none (found by `dubao_find`, so the usual case costs one scan and no copy).
    package func replacingAll(_ needle: [UInt8], with replacement: [UInt8]) -> [UInt8]? {
        guard !needle.isEmpty else { return nil }
        return withUnsafeBytes { b -> [UInt8]? in
            guard let base = b.baseAddress else { return nil }
            var out: [UInt8] = []
            var position = 0     // moves only past a replacement
            while position < b.count,
                  let found = needle.withUnsafeBytes({ n in dubao_find(base + position, b.count - position, n.baseAddress, n.count) }) {
                let at = found - base
                out.append(contentsOf: b[position..<at])
                out.append(contentsOf: replacement)
                position = at + needle.count
            }
            guard position > 0 else { return nil }
            out.append(contentsOf: b[position...])
            return out
        }
    }
}
