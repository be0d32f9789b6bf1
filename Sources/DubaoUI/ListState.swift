/// A list on the screen: the selected row and the first row shown. One value serves every list
/// (sections, articles, bookmarks, search results, help, the issue picker), so selection,
/// clamping, page moves and scrolling are written once.
public struct ListState: Equatable, Sendable {
    public var selection: Int
    /// First visible row: decided when the selection moves or the pane changes size, never
    /// while drawing.
    public var offset: Int

    public init(selection: Int = 0, offset: Int = 0) {
        self.selection = selection
        self.offset = offset
    }

    /// How many rows `command` moves, `count` times, in a list showing `page` rows; nil for a
    /// command that is not a motion. `top` and `bottom` move further than any list is long.
    public static func step(_ command: Command, count: Int, page: Int) -> Int? {
        let page = max(1, page)
        switch command {
        case .moveDown: return count
        case .moveUp: return -count
        case .halfPageDown: return max(1, page / 2) * count
        case .halfPageUp: return -max(1, page / 2) * count
        case .pageDown: return page * count
        case .pageUp: return -page * count
        case .top: return Int.min / 2
        case .bottom: return Int.max / 2
        default: return nil
        }
    }

    /// `selection + step`, saturating instead of overflowing (counts can be typed huge).
    public static func adding(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max / 2 : Int.min / 2) : sum
    }

    /// `index` clamped into a list of `count` rows (0 for an empty one).
    public static func clamped(_ index: Int, count: Int) -> Int {
        max(0, min(index, count - 1))
    }

    /// Scrolls as little as needed to show the selection in `visible` rows, and never past the
    /// end of `count` rows.
    public mutating func keepVisible(rows visible: Int, count: Int) {
        let visible = max(1, visible)
        if selection < offset { offset = selection }
        if selection >= offset + visible { offset = selection - visible + 1 }
        offset = max(0, min(offset, max(0, count - visible)))
    }

    /// `keepVisible` for a list whose rows take `height(i)` screen lines each (a headline on
    /// two lines): the selected row shows whole where it fits, and no blank lines are left
    /// below the last row while rows above could fill them.
    public mutating func keepVisible(rows visible: Int, count: Int, height: (Int) -> Int) {
        let visible = max(1, visible)
        guard count > 0 else { offset = 0; return }
        selection = Self.clamped(selection, count: count)
        // Every row takes a line at least, so no more than `visible` rows end above the selection.
        offset = max(0, min(offset, count - 1), selection - visible + 1)
        if selection < offset { offset = selection }
        var lines = (offset...selection).reduce(0) { $0 + max(1, height($1)) }
        while lines > visible, offset < selection {
            lines -= max(1, height(offset))
            offset += 1
        }
        // Fill the pane from the end of the list up.
        var below = 0
        var i = offset
        while i < count, below < visible {
            below += max(1, height(i))
            i += 1
        }
        while offset > 0, below + max(1, height(offset - 1)) <= visible {
            offset -= 1
            below += max(1, height(offset))
        }
    }

    /// The row drawn on screen line `line` (0 = the first under the title) of a list whose
    /// rows take `height(i)` lines, or nil below the last.
    public func row(atLine line: Int, count: Int, height: (Int) -> Int) -> Int? {
        guard line >= 0 else { return nil }
        var top = 0
        var i = offset
        while i < count {
            let h = max(1, height(i))
            if line < top + h { return i }
            top += h
            i += 1
        }
        return nil
    }

    /// How many rows from the first shown fit whole in `visible` lines (at least one): a page.
    public func rowsShown(lines visible: Int, count: Int, height: (Int) -> Int) -> Int {
        var lines = 0
        var shown = 0
        var i = offset
        while i < count {
            lines += max(1, height(i))
            if lines > visible { break }
            shown += 1
            i += 1
        }
        return max(1, shown)
    }

    /// Puts the selection in the middle of `visible` rows where the list allows (the issue picker).
    public mutating func centre(rows visible: Int, count: Int) {
        offset = max(0, min(selection - visible / 2, count - visible))
    }

    /// A list without a selection (the help): moves the first row shown by `step`, within the
    /// `maxOffset` that still fills the box.
    public mutating func scroll(by step: Int, maxOffset: Int) {
        offset = max(0, min(maxOffset, Self.adding(offset, step)))
        selection = offset
    }
}
