import DubaoLayout

/// One cell of the screen.
public struct Cell: Equatable, Sendable {
    /// What the terminal shows in this cell: one character with any combining marks; empty for
    /// the right half of a wide character (`width == 0`).
    public var text: String
    /// 1 for a normal cell, 2 for the left half of a wide character, 0 for its right half.
    public var width: UInt8
    public var style: StyleRole

    public static let blank = Cell(text: " ", width: 1, style: .normal)

    public init(text: String, width: UInt8, style: StyleRole) {
        self.text = text
        self.width = width
        self.style = style
    }
}

/// The screen as a grid of cells: what every view draws into and what the curses backend copies
/// to the terminal. Nothing here knows about curses, so every screen can be tested as text.
///
/// A wide character takes its cell and the next (`width` 2 then 0), and is never split: where
/// only one cell is left it is replaced by a space. Nothing drawn can leave the rectangle it
/// was given, so a mistake in one pane never bleeds into the next.
public struct ScreenGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal shows its cursor: on a line being edited; nil, hidden, otherwise.
    public var cursor: GridPoint?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Draws `text` at (x, y), using at most `maxWidth` cells (default: to the right edge).
    /// Text too wide for that ends in `…` where it is cut. Returns the number of cells used.
    /// Control, escape, bidi and joiner characters are never stored.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: StyleRole) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let limit = min(width - x, maxWidth ?? (width - x))
        guard limit > 0 else { return 0 }
        // Cut here rather than trusting every caller to: a row that stops mid-word without a
        // mark reads as whole ("no bookmarks yet: b on an art").
        var drawn = text
        if Self.drawnWidth(text) > limit {
            drawn = Truncation.truncate(String(String.UnicodeScalarView(text.unicodeScalars.filter(DisplaySanitizer.isSafeToDraw))),
                                        toWidth: limit)
        }
        var used = 0
        var lastCell: Int?
        for scalar in drawn.unicodeScalars {
            guard DisplaySanitizer.isSafeToDraw(scalar) else { continue }
            let w = DisplayWidth.of(scalar)
            if w == 0 {
                // A combining mark joins the character before it; with none, it is dropped.
                if let last = lastCell { cells[last].text.unicodeScalars.append(scalar) }
                continue
            }
            if used + w > limit {
                if used < limit { cells[y * width + x + used] = Cell(text: " ", width: 1, style: style); used += 1 }
                break
            }
            let index = y * width + x + used
            clearWide(at: index)
            cells[index] = Cell(text: String(scalar), width: UInt8(w), style: style)
            if w == 2 {
                clearWide(at: index + 1)
                cells[index + 1] = Cell(text: "", width: 0, style: style)
            }
            lastCell = index
            used += w
        }
        return used
    }

    /// Cells `text` takes when drawn: what `put` stores, without the scalars it leaves out.
    private static func drawnWidth(_ text: String) -> Int {
        var cells = 0
        for scalar in text.unicodeScalars where DisplaySanitizer.isSafeToDraw(scalar) { cells += DisplayWidth.of(scalar) }
        return cells
    }

    /// Fills a rectangle with blanks of one style.
    public mutating func fill(_ rect: Rect, style: StyleRole) {
        let r = rect.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        guard r.width > 0, r.height > 0 else { return }
        for y in r.y..<(r.y + r.height) {
            for x in r.x..<(r.x + r.width) {
                clearWide(at: y * width + x)
                cells[y * width + x] = Cell(text: " ", width: 1, style: style)
            }
        }
    }

    /// Changes the style of cells without changing their text (selection bars, highlights).
    public mutating func restyle(_ rect: Rect, style: StyleRole) {
        let r = rect.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        guard r.width > 0, r.height > 0 else { return }
        for y in r.y..<(r.y + r.height) {
            for x in r.x..<(r.x + r.width) { cells[y * width + x].style = style }
        }
    }

    /// Marks cells as a search match (`StyleRole.match`), widened to whole characters: a wide
    /// character is highlighted in both its cells or in neither, never in half.
    public mutating func highlight(_ rect: Rect, style: StyleRole = .match) {
        let r = rect.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        guard r.width > 0, r.height > 0 else { return }
        for y in r.y..<(r.y + r.height) {
            var x0 = r.x, x1 = r.x + r.width
            if self[x0, y].width == 0, x0 > 0 { x0 -= 1 }
            if x1 < width, self[x1, y].width == 0 { x1 += 1 }
            for x in x0..<x1 { cells[y * width + x].style = style }
        }
    }

    /// Overwriting half of a wide character leaves a blank in its other half, never a fragment.
    private mutating func clearWide(at index: Int) {
        guard index < cells.count else { return }
        let x = index % width
        if cells[index].width == 0, x > 0, cells[index - 1].width == 2 {
            cells[index - 1] = Cell(text: " ", width: 1, style: cells[index - 1].style)
        }
        if cells[index].width == 2, x + 1 < width {
            cells[index + 1] = Cell(text: " ", width: 1, style: cells[index + 1].style)
        }
    }

    /// Row `y` as text: each wide character once, so its display width is the grid's width.
    public func row(_ y: Int) -> String {
        var out = ""
        for x in 0..<width { out += self[x, y].text }
        return out
    }

    /// The whole screen as text, one line per row: what snapshot tests compare.
    public var text: String {
        (0..<height).map(row).joined(separator: "\n")
    }
}

/// A cell's place on the grid.
public struct GridPoint: Equatable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public func clipped(to other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(x + width, other.x + other.width), y1 = min(y + height, other.y + other.height)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < x + width && py >= y && py < y + height
    }

    /// The rectangle less `n` cells on every side.
    public func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }
}
