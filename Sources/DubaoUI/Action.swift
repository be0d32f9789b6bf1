import DubaoTerminal
import DubaoStore
import DubaoModel
import DubaoText

/// Everything that can happen to the app: keys from the terminal, results of effects.
public enum Action: Equatable, Sendable {
    case key(KeyEvent)
    case run(Command)
    case resize(width: Int, height: Int)
    /// Open the issue of this date (`dubao read --date`); a message says so when there is none.
    case openIssue(IssueDate)
    /// The reader starts: with the issues when the caller has read them already, else it asks
    /// for them; then for the user's bookmarks and reading marks.
    case started(isSample: Bool, issues: [IssueEntry]?)
    /// Everything the start asked for has arrived and been shown.
    case startFinished
    case issuesLoaded([IssueEntry], isSample: Bool)
    /// The library's issue list could not be read: the line says why.
    case issuesFailed(String)
    /// The issue list as the library holds it now, read again because an import changed it
    /// while the reader ran, or because the user asked (`reload`: then an unchanged library is
    /// said to be so).
    case libraryChanged([IssueEntry], isSample: Bool, asked: Bool)
    case catalogLoaded(IssueEntry, IssueCatalog)
    case sectionLoaded(LoadedSection)
    case loadFailed(String)
    case userDataLoaded(bookmarks: [Bookmark], state: ReadingState)
    /// The marks of more years, read when the screen first shows an article of theirs.
    case readingLoaded(ReadingState)
    /// Bookmarks or the reading state could not be read or written; the line names the file
    /// and what to do. Only that part stops being saved: the other goes on.
    case userDataFailed(UserDataPart, String)
    case bookmarksChanged([Bookmark])
    /// An article found by ID (for a bookmark), or nil when it is gone from the library.
    case articleLoaded(id: ArticleID, Article?)
    /// The library searched for `query`: every matching article, newest issue first.
    /// (In the background, the hits since the last `searchFound`: the search is over.)
    case searchFinished(query: String, hits: [SearchHit])
    /// The library search for `query` found these hits, after those it reported before, and
    /// waits until the reader wants more (`Effect.searchMore`).
    case searchFound(query: String, hits: [SearchHit])
    /// The library search for `query` finds `total` articles in all (counted while the reader
    /// has the first of them).
    case searchCounted(query: String, total: Int)
    /// The library search for `query` found these search filter packs damaged, and searched
    /// their issues without them.
    case searchFilterDamaged(query: String, paths: [String])
    /// The library search under way has searched `done` of `total` issues.
    case searchProgress(done: Int, total: Int)
    /// The library search for `query` could not read the library.
    case searchFailed(query: String, message: String)
    /// What became of the article titled `title` (`characters` long) sent to the clipboard.
    case copied(title: String, characters: Int, ClipboardOutcome)
    /// The article was saved at `path`, written as the status line shows it (`~` for home).
    case saved(path: String)
    /// The article could not be saved: why, and what to do; nothing was written.
    case saveFailed(String)
    /// The pager ended, and the terminal is the reader's again; why the pager could not show
    /// the article, if it could not.
    case pagerEnded(problem: String?)
}

/// What became of an article sent to the terminal's clipboard with OSC 52.
public enum ClipboardOutcome: Equatable, Sendable {
    /// Sent to a terminal that says it takes it (terminfo's `Ms`, or a terminal known to).
    case sent
    /// Sent, though nothing says the terminal takes it: why not.
    case unconfirmed(String)
    /// Sent, but something on the way drops it (tmux with `set-clipboard` off): what, and how
    /// to let it through.
    case dropped(String)
    /// Not sent: the escape would be `bytes` long, more than terminals take (`limit`).
    case tooLarge(bytes: Int, limit: Int)
    /// Not sent: why.
    case failed(String)
}

/// The two parts of the user's data, each saved (or not) on its own.
public enum UserDataPart: Sendable, Equatable {
    case bookmarks, reading

    /// What stops when this part cannot be saved.
    public func consequence(_ texts: Texts) -> String { texts[self == .bookmarks ? .bookmarksNotSaved : .placesNotSaved] }

    /// The action that reports `error` as this part's failure, worded with its consequence in
    /// the reader's language.
    public func failed(_ error: StoreError, _ texts: Texts) -> Action {
        .userDataFailed(self, error.brief(consequence: consequence(texts), texts))
    }
}

/// Work the reducer asks for; the runtime performs it and feeds the result back as an action.
public enum Effect: Equatable, Sendable {
    case loadIssues(isSample: Bool)
    /// The issue list read again at once (`reload`), reported as `.libraryChanged`.
    case reloadLibrary
    /// Bookmarks, and the reading state with the marks of these years.
    case loadUserData(years: Set<String>)
    /// The read marks and positions of more years.
    case loadReadingYears(Set<String>)
    case loadCatalog(IssueEntry)
    case loadSection(IssueEntry, SectionEntry)
    /// An article by ID: a bookmark's or a search result's, with the issue it is in when the
    /// issue list has it (then only that issue is read) and the section it was in.
    case loadArticle(id: ArticleID, issue: IssueEntry?, section: String)
    case addBookmark(Bookmark)
    case removeBookmark(ArticleID)
    case saveReading([ReadingChange])
    /// Search every article of every issue for the query as typed.
    case search(String)
    /// Stop the library search under way; its results are not wanted.
    case cancelSearch
    /// Go on with the library search under way until it has this many hits in all.
    case searchMore(Int)
    /// The open article's text to the terminal's clipboard (OSC 52); `title` names it in the
    /// status line.
    case copyToClipboard(text: String, title: String)
    /// The open article as a Markdown file named `name` (numbered when that is taken) in
    /// `folder`, as the config gives it (`~/papers`); nil: the current folder.
    case saveArticle(markdown: String, name: ArticleFileName, folder: String?)
    /// The open article's text in the pager, the terminal given up until the pager ends.
    case openPager(text: String)
    case quit
    /// The whole screen must be sent again (after Ctrl-L or a suspend).
    case redraw
}
