/// Fitting one line of text into a fixed number of cells: list rows, titles, status bars.
///
/// Widths are terminal cells as `DisplayWidth` counts them. A wide character is never cut
/// in half: when one would straddle the limit it is left out and a space takes its cell,
/// so the result is exactly as wide as promised and the next column starts where it should.
/// Zero-width scalars (combining marks) stay with the character before them.
public enum Truncation {
    /// `text` if it fits in `width` cells; otherwise as much of it as fits followed by `ellipsis`,
    /// padded with a space to exactly `width` cells when a wide character did not fit.
    ///
    /// When even the ellipsis does not fit, the text is clipped without one.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let textWidth = DisplayWidth.of(text)
        if textWidth <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard ellipsisWidth <= width else { return clip(text, toWidth: width) }
        let (kept, keptWidth) = prefix(of: text, fittingIn: width - ellipsisWidth)
        return kept + ellipsis + String(repeating: " ", count: width - ellipsisWidth - keptWidth)
    }

    /// The first `width` cells of `text`, without an ellipsis; a wide character straddling the
    /// limit becomes a space. Text narrower than `width` is returned unchanged.
    public static func clip(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let (kept, keptWidth) = prefix(of: text, fittingIn: width)
        return kept + String(repeating: " ", count: width - keptWidth)
    }

    /// `text` followed by spaces up to `width` cells; text already that wide is returned unchanged.
    public static func pad(_ text: String, toWidth width: Int) -> String {
        let missing = width - DisplayWidth.of(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    /// `text` truncated with an ellipsis and padded: exactly `width` cells, for table columns.
    public static func fit(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        pad(truncate(text, toWidth: width, ellipsis: ellipsis), toWidth: width)
    }

    /// The longest prefix of `text` at most `width` cells wide, and its width.
    private static func prefix(of text: String, fittingIn width: Int) -> (String, Int) {
        var used = 0
        var end = text.unicodeScalars.startIndex
        for index in text.unicodeScalars.indices {
            let cells = DisplayWidth.of(text.unicodeScalars[index])
            if used + cells > width { break }
            used += cells
            end = text.unicodeScalars.index(after: index)
        }
        return (String(text.unicodeScalars[..<end]), used)
    }
}

extension String {
    /// This string cut to `width` cells with an ellipsis; see `Truncation.truncate`.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        Truncation.truncate(self, toWidth: width, ellipsis: ellipsis)
    }

    /// This string padded with spaces to `width` cells; see `Truncation.pad`.
    public func padded(toWidth width: Int) -> String {
        Truncation.pad(self, toWidth: width)
    }

    /// Cells this string takes in a terminal; see `DisplayWidth`.
    public var displayWidth: Int { DisplayWidth.of(self) }
}
