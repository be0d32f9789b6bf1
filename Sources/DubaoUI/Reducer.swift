import DubaoTerminal
import DubaoCore
import DubaoLayout
import DubaoModel

/// The only place app state changes: `reduce(&state, action)` returns the effects it wants run.
/// Pure: no files, no terminal; every screen's behaviour can be tested by feeding it actions.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let effects = reduceAction(&state, action)
        if !state.inBookmarks { state.userData.unbookmarkedRows = [] }
        // Whatever the action changed and wherever it returned, the reader is set for the pane
        // it has now, and every list and box shows its selection.
        relayoutReader(&state)
        keepSelectionVisible(&state)
        keepOverlayInBounds(&state)
        // What is saved is also what the reader goes on using: an article left at 41% and
        // opened again reopens at 41%, whether or not the save reached the disk.
        for case .saveReading(let changes) in effects {
            for change in changes {
                switch change {
                case .position(let id, let position): state.userData.positions[id] = position
                case .markRead(let id, let read): if read { state.userData.read.insert(id) } else { state.userData.read.remove(id) }
                case .last: break
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
                state.status.message = StatusMessage("no issue dated \(date) in the library", isError: true)
                return []
            }
            return selectIssue(&state, index, force: false)
        case .issuesLoaded(let issues, let isSample):
            state.navigation.issues = issues
            state.navigation.isSample = isSample
            guard !issues.isEmpty else {
                state.status.message = StatusMessage("the library is empty", isError: true)
                return []
            }
            return selectIssue(&state, min(state.navigation.issueIndex, issues.count - 1), force: true)
        case .catalogLoaded(let entry, let catalog):
            guard entry == state.issue else { return [] }
            state.navigation.catalog = catalog
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
            guard loaded.issueFolder == state.issue?.folder, loaded.sectionName == state.section?.name else { return [] }
            state.navigation.loaded = loaded
            return showSelectedArticle(&state)
        case .loadFailed(let message):
            state.status.message = StatusMessage(message, isError: true)
            return []
        case .userDataLoaded(let bookmarks, let reading):
            state.userData.bookmarks = bookmarks
            state.userData.read = reading.read
            state.userData.positions = reading.positions
            guard let last = reading.last,
                  let index = state.navigation.issues.firstIndex(where: { $0.paper == last.paper && $0.date == last.date })
            else { return [] }
            state.navigation.pendingRestore = last
            if let newest = state.navigation.issues.first?.date, let seen = last.newest, newest > seen, index != 0 {
                // A new issue came in since: it is what the reader opens on, and the place is
                // kept for when the old issue is opened again.
                let how = index == 1 ? "< goes back to it" : "d lists the issues"
                state.status.message = StatusMessage("new issue \(newest); you were reading \(last.date): \(how)")
                return state.navigation.issueIndex == 0 ? [] : selectIssue(&state, 0, force: false)
            }
            return index == state.navigation.issueIndex ? restorePlace(&state) : selectIssue(&state, index, force: false)
        case .readingLoaded(let more):
            state.userData.read.formUnion(more.read)
            state.userData.positions.merge(more.positions) { current, _ in current }
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
            guard state.search.searching?.query == query else { return [] }
            state.search.searching = nil
            return showResults(&state, query: query, hits: hits)
        case .searchProgress(let done, let total):
            state.search.searching?.done = done
            state.search.searching?.total = total
            return []
        }
    }

    // MARK: keys

    static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        state.status.message = nil
        if case .resize(let w, let h) = key { return reduce(&state, .resize(width: w, height: h)) }
        if state.search.queryLine != nil { return handleQueryKey(&state, key) }
        if let search = state.search.searching, case .escape = key {
            state.search.searching = nil
            state.status.message = StatusMessage("search for “\(search.query)” cancelled")
            return [.cancelSearch]
        }
        if case .mouse(let mouse) = key { return handleMouse(&state, mouse) }
        if let overlay = state.overlay { return handleOverlayKey(&state, overlay, key) }
        if case .character(let c) = key, let digit = c.wholeNumberValue, c.isASCII, digit > 0 || state.status.count != nil {
            state.status.count = min(9999, (state.status.count ?? 0) * 10 + digit)
            return []
        }
        let typedCount = state.status.count
        state.status.count = nil
        // As in vim, Esc drops a count being typed; going back a pane as well would punish
        // the reader for changing their mind.
        if case .escape = key, typedCount != nil { return [] }
        guard let command = state.keymap.command(for: key) else {
            if case .escape = key { return [] }
            state.status.message = StatusMessage("\(key) is not bound to anything; ? shows the keys")
            return []
        }
        if let n = typedCount, command == .top || command == .bottom {
            return goTo(&state, n)
        }
        return run(&state, command, count: typedCount ?? 1)
    }

    /// `3G` / `3g`, as in vim: the third item of the focused list, or the third line of the
    /// article at the top of the reader.
    static func goTo(_ state: inout AppState, _ n: Int) -> [Effect] {
        let index = max(0, n - 1)
        switch state.viewport.focus {
        case .reader:
            guard let reader = state.reader else { return [] }
            scrollReader(&state, by: index - reader.top)
            return []
        case .sections:
            return selectSectionsRow(&state, min(index, max(0, state.sectionsRows.count - 1)))
        case .articles:
            return selectArticle(&state, index)
        }
    }

    static func handleOverlayKey(_ state: inout AppState, _ overlay: Overlay, _ key: KeyEvent) -> [Effect] {
        let command = state.keymap.command(for: key)
        switch overlay {
        case .help(var list):
            // Scrolling stops where the last entry shows, so k moves at once on the way back.
            if let step = command.flatMap({ ListState.step($0, count: 1, page: HelpOverlay.visibleRows(state)) }) {
                list.scroll(by: step, maxOffset: HelpOverlay.maxScroll(state))
                state.overlay = .help(list)
            } else if command == .quit {
                return run(&state, .quit, count: 1)
            } else {
                state.overlay = nil
            }
        case .issues(var list):
            let count = state.navigation.issues.count
            if let step = command.flatMap({ ListState.step($0, count: 1, page: IssuePicker.visibleRows(state)) }) {
                list.selection = ListState.clamped(ListState.adding(list.selection, step), count: count)
                list.centre(rows: IssuePicker.visibleRows(state), count: count)
                state.overlay = .issues(list)
            } else if command == .open || command == .focusRight {
                state.overlay = nil
                return selectIssue(&state, list.selection, force: false)
            } else if command == .quit {
                return run(&state, .quit, count: 1)
            } else {
                state.overlay = nil
            }
        }
        return []
    }

    static func handleMouse(_ state: inout AppState, _ mouse: MouseEvent) -> [Effect] {
        if state.overlay != nil {
            if mouse.kind == .press { state.overlay = nil }
            return []
        }
        let layout = state.viewport.layout
        guard let pane = layout.pane(atX: mouse.x, y: mouse.y), let rect = layout.rect(for: pane) else { return [] }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            let step = mouse.kind == .wheelDown ? 3 : -3
            switch pane {
            case .reader: scrollReader(&state, by: step)
            case .sections: return selectSectionsRow(&state, state.sectionsRow + step.signum())
            case .articles: return selectArticle(&state, state.navigation.articles.selection + step.signum())
            }
            return []
        case .press:
            state.viewport.focus = pane
            let row = mouse.y - rect.y - 1
            guard row >= 0 else { return [] }
            switch pane {
            case .sections:
                let index = state.navigation.sections.offset + row
                if index < state.sectionsRows.count { return selectSectionsRow(&state, index) }
            case .articles:
                let index = state.navigation.articles.offset + row
                if index < state.listCount { return selectArticle(&state, index) }
            case .reader:
                break
            }
            return []
        }
    }

    // MARK: commands

    static func run(_ state: inout AppState, _ command: Command, count: Int) -> [Effect] {
        let layout = state.viewport.layout
        switch command {
        case .moveDown, .moveUp, .halfPageDown, .halfPageUp, .pageDown, .pageUp, .top, .bottom:
            return move(&state, command, count: count, layout: layout)
        case .focusNext:
            state.viewport.focus = Pane(rawValue: (state.viewport.focus.rawValue + 1) % 3)!
            if state.viewport.zoomed && state.viewport.focus != .reader { state.viewport.zoomed = false }
            relayoutReader(&state)
            return markRead(&state)
        case .focusPrevious:
            state.viewport.focus = Pane(rawValue: (state.viewport.focus.rawValue + 2) % 3)!
            if state.viewport.zoomed && state.viewport.focus != .reader { state.viewport.zoomed = false }
        case .focusLeft:
            if state.viewport.zoomed { state.viewport.zoomed = false }
            state.viewport.focus = Pane(rawValue: max(0, state.viewport.focus.rawValue - 1))!
        case .focusRight:
            state.viewport.focus = Pane(rawValue: min(2, state.viewport.focus.rawValue + 1))!
            relayoutReader(&state)
            return markRead(&state)
        case .open:
            switch state.viewport.focus {
            case .sections: state.viewport.focus = .articles
            case .articles:
                if state.reader != nil {
                    state.viewport.focus = .reader
                    relayoutReader(&state)
                    return markRead(&state)
                }
            case .reader: break
            }
        case .back:
            if state.inResults && state.viewport.focus != .reader && !state.viewport.zoomed {
                return leaveResults(&state)
            } else if state.viewport.zoomed {
                state.viewport.zoomed = false
                state.viewport.focus = .articles
            } else {
                switch state.viewport.focus {
                case .reader: state.viewport.focus = .articles
                case .articles: state.viewport.focus = .sections
                case .sections: return run(&state, .quit, count: 1)
                }
            }
        case .quit:
            state.quitting = true
            return saveReadingPlace(state) + [.quit]
        case .previousSection:
            guard let i = state.navigation.sectionIndex, i > 0 else {
                let onBookmarks = state.navigation.sectionIndex == nil
                state.status.message = StatusMessage(onBookmarks ? "the bookmarks come before the first section" : "the first section")
                return []
            }
            return selectSection(&state, .section(max(0, i - count)), article: .first)
        case .nextSection:
            // From the bookmarks, above the sections, the first section is one step on.
            let next = state.navigation.sectionIndex.map { $0 + count } ?? count - 1
            guard (state.navigation.sectionIndex.map { $0 + 1 } ?? 0) < state.sections.count else {
                state.status.message = StatusMessage("the last section of this issue")
                return []
            }
            return selectSection(&state, .section(next), article: .first)
        case .bookmark:
            if refusedWhileBookmarksUnsaved(&state) { return [] }
            return toggleBookmark(&state)
        case .undo:
            if refusedWhileBookmarksUnsaved(&state) { return [] }
            // Removals already undone by b are passed over.
            let bookmarked = state.bookmarked
            while let last = state.userData.removedBookmarks.last, bookmarked.contains(last.id) {
                state.userData.removedBookmarks.removeLast()
            }
            guard let bookmark = state.userData.removedBookmarks.popLast() else {
                state.status.message = StatusMessage("nothing to undo")
                return []
            }
            state.userData.bookmarks = BookmarkStore.newestFirst(state.userData.bookmarks + [bookmark])
            let nowBookmarked = state.bookmarked
            let more = state.userData.removedBookmarks.filter { !nowBookmarked.contains($0.id) }.count
            state.status.message = StatusMessage("bookmark restored: \(bookmark.title)" + (more > 0 ? " (u: \(more) more)" : ""))
            return [.addBookmark(bookmark)]
        case .toggleRead:
            guard let id = state.selectedID else { return [] }
            let nowRead = !state.userData.read.contains(id)
            if nowRead { state.userData.read.insert(id) } else { state.userData.read.remove(id) }
            state.status.message = StatusMessage((nowRead ? "marked read" : "marked unread")
                                          + (state.userData.readingProblem != nil ? " (this session only: not saved)" : ""))
            return [.saveReading([.markRead(id, nowRead)])]
        case .nextArticle:
            var effects: [Effect] = []
            for _ in 0..<count { effects += stepArticle(&state, forward: true) }
            return effects
        case .previousArticle:
            var effects: [Effect] = []
            for _ in 0..<count { effects += stepArticle(&state, forward: false) }
            return effects
        case .previousIssue:
            guard state.navigation.issueIndex + count < state.navigation.issues.count else {
                state.status.message = StatusMessage("this is the oldest issue in the library")
                return []
            }
            return selectIssue(&state, state.navigation.issueIndex + count, force: false)
        case .nextIssue:
            guard state.navigation.issueIndex - count >= 0 else {
                state.status.message = StatusMessage("this is the newest issue in the library")
                return []
            }
            return selectIssue(&state, state.navigation.issueIndex - count, force: false)
        case .issueList:
            var list = ListState(selection: state.navigation.issueIndex)
            list.centre(rows: IssuePicker.visibleRows(state), count: state.navigation.issues.count)
            state.overlay = .issues(list)
        case .zoom:
            state.viewport.zoomed.toggle()
            if state.viewport.zoomed { state.viewport.focus = .reader }
            relayoutReader(&state)
            return markRead(&state)
        case .search:
            state.search.queryLine = QueryLine(scope: state.viewport.focus == .reader || state.viewport.zoomed ? .article : .library)
        case .nextMatch:
            stepMatch(&state, forward: true, count: count)
        case .previousMatch:
            stepMatch(&state, forward: false, count: count)
        case .help:
            state.overlay = .help(ListState())
        case .redraw:
            return [.redraw]
        }
        return []
    }

    static func move(_ state: inout AppState, _ command: Command, count: Int, layout: PaneLayout) -> [Effect] {
        let pane = state.viewport.focus
        let page: Int
        if pane == .reader {
            page = max(1, (layout.readerText?.height ?? state.viewport.height) - 1)
        } else {
            page = max(1, layout.contentHeight(of: pane) > 0 ? layout.contentHeight(of: pane) : state.viewport.height - 2)
        }
        guard let step = ListState.step(command, count: count, page: page) else { return [] }
        switch pane {
        case .reader:
            scrollReader(&state, by: step)
            return []
        case .sections:
            return selectSectionsRow(&state, max(0, ListState.adding(state.sectionsRow, step)))
        case .articles:
            return selectArticle(&state, ListState.adding(state.navigation.articles.selection, step))
        }
    }

    // MARK: selection

    enum ArticleChoice { case first, last }

    static func selectIssue(_ state: inout AppState, _ index: Int, force: Bool) -> [Effect] {
        guard state.navigation.issues.indices.contains(index) else { return [] }
        if index == state.navigation.issueIndex && state.navigation.catalog != nil && !force { return [] }
        let changed = index != state.navigation.issueIndex
        let saving = savePosition(state)
        if state.search.results != nil { _ = leaveResults(&state) }
        state.navigation.issueIndex = index
        state.navigation.catalog = nil
        state.navigation.loaded = nil
        state.reader = nil
        if changed {
            state.navigation.listing = .section(0)
            state.navigation.articles = ListState()
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
        let articleIndex = article == .first ? 0 : max(0, count - 1)
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

    /// `J`/`K`: the next article, running on into the next section (empty sections skipped).
    static func stepArticle(_ state: inout AppState, forward: Bool) -> [Effect] {
        let count = state.listCount
        if !state.inSection {
            let next = state.navigation.articles.selection + (forward ? 1 : -1)
            guard next >= 0, next < count else {
                let what = state.inBookmarks ? "bookmark" : "result"
                state.status.message = StatusMessage(forward ? "the last \(what)" : "the first \(what)")
                return []
            }
            return selectArticle(&state, next)
        }
        if forward, state.navigation.articles.selection + 1 < count { return selectArticle(&state, state.navigation.articles.selection + 1) }
        if !forward, state.navigation.articles.selection > 0 { return selectArticle(&state, state.navigation.articles.selection - 1) }
        guard case .section(var s) = state.navigation.listing else { return [] }
        while true {
            s += forward ? 1 : -1
            guard state.sections.indices.contains(s) else {
                state.status.message = StatusMessage(forward ? "the last article of this issue" : "the first article of this issue")
                return []
            }
            if !state.sections[s].articles.isEmpty { break }
        }
        return selectSection(&state, .section(s), article: forward ? .first : .last)
    }

    static func loadSectionIfNeeded(_ state: inout AppState) -> [Effect] {
        guard let issue = state.issue, let section = state.section else { return [] }
        if let loaded = state.navigation.loaded, loaded.issueFolder == issue.folder, loaded.sectionName == section.name {
            return showSelectedArticle(&state)
        }
        state.reader = nil
        return [.loadSection(issue, section)]
    }

    /// The reader follows the article list: the selected article is always the one shown, at the
    /// place it was left, and counts as read when the reader has the focus.
    static func showSelectedArticle(_ state: inout AppState) -> [Effect] {
        guard let id = state.selectedID else {
            state.reader = nil
            return []
        }
        let article: Article?
        if state.inSection {
            article = state.navigation.loaded?.articles.first { $0.id == id }
        } else if let inSection = state.navigation.loaded?.articles.first(where: { $0.id == id }) {
            article = inSection
        } else if state.navigation.missingArticles.contains(id) {
            article = nil
        } else {
            guard state.navigation.fetchedArticle?.id == id else {
                if state.reader?.article.id != id { state.reader = nil }
                return [.loadArticle(id)]
            }
            article = state.navigation.fetchedArticle
        }
        guard let article else {
            state.reader = nil
            if !state.inSection {
                if let b = state.selectedBookmark {
                    state.status.message = StatusMessage("missing: “\(b.title)” is no longer in the library; b removes the bookmark")
                } else {
                    state.status.message = StatusMessage("this article is no longer in the library")
                }
            }
            return []
        }
        if state.reader?.article.id != article.id {
            let width = readerWidth(state)
            let lines = state.settings.typesetter.typeset(article, width: width)
            var top = 0
            if let saved = state.userData.positions[article.id] { top = line(for: saved, in: lines) }
            state.reader = ReaderState(article: article, lines: lines, layoutWidth: width, top: top)
            scrollReader(&state, by: 0)
        }
        // A search result opens on its first match, every match highlighted.
        if let query = state.search.results?.query, state.reader?.find?.query != query {
            findInReader(&state, query: query, fromTop: false)
        }
        return markRead(&state)
    }

    /// `b` and `u` change the bookmarks: while they cannot be saved, refused with the reason.
    static func refusedWhileBookmarksUnsaved(_ state: inout AppState) -> Bool {
        guard let problem = state.userData.bookmarksProblem else { return false }
        state.status.message = StatusMessage("not changed: " + problem, isError: true)
        return true
    }

    /// Opening an article in the reader marks it read, once.
    /// It is also where the next start comes back to, kept at once rather than only on quit,
    /// so a killed or crashed session still returns to it.
    static func markRead(_ state: inout AppState) -> [Effect] {
        guard state.viewport.focus == .reader || state.viewport.zoomed, let id = state.reader?.article.id else { return [] }
        var changes: [ReadingChange] = []
        if !state.userData.read.contains(id) {
            state.userData.read.insert(id)
            changes.append(.markRead(id, true))
        }
        if let place = place(of: state), place.article == id, state.userData.savedPlace != place {
            state.userData.savedPlace = place
            changes.append(.last(place))
        }
        return changes.isEmpty ? [] : [.saveReading(changes)]
    }

    /// The reading position of the article in the reader, to save before it is replaced.
    static func savePosition(_ state: AppState) -> [Effect] {
        guard let reader = state.reader else { return [] }
        let position = position(of: reader)
        guard state.userData.positions[reader.article.id] != position else { return [] }
        return [.saveReading([.position(reader.article.id, position)])]
    }

    /// Where the reader is, as a paragraph and an offset into it: the first line of text at or
    /// below the top row (a blank row between paragraphs belongs to the paragraph after it).
    static func position(of reader: ReaderState) -> ReadingState.Position? {
        guard reader.top > 0, reader.lines.indices.contains(reader.top) else { return nil }
        guard let line = reader.lines[reader.top...].first(where: { $0.paragraph != nil }) else {
            return ReadingState.Position(paragraph: -1, offset: 0)
        }
        return ReadingState.Position(paragraph: line.paragraph!, offset: line.sourceRange.lowerBound)
    }

    /// On quit: where the reader is, so the next start comes back to it.
    static func saveReadingPlace(_ state: AppState) -> [Effect] {
        var changes: [ReadingChange] = []
        if let reader = state.reader {
            let position = position(of: reader)
            // Only a change is written: an article at the top whose saved place this session
            // never read must keep it.
            if state.userData.positions[reader.article.id] != position { changes.append(.position(reader.article.id, position)) }
        }
        if let place = place(of: state) { changes.append(.last(place)) }
        return changes.isEmpty ? [] : [.saveReading(changes)]
    }

    /// Where the reader is: the article it shows (or else the one selected), with its own
    /// issue and section — a bookmark's or a search result's, not the issue underneath.
    static func place(of state: AppState) -> ReadingState.Place? {
        let newest = state.navigation.issues.first?.date
        if let hit = state.selectedHit, state.reader == nil || state.reader?.article.id == hit.id {
            return ReadingState.Place(paper: hit.paper, date: hit.date, section: hit.section, article: hit.id, newest: newest)
        }
        if let b = state.selectedBookmark, state.reader == nil || state.reader?.article.id == b.id {
            return ReadingState.Place(paper: b.paper, date: b.date, section: b.section, article: b.id, newest: newest)
        }
        if !state.inBookmarks, state.search.results == nil, let issue = state.issue, let section = state.section,
           let id = state.selectedSummary?.id {
            return ReadingState.Place(paper: issue.paper, date: issue.date, section: section.name, article: id, newest: newest)
        }
        return nil
    }

    /// Applies the place the last session stopped at, once its issue is loaded.
    static func restorePlace(_ state: inout AppState) -> [Effect] {
        guard let place = state.navigation.pendingRestore, let catalog = state.navigation.catalog, let issue = state.issue else { return [] }
        guard issue.paper == place.paper, issue.date == place.date else { return [] }
        state.navigation.pendingRestore = nil
        if let s = catalog.sections.firstIndex(where: { $0.name == place.section }) {
            state.navigation.listing = .section(s)
            state.navigation.articles.selection = catalog.sections[s].articles.firstIndex { $0.id == place.article } ?? 0
        }
        keepSelectionVisible(&state)
        return loadSectionIfNeeded(&state)
    }

    static func toggleBookmark(_ state: inout AppState) -> [Effect] {
        guard let id = state.selectedID else { return [] }
        if let existing = state.userData.bookmarks.first(where: { $0.id == id }) {
            // In the bookmarks list the row stays (☆): b toggles the article in front of the
            // reader, and never moves on to the next bookmark.
            if state.inBookmarks { state.userData.unbookmarkedRows.append(existing) }
            state.userData.bookmarks.removeAll { $0.id == id }
            state.userData.removedBookmarks.append(existing)
            state.status.message = StatusMessage("bookmark removed — b or u puts it back")
            return [.removeBookmark(id)]
        }
        let bookmark: Bookmark
        if let removed = state.userData.unbookmarkedRows.first(where: { $0.id == id }) {
            // Back as it was, with the time it was first added, so it keeps its place in the list.
            bookmark = removed
        } else if let hit = state.selectedHit {
            bookmark = Bookmark(id: id, title: hit.title, paper: hit.paper, date: hit.date, section: hit.section, added: "")
        } else {
            guard let issue = state.issue, let section = state.section, let summary = state.selectedSummary else { return [] }
            bookmark = Bookmark(id: id, title: summary.title, paper: issue.paper, date: issue.date,
                                section: section.name, added: "")
        }
        if bookmark.added.isEmpty {
            state.userData.bookmarks.insert(bookmark, at: 0)
        } else {
            state.userData.bookmarks = BookmarkStore.newestFirst(state.userData.bookmarks + [bookmark])
        }
        state.userData.removedBookmarks.removeAll { $0.id == id }
        state.status.message = StatusMessage("★ bookmarked")
        return [.addBookmark(bookmark)]
    }

    // MARK: reader

    static func readerWidth(_ state: AppState) -> Int {
        let layout = state.viewport.layout
        if let text = layout.readerText { return text.width }
        // The reader is hidden (one pane at a time): set it for the width it will have.
        let full = state.viewport.layout(focus: .reader)
        return full.readerText?.width ?? max(1, state.viewport.width)
    }

    static func readerHeight(_ state: AppState) -> Int {
        let full = state.viewport.layout(focus: .reader)
        return max(1, state.viewport.layout.readerText?.height ?? full.readerText?.height ?? state.viewport.height - 2)
    }

    static func scrollReader(_ state: inout AppState, by step: Int) {
        guard var reader = state.reader else { return }
        let maxTop = max(0, reader.lines.count - readerHeight(state))
        reader.top = min(max(0, ListState.adding(reader.top, step)), maxTop)
        state.reader = reader
    }

    /// Sets the article again when the reader's width changed, keeping the reading position by
    /// paragraph and place in it, not by row.
    static func relayoutReader(_ state: inout AppState) {
        guard var reader = state.reader else { return }
        let width = readerWidth(state)
        if width != reader.layoutWidth {
            let anchor = position(of: reader)
            reader.lines = state.settings.typesetter.typeset(reader.article, width: width)
            reader.layoutWidth = width
            reader.top = line(for: anchor, in: reader.lines)
        }
        let maxTop = max(0, reader.lines.count - readerHeight(state))
        reader.top = min(reader.top, maxTop)
        state.reader = reader
    }

    /// The line a saved position falls on in a new layout; the top for none or the headline.
    static func line(for position: ReadingState.Position?, in lines: [TypesetLine]) -> Int {
        guard let position, position.paragraph >= 0 else { return 0 }
        return lines.lineIndex(paragraph: position.paragraph, utf8Offset: position.offset) ?? 0
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
        state.navigation.articles.keepVisible(rows: articleRows, count: state.listCount)
    }

    /// A box over the panes shows as many rows as the screen has room for: a new size moves
    /// its first row so that the box stays full and the selection in it.
    static func keepOverlayInBounds(_ state: inout AppState) {
        switch state.overlay {
        case .help(var list):
            list.scroll(by: 0, maxOffset: HelpOverlay.maxScroll(state))
            state.overlay = .help(list)
        case .issues(var list):
            list.centre(rows: IssuePicker.visibleRows(state), count: state.navigation.issues.count)
            state.overlay = .issues(list)
        case nil:
            break
        }
    }
}
