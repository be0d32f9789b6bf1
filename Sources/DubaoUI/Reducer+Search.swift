import DubaoTerminal
import DubaoStore
import DubaoLayout
import DubaoModel
import DubaoText

/// Search: the query line, the results of a library search, and finding in the open article.
extension Reducer {
    // MARK: the query line

    /// Keys while the query line is open, as readline has them: characters are typed at the
    /// cursor (Chinese arrives as whole characters); Left/Right (C-b/C-f), Home/End (C-a/C-e)
    /// move; Backspace and Delete (C-d) remove a whole character; C-w the word before the
    /// cursor, C-u everything before it, C-k everything after; Up/Down (C-p/C-n) go through
    /// the earlier queries. Esc cancels and Enter runs the query. Nothing else reaches the
    /// keymap until the line is closed.
    static func handleQueryKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        guard var line = state.search.queryLine else { return [] }
        switch key {
        case .character(let c):
            guard !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return [] }
            line.insert(String(c))
        case .left, .control("b"): line.moveLeft()
        case .right, .control("f"): line.moveRight()
        case .home, .control("a"): line.moveToStart()
        case .end, .control("e"): line.moveToEnd()
        case .backspace, .control("h"): line.deleteBackward()
        case .delete, .control("d"): line.deleteForward()
        case .control("w"): line.deleteWordBackward()
        case .control("u"): line.deleteToStart()
        case .control("k"): line.deleteToEnd()
        case .up, .control("p"): line.recallOlder(from: state.search.history)
        case .down, .control("n"): line.recallNewer(from: state.search.history)
        case .escape:
            state.search.queryLine = nil
            return []
        case .enter:
            state.search.queryLine = nil
            return runQuery(&state, line)
        default:
            return []
        }
        state.search.queryLine = line
        return []
    }

    static func runQuery(_ state: inout AppState, _ line: QueryLine) -> [Effect] {
        guard SearchQuery(line.text) != nil else {
            state.status.message = StatusMessage(state.settings.texts[.nothingToSearch])
            return []
        }
        // Kept with the reading state, so the history outlasts the run.
        state.search.history = ReadingState.remembering(line.text, in: state.search.history)
        let saving: [Effect] = [.saveReading([.searched(line.text)])]
        switch line.scope {
        case .library:
            state.status.message = nil
            state.search.searching = SearchProgress(query: line.text)
            return saving + [.search(line.text)]
        case .article:
            guard state.reader != nil else {
                state.status.message = StatusMessage(state.settings.texts[.noArticleOpen])
                return saving
            }
            findInReader(&state, query: line.text, fromTop: true)
            return saving
        }
    }

    // MARK: search results

    /// The results of a library search: listed in the article pane under a "搜索" entry at the
    /// top of the sections pane, the first one open in the reader at its first match.
    static func showResults(_ state: inout AppState, query: String, hits: [SearchHit], complete: Bool = true, total: Int? = nil) -> [Effect] {
        var warning: String?
        if let pending = state.search.pendingWarning, pending.query == query {
            warning = pending.text
            state.search.pendingWarning = nil
        }
        guard !hits.isEmpty else {
            let nothing = state.settings.texts(.noArticleMatches, query)
            state.status.message = StatusMessage(warning.map { nothing + "  " + $0 } ?? nothing, isError: warning != nil)
            return []
        }
        state.status.message = warning.map { StatusMessage($0, isError: true) }
        let saving = savePosition(state)
        // A search from the results goes back, when left, to where the first one came from.
        state.navigation.beneathResults = state.navigation.beneathResults
            ?? Navigation.Beneath(listing: state.navigation.listing, articles: state.navigation.articles)
        state.navigation.listing = .searchResults
        state.search.results = SearchResults(query: query, hits: hits, complete: complete)
        state.search.results?.total = total
        state.navigation.articles = ListState()
        state.viewport.zoomed = false
        state.viewport.focus = .articles
        relayoutReader(&state)
        keepSelectionVisible(&state)
        return saving + showSelectedArticle(&state)
    }

    /// Hits of the library search under way: the first of them listed (or kept until their
    /// years' marks are in), later ones added to those, wherever they are.
    static func takeHits(_ state: inout AppState, query: String, hits: [SearchHit], first: Bool, complete: Bool) -> [Effect] {
        if !first {
            if var arrived = state.search.arrived, arrived.query == query {
                arrived.hits += hits
                arrived.complete = complete
                state.search.arrived = arrived
            } else if var results = state.search.results, results.query == query {
                results.hits += hits
                results.complete = complete
                state.search.results = results
            }
            return []
        }
        if let loaded = state.userData.loadedYears, !years(of: hits.map(\.id)).isSubset(of: loaded) {
            // Shown when the marks of their years are in (see `reduce`).
            state.search.arrived = SearchResults(query: query, hits: hits, complete: complete)
            return []
        }
        return showResults(&state, query: query, hits: hits, complete: complete)
    }

    /// `G` in results still coming: up to `SearchResults.wholeList` counted hits are all asked
    /// for, and the selection follows them to the last; more than that, or not counted yet, are
    /// listed a hundred at a time as before, and the status line says so.
    static func listResultsToEnd(_ state: inout AppState) -> [Effect] {
        guard let results = state.search.results, !results.complete, let search = state.search.searching,
              search.query == results.query else { return [] }
        guard let total = results.total, total <= SearchResults.wholeList else {
            state.status.message = StatusMessage(state.settings.texts(.resultsListedInHundreds, results.countLabel))
            return []
        }
        guard total > results.hits.count else { return [] }
        state.search.searching?.toEnd = true
        state.search.searching?.waiting = false
        return [.searchMore(total)]
    }

    /// The selection on the last hit listed, after `G` asked for them all.
    static func followToEnd(_ state: inout AppState, query: String) -> [Effect] {
        guard state.inResults, let results = state.search.results, results.query == query else { return [] }
        return selectArticle(&state, results.hits.count - 1)
    }

    /// The search goes on when the selection comes within half a batch of the last hit listed.
    static func moreResultsWanted(_ state: inout AppState) -> Effect? {
        guard let search = state.search.searching, search.waiting, state.inResults,
              let results = state.search.results, results.query == search.query, !results.complete,
              state.navigation.articles.selection + SearchResults.firstBatch / 2 >= results.hits.count else { return nil }
        state.search.searching?.waiting = false
        return .searchMore(results.hits.count + SearchResults.firstBatch)
    }

    /// Leaves the search results: the article pane lists what it listed before, as it was.
    static func leaveResults(_ state: inout AppState) -> [Effect] {
        guard let results = state.search.results, let beneath = state.navigation.beneathResults else { return [] }
        // The rest of a search whose results are left is not wanted.
        var cancelling: [Effect] = []
        if let search = state.search.searching, search.delivered {
            state.search.searching = nil
            cancelling = [.cancelSearch]
        }
        let saving = cancelling + savePosition(state)
        state.search.results = nil
        state.navigation.beneathResults = nil
        state.navigation.listing = beneath.listing
        // The matches were the search's: they go with it.
        if state.reader?.find?.query == results.query { state.reader?.find = nil }
        state.navigation.articles = beneath.articles
        state.navigation.articles.selection = min(beneath.articles.selection, max(0, state.listCount - 1))
        keepSelectionVisible(&state)
        return saving + (state.inSection ? loadSectionIfNeeded(&state) : showSelectedArticle(&state))
    }

    /// Selects a row of the sections pane: the results entry, the bookmarks, or a section.
    static func selectSectionsRow(_ state: inout AppState, _ row: Int) -> [Effect] {
        let rows = state.sectionsRows
        guard !rows.isEmpty else { return [] }
        switch rows[min(max(0, row), rows.count - 1)] {
        case .searchResults: return []
        case .bookmarks: return selectSection(&state, .bookmarks, article: .first)
        case .section(let i): return selectSection(&state, .section(i), article: .first)
        }
    }

    // MARK: finding in the article

    /// Finds `query` in the article in the reader and goes to a match: the first one at or
    /// below the top of the page (`/` in the reader), or the first of all (a search result).
    static func findInReader(_ state: inout AppState, query: String, fromTop: Bool) {
        guard var reader = state.reader else { return }
        guard var find = ArticleFind(query: query, in: reader.article) else {
            reader.find = nil
            state.reader = reader
            state.status.message = StatusMessage(state.settings.texts(.notInArticle, query))
            return
        }
        if fromTop {
            let top = reader.top
            find.current = find.matches.firstIndex { (ArticleFind.line(of: $0, in: reader.lines) ?? 0) >= top } ?? 0
        }
        reader.find = find
        state.reader = reader
        revealMatch(&state)
    }

    /// `n`/`N`: the next or previous match, across paragraphs, wrapping round at the ends with
    /// a message saying so.
    static func stepMatch(_ state: inout AppState, forward: Bool, count: Int) {
        guard var reader = state.reader, var find = reader.find else {
            state.status.message = StatusMessage(state.settings.texts[.noSearchYet])
            return
        }
        let n = find.matches.count
        let next = find.current + (forward ? count : -count)
        find.current = ((next % n) + n) % n
        if next >= n {
            state.status.message = StatusMessage(state.settings.texts(.wrappedToFirst, find.current + 1, n))
        } else if next < 0 {
            state.status.message = StatusMessage(state.settings.texts(.wrappedToLast, find.current + 1, n))
        }
        reader.find = find
        state.reader = reader
        revealMatch(&state)
    }

    /// Scrolls the reader so the current match shows, a third of the way down the page when it
    /// was out of sight.
    static func revealMatch(_ state: inout AppState) {
        guard var reader = state.reader, let find = reader.find,
              let line = ArticleFind.line(of: find.matches[find.current], in: reader.lines) else { return }
        let height = readerHeight(state)
        if line < reader.top || line >= reader.top + height {
            reader.top = max(0, line - height / 3)
            state.reader = reader
            scrollReader(&state, by: 0)
        }
    }
}
