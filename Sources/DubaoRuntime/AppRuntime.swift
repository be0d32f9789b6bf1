import DubaoStore
import DubaoTerminal
import DubaoUI
import Foundation

/// Runs the reducer's effects against the library and the user's data, and feeds the results
/// back as actions. It never changes the state itself: only the reducer does.
///
/// Loading is synchronous: an issue's catalog and one section's articles are small files, read in
/// well under a frame; a bookmark is written before the next frame, so a kill -9 right after `b`
/// keeps it. Reading changes (read marks, positions, the last place) are written before the next
/// frame too, or with `savesReadingAfterFrame` just after it, so that no key's frame waits for
/// a disk flush. The effects the runtime cannot perform itself (quit, redraw) go back to the
/// caller, which owns the terminal.
public final class AppRuntime {
    public private(set) var state: AppState
    /// What the reader reads: the library, or the sample paper until the watched library has an issue.
    var library: any LibraryReading
    let userData: (any UserData)?
    /// The terminal, for what is written to it outside the frames (the clipboard's escape) and
    /// given up for (the pager); nil where nothing runs on one (tests of the state, scripts).
    let terminal: (any TerminalControl)?
    /// The environment the reader was started in: `PAGER`, `TMUX`, `HOME`, `PATH`.
    let environment: [String: String]

    /// Library searches run on a thread of their own, and `poll` brings in their progress and
    /// results; otherwise (tests, scripts) a search is done before `dispatch` returns.
    let searchesInBackground: Bool
    /// A background search that lists its first hits counts the rest on another thread, so the
    /// results show how many there are before the reader has scrolled to the last.
    public var countsSearches = true
    private var search: BackgroundSearch?
    private var finishedSearch: Int?
    /// Numbers the background searches, so that what a replaced one posts is told apart.
    var jobs = 0
    let inbox = Inbox()

    /// The library the reader keeps an eye on (`watch`): its stamp when its issue list was last
    /// read, when it was last looked at, and the inbox job reading its issues again, if one is.
    var watched: (any LibraryReading)?
    var watchedStamp: LibraryStamp?
    var lookInterval: Duration = .seconds(1)
    var lastLook: ContinuousClock.Instant?
    var readsLibraryInBackground = true
    var libraryJob: Int?

    /// Reading changes wait in `unsavedReading` for `saveReadingAfterFrame`, which the caller
    /// runs once the frame is on the screen; otherwise (tests, scripts) they are written before
    /// `dispatch` returns. Quitting writes them at once either way.
    let savesReadingAfterFrame: Bool
    private var unsavedReading: [ReadingChange] = []

    public init(state: AppState, library: any LibraryReading, userData: (any UserData)? = nil,
                searchesInBackground: Bool = false, savesReadingAfterFrame: Bool = false,
                terminal: (any TerminalControl)? = nil, environment: [String: String] = [:]) {
        self.state = state
        self.library = library
        self.userData = userData
        self.terminal = terminal
        self.environment = environment
        self.searchesInBackground = searchesInBackground
        self.savesReadingAfterFrame = savesReadingAfterFrame
    }

    /// Whether keys made reading changes that `saveReadingAfterFrame` has still to write.
    public var hasUnsavedReading: Bool { !unsavedReading.isEmpty }

    /// Writes the reading changes the last keys made (one write for all of them). True when
    /// that changed the state (a failure to report), so the caller draws again.
    @discardableResult
    public func saveReadingAfterFrame() -> Bool {
        guard !unsavedReading.isEmpty else { return false }
        let changes = unsavedReading
        unsavedReading = []
        guard let failure = save(changes) else { return false }
        dispatch(failure)
        return true
    }

    private func save(_ changes: [ReadingChange]) -> Action? {
        // Saved even while a reading file is damaged: the store leaves that file alone and
        // keeps the other years and the last place.
        guard let userData else { return nil }
        do { try userData.apply(changes) } catch {
            return UserDataPart.reading.failed(error, state.settings.texts)
        }
        return nil
    }

    /// True while a search runs in the background: the caller should `poll` often.
    public var isSearching: Bool { search.map { !$0.isWaiting } ?? false }

    /// Takes in what work on other threads has finished since the last call (the background
    /// search's progress, or its results once it is over; the issue list read again). Returns what only the caller can
    /// do, as `dispatch` does.
    @discardableResult
    public func poll() -> [Effect] {
        var external: [Effect] = []
        for (job, action) in inbox.take() {
            if job == libraryJob {
                libraryJob = nil
                external += take(action)
                continue
            }
            // A search cancelled with Esc or replaced by a newer one: what it left is not wanted.
            // A finished one's last word may follow its results: that a filter was damaged.
            if case .searchFilterDamaged = action, job == finishedSearch {
                external += dispatch(action)
                continue
            }
            guard job == search?.job else { continue }
            switch action {
            case .searchFinished, .searchFailed:
                search = nil
                finishedSearch = job
            default: break
            }
            external += dispatch(action)
        }
        return external
    }

    /// Waits for the background search to end, or to wait for the reader to want more hits,
    /// then takes its results in (for tests).
    public func waitForSearch() {
        while let running = search {
            // It posts its hits before it waits: once it waits, one more poll takes them in.
            let waiting = running.isWaiting
            usleep(1_000)
            poll()
            if waiting { return }
        }
    }

    /// Opens the reader: the issue list (unless the caller has read it already), the newest
    /// issue, then the user's bookmarks and reading state, which may move to where the reader
    /// last stopped.
    @discardableResult
    public func start(isSample: Bool, issues: [IssueEntry]? = nil) -> [Effect] {
        dispatch(.started(isSample: isSample, issues: issues)) + dispatch(.startFinished)
    }

    /// Applies an action and everything it leads to; returns what only the caller can do.
    ///
    /// Depth first: the actions an effect reports are reduced before the next effect is
    /// performed, so an issue's catalog and its first section are in before the user's data.
    @discardableResult
    public func dispatch(_ action: Action) -> [Effect] {
        var external: [Effect] = []
        reduce(action, into: &external)
        // Leaving: no frame comes after this one to save behind.
        if external.contains(.quit) { saveReadingAfterFrame() }
        return external
    }

    private func reduce(_ action: Action, into external: inout [Effect]) {
        for effect in Reducer.reduce(&state, action) {
            if effect == .quit || effect == .redraw {
                external.append(effect)
                continue
            }
            for result in perform(effect) { reduce(result, into: &external) }
        }
    }

    /// A bookmark change that could not be written: the part stops being saved, and the list
    /// goes back to what the file holds, so the screen never shows a bookmark that is not kept.
    private func bookmarkWriteFailed(_ error: StoreError) -> [Action] {
        let failed = UserDataPart.bookmarks.failed(error, state.settings.texts)
        guard let userData, let stored = try? userData.bookmarks() else { return [failed] }
        return [failed, .bookmarksChanged(stored)]
    }

    /// Performs one effect; the actions that report its result.
    func perform(_ effect: Effect) -> [Action] {
        switch effect {
        case .loadIssues(let isSample):
            do { return [.issuesLoaded(try library.issues(), isSample: isSample)] } catch { return [.issuesFailed(error.message(state.settings.texts))] }
        case .reloadLibrary:
            return reloadLibrary()
        case .loadUserData(let years):
            guard let userData else { return [] }
            // Each file on its own: a damaged state.json must not hide the bookmarks, nor a
            // damaged bookmarks.json the last place.
            var actions: [Action] = []
            var bookmarks: [Bookmark] = []
            do { bookmarks = try userData.bookmarks() } catch { actions.append(UserDataPart.bookmarks.failed(error, state.settings.texts)) }
            let (reading, failures) = userData.readingStateAvailable(years: years)
            actions += failures.map { UserDataPart.reading.failed($0, state.settings.texts) }
            return actions + [.userDataLoaded(bookmarks: bookmarks, state: reading)]
        case .loadReadingYears(let years):
            // Without a store there are no marks to read, but results may wait for them.
            guard let userData else { return [.readingLoaded(ReadingState())] }
            var (more, failures) = userData.readingStateAvailable(years: years)
            more.last = nil
            return [.readingLoaded(more)] + failures.map { UserDataPart.reading.failed($0, state.settings.texts) }
        case .loadCatalog(let issue):
            do { return [.catalogLoaded(issue, try library.catalog(of: issue))] } catch { return [.loadFailed(error.message(state.settings.texts))] }
        case .loadSection(let issue, let section):
            do {
                let articles = try library.articles(of: section, in: issue)
                return [.sectionLoaded(LoadedSection(issue: issue, sectionName: section.name, articles: articles))]
            } catch {
                return [.loadFailed(error.message(state.settings.texts))]
            }
        case .loadArticle(let id, let issue, let section):
            do throws(StoreError) {
                // Straight from its issue; failing that (a bookmark file edited by hand), by its ID.
                if let issue, let article = try library.article(id: id, in: issue, section: section) {
                    return [.articleLoaded(id: id, article)]
                }
                return [.articleLoaded(id: id, try library.article(id: id)?.article)]
            } catch {
                return [.loadFailed(error.message(state.settings.texts))]
            }
        case .addBookmark(var bookmark):
            guard let userData, state.userData.bookmarksProblem == nil else { return [] }
            if bookmark.added.isEmpty { bookmark.added = BookmarkStore.now() }
            do {
                try userData.add(bookmark)
                return [.bookmarksChanged(try userData.bookmarks())]
            } catch {
                return bookmarkWriteFailed(error)
            }
        case .removeBookmark(let id):
            guard let userData, state.userData.bookmarksProblem == nil else { return [] }
            do {
                try userData.removeBookmark(id: id)
                return [.bookmarksChanged(try userData.bookmarks())]
            } catch {
                return bookmarkWriteFailed(error)
            }
        case .saveReading(let changes):
            if savesReadingAfterFrame {
                unsavedReading += changes
                return []
            }
            return save(changes).map { [$0] } ?? []
        case .cancelSearch:
            search?.cancel()
            search = nil
            return []
        case .searchMore(let count):
            search?.want(count)
            return []
        case .search(let text):
            guard let query = SearchQuery(text) else { return [.searchFinished(query: text, hits: [])] }
            if searchesInBackground {
                // Reading every issue takes seconds on a big library: keys, Esc and the
                // progress line go on meanwhile.
                search?.cancel()
                jobs += 1
                search = BackgroundSearch(job: jobs, text: text, query: query, library: library, inbox: inbox,
                                          texts: state.settings.texts, wanted: SearchResults.firstBatch, counts: countsSearches)
                return []
            }
            do {
                return [.searchFinished(query: text, hits: try Searcher.search(library, query: query))]
            } catch {
                return [.searchFailed(query: text, message: error.message(state.settings.texts))]
            }
        case .copyToClipboard(let text, let title):
            return [copy(text, title: title)]
        case .saveArticle(let markdown, let name, let folder):
            return [save(markdown, name: name, folder: folder)]
        case .openPager(let text):
            return [page(text)]
        case .quit, .redraw:
            return []
        }
    }
}
