import DubaoTerminal
import DubaoCore
import DubaoLayout
import DubaoModel

/// The only place app state changes: `reduce(&state, action)` returns the effects it wants run.
/// Pure: no files, no terminal; every screen's behaviour can be tested by feeding it actions.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let effects = reduceAction(&state, action)
        if !state.inBookmarks { state.unbookmarkedRows = [] }
        // What is saved is also what this session goes on using: an article left at 41% and
        // opened again reopens at 41%, whether or not the save reached the disk.
        for case .saveReading(let changes) in effects {
            for change in changes {
                switch change {
                case .position(let id, let position): state.positions[id] = position
                case .markRead(let id, let read): if read { state.read.insert(id) } else { state.read.remove(id) }
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
            state.width = max(0, width)
            state.height = max(0, height)
            relayoutReader(&state)
            keepSelectionVisible(&state)
            return []
        case .openIssue(let date):
            guard let index = state.issues.firstIndex(where: { $0.date == date }) else {
                state.message = StatusMessage("no issue dated \(date) in the library", isError: true)
                return []
            }
            return selectIssue(&state, index, force: false)
        case .issuesLoaded(let issues, let isSample):
            state.issues = issues
            state.isSample = isSample
            guard !issues.isEmpty else {
                state.message = StatusMessage("the library is empty", isError: true)
                return []
            }
            return selectIssue(&state, min(state.issueIndex, issues.count - 1), force: true)
        case .catalogLoaded(let entry, let catalog):
            guard entry == state.issue else { return [] }
            state.catalog = catalog
            if let place = state.pendingRestore, place.paper == entry.paper, place.date == entry.date {
                return restorePlace(&state)
            }
            state.sectionIndex = min(state.sectionIndex, max(0, catalog.sections.count - 1))
            state.articleIndex = min(state.articleIndex, max(0, state.listCount - 1))
            keepSelectionVisible(&state)
            return loadSectionIfNeeded(&state)
        case .sectionLoaded(let loaded):
            guard loaded.issueFolder == state.issue?.folder, loaded.sectionName == state.section?.name else { return [] }
            state.loaded = loaded
            return showSelectedArticle(&state)
        case .loadFailed(let message):
            state.message = StatusMessage(message, isError: true)
            return []
        case .userDataLoaded(let bookmarks, let reading):
            state.bookmarks = bookmarks
            state.read = reading.read
            state.positions = reading.positions
            guard let last = reading.last,
                  let index = state.issues.firstIndex(where: { $0.paper == last.paper && $0.date == last.date })
            else { return [] }
            state.pendingRestore = last
            if let newest = state.issues.first?.date, let seen = last.newest, newest > seen, index != 0 {
                // A new issue came in since: it is what the reader opens on, and the place is
                // kept for when the old issue is opened again.
                let how = index == 1 ? "< goes back to it" : "d lists the issues"
                state.message = StatusMessage("new issue \(newest); you were reading \(last.date): \(how)")
                return state.issueIndex == 0 ? [] : selectIssue(&state, 0, force: false)
            }
            return index == state.issueIndex ? restorePlace(&state) : selectIssue(&state, index, force: false)
        case .readingLoaded(let more):
            state.read.formUnion(more.read)
            state.positions.merge(more.positions) { current, _ in current }
            return []
        case .userDataFailed(let part, let message):
            switch part {
            case .bookmarks: state.bookmarksProblem = state.bookmarksProblem ?? message
            case .reading: state.readingProblem = state.readingProblem ?? message
            }
            state.message = StatusMessage(message, isError: true)
            return []
        case .bookmarksChanged(let bookmarks):
            state.bookmarks = bookmarks
            if state.inBookmarks {
                state.articleIndex = min(state.articleIndex, max(0, state.bookmarkRows.count - 1))
                keepSelectionVisible(&state)
                return showSelectedArticle(&state)
            }
            return []
        case .articleLoaded(let id, let article):
            guard state.selectedID == id else { return [] }
            state.fetchedArticle = article
            // Without this, showing the selection would ask for the same absent article again, forever.
            if article == nil { state.missingArticles.insert(id) } else { state.missingArticles.remove(id) }
            return showSelectedArticle(&state)
        case .searchFinished(let query, let hits):
            // A search cancelled with Esc, or replaced by a newer one, is not shown.
            guard state.searching?.query == query else { return [] }
            state.searching = nil
            return showResults(&state, query: query, hits: hits)
        case .searchProgress(let done, let total):
            state.searching?.done = done
            state.searching?.total = total
            return []
        }
    }

    // MARK: keys

    static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        state.message = nil
        if case .resize(let w, let h) = key { return reduce(&state, .resize(width: w, height: h)) }
        if state.queryLine != nil { return handleQueryKey(&state, key) }
        if let search = state.searching, case .escape = key {
            state.searching = nil
            state.message = StatusMessage("search for “\(search.query)” cancelled")
            return [.cancelSearch]
        }
        if case .mouse(let mouse) = key { return handleMouse(&state, mouse) }
        if let overlay = state.overlay { return handleOverlayKey(&state, overlay, key) }
        if case .character(let c) = key, let digit = c.wholeNumberValue, c.isASCII, digit > 0 || state.count != nil {
            state.count = min(9999, (state.count ?? 0) * 10 + digit)
            return []
        }
        let typedCount = state.count
        state.count = nil
        // As in vim, Esc drops a count being typed; going back a pane as well would punish
        // the reader for changing their mind.
        if case .escape = key, typedCount != nil { return [] }
        guard let command = state.keymap.command(for: key) else {
            if case .escape = key { return [] }
            state.message = StatusMessage("\(key) is not bound to anything; ? shows the keys")
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
        switch state.focus {
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
        case .help(let scroll):
            // Scrolling stops where the last entry shows, so k moves at once on the way back.
            let last = HelpOverlay.maxScroll(state)
            switch command {
            case .moveDown: state.overlay = .help(scroll: min(last, scroll + 1))
            case .moveUp: state.overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown, .halfPageDown: state.overlay = .help(scroll: min(last, scroll + max(1, state.height / 2)))
            case .pageUp, .halfPageUp: state.overlay = .help(scroll: max(0, scroll - max(1, state.height / 2)))
            case .top: state.overlay = .help(scroll: 0)
            case .bottom: state.overlay = .help(scroll: last)
            case .quit: return run(&state, .quit, count: 1)
            default: state.overlay = nil
            }
        case .issues(let selection):
            let last = max(0, state.issues.count - 1)
            switch command {
            case .moveDown: state.overlay = .issues(selection: min(last, selection + 1))
            case .moveUp: state.overlay = .issues(selection: max(0, selection - 1))
            case .pageDown, .halfPageDown: state.overlay = .issues(selection: min(last, selection + max(1, state.height / 2)))
            case .pageUp, .halfPageUp: state.overlay = .issues(selection: max(0, selection - max(1, state.height / 2)))
            case .top: state.overlay = .issues(selection: 0)
            case .bottom: state.overlay = .issues(selection: last)
            case .open, .focusRight:
                state.overlay = nil
                return selectIssue(&state, selection, force: false)
            case .quit: return run(&state, .quit, count: 1)
            default: state.overlay = nil
            }
        }
        return []
    }

    static func handleMouse(_ state: inout AppState, _ mouse: MouseEvent) -> [Effect] {
        if state.overlay != nil {
            if mouse.kind == .press { state.overlay = nil }
            return []
        }
        let layout = layoutOf(state)
        guard let pane = layout.pane(atX: mouse.x, y: mouse.y), let rect = layout.rect(for: pane) else { return [] }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            let step = mouse.kind == .wheelDown ? 3 : -3
            switch pane {
            case .reader: scrollReader(&state, by: step)
            case .sections: return selectSectionsRow(&state, state.sectionsRow + step.signum())
            case .articles: return selectArticle(&state, state.articleIndex + step.signum())
            }
            return []
        case .press:
            state.focus = pane
            let row = mouse.y - rect.y - 1
            guard row >= 0 else { return [] }
            switch pane {
            case .sections:
                let index = state.sectionScroll + row
                if index < state.sectionsRows.count { return selectSectionsRow(&state, index) }
            case .articles:
                let index = state.articleScroll + row
                if index < state.listCount { return selectArticle(&state, index) }
            case .reader:
                break
            }
            return []
        }
    }

    // MARK: commands

    static func run(_ state: inout AppState, _ command: Command, count: Int) -> [Effect] {
        let layout = layoutOf(state)
        switch command {
        case .moveDown, .moveUp, .halfPageDown, .halfPageUp, .pageDown, .pageUp, .top, .bottom:
            return move(&state, command, count: count, layout: layout)
        case .focusNext:
            state.focus = Pane(rawValue: (state.focus.rawValue + 1) % 3)!
            if state.zoomed && state.focus != .reader { state.zoomed = false }
            relayoutReader(&state)
            return markRead(&state)
        case .focusPrevious:
            state.focus = Pane(rawValue: (state.focus.rawValue + 2) % 3)!
            if state.zoomed && state.focus != .reader { state.zoomed = false }
        case .focusLeft:
            if state.zoomed { state.zoomed = false }
            state.focus = Pane(rawValue: max(0, state.focus.rawValue - 1))!
        case .focusRight:
            state.focus = Pane(rawValue: min(2, state.focus.rawValue + 1))!
            relayoutReader(&state)
            return markRead(&state)
        case .open:
            switch state.focus {
            case .sections: state.focus = .articles
            case .articles:
                if state.reader != nil {
                    state.focus = .reader
                    relayoutReader(&state)
                    return markRead(&state)
                }
            case .reader: break
            }
        case .back:
            if state.inResults && state.focus != .reader && !state.zoomed {
                return leaveResults(&state)
            } else if state.zoomed {
                state.zoomed = false
                state.focus = .articles
            } else {
                switch state.focus {
                case .reader: state.focus = .articles
                case .articles: state.focus = .sections
                case .sections: return run(&state, .quit, count: 1)
                }
            }
        case .quit:
            state.quitting = true
            return saveReadingPlace(state) + [.quit]
        case .previousSection:
            guard state.sectionIndex > 0 else {
                state.message = StatusMessage(state.inBookmarks ? "the bookmarks come before the first section" : "the first section")
                return []
            }
            return selectSection(&state, max(0, state.sectionIndex - count), article: .first)
        case .nextSection:
            guard state.sectionIndex + 1 < state.sections.count else {
                state.message = StatusMessage("the last section of this issue")
                return []
            }
            return selectSection(&state, state.sectionIndex + count, article: .first)
        case .bookmark:
            if refusedWhileBookmarksUnsaved(&state) { return [] }
            return toggleBookmark(&state)
        case .undo:
            if refusedWhileBookmarksUnsaved(&state) { return [] }
            // Removals already undone by b are passed over.
            let bookmarked = state.bookmarked
            while let last = state.removedBookmarks.last, bookmarked.contains(last.id) {
                state.removedBookmarks.removeLast()
            }
            guard let bookmark = state.removedBookmarks.popLast() else {
                state.message = StatusMessage("nothing to undo")
                return []
            }
            state.bookmarks = BookmarkStore.newestFirst(state.bookmarks + [bookmark])
            let nowBookmarked = state.bookmarked
            let more = state.removedBookmarks.filter { !nowBookmarked.contains($0.id) }.count
            state.message = StatusMessage("bookmark restored: \(bookmark.title)" + (more > 0 ? " (u: \(more) more)" : ""))
            return [.addBookmark(bookmark)]
        case .toggleRead:
            guard let id = state.selectedID else { return [] }
            let nowRead = !state.read.contains(id)
            if nowRead { state.read.insert(id) } else { state.read.remove(id) }
            state.message = StatusMessage((nowRead ? "marked read" : "marked unread")
                                          + (state.readingProblem != nil ? " (this session only: not saved)" : ""))
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
            guard state.issueIndex + count < state.issues.count else {
                state.message = StatusMessage("this is the oldest issue in the library")
                return []
            }
            return selectIssue(&state, state.issueIndex + count, force: false)
        case .nextIssue:
            guard state.issueIndex - count >= 0 else {
                state.message = StatusMessage("this is the newest issue in the library")
                return []
            }
            return selectIssue(&state, state.issueIndex - count, force: false)
        case .issueList:
            state.overlay = .issues(selection: state.issueIndex)
        case .zoom:
            state.zoomed.toggle()
            if state.zoomed { state.focus = .reader }
            relayoutReader(&state)
            return markRead(&state)
        case .search:
            state.queryLine = QueryLine(scope: state.focus == .reader || state.zoomed ? .article : .library)
        case .nextMatch:
            stepMatch(&state, forward: true, count: count)
        case .previousMatch:
            stepMatch(&state, forward: false, count: count)
        case .help:
            state.overlay = .help(scroll: 0)
        case .redraw:
            return [.redraw]
        }
        relayoutReader(&state)
        keepSelectionVisible(&state)
        return []
    }

    static func move(_ state: inout AppState, _ command: Command, count: Int, layout: PaneLayout) -> [Effect] {
        let pane = state.focus
        let page: Int
        if pane == .reader {
            page = max(1, (layout.readerText?.height ?? state.height) - 1)
        } else {
            page = max(1, layout.contentHeight(of: pane) > 0 ? layout.contentHeight(of: pane) : state.height - 2)
        }
        let step: Int
        switch command {
        case .moveDown: step = count
        case .moveUp: step = -count
        case .halfPageDown: step = max(1, page / 2) * count
        case .halfPageUp: step = -max(1, page / 2) * count
        case .pageDown: step = page * count
        case .pageUp: step = -page * count
        case .top: step = Int.min / 2
        default: step = Int.max / 2
        }
        switch pane {
        case .reader:
            scrollReader(&state, by: step)
            return []
        case .sections:
            return selectSectionsRow(&state, max(0, clampedAdd(state.sectionsRow, step)))
        case .articles:
            return selectArticle(&state, clampedAdd(state.articleIndex, step))
        }
    }

    static func clampedAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max / 2 : Int.min / 2) : sum
    }

    // MARK: selection

    enum ArticleChoice { case first, last }

    static func selectIssue(_ state: inout AppState, _ index: Int, force: Bool) -> [Effect] {
        guard state.issues.indices.contains(index) else { return [] }
        if index == state.issueIndex && state.catalog != nil && !force { return [] }
        let changed = index != state.issueIndex
        let saving = savePosition(state)
        if state.results != nil { _ = leaveResults(&state) }
        state.issueIndex = index
        state.catalog = nil
        state.loaded = nil
        state.reader = nil
        if changed {
            state.sectionIndex = 0
            state.articleIndex = 0
            state.sectionScroll = 0
            state.articleScroll = 0
        }
        return saving + [.loadCatalog(state.issues[index])]
    }

    static func selectSection(_ state: inout AppState, _ index: Int, article: ArticleChoice) -> [Effect] {
        if state.results != nil {
            let leaving = leaveResults(&state)
            if index == state.sectionIndex && article == .first { return leaving }
        }
        let sections = state.sections
        guard !sections.isEmpty || index < 0 else { return [] }
        let target = min(max(-1, index), sections.count - 1)
        let count = target < 0 ? state.bookmarkRows.count : sections[target].articles.count
        let articleIndex = article == .first ? 0 : max(0, count - 1)
        if target == state.sectionIndex && articleIndex == state.articleIndex && state.reader != nil { return [] }
        let saving = savePosition(state)
        state.sectionIndex = target
        state.articleIndex = articleIndex
        state.articleScroll = 0
        keepSelectionVisible(&state)
        if target < 0 { return saving + showSelectedArticle(&state) }
        return saving + loadSectionIfNeeded(&state)
    }

    static func selectArticle(_ state: inout AppState, _ index: Int) -> [Effect] {
        let count = state.listCount
        guard count > 0 else { return [] }
        let target = min(max(0, index), count - 1)
        let saving = target == state.articleIndex ? [] : savePosition(state)
        state.articleIndex = target
        keepSelectionVisible(&state)
        return saving + showSelectedArticle(&state)
    }

    /// `J`/`K`: the next article, running on into the next section (empty sections skipped).
    static func stepArticle(_ state: inout AppState, forward: Bool) -> [Effect] {
        let count = state.listCount
        if !state.inSection {
            let next = state.articleIndex + (forward ? 1 : -1)
            guard next >= 0, next < count else {
                let what = state.inBookmarks ? "bookmark" : "result"
                state.message = StatusMessage(forward ? "the last \(what)" : "the first \(what)")
                return []
            }
            return selectArticle(&state, next)
        }
        if forward, state.articleIndex + 1 < count { return selectArticle(&state, state.articleIndex + 1) }
        if !forward, state.articleIndex > 0 { return selectArticle(&state, state.articleIndex - 1) }
        var s = state.sectionIndex
        while true {
            s += forward ? 1 : -1
            guard state.sections.indices.contains(s) else {
                state.message = StatusMessage(forward ? "the last article of this issue" : "the first article of this issue")
                return []
            }
            if !state.sections[s].articles.isEmpty { break }
        }
        return selectSection(&state, s, article: forward ? .first : .last)
    }

    static func loadSectionIfNeeded(_ state: inout AppState) -> [Effect] {
        guard let issue = state.issue, let section = state.section else { return [] }
        if let loaded = state.loaded, loaded.issueFolder == issue.folder, loaded.sectionName == section.name {
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
            article = state.loaded?.articles.first { $0.id == id }
        } else if let inSection = state.loaded?.articles.first(where: { $0.id == id }) {
            article = inSection
        } else if state.missingArticles.contains(id) {
            article = nil
        } else {
            guard state.fetchedArticle?.id == id else {
                if state.reader?.article.id != id { state.reader = nil }
                return [.loadArticle(id)]
            }
            article = state.fetchedArticle
        }
        guard let article else {
            state.reader = nil
            if !state.inSection {
                if let b = state.selectedBookmark {
                    state.message = StatusMessage("missing: “\(b.title)” is no longer in the library; b removes the bookmark")
                } else {
                    state.message = StatusMessage("this article is no longer in the library")
                }
            }
            return []
        }
        if state.reader?.article.id != article.id {
            let width = readerWidth(state)
            let lines = state.settings.typesetter.typeset(article, width: width)
            var top = 0
            if let saved = state.positions[article.id] { top = line(for: saved, in: lines) }
            state.reader = ReaderState(article: article, lines: lines, layoutWidth: width, top: top)
            scrollReader(&state, by: 0)
        }
        // A search result opens on its first match, every match highlighted.
        if let query = state.results?.query, state.reader?.find?.query != query {
            findInReader(&state, query: query, fromTop: false)
        }
        return markRead(&state)
    }

    /// `b` and `u` change the bookmarks: while they cannot be saved, refused with the reason.
    static func refusedWhileBookmarksUnsaved(_ state: inout AppState) -> Bool {
        guard let problem = state.bookmarksProblem else { return false }
        state.message = StatusMessage("not changed: " + problem, isError: true)
        return true
    }

    /// Opening an article in the reader marks it read, once.
    /// It is also where the next start comes back to, kept at once rather than only on quit,
    /// so a killed or crashed session still returns to it.
    static func markRead(_ state: inout AppState) -> [Effect] {
        guard state.focus == .reader || state.zoomed, let id = state.reader?.article.id else { return [] }
        var changes: [ReadingChange] = []
        if !state.read.contains(id) {
            state.read.insert(id)
            changes.append(.markRead(id, true))
        }
        if let place = place(of: state), place.article == id, state.savedPlace != place {
            state.savedPlace = place
            changes.append(.last(place))
        }
        return changes.isEmpty ? [] : [.saveReading(changes)]
    }

    /// The reading position of the article in the reader, to save before it is replaced.
    static func savePosition(_ state: AppState) -> [Effect] {
        guard let reader = state.reader else { return [] }
        let position = position(of: reader)
        guard state.positions[reader.article.id] != position else { return [] }
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
            if state.positions[reader.article.id] != position { changes.append(.position(reader.article.id, position)) }
        }
        if let place = place(of: state) { changes.append(.last(place)) }
        return changes.isEmpty ? [] : [.saveReading(changes)]
    }

    /// Where the reader is: the article it shows (or else the one selected), with its own
    /// issue and section — a bookmark's or a search result's, not the issue underneath.
    static func place(of state: AppState) -> ReadingState.Place? {
        let newest = state.issues.first?.date
        if let hit = state.selectedHit, state.reader == nil || state.reader?.article.id == hit.id {
            return ReadingState.Place(paper: hit.paper, date: hit.date, section: hit.section, article: hit.id, newest: newest)
        }
        if let b = state.selectedBookmark, state.reader == nil || state.reader?.article.id == b.id {
            return ReadingState.Place(paper: b.paper, date: b.date, section: b.section, article: b.id, newest: newest)
        }
        if !state.inBookmarks, state.results == nil, let issue = state.issue, let section = state.section,
           let id = state.selectedSummary?.id {
            return ReadingState.Place(paper: issue.paper, date: issue.date, section: section.name, article: id, newest: newest)
        }
        return nil
    }

    /// Applies the place the last session stopped at, once its issue is loaded.
    static func restorePlace(_ state: inout AppState) -> [Effect] {
        guard let place = state.pendingRestore, let catalog = state.catalog, let issue = state.issue else { return [] }
        guard issue.paper == place.paper, issue.date == place.date else { return [] }
        state.pendingRestore = nil
        if let s = catalog.sections.firstIndex(where: { $0.name == place.section }) {
            state.sectionIndex = s
            state.articleIndex = catalog.sections[s].articles.firstIndex { $0.id == place.article } ?? 0
        }
        keepSelectionVisible(&state)
        return loadSectionIfNeeded(&state)
    }

    static func toggleBookmark(_ state: inout AppState) -> [Effect] {
        guard let id = state.selectedID else { return [] }
        if let existing = state.bookmarks.first(where: { $0.id == id }) {
            // In the bookmarks list the row stays (☆): b toggles the article in front of the
            // reader, and never moves on to the next bookmark.
            if state.inBookmarks { state.unbookmarkedRows.append(existing) }
            state.bookmarks.removeAll { $0.id == id }
            state.removedBookmarks.append(existing)
            state.message = StatusMessage("bookmark removed — b or u puts it back")
            return [.removeBookmark(id)]
        }
        let bookmark: Bookmark
        if let removed = state.unbookmarkedRows.first(where: { $0.id == id }) {
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
            state.bookmarks.insert(bookmark, at: 0)
        } else {
            state.bookmarks = BookmarkStore.newestFirst(state.bookmarks + [bookmark])
        }
        state.removedBookmarks.removeAll { $0.id == id }
        state.message = StatusMessage("★ bookmarked")
        return [.addBookmark(bookmark)]
    }

    // MARK: reader

    static func readerWidth(_ state: AppState) -> Int {
        let layout = layoutOf(state)
        if let text = layout.readerText { return text.width }
        // The reader is hidden (one pane at a time): set it for the width it will have.
        let full = layoutOf(state, focus: .reader)
        return full.readerText?.width ?? max(1, state.width)
    }

    static func readerHeight(_ state: AppState) -> Int {
        let full = layoutOf(state, focus: .reader)
        return max(1, layoutOf(state).readerText?.height ?? full.readerText?.height ?? state.height - 2)
    }

    static func scrollReader(_ state: inout AppState, by step: Int) {
        guard var reader = state.reader else { return }
        let maxTop = max(0, reader.lines.count - readerHeight(state))
        reader.top = min(max(0, clampedAdd(reader.top, step)), maxTop)
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
        let layout = layoutOf(state)
        // A pane the layout hides (zoomed, or a narrow window) keeps the rows it has when shown.
        func visibleRows(_ pane: Pane) -> Int {
            let shown = layout.contentHeight(of: pane)
            return max(1, shown > 0 ? shown : layoutOf(state, focus: pane, zoomed: false).contentHeight(of: pane))
        }
        let sectionRows = visibleRows(.sections), articleRows = visibleRows(.articles)
        func adjust(_ scroll: inout Int, selection: Int, count: Int, visible: Int) {
            if selection < scroll { scroll = selection }
            if selection >= scroll + visible { scroll = selection - visible + 1 }
            scroll = max(0, min(scroll, max(0, count - visible)))
        }
        // The sections list starts with the search results and bookmarks rows.
        adjust(&state.sectionScroll, selection: state.sectionsRow, count: state.sectionsRows.count, visible: sectionRows)
        adjust(&state.articleScroll, selection: state.articleIndex, count: state.listCount, visible: articleRows)
    }

    public static func layoutOf(_ state: AppState) -> PaneLayout {
        layoutOf(state, focus: state.focus)
    }

    /// The layout at the state's size as it would be with `focus` (and `zoomed`).
    static func layoutOf(_ state: AppState, focus: Pane, zoomed: Bool? = nil) -> PaneLayout {
        PaneLayout.compute(width: state.width, height: state.height, focus: focus, zoomed: zoomed ?? state.zoomed,
                           measure: state.settings.measureCharacters * 2)
    }
}
