import DubaoTerminal
import DubaoText

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
    case copy
    case save
    case pager
    case reload
    case help
    case redraw

    /// Its line in the help screen, in the reader's language.
    public var summary: Phrase {
        switch self {
        case .moveDown: return .commandMoveDown
        case .moveUp: return .commandMoveUp
        case .top: return .commandTop
        case .bottom: return .commandBottom
        case .halfPageDown: return .commandHalfPageDown
        case .halfPageUp: return .commandHalfPageUp
        case .pageDown: return .commandPageDown
        case .pageUp: return .commandPageUp
        case .focusNext: return .commandFocusNext
        case .focusPrevious: return .commandFocusPrevious
        case .focusLeft: return .commandFocusLeft
        case .focusRight: return .commandFocusRight
        case .open: return .commandOpen
        case .back: return .commandBack
        case .quit: return .commandQuit
        case .previousSection: return .commandPreviousSection
        case .nextSection: return .commandNextSection
        case .nextArticle: return .commandNextArticle
        case .previousArticle: return .commandPreviousArticle
        case .previousIssue: return .commandPreviousIssue
        case .nextIssue: return .commandNextIssue
        case .issueList: return .commandIssueList
        case .zoom: return .commandZoom
        case .bookmark: return .commandBookmark
        case .undo: return .commandUndo
        case .toggleRead: return .commandToggleRead
        case .nextUnread: return .commandNextUnread
        case .previousUnread: return .commandPreviousUnread
        case .markSectionRead: return .commandMarkSectionRead
        case .markIssueRead: return .commandMarkIssueRead
        case .toggleUnreadOnly: return .commandToggleUnreadOnly
        case .search: return .commandSearch
        case .nextMatch: return .commandNextMatch
        case .previousMatch: return .commandPreviousMatch
        case .reload: return .commandReload
        case .help: return .commandHelp
        case .redraw: return .commandRedraw
        case .copy: return .commandCopy
        case .save: return .commandSave
        case .pager: return .commandPager
        }
    }
}
