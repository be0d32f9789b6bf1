/// Wraps text into lines no wider than a given number of terminal cells, following the
/// Chinese line-breaking rules of clreq (a UAX #14 subset).
///
/// - A line may break between any two Han (or other wide) characters, after a space, and
///   on either side of a run of Latin letters and digits; such a run, with the signs that
///   bind it (`12.6`, `9.2%`, `a.b/c`), stays whole when it fits on a line. So do a number
///   and up to two unit characters right after it (`12.6万吨`, `2023年`, `3月`, `8个`), so that
///   pulling a unit down before `，` takes its number along.
/// - Closing punctuation (`，。、；：？！）》」』】〕〉”’…—·` and `,.;:?!)]}%`) never starts a
///   line and opening punctuation (`（《「『【〔〈“‘` and `([{`) never ends one. A line that
///   would break there ends earlier instead: the last character moves down with the one that
///   could not start the next line, so the line gets shorter and never overflows. `……` and
///   `——` are never split, because their second half may not start a line.
/// - Spaces (U+0020 and U+3000) at a break are dropped. Leading spaces of the text are kept.
/// - A line feed always ends a line.
/// - When no allowed break fits, such as a URL longer than the line or a run of
///   punctuation, the line breaks at the last place that breaks fewest rules, and if need be
///   anywhere between two characters.
/// - A character wider than the whole line (a wide character when the width is 1) is shown
///   as U+FFFD, alone on its line, so no line is ever wider than `width`. A width below 1
///   yields no lines at all.
///
/// Works on Unicode scalars, not `Character`s: a combining mark or other zero-width scalar
/// stays with the character before it, which is all the grapheme logic terminal cells need.
public struct LineBreaker: Sendable {
    /// Cells available on every line.
    public var width: Int
    /// Text set before the first line, such as two U+3000 opening a paragraph. It is left out
    /// when the line is too narrow to hold it and a wide character after it.
    public var firstLineIndent: String

    public init(width: Int, firstLineIndent: String = "") {
        self.width = width
        self.firstLineIndent = firstLineIndent
    }

    /// One wrapped line.
    public struct Line: Sendable, Equatable {
        /// What to draw, including the indent on the first line.
        public var text: String
        /// Display width of `text`, never more than the breaker's width.
        public var width: Int
        /// The UTF-8 offsets of the source text this line shows. Spaces dropped at a break and
        /// line feeds fall between the ranges of two lines.
        public var sourceRange: Range<Int>

        public init(text: String, width: Int, sourceRange: Range<Int>) {
            self.text = text
            self.width = width
            self.sourceRange = sourceRange
        }
    }

    /// `text` broken into lines. Empty text gives no lines.
    public func lines(of text: String) -> [Line] {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset &+= UTF8.width(scalar)
        }
        offsets.append(offset)

        let indent = usableIndent
        return spans(of: scalars).map { span in
            let source = offsets[span.range.lowerBound]..<offsets[span.range.upperBound]
            let indentHere = span.isFirst ? indent : (text: "", width: 0)
            if span.isReplacement {
                return Line(text: indentHere.text + "\u{FFFD}", width: indentHere.width + 1, sourceRange: source)
            }
            let utf8 = text.utf8
            let slice = text[utf8.index(utf8.startIndex, offsetBy: source.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: source.upperBound)]
            return Line(text: indentHere.text + slice, width: indentHere.width + span.width, sourceRange: source)
        }
    }

    /// The indent and its width, or nothing when the line cannot hold it and a wide character.
    var usableIndent: (text: String, width: Int) {
        let indentWidth = DisplayWidth.of(firstLineIndent)
        guard indentWidth > 0, indentWidth + 2 <= width else { return ("", 0) }
        return (firstLineIndent, indentWidth)
    }

    /// A line as a range of scalar indices.
    struct Span: Equatable {
        var range: Range<Int>
        /// Display width of the scalars in `range` (1 for a replacement).
        var width: Int
        /// The range holds one character wider than the line: show U+FFFD instead.
        var isReplacement: Bool
        /// The first line of the text, which carries the indent.
        var isFirst: Bool
    }

    /// The lines of `scalars`, as index ranges.
    func spans(of scalars: [Unicode.Scalar]) -> [Span] {
        guard width >= 1, !scalars.isEmpty else { return [] }
        return scalars.withUnsafeBufferPointer { buffer in
            var state = Wrapper(scalars: buffer, width: width, firstLineIndentWidth: usableIndent.width)
            state.run()
            return state.spans
        }
    }
}

/// The greedy wrapping pass behind `LineBreaker`.
///
/// Greedy (fill each line as far as the rules allow) rather than optimal-fit: Chinese text
/// has a break opportunity after nearly every character, so lines come out nearly full
/// either way, and greedy is linear and keeps a line's content stable when later text changes.
private struct Wrapper {
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    let width: Int
    let firstLineIndentWidth: Int
    var spans: [Span] = []

    typealias Span = LineBreaker.Span

    init(scalars: UnsafeBufferPointer<Unicode.Scalar>, width: Int, firstLineIndentWidth: Int) {
        self.scalars = scalars
        self.width = width
        self.firstLineIndentWidth = firstLineIndentWidth
        spans.reserveCapacity(scalars.count / max(1, width / 2) + 1)
    }

    @inline(__always)
    private func measure(_ index: Int) -> (BreakClass, Int) {
        let scalar = scalars[index]
        let cells = DisplayWidth.of(scalar)
        return (BreakClass.of(scalar, width: cells), cells)
    }

    /// Whether a line may break between a character of class `before` and one of class `after`.
    @inline(__always)
    private static func mayBreak(_ before: BreakClass, _ after: BreakClass) -> Bool {
        switch after {
        case .closing, .closingNarrow, .space, .attached, .newline: return false
        default: break
        }
        switch before {
        case .opening, .openingNarrow: return false
        case .space: return true
        case .word: return after != .word && after != .openingNarrow
        case .closingNarrow: return after != .word
        default: return true
        }
    }

    /// The weaker rule used when no allowed break fits: only the punctuation rules.
    @inline(__always)
    private static func mayForceBreak(_ before: BreakClass, _ after: BreakClass) -> Bool {
        switch after {
        case .closing, .closingNarrow, .space, .attached, .newline: return false
        default: break
        }
        return before != .opening && before != .openingNarrow
    }

    mutating func run() {
        let count = scalars.count
        var start = 0
        while true {
            // Each pass handles the text up to the next line feed.
            var end = start
            while end < count && scalars[end] != "\n" { end += 1 }
            wrapSegment(start..<end)
            if end >= count { break }
            start = end + 1
        }
    }

    private mutating func wrapSegment(_ segment: Range<Int>) {
        var lineStart = segment.lowerBound
        if segment.isEmpty {
            spans.append(Span(range: lineStart..<lineStart, width: 0, isReplacement: false, isFirst: spans.isEmpty))
            return
        }
        while lineStart < segment.upperBound {
            lineStart = wrapLine(from: lineStart, segmentEnd: segment.upperBound)
        }
    }

    /// Sets one line starting at `lineStart` and returns where the next one starts.
    private mutating func wrapLine(from lineStart: Int, segmentEnd: Int) -> Int {
        let isFirst = spans.isEmpty
        let available = width - (isFirst ? firstLineIndentWidth : 0)
        var used = 0
        var contentEnd = lineStart
        var contentWidth = 0
        var previous = BreakClass.space
        var lastBreak = -1
        var lastBreakContentEnd = 0
        var lastBreakContentWidth = 0
        // Unit characters bound so far to the number just set; nil when not right after a number.
        var unitsAfterNumber: Int? = nil

        var index = lineStart
        while index < segmentEnd {
            let (kind, cells) = measure(index)
            switch kind {
            case .attached:
                // A mark on a space that hangs past the end would pull that space onto the line:
                // end the line before the spaces and let the mark start the next one.
                if used > available {
                    emit(lineStart..<contentEnd, width: contentWidth, isFirst: isFirst)
                    return index
                }
                index += 1
                contentEnd = index
                contentWidth = used
                continue
            case .space:
                // Spaces hang past the end of the line; they only count once text follows them.
                used += cells
                index += 1
                // Spaces after an opening mark do not make a break after it acceptable.
                if previous != .opening && previous != .openingNarrow { previous = .space }
                unitsAfterNumber = nil
                continue
            default:
                break
            }
            let scalar = scalars[index]
            let bindsToNumber = kind == .ideographic && unitsAfterNumber.map { units in
                (units == 0 && NumberUnits.isFullWidthDigit(scalar))
                    || (units < NumberUnits.mostBound && NumberUnits.isUnit(scalar))
            } ?? false
            // `第02版`: an ordinal's `第` goes with its number, as a unit does.
            let followsOrdinal = index > lineStart && scalars[index - 1] == "第" && NumberUnits.isDigit(scalar)
            if contentEnd > lineStart && !bindsToNumber && !followsOrdinal && Self.mayBreak(previous, kind) {
                lastBreak = index
                lastBreakContentEnd = contentEnd
                lastBreakContentWidth = contentWidth
            }
            if used + cells <= available {
                used += cells
                index += 1
                contentEnd = index
                contentWidth = used
                previous = kind
                if NumberUnits.isDigit(scalar) {
                    unitsAfterNumber = 0
                } else if bindsToNumber {
                    unitsAfterNumber = unitsAfterNumber.map { $0 + 1 }
                } else {
                    unitsAfterNumber = nil
                }
                continue
            }
            if index == lineStart {
                return emitReplacement(at: index, segmentEnd: segmentEnd, isFirst: isFirst)
            }
            if lastBreak > lineStart {
                emit(lineStart..<lastBreakContentEnd, width: lastBreakContentWidth, isFirst: isFirst)
                return lastBreak
            }
            return emitForcedBreak(from: lineStart, before: index, isFirst: isFirst)
        }
        emit(lineStart..<contentEnd, width: contentWidth, isFirst: isFirst)
        return segmentEnd
    }

    /// Ends a line in which no allowed break fits, before the character at `overflow`.
    ///
    /// Tries, from the end of the line backwards: a place that keeps the punctuation rules;
    /// then one that at least keeps `……` and `——` whole; then the overflow point itself.
    private mutating func emitForcedBreak(from lineStart: Int, before overflow: Int, isFirst: Bool) -> Int {
        let breakAt = lastForcedBreak(from: lineStart, before: overflow, keepingPunctuationRules: true)
            ?? lastForcedBreak(from: lineStart, before: overflow, keepingPunctuationRules: false)
            ?? overflow
        let end = contentEnd(from: lineStart, before: breakAt)
        var cells = 0
        for index in lineStart..<end { cells += DisplayWidth.of(scalars[index]) }
        emit(lineStart..<end, width: cells, isFirst: isFirst)
        return breakAt
    }

    /// The last index in `lineStart + 1 ... overflow` where a forced break leaves text on the line.
    private func lastForcedBreak(from lineStart: Int, before overflow: Int, keepingPunctuationRules: Bool) -> Int? {
        var candidate = overflow
        while candidate > lineStart {
            defer { candidate -= 1 }
            let (kind, _) = measure(candidate)
            if kind == .space || kind == .attached { continue }
            // Judge the break against the last character before it; spaces do not separate an
            // opening mark from what follows.
            var before = candidate - 1
            while before > lineStart {
                let previousKind = measure(before).0
                guard previousKind == .attached || previousKind == .space else { break }
                before -= 1
            }
            let allowed = keepingPunctuationRules
                ? Self.mayForceBreak(measure(before).0, kind)
                : !Self.splitsDoubledMark(scalars[before], scalars[candidate])
            if allowed && contentEnd(from: lineStart, before: candidate) > lineStart {
                return candidate
            }
        }
        return nil
    }

    /// `……` and `——` read as one mark.
    @inline(__always)
    private static func splitsDoubledMark(_ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        before == after && (after == "…" || after == "—" || after == "\u{2015}")
    }

    /// The end of `lineStart..<limit` without its trailing spaces.
    private func contentEnd(from lineStart: Int, before limit: Int) -> Int {
        var end = limit
        while end > lineStart && BreakClass.of(scalars[end - 1], width: DisplayWidth.of(scalars[end - 1])) == .space {
            end -= 1
        }
        return end
    }

    /// Sets a character too wide for any line as a one-cell U+FFFD on its own line.
    private mutating func emitReplacement(at index: Int, segmentEnd: Int, isFirst: Bool) -> Int {
        var end = index + 1
        while end < segmentEnd && measure(end).0 == .attached { end += 1 }
        spans.append(Span(range: index..<end, width: 1, isReplacement: true, isFirst: isFirst))
        var next = end
        while next < segmentEnd && measure(next).0 == .space { next += 1 }
        return next
    }

    private mutating func emit(_ range: Range<Int>, width: Int, isFirst: Bool) {
        spans.append(Span(range: range, width: width, isReplacement: false, isFirst: isFirst))
    }
}

/// The characters that read as one word with the number before them.
///
/// A break between `12.6万` and `吨` is legal between two Han characters, but it cuts a
/// quantity in two; worse, when `，` follows and must not start a line, the kinsoku rule pulls
/// only the last character down and leaves the number stranded at the end of the line above.
/// Binding the units to their number makes the rule pull the whole quantity down.
enum NumberUnits {
    /// `万吨`, `亿元`, `个月`: two cover the compounds papers print; a longer chain is more
    /// often an ordinary word after a quantity than a unit, and a bound run costs a break.
    static let mostBound = 2

    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || isFullWidthDigit(scalar)
    }

    @inline(__always)
    static func isFullWidthDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0xFF10 && scalar.value <= 0xFF19
    }

    @inline(__always)
    static func isUnit(_ scalar: Unicode.Scalar) -> Bool {
        units.contains(scalar)
    }

    /// Dates and times, magnitudes, measures and the common measure words of news copy.
    private static let units = Set("年月日号时点分秒周天万亿千百十余多倍成吨元角个岁名人次件台辆架艘家户所座项条部位米里斤克升度层届期版".unicodeScalars)
        .union(["毫", "厘", "公"])
}
