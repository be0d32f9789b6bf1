import DubaoTerminal
import DubaoStore
import DubaoLayout
import DubaoModel
import DubaoText

/// The only place app state changes: `reduce(&state, action)` returns the effects it wants run.
/// Pure: no files, no terminal; every screen's behaviour can be tested by feeding it actions.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        var effects = reduceAction(&state, action)
        if !state.inBookmarks { state.userData.unbookmarkedRows = [] }
        // Whatever the action changed and wherever it returned, the reader is set for the pane
        // it has now, and every list and box shows its selection.
        relayoutReader(&state)
        keepSelectionVisible(&state)
        keepOverlayInBounds(&state)
        if var line = state.search.queryLine {
            line.keepCursorVisible(room: StatusLine.queryRoom(state, scope: line.scope))
            state.search.queryLine = line
        }
        if case .issues = state.overlay, state.navigation.readByDate?.marks != state.userData.read.count {
            var counts: [Substring: Int] = [:]
            for id in state.userData.read { if let day = id.compactDate { counts[day, default: 0] += 1 } }
            state.navigation.readByDate = ReadByDate(marks: state.userData.read.count, counts: counts)
        }
        // The marks of a year the screen now shows are read before anything else this action
        // asked for arrives, so an article of an older year opens at its saved place (and
        // quitting does not write the top over the place it never read).
        if let loaded = state.userData.loadedYears {
            let missing = yearsOnScreen(state).subtracting(loaded)
            if !missing.isEmpty {
                state.userData.loadedYears = loaded.union(missing)
                effects.insert(.loadReadingYears(missing), at: 0)
            }
        }
        if let more = moreResultsWanted(&state) { effects.append(more) }
        // What is saved is also what the reader goes on using: an article left at 41% and
        // opened again reopens at 41%, whether or not the save reached the disk.
        for case .saveReading(let changes) in effects {
            for change in changes {
                switch change {
                case .position(let id, let position): state.userData.positions[id] = position
                case .markRead(let id, let read): if read { state.userData.read.insert(id) } else { state.userData.read.remove(id) }
                case .last, .searched: break
                }
            }
        }
        return effects
    }

    static func reduceAction(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handleKey(&state, key)
        case .run(let command):
            return run(&state, command, count: 1)
        case .resize(let width, let height):
            state.viewport.width = max(0, width)
            state.viewport.height = max(0, height)
            return []
        case .openIssue(let date):
            guard let index = state.navigation.issues.firstIndex(where: { $0.date == date }) else {
                state.status.message = StatusMessage(state.settings.texts(.noIssueDated, date), isError: true)
                return []
            }
            return selectIssue(&state, index, force: false)
        case .started(let isSample, let issues):
            guard let issues else { return [.loadIssues(isSample: isSample)] }
            return reduceAction(&state, .issuesLoaded(issues, isSample: isSample))
        case .issuesLoaded(let issues, let isSample):
            state.navigation.issues = issues
            state.navigation.isSample = isSample
            var effects: [Effect] = []
            if issues.isEmpty {
                state.status.message = StatusMessage(state.settings.texts[.libraryEmpty], isError: true)
            } else {
                effects = selectIssue(&state, min(state.navigation.issueIndex, issues.count - 1), force: true)
            }
            return effects + askForUserData(&state)
        case .libraryChanged(let issues, let isSample, let asked):
            return libraryChanged(&state, issues, isSample: isSample, asked: asked)
        case .issuesFailed(let message):
            state.status.message = StatusMessage(message, isError: true)
            return askForUserData(&state)
        case .catalogLoaded(let entry, let catalog):
            guard entry == state.issue else { return [] }
            if let shown = state.navigation.catalog, shown.paper == entry.paper, shown.date == entry.date {
                return catalogReloaded(&state, catalog)
            }
            state.navigation.catalog = catalog
            hideRead(&state)
            if let direction = state.navigation.seekingUnread { return continueSeekingUnread(&state, direction) }
            if let place = state.navigation.pendingRestore, place.paper == entry.paper, place.date == entry.date {
                return restorePlace(&state)
            }
            // A section the new catalog no longer has: the last one it has.
            func clamp(_ listing: inout Listing) {
                if case .section(let i) = listing { listing = .section(min(i, max(0, catalog.sections.count - 1))) }
            }
            clamp(&state.navigation.listing)
            if state.navigation.beneathResults != nil { clamp(&state.navigation.beneathResults!.listing) }
            state.navigation.articles.selection = min(state.navigation.articles.selection, max(0, state.listCount - 1))
            keepSelectionVisible(&state)
            return loadSectionIfNeeded(&state)
        case .sectionLoaded(let loaded):
            guard loaded.issue == state.issue, loaded.sectionName == state.section?.name else { return [] }
            state.navigation.loaded = loaded
            return showSelectedArticle(&state)
        case .loadFailed(let message):
            state.status.message = StatusMessage(message, isError: true)
            return []
        case .userDataLoaded(let bookmarks, let reading):
            return applyUserData(&state, bookmarks: bookmarks, reading: reading)
        case .startFinished:
            if let problem = state.userData.bookmarksProblem ?? state.userData.readingProblem, state.status.message?.isError != true {
                // Opening on the last place may have replaced the message: the problem comes first.
                state.status.message = StatusMessage(problem, isError: true)
            }
            return []
        case .readingLoaded(let more):
            state.userData.read.formUnion(more.read)
            state.userData.positions.merge(more.positions) { current, _ in current }
            // Results that waited for these marks.
            if let arrived = state.search.arrived {
                state.search.arrived = nil
                return showResults(&state, query: arrived.query, hits: arrived.hits, complete: arrived.complete, total: arrived.total)
            }
            return []
        case .searchFailed(let query, let message):
            guard state.search.searching?.query == query else { return [] }
            state.search.searching = nil
            state.status.message = StatusMessage(message, isError: true)
            return []
        case .userDataFailed(let part, let message):
            switch part {
            case .bookmarks: state.userData.bookmarksProblem = state.userData.bookmarksProblem ?? message
            case .reading: state.userData.readingProblem = state.userData.readingProblem ?? message
            }
            state.status.message = StatusMessage(message, isError: true)
            return []
        case .bookmarksChanged(let bookmarks):
            state.userData.bookmarks = bookmarks
            if state.inBookmarks {
                state.navigation.articles.selection = min(state.navigation.articles.selection, max(0, state.bookmarkRows.count - 1))
                keepSelectionVisible(&state)
                return showSelectedArticle(&state)
            }
            return []
        case .articleLoaded(let id, let article):
            guard state.selectedID == id else { return [] }
            state.navigation.fetchedArticle = article
            // Without this, showing the selection would ask for the same absent article again, forever.
            if article == nil { state.navigation.missingArticles.insert(id) } else { state.navigation.missingArticles.remove(id) }
            return showSelectedArticle(&state)
        case .searchFinished(let query, let hits):
            // A search cancelled with Esc, or replaced by a newer one, is not shown.
            guard let search = state.search.searching, search.query == query else { return [] }
            state.search.searching = nil
            let effects = takeHits(&state, query: query, hits: hits, first: !search.delivered, complete: true)
            return search.toEnd ? effects + followToEnd(&state, query: query) : effects
        case .searchFound(let query, let hits):
            guard let search = state.search.searching, search.query == query else { return [] }
            state.search.searching?.delivered = true
            state.search.searching?.waiting = true
            state.search.searching?.toEnd = false
            let effects = takeHits(&state, query: query, hits: hits, first: !search.delivered, complete: false)
            return search.toEnd ? effects + followToEnd(&state, query: query) : effects
        case .copied, .saved, .saveFailed, .pagerEnded:
            return exported(&state, action)
        case .searchCounted(let query, let total):
            if state.search.results?.query == query, state.search.results?.complete == false { state.search.results?.total = total }
            if state.search.arrived?.query == query, state.search.arrived?.complete == false { state.search.arrived?.total = total }
            return []
        case .searchFilterDamaged(let query, let paths):
            // Its results stand (the filter cost time, not hits): the status line says what to do,
            // now if they are listed, after the line that nothing matched, or when they are listed.
            guard let path = paths.first else { return [] }
            let warning = state.settings.texts(.searchFilterDamaged, path)
            let listed = state.search.results?.query == query && state.search.arrived == nil
            let waiting = state.search.searching?.query == query || state.search.arrived?.query == query
            if listed {
                state.status.message = StatusMessage(warning, isError: true)
            } else if waiting {
                state.search.pendingWarning = .init(query: query, text: warning)
            } else {
                state.status.message = StatusMessage([state.status.message?.text, warning].compactMap { $0 }.joined(separator: "  "),
                                                     isError: true)
            }
            return []
        case .searchProgress(let done, let total):
            state.search.searching?.done = done
            state.search.searching?.total = total
            return []
        }
    }

    static func years(of ids: [ArticleID]) -> Set<String> {
        Set(ids.map { ReadingStateStore.yearKey(for: $0) })
    }

    /// The years the screen shows articles of: the issue's, the open article's, and in the
    /// bookmarks or the search results (shown or waiting), theirs.
    static func yearsOnScreen(_ state: AppState) -> Set<String> {
        var years: Set<String> = []
        if let issue = state.issue { years.insert(ReadingStateStore.yearKey(for: issue.date)) }
        if let id = state.reader?.article.id { years.insert(ReadingStateStore.yearKey(for: id)) }
        if state.inBookmarks { years.formUnion(Self.years(of: state.bookmarkRows.map(\.id))) }
        if state.inResults, let hits = state.search.results?.hits { years.formUnion(Self.years(of: hits.map(\.id))) }
        if let hits = state.search.arrived?.hits { years.formUnion(Self.years(of: hits.map(\.id))) }
        // The issue list's unread counts need the marks of the years it shows.
        if case .issues(let list) = state.overlay {
            let shown = state.navigation.issues.dropFirst(list.offset).prefix(IssuePicker.visibleRows(state))
            years.formUnion(shown.map { ReadingStateStore.yearKey(for: $0.date) })
        }
        return years
    }
}
