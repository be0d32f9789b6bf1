extension TypesetLine {
    /// The cells of this line, counted from the start of `text`, that show the UTF-8 `range` of
    /// `source` (the text of the line's origin, as the model holds it): whole characters only, so
    /// a wide character is highlighted in both its cells or not at all, even when `range` starts
    /// or ends inside it. Nil when the line shows none of the range.
    ///
    /// The line's text is the sanitized (and maybe punctuation-normalized) scalars of its source
    /// range, after any paragraph indent or caption prefix; both changes keep one scalar for one
    /// scalar, so the scalars line up. Where they do not (a run of damaged text set as one `�`),
    /// the whole line's text is taken.
    public func columns(showing range: Range<Int>, in source: String) -> Range<Int>? {
        guard !text.isEmpty, range.lowerBound < sourceRange.upperBound, sourceRange.lowerBound < range.upperBound
        else { return nil }
        let (scalars, offsets) = DisplaySanitizer.scalarsWithSourceOffsets(of: source)
        let first = offsets.firstIndex { $0 >= sourceRange.lowerBound } ?? scalars.count
        let end = offsets.firstIndex { $0 >= sourceRange.upperBound } ?? scalars.count
        let shown = Array(text.unicodeScalars)
        let prefix = shown.count - (end - first)
        guard first <= end, prefix >= 0, end <= scalars.count else { return 0..<width }

        var column = 0
        var lower: Int?
        var upper = 0
        for (k, scalar) in shown.enumerated() {
            let w = DisplayWidth.of(scalar)
            if k >= prefix {
                let i = first + (k - prefix)
                let from = offsets[i], to = offsets[i + 1]
                if from < range.upperBound && range.lowerBound < max(to, from + 1) {
                    if w > 0 {
                        lower = lower ?? column
                        upper = column + w
                    } else if lower == nil, column > 0 {
                        // A combining mark alone in the range: the character it sits on.
                        lower = previousCellStart(before: column, in: shown, upTo: k)
                        upper = column
                    }
                }
            }
            column += w
        }
        guard let lower, upper > lower else { return nil }
        return lower..<upper
    }

    /// The first cell of the last spacing character before scalar `k`.
    private func previousCellStart(before column: Int, in shown: [Unicode.Scalar], upTo k: Int) -> Int {
        var j = k - 1
        while j >= 0, DisplayWidth.of(shown[j]) == 0 { j -= 1 }
        return j >= 0 ? column - DisplayWidth.of(shown[j]) : column
    }
}
