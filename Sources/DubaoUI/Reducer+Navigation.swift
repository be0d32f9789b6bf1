import DubaoTerminal
import DubaoStore
import DubaoLayout
import DubaoModel
import DubaoText

/// The navigation slice: which issue, which list (a section, the bookmarks) and which article.
extension Reducer {
    enum ArticleChoice: Equatable { case first, last, at(Int) }

    static func selectIssue(_ state: inout AppState, _ index: Int, force: Bool) -> [Effect] {
        guard state.navigation.issues.indices.contains(index) else { return [] }
        if index == state.navigation.issueIndex && state.navigation.catalog != nil && !force { return [] }
        let changed = index != state.navigation.issueIndex
        let saving = savePosition(state)
        if state.search.results != nil { _ = leaveResults(&state) }
        // `<` then `>` comes back to where the reader was in that issue, not to its first page.
        if changed, let left = state.issue, case .section = state.navigation.listing {
            state.navigation.placeInIssue[IssueKey(left)] = IssuePlace(listing: state.navigation.listing,
                                                                     articles: state.navigation.articles)
        }
        state.navigation.issueIndex = index
        state.navigation.catalog = nil
        state.navigation.loaded = nil
        state.reader = nil
        if changed {
            let place = state.navigation.placeInIssue[IssueKey(state.navigation.issues[index])]
            state.navigation.listing = place?.listing ?? .section(0)
            state.navigation.articles = place?.articles ?? ListState()
            state.navigation.sections = ListState()
        }
        return saving + [.loadCatalog(state.navigation.issues[index])]
    }

    /// Lists `shelf` (a section, or the bookmarks) in the article pane, from its first or last article.
    static func selectSection(_ state: inout AppState, _ shelf: Listing, article: ArticleChoice) -> [Effect] {
        if state.search.results != nil {
            let leaving = leaveResults(&state)
            if shelf == state.navigation.listing && article == .first { return leaving }
        }
        let sections = state.sections
        var target = shelf
        if case .section(let i) = shelf {
            guard !sections.isEmpty else { return [] }
            target = .section(ListState.clamped(i, count: sections.count))
        }
        let count: Int
        switch target {
        case .section(let i): count = sections[i].articles.count
        default: count = state.bookmarkRows.count
        }
        let articleIndex: Int
        switch article {
        case .first: articleIndex = 0
        case .last: articleIndex = max(0, count - 1)
        case .at(let i): articleIndex = ListState.clamped(i, count: count)
        }
        if target == state.navigation.listing && articleIndex == state.navigation.articles.selection && state.reader != nil { return [] }
        let saving = savePosition(state)
        state.navigation.listing = target
        state.navigation.articles = ListState(selection: articleIndex)
        keepSelectionVisible(&state)
        if target == .bookmarks { return saving + showSelectedArticle(&state) }
        return saving + loadSectionIfNeeded(&state)
    }

    static func selectArticle(_ state: inout AppState, _ index: Int) -> [Effect] {
        let count = state.listCount
        guard count > 0 else { return [] }
        let target = min(max(0, index), count - 1)
        let saving = target == state.navigation.articles.selection ? [] : savePosition(state)
        state.navigation.articles.selection = target
        keepSelectionVisible(&state)
        return saving + showSelectedArticle(&state)
    }

    /// `J`/`K`, `count` times: the next article, running on into the next section (empty
    /// sections skipped). The place is worked out first and only it is shown, so `3J` marks
    /// read the one article it lands on, never the two it passes over.
    static func stepArticle(_ state: inout AppState, forward: Bool, count: Int) -> [Effect] {
        let step = forward ? 1 : -1
        var index = state.navigation.articles.selection
        guard case .section(let start) = state.navigation.listing else {
            let wanted = ListState.adding(index, step * count)
            let target = ListState.clamped(wanted, count: state.listCount)
            if target != wanted {
                let t = state.settings.texts
                state.status.message = StatusMessage(state.inBookmarks ? t[forward ? .lastBookmark : .firstBookmark]
                                                                       : t[forward ? .lastResult : .firstResult])
            }
            return target == index ? [] : selectArticle(&state, target)
        }
        var section = start, length = state.listCount, left = count
        while left > 0 {
            // Within the section, as far as the count or its end goes.
            let room = forward ? length - 1 - index : index
            if room > 0 {
                let moved = min(room, left)
                index += step * moved
                left -= moved
                continue
            }
            var next = section + step
            while state.sections.indices.contains(next), state.sections[next].articles.isEmpty { next += step }
            guard state.sections.indices.contains(next) else { break }
            section = next
            length = state.sections[next].articles.count
            index = forward ? 0 : length - 1
            left -= 1
        }
        if left > 0 {
            state.status.message = StatusMessage(state.settings.texts[forward ? .lastArticleOfIssue : .firstArticleOfIssue])
        }
        if section == start { return index == state.navigation.articles.selection ? [] : selectArticle(&state, index) }
        return selectSection(&state, .section(section), article: .at(index))
    }

    static func loadSectionIfNeeded(_ state: inout AppState) -> [Effect] {
        guard let issue = state.issue, let section = state.section else { return [] }
        if let loaded = state.navigation.loaded, loaded.issue == issue, loaded.sectionName == section.name {
            return showSelectedArticle(&state)
        }
        state.reader = nil
        return [.loadSection(issue, section)]
    }

    /// Applies the place the reader last stopped at, once its issue is loaded.
    static func restorePlace(_ state: inout AppState) -> [Effect] {
        guard let place = state.navigation.pendingRestore, state.navigation.catalog != nil, let issue = state.issue else { return [] }
        guard issue.paper == place.paper, issue.date == place.date else { return [] }
        state.navigation.pendingRestore = nil
        let sections = state.sections
        if let s = sections.firstIndex(where: { $0.name == place.section }) {
            state.navigation.listing = .section(s)
            state.navigation.articles.selection = sections[s].articles.firstIndex { $0.id == place.article } ?? 0
        }
        // The pane the reader quit in has the focus again.
        if let pane = place.focus.flatMap(Pane.init(storedName:)) { state.viewport.focus = pane }
        keepSelectionVisible(&state)
        return loadSectionIfNeeded(&state)
    }

    static func keepSelectionVisible(_ state: inout AppState) {
        let layout = state.viewport.layout
        // A pane the layout hides (zoomed, or a narrow window) keeps the rows it has when shown.
        func visibleRows(_ pane: Pane) -> Int {
            let shown = layout.contentHeight(of: pane)
            return max(1, shown > 0 ? shown : state.viewport.layout(focus: pane, zoomed: false).contentHeight(of: pane))
        }
        let sectionRows = visibleRows(.sections), articleRows = visibleRows(.articles)
        // The sections list starts with the search results and bookmarks rows.
        state.navigation.sections.selection = state.sectionsRow
        state.navigation.sections.keepVisible(rows: sectionRows, count: state.sectionsRows.count)
        state.navigation.articles.keepVisible(rows: articleRows, count: state.listCount, height: articleRowHeights(state))
    }

    /// The lines each row of the article pane takes, at the width it has or, hidden, would have.
    static func articleRowHeights(_ state: AppState) -> (Int) -> Int {
        let width = state.viewport.layout.articles?.width
            ?? state.viewport.layout(focus: .articles, zoomed: false).articles?.width ?? state.viewport.width
        return ArticleRows.heights(state, width: width)
    }
}
