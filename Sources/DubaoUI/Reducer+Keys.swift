import DubaoTerminal
import DubaoStore
import DubaoLayout
import DubaoModel
import DubaoText

/// Keys and the mouse: counts, overlays, clicks and the wheel, turned into commands.
extension Reducer {
    static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        state.status.message = nil
        if case .resize(let w, let h) = key { return reduceAction(&state, .resize(width: w, height: h)) }
        if state.search.queryLine != nil { return handleQueryKey(&state, key) }
        // A search that waits for the reader to scroll is not under way: Esc goes back, as always.
        if let search = state.search.searching, !search.waiting, case .escape = key {
            state.search.searching = nil
            state.status.message = StatusMessage(state.settings.texts(.searchCancelled, search.query))
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
            state.status.message = StatusMessage(state.settings.texts(.keyNotBound, key))
            return []
        }
        if let n = typedCount, command == .top || command == .bottom {
            return goTo(&state, n)
        }
        return run(&state, command, count: typedCount ?? 1)
    }

    /// `3G` / `3g`, as in vim: the third section or the third article of the focused list, or
    /// the third line of the article at the top of the reader.
    static func goTo(_ state: inout AppState, _ n: Int) -> [Effect] {
        let index = max(0, n - 1)
        switch state.viewport.focus {
        case .reader:
            guard let reader = state.reader else { return [] }
            scrollReader(&state, by: index - reader.top)
            return []
        case .sections:
            // A count names a section, as it names an article in the article pane: the ★ and
            // 搜索 rows above the sections come and go, so counting them would move `5G`'s
            // target with them. `g` and `k` reach those rows.
            guard !state.sections.isEmpty else { return [] }
            return selectSection(&state, .section(min(index, state.sections.count - 1)), article: .first)
        case .articles:
            return selectArticle(&state, index)
        }
    }

    static func handleOverlayKey(_ state: inout AppState, _ overlay: Overlay, _ key: KeyEvent) -> [Effect] {
        let command = state.keymap.command(for: key)
        switch overlay {
        case .help(var list):
            // Scrolling stops where the last entry shows, so k moves at once on the way back.
            if let step = command.flatMap({ overlayStep($0, state) }) {
                list.scroll(by: step, maxOffset: HelpOverlay.maxScroll(state))
                state.overlay = .help(list)
            } else if command == .quit {
                return run(&state, .quit, count: 1)
            } else {
                state.overlay = nil
            }
        case .issues(var list):
            let count = state.navigation.issues.count
            if let step = command.flatMap({ overlayStep($0, state) }) {
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
            case .reader: return scrollReaderReading(&state, by: step)
            case .sections: return selectSectionsRow(&state, state.sectionsRow + step.signum())
            case .articles: return selectArticle(&state, state.navigation.articles.selection + step.signum())
            }
        case .press:
            state.viewport.focus = pane
            let row = mouse.y - rect.y - 1
            guard row >= 0 else { return [] }
            switch pane {
            case .sections:
                let index = state.navigation.sections.offset + row
                if index < state.sectionsRows.count { return selectSectionsRow(&state, index) }
            case .articles:
                if let index = state.navigation.articles.row(atLine: row, count: state.listCount,
                                                             height: articleRowHeights(state)) {
                    return selectArticle(&state, index)
                }
            case .reader:
                break
            }
            return []
        }
    }

    /// A box over the panes shows as many rows as the screen has room for: a new size moves
    /// its first row so that the box stays full and the selection in it.
    /// How far a motion moves in a box over the panes: a page and half a page alike are half
    /// the screen, so a box never skips an entry it did not show.
    static func overlayStep(_ command: Command, _ state: AppState) -> Int? {
        let half: Command
        switch command {
        case .pageDown: half = .halfPageDown
        case .pageUp: half = .halfPageUp
        default: half = command
        }
        return ListState.step(half, count: 1, page: state.viewport.height)
    }

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
