/// How many terminal cells a character or a string takes: glibc's `wcwidth` under a UTF-8 locale.
///
/// ncursesw places every character by asking `wcwidth`, so any other notion of width
/// (Unicode's East Asian Width, Swift's `Character`, a terminal's own guess) makes our
/// layout and the screen disagree and panes drift. The answers come from a table read
/// back from glibc (see `DisplayWidthTable.swift`), checked against it for every code
/// point by the tests.
///
/// East Asian "ambiguous" characters (`“ ” ‘ ’ … — · ①`, box drawing) are 1 cell, as in
/// glibc; a terminal set to draw them wide will not line up, whatever we do.
public enum DisplayWidth {
    /// Cells taken by one scalar: 0, 1 or 2.
    ///
    /// Characters glibc reports as not printable (wcwidth -1: control characters,
    /// unassigned code points) count as 0 here, because they must never reach the screen:
    /// `DisplaySanitizer` removes or replaces them.
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // The two ranges that make up nearly all newspaper text skip the search.
        if value >= 0x20 && value < 0x7F { return 1 }
        if value >= 0x4E00 && value <= 0x9FFF { return 2 }
        let c = widthClass(value)
        return c == 3 ? 0 : Int(c)
    }

    /// Cells taken by a string: the sum over its scalars, not-printable ones counting 0.
    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return of(scalars: text.unicodeScalars)
    }

    /// Cells taken by a run of scalars.
    public static func of<S: Sequence>(scalars: S) -> Int where S.Element == Unicode.Scalar {
        var total = 0
        for scalar in scalars { total &+= of(scalar) }
        return total
    }

    /// False for what glibc's wcwidth calls not printable (-1): controls, unassigned code points,
    /// noncharacters. ncursesw draws them unpredictably, so they must not be sent to it.
    @inlinable
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return true }
        if value >= 0x4E00 && value <= 0x9FFF { return true }
        return widthClass(value) != 3
    }

    /// The class of the run containing `value`: width 0, 1, 2, or 3 for not printable.
    @usableFromInline
    static func widthClass(_ value: UInt32) -> UInt32 {
        if value < 0x10000 {
            return bmpClasses.withUnsafeBufferPointer { UInt32($0[Int(value)]) }
        }
        return searchRuns(value)
    }

    /// The class of every BMP code point, unpacked from `runs` on first use (64 KB), so that
    /// CJK punctuation, full-width forms and kana, common in articles, skip the search.
    static let bmpClasses: [UInt8] = {
        var classes = [UInt8](repeating: 0, count: 0x10000)
        for (index, run) in runs.enumerated() {
            let first = Int(run >> 2)
            guard first < 0x10000 else { break }
            let end = index + 1 < runs.count ? min(0x10000, Int(runs[index + 1] >> 2)) : 0x10000
            for value in first..<end { classes[value] = UInt8(run & 3) }
        }
        return classes
    }()

    /// Binary search of `runs` for the class of `value`.
    static func searchRuns(_ value: UInt32) -> UInt32 {
        runs.withUnsafeBufferPointer { table in
            // The run is the last entry starting at or before `value`: the upper bound of `value << 2 | 3`.
            let key = value << 2 | 3
            var low = 0
            var high = table.count
            while low < high {
                let mid = (low &+ high) >> 1
                if table[mid] <= key { low = mid &+ 1 } else { high = mid }
            }
            return table[low &- 1] & 3
        }
    }
}
