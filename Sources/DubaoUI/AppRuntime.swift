import DubaoTerminal
import DubaoCore
import Foundation

/// Runs the reducer's effects against the library and the user's data, and feeds the results
/// back as actions.
///
/// Loading is synchronous: an issue's catalog and one section's articles are small files, read in
/// well under a frame; a bookmark is written before the next frame, so a kill -9 right after `b`
/// keeps it. Reading changes (read marks, positions, the last place) are written before the next
/// frame too, or with `savesReadingAfterFrame` just after it, so that no key's frame waits for
/// a disk flush. The effects the runtime cannot perform itself (quit, redraw) go back to the
/// caller, which owns the terminal.
public final class AppRuntime {
    public private(set) var state: AppState
    let library: any LibraryReading
    let userData: (any UserData)?

    /// Library searches run on a thread of their own, and `poll` brings in their progress and
    /// results; otherwise (tests, scripts) a search is done before `dispatch` returns.
    let searchesInBackground: Bool
    private var search: BackgroundSearch?

    /// Reading changes wait in `unsavedReading` for `saveReadingAfterFrame`, which the caller
    /// runs once the frame is on the screen; otherwise (tests, scripts) they are written before
    /// `dispatch` returns. Quitting writes them at once either way.
    let savesReadingAfterFrame: Bool
    private var unsavedReading: [ReadingChange] = []

    public init(state: AppState, library: any LibraryReading, userData: (any UserData)? = nil,
                searchesInBackground: Bool = false, savesReadingAfterFrame: Bool = false) {
        self.state = state
        self.library = library
        self.userData = userData
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
            return UserDataPart.reading.failed(error)
        }
        return nil
    }

    /// True while a search runs in the background: the caller should `poll` often.
    public var isSearching: Bool { search != nil }

    /// Takes in what the background search has done since the last call: its progress, or its
    /// results once it is over. Returns what only the caller can do, as `dispatch` does.
    @discardableResult
    public func poll() -> [Effect] {
        guard let job = search else { return [] }
        let (done, total, outcome) = job.snapshot()
        guard let outcome else {
            if state.search.searching.map({ ($0.done, $0.total) != (done, total) }) == true {
                return dispatch(.searchProgress(done: done, total: total))
            }
            return []
        }
        search = nil
        switch outcome {
        case .success(let hits):
            loadYears(Set(hits.map { ReadingStateStore.yearKey(for: $0.id) }))
            return dispatch(.searchFinished(query: job.text, hits: hits))
        case .failure(let error):
            state.search.searching = nil
            return dispatch(.loadFailed(error.description))
        }
    }

    /// Waits for the background search to end, then takes its results in (for tests).
    public func waitForSearch() {
        while let job = search, job.snapshot().outcome == nil { usleep(1_000) }
        poll()
    }

    /// Loads the issue list (unless the caller has read it already), opens the newest issue,
    /// then the user's bookmarks and reading state (which may move to where the last session
    /// stopped).
    @discardableResult
    public func start(isSample: Bool, issues: [IssueEntry]? = nil) -> [Effect] {
        var effects: [Effect]
        do throws(StoreError) {
            let list: [IssueEntry]
            if let issues { list = issues } else { list = try library.issues() }
            effects = dispatch(.issuesLoaded(list, isSample: isSample))
        } catch {
            effects = dispatch(.loadFailed(error.description))
        }
        guard let userData else { return effects }
        // Each file on its own: a damaged state.json must not hide the bookmarks, nor a
        // damaged bookmarks.json the last place.
        var bookmarks: [Bookmark] = []
        do { bookmarks = try userData.bookmarks() } catch {
            effects += dispatch(UserDataPart.bookmarks.failed(error))
        }
        // Only the year on screen: ten years of a heavy reader's marks are a hundred thousand
        // entries, and the rest are read when an issue or a search result of theirs is shown.
        let years = Set(state.issue.map { [ReadingStateStore.yearKey(for: $0.date)] } ?? [])
        let (reading, failures) = userData.readingStateAvailable(years: years)
        for failure in failures {
            effects += dispatch(UserDataPart.reading.failed(failure))
        }
        loadedYears = years
        effects += dispatch(.userDataLoaded(bookmarks: bookmarks, state: reading))
        if let problem = state.userData.bookmarksProblem ?? state.userData.readingProblem, state.status.message?.isError != true {
            // Opening on the last place may have replaced the message: the problem comes first.
            state.status.message = StatusMessage(problem, isError: true)
        }
        return effects
    }

    /// Years of reading marks already in the state.
    private var loadedYears: Set<String>?

    /// The years the screen shows articles of: the issue's, the open article's, and in the
    /// bookmarks or the search results, theirs.
    var yearsOnScreen: Set<String> {
        var years: Set<String> = []
        if let issue = state.issue { years.insert(ReadingStateStore.yearKey(for: issue.date)) }
        if let id = state.reader?.article.id { years.insert(ReadingStateStore.yearKey(for: id)) }
        if state.inBookmarks { years.formUnion(state.bookmarkRows.map { ReadingStateStore.yearKey(for: $0.id) }) }
        if state.inResults, let hits = state.search.results?.hits { years.formUnion(hits.map { ReadingStateStore.yearKey(for: $0.id) }) }
        return years
    }

    /// Reads the marks of years that came on screen, before the frame is drawn.
    private func loadYearsOnScreen() {
        loadYears(yearsOnScreen)
    }

    /// Reads the marks of these years unless they are in the state already. Called before an
    /// issue's, an article's or search results' arrival is reduced, so an article of an older
    /// year opens at its saved place rather than at the top (and quitting then does not write
    /// the top over the place it never read).
    private func loadYears(_ years: Set<String>) {
        guard let userData, let loaded = loadedYears else { return }
        let missing = years.subtracting(loaded)
        guard !missing.isEmpty else { return }
        loadedYears = loaded.union(missing)
        var (more, failures) = userData.readingStateAvailable(years: missing)
        more.last = nil
        _ = Reducer.reduce(&state, .readingLoaded(more))
        for failure in failures {
            _ = Reducer.reduce(&state, UserDataPart.reading.failed(failure))
        }
    }

    /// A bookmark change that could not be written: the part stops being saved, and the list
    /// goes back to what the file holds, so the screen never shows a bookmark that is not kept.
    private func bookmarkWriteFailed(_ error: StoreError) -> Action? {
        _ = Reducer.reduce(&state, UserDataPart.bookmarks.failed(error))
        guard let userData, let stored = try? userData.bookmarks() else { return nil }
        return .bookmarksChanged(stored)
    }

    static let maxStepsPerAction = 1_000

    /// Applies an action and everything it leads to; returns what only the caller can do.
    @discardableResult
    public func dispatch(_ action: Action) -> [Effect] {
        var queue = [action]
        var external: [Effect] = []
        var steps = 0
        while !queue.isEmpty {
            // A reducer and an effect that keep asking for each other would freeze the terminal
            // and every key with it (signals included); stop and say so instead.
            steps += 1
            if steps > Self.maxStepsPerAction {
                state.status.message = StatusMessage("internal error: \(action) did not settle; please report it", isError: true)
                break
            }
            let next = queue.removeFirst()
            for effect in Reducer.reduce(&state, next) {
                if let result = perform(effect) {
                    queue.append(result)
                } else if effect == .quit || effect == .redraw {
                    external.append(effect)
                }
            }
        }
        loadYearsOnScreen()
        // Leaving: no frame comes after this one to save behind.
        if external.contains(.quit) { saveReadingAfterFrame() }
        return external
    }

    /// Performs one effect; the action that reports its result, if any.
    func perform(_ effect: Effect) -> Action? {
        switch effect {
        case .loadCatalog(let issue):
            loadYears([ReadingStateStore.yearKey(for: issue.date)])
            do { return .catalogLoaded(issue, try library.catalog(of: issue)) } catch { return .loadFailed(error.description) }
        case .loadSection(let issue, let section):
            do {
                let articles = try library.articles(of: section, in: issue)
                return .sectionLoaded(LoadedSection(issueFolder: issue.folder, sectionName: section.name, articles: articles))
            } catch {
                return .loadFailed(error.description)
            }
        case .loadArticle(let id):
            loadYears([ReadingStateStore.yearKey(for: id)])
            do { return .articleLoaded(id: id, try library.article(id: id)?.article) } catch { return .loadFailed(error.description) }
        case .addBookmark(var bookmark):
            guard let userData, state.userData.bookmarksProblem == nil else { return nil }
            if bookmark.added.isEmpty { bookmark.added = BookmarkStore.now() }
            do {
                try userData.add(bookmark)
                return .bookmarksChanged(try userData.bookmarks())
            } catch {
                return bookmarkWriteFailed(error)
            }
        case .removeBookmark(let id):
            guard let userData, state.userData.bookmarksProblem == nil else { return nil }
            do {
                try userData.removeBookmark(id: id)
                return .bookmarksChanged(try userData.bookmarks())
            } catch {
                return bookmarkWriteFailed(error)
            }
        case .saveReading(let changes):
            if savesReadingAfterFrame {
                unsavedReading += changes
                return nil
            }
            return save(changes)
        case .cancelSearch:
            search?.cancel()
            search = nil
            return nil
        case .search(let text):
            guard let query = SearchQuery(text) else { return .searchFinished(query: text, hits: []) }
            if searchesInBackground {
                // Reading every issue takes seconds on a big library: keys, Esc and the
                // progress line go on meanwhile.
                search?.cancel()
                search = BackgroundSearch(text: text, query: query, library: library)
                return nil
            }
            do {
                let hits = try Searcher.search(library, query: query)
                loadYears(Set(hits.map { ReadingStateStore.yearKey(for: $0.id) }))
                return .searchFinished(query: text, hits: hits)
            } catch {
                return .loadFailed(error.description)
            }
        case .quit, .redraw:
            return nil
        }
    }
}

/// A library search on a thread of its own: the main thread reads its progress and its
/// outcome under a lock, and can cancel it (it stops before its next issue).
final class BackgroundSearch: @unchecked Sendable {
    let text: String
    private let lock = NSLock()
    private var done = 0
    private var total = 0
    private var cancelled = false
    private var outcome: Result<[SearchHit], StoreError>?

    init(text: String, query: SearchQuery, library: any LibraryReading) {
        self.text = text
        let thread = Thread { [self] in
            let result: Result<[SearchHit], StoreError>
            do throws(StoreError) {
                result = .success(try Searcher.search(library, query: query) { done, total in
                    self.lock.withLock {
                        self.done = done
                        self.total = total
                        return !self.cancelled
                    }
                })
            } catch {
                result = .failure(error)
            }
            self.lock.withLock {
                self.done = self.total
                self.outcome = result
            }
        }
        thread.name = "dubao search"
        thread.start()
    }

    func cancel() { lock.withLock { cancelled = true } }

    func snapshot() -> (done: Int, total: Int, outcome: Result<[SearchHit], StoreError>?) {
        lock.withLock { (done, total, outcome) }
    }
}
