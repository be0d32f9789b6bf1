import DubaoLayout
import DubaoModel

/// The query line at the bottom of the screen, open while the user types a query: the text,
/// a cursor in it, and the place in the history of earlier queries being looked at.
///
/// The text is edited in whole characters, so a cursor step, Backspace or Delete never splits
/// a Chinese character's two cells. It holds only what `DisplaySanitizer` leaves as it is, so
/// every character is drawn, and the cursor's cell is the sum of the widths before it.
public struct QueryLine: Equatable, Sendable {
    /// Where the query will search.
    public enum Scope: Equatable, Sendable {
        /// Every article of every issue (`/` in the sections or article pane).
        case library
        /// The article in the reader (`/` in the reader).
        case article
    }

    public var scope: Scope
    /// What has been typed, or the earlier query recalled.
    public private(set) var text: String
    /// The cursor, in characters from the start: 0 before the first, `text.count` after the last.
    public private(set) var cursor: Int
    /// The first character shown when the text is wider than its room: the line scrolls only
    /// when the cursor would leave it, as readline's does.
    public private(set) var scroll = 0
    /// The earlier query shown (0: the newest), nil while the line being typed is.
    public private(set) var recalled: Int?
    /// The line being typed, kept while earlier queries are looked at.
    public private(set) var draft = ""

    public init(scope: Scope, text: String = "") {
        self.scope = scope
        self.text = DisplaySanitizer.sanitize(text)
        cursor = self.text.count
    }

    // MARK: moving

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = text.count }

    // MARK: editing

    /// Types `typed` at the cursor; what a terminal must not be sent (controls, bidi marks) is
    /// left out.
    public mutating func insert(_ typed: String) {
        let clean = DisplaySanitizer.sanitize(typed)
        guard !clean.isEmpty else { return }
        var characters = Array(text)
        characters.insert(contentsOf: clean, at: cursor)
        // A combining mark joins the character before it: the count can grow by less.
        let before = text.count
        text = String(characters)
        cursor += text.count - before
    }

    /// Backspace: the character before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        remove(cursor - 1..<cursor)
    }

    /// Delete: the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        remove(cursor..<cursor + 1)
    }

    /// Ctrl-U: everything before the cursor.
    public mutating func deleteToStart() { remove(0..<cursor) }

    /// Ctrl-K: everything from the cursor on.
    public mutating func deleteToEnd() { remove(cursor..<text.count) }

    /// Ctrl-W: the word before the cursor, and the spaces and punctuation between it and the
    /// cursor.
    ///
    /// Chinese is written without spaces, and telling its words apart takes a dictionary; one
    /// character at a time is Backspace's job. So a word here is a run of characters of one
    /// kind, bounded by spaces, punctuation and a change between Han and other letters or
    /// digits: in `长江 大桥` Ctrl-W takes `大桥`, the term the search parts at the space; in
    /// `北京冬奥会，志愿者` it takes `志愿者`, back to the comma; in `iPhone手机` it takes `手机`.
    public mutating func deleteWordBackward() {
        let characters = Array(text)
        var start = cursor
        while start > 0, Self.kind(characters[start - 1]) == .separator { start -= 1 }
        if start > 0 {
            let kind = Self.kind(characters[start - 1])
            while start > 0, Self.kind(characters[start - 1]) == kind { start -= 1 }
        }
        remove(start..<cursor)
    }

    enum Kind { case separator, han, other }

    static func kind(_ c: Character) -> Kind {
        if c.isWhitespace || c.isPunctuation || c.isSymbol { return .separator }
        if let first = c.unicodeScalars.first, Scalars.isHan(first) { return .han }
        return .other
    }

    private mutating func remove(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        var characters = Array(text)
        characters.removeSubrange(range)
        text = String(characters)
        cursor = range.lowerBound
    }

    // MARK: the history

    /// Up: the next older query of `history` (newest first), the line being typed kept.
    public mutating func recallOlder(from history: [String]) {
        let next = (recalled ?? -1) + 1
        guard next < history.count else { return }
        if recalled == nil { draft = text }
        recalled = next
        replaceText(with: history[next])
    }

    /// Down: the next newer query, and after the newest the line that was being typed.
    public mutating func recallNewer(from history: [String]) {
        guard let shown = recalled else { return }
        if shown == 0 || shown > history.count {
            recalled = nil
            replaceText(with: draft)
        } else {
            recalled = shown - 1
            replaceText(with: history[shown - 1])
        }
    }

    private mutating func replaceText(with new: String) {
        text = DisplaySanitizer.sanitize(new)
        cursor = text.count
        scroll = 0
    }

    // MARK: showing it

    /// What of the text shows in `room` cells, the cursor's cell included: the characters
    /// from `scroll` on, `…` in the first cell when some are hidden before them and in the
    /// last when some are after; and the cursor's column, counted from the first cell.
    public struct Window: Equatable, Sendable {
        public var text: String
        public var cursorColumn: Int
    }

    /// Moves `scroll` as little as shows the cursor in `room` cells, and back towards the
    /// start when the end of the text leaves room for more of it.
    public mutating func keepCursorVisible(room: Int) {
        let widths = text.map { DisplayWidth.of(String($0)) }
        scroll = min(scroll, cursor)
        // The cells from `first` to the cursor's cell, `…` marks included.
        func needed(from first: Int) -> Int {
            let left = first > 0 ? 1 : 0
            let cursorCell = cursor < widths.count ? widths[cursor] : 1
            let right = cursor + 1 < widths.count ? 1 : 0
            return left + widths[first..<cursor].reduce(0, +) + cursorCell + right
        }
        while scroll < cursor, needed(from: scroll) > room { scroll += 1 }
        // Back towards the start while all the rest still fits, so text deleted at the end
        // brings back what scrolled out at the start.
        func tailFits(from first: Int) -> Bool {
            (first > 0 ? 1 : 0) + widths[first...].reduce(0, +) + (cursor == widths.count ? 1 : 0) <= room
        }
        while scroll > 0, tailFits(from: scroll - 1) { scroll -= 1 }
    }

    /// The text as drawn in `room` cells, from `scroll` (as `keepCursorVisible` leaves it).
    public func window(room: Int) -> Window {
        var line = self
        line.keepCursorVisible(room: room)
        let characters = Array(text)
        var shown = line.scroll > 0 ? "…" : ""
        var used = shown.isEmpty ? 0 : 1
        var cursorColumn = used
        var i = line.scroll
        while i < characters.count {
            let w = DisplayWidth.of(String(characters[i]))
            // The last cell is kept for `…` while more follows.
            let reserve = i + 1 < characters.count ? 1 : 0
            if used + w + reserve > room {
                if used < room { shown.append("…") }
                break
            }
            if i == cursor { cursorColumn = used }
            shown.append(characters[i])
            used += w
            i += 1
        }
        if cursor == characters.count, i == characters.count { cursorColumn = used }
        return Window(text: shown, cursorColumn: cursorColumn)
    }
}
