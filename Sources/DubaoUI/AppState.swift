import DubaoTerminal
import DubaoText
import DubaoStore
import DubaoLayout
import DubaoModel

/// The three panes, left to right.
public enum Pane: Int, CaseIterable, Sendable, Equatable {
    case sections, articles, reader

    /// The pane's name in the saved reading place.
    public var storedName: String {
        switch self {
        case .sections: return "sections"
        case .articles: return "articles"
        case .reader: return "reader"
        }
    }

    /// The pane a saved name stands for; nil for a name this dubao does not know.
    public init?(storedName: String) {
        guard let pane = Self.allCases.first(where: { $0.storedName == storedName }) else { return nil }
        self = pane
    }
}

/// Everything the screen shows, as plain values, in named slices. Views draw it; only the
/// reducer changes it.
public struct AppState: Equatable, Sendable {
    /// The terminal's size, the focused pane and zoom.
    public var viewport: Viewport
    /// The issues, the open issue's catalog, and what the lists select.
    public var navigation = Navigation()
    /// The article in the reader and how it is laid out.
    public var reader: ReaderState?
    /// Bookmarks, read marks and reading positions, and whether they can be saved.
    public var userData = UserDataState()
    /// The query line, the library search under way and its results.
    public var search = SearchState()
    public var overlay: Overlay?
    /// The status line's message and the count typed before a command.
    public var status = StatusState()
    /// How the reader sets text: fixed for the run (the viewport lays panes out for its measure).
    public let settings: ReaderSettings
    public var keymap: Keymap
    public var quitting = false

    public init(width: Int, height: Int, settings: ReaderSettings = ReaderSettings(), keymap: Keymap = .standard) {
        self.viewport = Viewport(width: width, height: height, measure: settings.measureCharacters * 2)
        self.settings = settings
        self.keymap = keymap
    }

    public var userDataReadOnly: Bool { userData.bookmarksProblem != nil || userData.readingProblem != nil }

    public var issue: IssueEntry? { navigation.issues.indices.contains(navigation.issueIndex) ? navigation.issues[navigation.issueIndex] : nil }
    /// What the article pane lists.
    public var listing: Listing { navigation.listing }
    public var inBookmarks: Bool { listing == .bookmarks }
    public var inResults: Bool { listing == .searchResults }
    public var inSection: Bool { if case .section = listing { return true } else { return false } }
    public var bookmarked: Set<ArticleID> { Set(userData.bookmarks.map(\.id)) }
    /// The rows of the bookmarks list: every bookmark, and those removed while it is shown.
    public var bookmarkRows: [Bookmark] {
        let kept = bookmarked
        let removed = userData.unbookmarkedRows.filter { !kept.contains($0.id) }
        guard !removed.isEmpty else { return userData.bookmarks }
        // `newestFirst` breaks a tie of times by place in the file, oldest first: `bookmarks` is
        // newest first, so it goes in reversed (sorting it as it stands swapped two bookmarks
        // added in the same millisecond, and the selection moved to the other one).
        return BookmarkStore.newestFirst(userData.bookmarks.reversed() + removed)
    }
    /// Rows of the article pane: the section's articles, the bookmarks or the search results.
    public var listCount: Int {
        switch listing {
        case .section: return articleSummaries.count
        case .bookmarks: return bookmarkRows.count
        case .searchResults: return search.results?.hits.count ?? 0
        }
    }
    public var selectedBookmark: Bookmark? {
        guard inBookmarks else { return nil }
        let rows = bookmarkRows
        return rows.indices.contains(navigation.articles.selection) ? rows[navigation.articles.selection] : nil
    }
    public var selectedHit: SearchHit? {
        guard let hits = search.results?.hits, hits.indices.contains(navigation.articles.selection) else { return nil }
        return hits[navigation.articles.selection]
    }
    /// The ID of the article selected in the article pane.
    public var selectedID: ArticleID? {
        switch listing {
        case .section: return selectedSummary?.id
        case .bookmarks: return selectedBookmark?.id
        case .searchResults: return selectedHit?.id
        }
    }
    /// The open issue's sections as the lists show them: with `unreadOnly`, without the articles
    /// it hides. Every list index (selection, `J`, `.`, a click) is into these.
    public var sections: [SectionEntry] {
        let all = navigation.catalog?.sections ?? []
        let hidden = navigation.hiddenRead
        guard !hidden.isEmpty else { return all }
        return all.map { section in
            var shown = section
            shown.articles.removeAll { hidden.contains($0.id) }
            return shown
        }
    }
    /// The selected section; nil on the bookmarks entry and while search results are listed.
    public var section: SectionEntry? {
        guard case .section(let i) = listing, sections.indices.contains(i) else { return nil }
        return sections[i]
    }
    public var articleSummaries: [ArticleSummary] { section?.articles ?? [] }
    public var selectedSummary: ArticleSummary? {
        articleSummaries.indices.contains(navigation.articles.selection) ? articleSummaries[navigation.articles.selection] : nil
    }
    /// The rows of the sections pane, top to bottom.
    public var sectionsRows: [SectionsRow] {
        (search.results != nil ? [.searchResults] : []) + [.bookmarks] + sections.indices.map { .section($0) }
    }
    /// The row of the sections pane that is selected.
    public var sectionsRow: Int {
        switch listing {
        case .searchResults: return 0
        case .bookmarks: return search.results != nil ? 1 : 0
        case .section(let i): return i + (search.results != nil ? 2 : 1)
        }
    }
}

public struct LoadedSection: Equatable, Sendable {
    /// The issue the articles are of, as the store listed it.
    public var issue: IssueEntry
    public var sectionName: String
    public var articles: [Article]

    public init(issue: IssueEntry, sectionName: String, articles: [Article]) {
        self.issue = issue
        self.sectionName = sectionName
        self.articles = articles
    }
}

public struct ReaderState: Equatable, Sendable {
    public var article: Article
    public var lines: [TypesetLine]
    /// The pane width the lines were set for.
    public var layoutWidth: Int
    /// First visible line: the anchor's, unless the pane is tall enough to show more.
    public var top: Int
    /// Where the reader was put, which a pane showing the whole article (its top held at 0)
    /// must not forget.
    public var anchor: ReaderAnchor
    /// The matches found in the article (`/`, or opening a search result), highlighted.
    public var find: ArticleFind?

    /// Rows the article takes to its end: its lines and the `— 完 —` under them, so scrolling to
    /// the end shows the mark however long the article is.
    public var extent: Int { lines.count + 1 }
}

/// The place the reader last chose in an article: by a key, the wheel, a match or the saved
/// position it opened at, never by a resize. The top follows it whenever the pane allows, so
/// a window made tall enough for the whole article and then short again comes back to it.
public struct ReaderAnchor: Equatable, Sendable {
    /// The paragraph and offset, as saved (nil: the top; paragraph -1: no paragraph at or below it).
    public var position: ReadingState.Position?
    /// The width it was chosen at, and the first line shown then: at that width the reader
    /// comes back to that very line, which the position alone rounds to a paragraph's line.
    public var width: Int
    public var chosenLine: Int
    /// The anchor's line in the article as set now.
    public var line: Int
}

public enum Overlay: Equatable, Sendable {
    /// Every command and its keys: a list without a selection, scrolled.
    case help(ListState)
    /// The list of issues by date, with the highlighted row.
    case issues(ListState)
}

public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// How the reader sets text.
public struct ReaderSettings: Equatable, Sendable {
    /// Most Chinese characters a line; the reader uses twice as many cells.
    public var measureCharacters: Int
    public var normalizesPunctuation: Bool
    public var mouse: Bool
    /// dubao's own words (messages, hints, help) in the reader's language.
    public var texts: Texts
    /// Where `save` writes articles, as the config gives it (`~/papers`); nil: the current folder.
    public var saveFolder: String?

    public init(measureCharacters: Int = 40, normalizesPunctuation: Bool = true, mouse: Bool = true,
                saveFolder: String? = nil, language: Language = .english) {
        self.measureCharacters = measureCharacters
        self.normalizesPunctuation = normalizesPunctuation
        self.mouse = mouse
        self.saveFolder = saveFolder
        self.texts = Texts(language)
    }

    var typesetter: ArticleTypesetter {
        ArticleTypesetter(measure: measureCharacters * 2, normalizesPunctuation: normalizesPunctuation)
    }

    /// A title or kicker as shown outside the typeset article (list rows, the reader's title
    /// row): sanitised, and with its punctuation set as the headline block sets it, so one title
    /// does not read `(助)` in the list and `（助）` in the headline.
    func display(_ text: String) -> String {
        PunctuationNormalizer.shown(text, normalizing: normalizesPunctuation)
    }
}

/// How far a library search has got.
public struct SearchProgress: Equatable, Sendable {
    public var query: String
    public var done: Int
    public var total: Int
    /// The search has the hits wanted so far and waits for the reader to want more.
    public var waiting = false
    /// Hits of this search have come in: later ones add to them.
    public var delivered = false
    /// `G` asked for the last hit: the selection goes to the end of the hits as they come.
    public var toEnd = false

    public init(query: String, done: Int = 0, total: Int = 0) {
        self.query = query
        self.done = done
        self.total = total
    }
}

/// The terminal's size, the focused pane and zoom, and the pane layout they give. The layout is
/// computed whenever one of them changes, and only then: views and page moves read it.
public struct Viewport: Equatable, Sendable {
    public var width: Int { didSet { relayout() } }
    public var height: Int { didSet { relayout() } }
    public var focus: Pane = .articles { didSet { relayout() } }
    public var zoomed = false { didSet { relayout() } }
    /// The reader's measure in cells.
    public let measure: Int
    public private(set) var layout: PaneLayout

    public init(width: Int, height: Int, measure: Int) {
        self.width = width
        self.height = height
        self.measure = measure
        self.layout = PaneLayout.compute(width: width, height: height, focus: .articles, zoomed: false, measure: measure)
    }

    /// The layout at this size as it would be with `focus` (and `zoomed`): where a pane the
    /// layout hides would go once shown.
    public func layout(focus: Pane, zoomed: Bool? = nil) -> PaneLayout {
        PaneLayout.compute(width: width, height: height, focus: focus, zoomed: zoomed ?? self.zoomed, measure: measure)
    }

    private mutating func relayout() {
        layout = layout(focus: focus)
    }
}

public struct Navigation: Equatable, Sendable {
    public var issues: [IssueEntry] = []
    /// Index into `issues` (newest first).
    public var issueIndex = 0
    public var catalog: IssueCatalog?
    /// True while showing the built-in sample paper because the library is empty.
    public var isSample = false
    /// What the article pane lists: a section's articles, the bookmarks or search results.
    public var listing: Listing = .section(0)
    /// While search results are listed: what the pane listed before them and where it stood,
    /// given back when the results are left.
    public var beneathResults: Beneath?
    /// The sections pane: its rows are the search results entry (while there are results), the
    /// bookmarks entry and the sections; the selected row is always `listing`'s.
    public var sections = ListState()
    /// The article pane's list: the section's articles, the bookmarks or the results.
    public var articles = ListState()
    /// Full articles of the section being read, loaded on demand.
    public var loaded: LoadedSection?
    /// The built-in sample paper's issue: bookmarks made on it are let go once the library has
    /// a real paper, rather than listed as missing for ever.
    public var sampleIssue: IssueKey?
    /// `toggle-unread-only`: the sections' lists show only the articles that were unread when
    /// it was turned on or their issue opened. One read meanwhile stays, so a list does not
    /// shift under the reader (mutt's limit does the same); `U` twice takes it away.
    public var unreadOnly = false
    /// The articles `unreadOnly` hides in the open issue; empty when it is off.
    public var hiddenRead: Set<ArticleID> = []
    /// Where the reader was in each issue it left this run, so coming back goes there.
    public var placeInIssue: [IssueKey: IssuePlace] = [:]
    /// Read marks by the date their IDs begin with (`20260309`), for the issue list's unread
    /// counts; worked out while the list is open, again when the marks change.
    public var readByDate: ReadByDate?
    /// `.`/`,` that ran out of unread articles in one issue and goes on in the next one: applied
    /// once that issue's catalog arrives.
    public var seekingUnread: UnreadDirection?
    /// Where the last run stopped, applied once its issue's catalog arrives.
    public var pendingRestore: ReadingState.Place?
    /// The article of the selected bookmark or search result, loaded by ID from whatever issue it is in.
    public var fetchedArticle: Article?
    /// IDs the library was asked for and did not have (a bookmark whose article a re-import
    /// removed): they are shown as missing rather than asked for again.
    public var missingArticles: Set<ArticleID> = []

    public init() {}

    public struct Beneath: Equatable, Sendable {
        public var listing: Listing
        public var articles: ListState
    }

    /// The section listed, or the one search results cover; nil on the bookmarks.
    public var sectionIndex: Int? {
        switch listing {
        case .section(let i): return i
        case .bookmarks: return nil
        case .searchResults:
            if case .section(let i) = beneathResults?.listing { return i }
            return nil
        }
    }
}

public struct UserDataState: Equatable, Sendable {
    /// Every bookmark, newest first, as the store last reported them.
    public var bookmarks: [Bookmark] = []
    /// What `u` takes back, the latest last: removed bookmarks, and sections or issues marked
    /// read at once.
    public var undo: [Undoable] = []
    /// Bookmarks removed while the bookmarks list is shown: they keep their row (marked ☆)
    /// until the list is left, so `b` never moves the selection and `b` again puts one back.
    public var unbookmarkedRows: [Bookmark] = []
    public var read: Set<ArticleID> = []
    public var positions: [ArticleID: ReadingState.Position] = [:]
    /// Why bookmarks cannot be saved (bookmarks.json is damaged, from a newer dubao, or cannot
    /// be written), in a line for the status line; nil while they can. While set, bookmark
    /// changes are refused rather than shown and lost.
    public var bookmarksProblem: String?
    /// Why reading marks and positions cannot be saved (state.json or a year's file is
    /// damaged…); they are still kept in memory, and the status line says so.
    public var readingProblem: String?
    /// The last place written, so opening the same article again writes nothing.
    public var savedPlace: ReadingState.Place?
    /// The years whose marks are in `read` and `positions` or asked for; nil until the user's
    /// data is asked for. Ten years of a heavy reader's marks are a hundred thousand entries,
    /// so a year is read when the screen first shows an article of it.
    public var loadedYears: Set<String>?

    public init() {}
}

public struct SearchState: Equatable, Sendable {
    /// A library search under way (the runtime runs it off the main thread); Esc cancels it.
    public var searching: SearchProgress?
    /// The query line, while a query is being typed (`/`).
    public var queryLine: QueryLine?
    /// The queries run before, newest first, without repeats: Up in the query line brings
    /// them back. One list for the library and the article, as a shell has one history.
    public var history: [String] = []
    /// Results that came in while the reading marks of their years were still being read: they
    /// are shown once the marks are there, so the first one opens at its saved place.
    public var arrived: SearchResults?
    /// A damaged search filter's warning for the search of a query whose results are not
    /// listed yet: said when they are, since listing them clears the status line.
    public var pendingWarning: PendingWarning?

    public struct PendingWarning: Equatable, Sendable {
        public var query: String
        public var text: String
    }
    /// The results of the last search of the library, while the article pane lists them. The
    /// sections pane shows them as an entry above the bookmarks; the section selected stays as
    /// it was underneath and comes back when the results are left.
    public var results: SearchResults?

    public init() {}
}

public struct StatusState: Equatable, Sendable {
    public var message: StatusMessage?
    /// Digits typed before a command (`5j`).
    public var count: Int?

    public init() {}
}

/// Something `u` can take back.
public enum Undoable: Equatable, Sendable {
    case bookmarkRemoved(Bookmark)
    /// Articles a section or an issue marked read that were unread before.
    case markedRead([ArticleID], what: String)
}

public enum UnreadDirection: Equatable, Sendable {
    case next, previous
}

/// Read marks counted by the date their IDs begin with, and how many marks there were.
public struct ReadByDate: Equatable, Sendable {
    public var marks: Int
    public var counts: [Substring: Int]
}

/// An issue as the reader tells issues apart: its paper and date.
public struct IssueKey: Hashable, Sendable {
    public var paper: String
    public var date: IssueDate

    public init(paper: String, date: IssueDate) {
        self.paper = paper
        self.date = date
    }

    public init(_ issue: IssueEntry) {
        paper = issue.paper
        date = issue.date
    }
}

/// The list and selection the reader left an issue at.
public struct IssuePlace: Equatable, Sendable {
    public var listing: Listing
    public var articles: ListState
}
