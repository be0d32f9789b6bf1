import DubaoTerminal

/// The operations a key can be bound to: one list, the source of the keymap, the config file's
/// `[keys]` names and the help screen.
public enum Command: String, CaseIterable, Sendable, Hashable, Codable {
    case moveDown = "down"
    case moveUp = "up"
    case top
    case bottom
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case focusNext = "focus-next"
    case focusPrevious = "focus-previous"
    case focusLeft = "focus-left"
    case focusRight = "focus-right"
    case open
    case back
    case quit
    case previousSection = "previous-section"
    case nextSection = "next-section"
    case nextArticle = "next-article"
    case previousArticle = "previous-article"
    case previousIssue = "previous-issue"
    case nextIssue = "next-issue"
    case issueList = "issue-list"
    case zoom
    case bookmark
    case undo
    case toggleRead = "toggle-read"
    case nextUnread = "next-unread"
    case previousUnread = "previous-unread"
    case markSectionRead = "mark-section-read"
    case markIssueRead = "mark-issue-read"
    case toggleUnreadOnly = "toggle-unread-only"
    case search
    case nextMatch = "next-match"
    case previousMatch = "previous-match"
    case reload
    case help
    case redraw

    /// One line for the help screen.
    public var summary: String {
        switch self {
        case .moveDown: return "move down / scroll down"
        case .moveUp: return "move up / scroll up"
        case .top: return "first item / top of the article"
        case .bottom: return "last item / end of the article"
        case .halfPageDown: return "half a page down"
        case .halfPageUp: return "half a page up"
        case .pageDown: return "a page down"
        case .pageUp: return "a page up"
        case .focusNext: return "focus the next pane"
        case .focusPrevious: return "focus the previous pane"
        case .focusLeft: return "focus the pane on the left"
        case .focusRight: return "focus the pane on the right"
        case .open: return "open the selected article"
        case .back: return "back a pane; quit from the sections pane"
        case .quit: return "quit at once"
        case .previousSection: return "previous section (版面)"
        case .nextSection: return "next section (版面)"
        case .nextArticle: return "next article, into the next section"
        case .previousArticle: return "previous article"
        case .previousIssue: return "previous (older) issue"
        case .nextIssue: return "next (newer) issue"
        case .issueList: return "list of issues by date"
        case .zoom: return "reader full screen / back"
        case .bookmark: return "bookmark the article / remove the bookmark"
        case .undo: return "undo removing a bookmark or marking a section or issue read"
        case .toggleRead: return "mark the article read / unread"
        case .nextUnread: return "next unread article, on into older issues"
        case .previousUnread: return "previous unread article, on into newer issues"
        case .markSectionRead: return "mark every article of the section read"
        case .markIssueRead: return "mark every article of the issue read"
        case .toggleUnreadOnly: return "list only unread articles / every article"
        case .search: return "search all issues; in the reader, the article"
        case .nextMatch: return "next match"
        case .previousMatch: return "previous match"
        case .reload: return "look for new issues now (done every second anyway)"
        case .help: return "this help"
        case .redraw: return "redraw the screen"
        }
    }
}
