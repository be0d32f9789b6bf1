import DubaoTerminal

/// Keys to commands: the one table behind key handling, the config file's `[keys]` and the help screen.
public struct Keymap: Equatable, Sendable {
    public private(set) var bindings: [KeyEvent: Command]

    public init(bindings: [KeyEvent: Command]) {
        self.bindings = bindings
    }

    public func command(for key: KeyEvent) -> Command? {
        bindings[key]
    }

    /// The keys bound to a command, in a stable order for the help screen.
    public func keys(for command: Command) -> [KeyEvent] {
        bindings.filter { $0.value == command }.map(\.key).sorted { Keymap.order($0) < Keymap.order($1) }
    }

    /// Replaces a command's keys, taking each key away from whatever it was bound to before.
    public mutating func rebind(_ command: Command, to keys: [KeyEvent]) {
        bindings = bindings.filter { $0.value != command }
        for key in keys { bindings[key] = command }
    }

    /// Letters first, then named keys: `j, Down` rather than `Down, j`.
    static func order(_ key: KeyEvent) -> String {
        switch key {
        case .character(let c): return "0\(c.isLowercase ? "a" : "b")\(c)"
        case .control(let c): return "1\(c)"
        default: return "2\(key.description)"
        }
    }

    /// The bindings the issues ask for.
    public static let standard = Keymap(bindings: [
        .character("j"): .moveDown, .down: .moveDown,
        .character("k"): .moveUp, .up: .moveUp,
        .character("g"): .top, .home: .top,
        .character("G"): .bottom, .end: .bottom,
        .control("d"): .halfPageDown, .control("u"): .halfPageUp,
        .character(" "): .pageDown, .pageDown: .pageDown,
        .character("-"): .pageUp, .pageUp: .pageUp,
        .tab: .focusNext, .backTab: .focusPrevious,
        .character("h"): .focusLeft, .left: .focusLeft,
        .character("l"): .focusRight, .right: .focusRight,
        .enter: .open,
        .character("q"): .back, .escape: .back,
        .character("Q"): .quit,
        .character("["): .previousSection, .character("]"): .nextSection,
        .character("J"): .nextArticle, .character("K"): .previousArticle,
        .character("<"): .previousIssue, .character(">"): .nextIssue,
        .character("d"): .issueList,
        .character("z"): .zoom,
        .character("b"): .bookmark, .character("u"): .undo, .character("m"): .toggleRead,
        // As newsboat has them: `A` the feed read, `C` everything; `.` and `,` step through what
        // is unread (n and N are the matches' already).
        .character("."): .nextUnread, .character(","): .previousUnread,
        .character("A"): .markSectionRead, .character("C"): .markIssueRead,
        .character("U"): .toggleUnreadOnly,
        .character("/"): .search, .character("n"): .nextMatch, .character("N"): .previousMatch,
        // Vim yanks with `y`; mutt saves a message with `s` and pipes it to a program with `|`.
        .character("y"): .copy, .character("s"): .save, .character("|"): .pager,
        // As newsboat reloads every feed.
        .character("R"): .reload,
        .character("?"): .help,
        .control("l"): .redraw,
    ])
}
