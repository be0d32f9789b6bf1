import DubaoTerminal
import DubaoStore
import DubaoLayout
import DubaoModel
import DubaoText

/// Commands: what each entry of `Command` does, and motions in the focused pane.
extension Reducer {
    static func run(_ state: inout AppState, _ command: Command, count: Int) -> [Effect] {
        let layout = state.viewport.layout
        switch command {
        case .moveDown, .moveUp, .halfPageDown, .halfPageUp, .pageDown, .pageUp, .top, .bottom:
            var effects: [Effect] = []
            if command == .bottom, state.viewport.focus == .articles, state.inResults {
                effects = listResultsToEnd(&state)
            } else {
                state.search.searching?.toEnd = false
            }
            return effects + move(&state, command, count: count, layout: layout)
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
                state.status.message = StatusMessage(state.settings.texts[onBookmarks ? .bookmarksBeforeFirstSection : .firstSection])
                return []
            }
            return selectSection(&state, .section(max(0, i - count)), article: .first)
        case .nextSection:
            // From the bookmarks, above the sections, the first section is one step on.
            let next = state.navigation.sectionIndex.map { $0 + count } ?? count - 1
            guard (state.navigation.sectionIndex.map { $0 + 1 } ?? 0) < state.sections.count else {
                state.status.message = StatusMessage(state.settings.texts[.lastSection])
                return []
            }
            return selectSection(&state, .section(next), article: .first)
        case .bookmark:
            if refusedWhileBookmarksUnsaved(&state) { return [] }
            return toggleBookmark(&state)
        case .undo:
            return undo(&state)
        case .nextUnread:
            return stepUnread(&state, .next)
        case .previousUnread:
            return stepUnread(&state, .previous)
        case .markSectionRead:
            return markSectionRead(&state)
        case .toggleUnreadOnly:
            return toggleUnreadOnly(&state)
        case .markIssueRead:
            return markIssueRead(&state)
        case .toggleRead:
            guard let id = state.selectedID else { return [] }
            let nowRead = !state.userData.read.contains(id)
            if nowRead { state.userData.read.insert(id) } else { state.userData.read.remove(id) }
            let t = state.settings.texts
            state.status.message = StatusMessage(t[nowRead ? .markedRead : .markedUnread]
                                                 + (state.userData.readingProblem != nil ? t[.keptUntilQuit] : ""))
            return [.saveReading([.markRead(id, nowRead)])]
        case .nextArticle:
            return stepArticle(&state, forward: true, count: count)
        case .previousArticle:
            return stepArticle(&state, forward: false, count: count)
        case .previousIssue:
            guard state.navigation.issueIndex + count < state.navigation.issues.count else {
                state.status.message = StatusMessage(state.settings.texts[.oldestIssue])
                return []
            }
            return selectIssue(&state, state.navigation.issueIndex + count, force: false)
        case .nextIssue:
            guard state.navigation.issueIndex - count >= 0 else {
                state.status.message = StatusMessage(state.settings.texts[.newestIssue])
                return []
            }
            return selectIssue(&state, state.navigation.issueIndex - count, force: false)
        case .issueList:
            // A box is modal: it keeps j, k and the rest for itself. With no other issue to
            // choose it only stood over the paper and swallowed the next keys (the sample
            // paper's single issue), so `d` says what there is instead.
            guard state.navigation.issues.count > 1 else {
                state.status.message = StatusMessage(onlyIssue(state))
                return []
            }
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
        case .copy, .save, .pager:
            return export(&state, command)
        case .help:
            state.overlay = .help(ListState())
        case .reload:
            return [.reloadLibrary]
        case .redraw:
            return [.redraw]
        }
        return []
    }

    /// What `d` says while the library has no issue to choose between.
    static func onlyIssue(_ state: AppState) -> String {
        let t = state.settings.texts
        guard let issue = state.issue else { return t[.noIssuesToList] }
        if state.navigation.isSample { return t[.sampleIsOnlyIssue] }
        return t(.onlyIssue, issue.paper, issue.date)
    }

    static func move(_ state: inout AppState, _ command: Command, count: Int, layout: PaneLayout) -> [Effect] {
        let pane = state.viewport.focus
        var page: Int
        if pane == .reader {
            page = max(1, (layout.readerText?.height ?? state.viewport.height) - 1)
        } else {
            page = max(1, layout.contentHeight(of: pane) > 0 ? layout.contentHeight(of: pane) : state.viewport.height - 2)
        }
        // Rows of the article pane may take two lines or three: a page is the rows shown.
        if pane == .articles {
            page = state.navigation.articles.rowsShown(lines: page, count: state.listCount, height: articleRowHeights(state))
        }
        guard let step = ListState.step(command, count: count, page: page) else { return [] }
        switch pane {
        case .reader:
            // A page on from the article's end goes on to the next unread one, as Space does in
            // newsboat and mutt: the whole of this one has been shown.
            if command == .pageDown, atEnd(state) { return stepUnread(&state, .next) }
            return scrollReaderReading(&state, by: step)
        case .sections:
            return selectSectionsRow(&state, max(0, ListState.adding(state.sectionsRow, step)))
        case .articles:
            return selectArticle(&state, ListState.adding(state.navigation.articles.selection, step))
        }
    }
}
