import DubaoTerminal
import DubaoLayout
import DubaoText

/// The bottom line: paper, date, section, article n/m, reading position, and the keys that matter now.
enum StatusLine {
    static func draw(into grid: inout ScreenGrid, rect: Rect, state: AppState) {
        grid.fill(rect, style: .status)
        if let line = state.search.queryLine {
            drawQueryLine(line, into: &grid, rect: rect, state: state)
            return
        }
        var message = state.status.message
        if message == nil, let search = state.search.searching, !search.waiting {
            let t = state.settings.texts
            let count = search.total > 0 ? t(.searchingIssues, search.done, search.total) : ""
            message = StatusMessage(t(.searching, DisplaySanitizer.sanitize(search.query), count))
        }
        if let message {
            // A message is what the user needs to see now: it wins the space over the position.
            let left = leftText(state, level: 0)
            let leftWidth = DisplayWidth.of(left)
            let text = DisplaySanitizer.sanitize(message.text)
            let room = max(0, rect.width - min(leftWidth, rect.width / 3) - 1)
            guard DisplayWidth.of(text) <= room else {
                drawWrapped(text, style: message.isError ? .notice : .status, into: &grid, rect: rect)
                return
            }
            let x = rect.x + rect.width - DisplayWidth.of(text) - 1
            grid.put(Truncation.truncate(left, toWidth: max(0, x - rect.x - 1)), x: rect.x, y: rect.y,
                     maxWidth: max(0, x - rect.x - 1), style: .status)
            grid.put(text, x: x, y: rect.y, style: message.isError ? .notice : .status)
            return
        }
        let (fitted, hintText) = fit(state, width: rect.width)
        grid.put(Truncation.truncate(fitted, toWidth: rect.width), x: rect.x, y: rect.y, style: .status)
        if !hintText.isEmpty {
            grid.put(hintText, x: rect.x + rect.width - DisplayWidth.of(hintText) - 1, y: rect.y, style: .statusKey)
        }
    }

    /// A message longer than the room beside the position: the whole line is its, and what
    /// does not fit wraps onto the rows above, over the bottom of the panes, until the next key
    /// clears it. Wrapped rather than scrolled: all of it can be read at once, at the reader's
    /// pace, with no timer waking the loop to move it; and the panes keep their size, so a
    /// message never moves the reading place or the selection.
    static func drawWrapped(_ text: String, style: StyleRole, into grid: inout ScreenGrid, rect: Rect) {
        let width = max(1, rect.width - 2)
        let lines = PaneChrome.wrapped(text, width: width, rows: rect.y + 1)
        for (i, line) in lines.enumerated() {
            let y = rect.y - lines.count + 1 + i
            grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: .status)
            grid.put(line, x: rect.x + 1, y: y, maxWidth: width, style: style)
        }
    }

    /// How far the left part is shortened: 0 whole; 1 the paper's name cut; 2 the section's too;
    /// 3 the date without its year; 4 the paper left out.
    static let levels = 0...4

    /// The left part and the key hints that fit beside it. Names are shortened before the
    /// first keys — up to `? help` and the way back — are dropped; the others show where they fit.
    static func fit(_ state: AppState, width: Int) -> (String, String) {
        let all = hints(state)
        let back = state.keymap.keys(for: .back).first.map { key in all.firstIndex { $0.hasPrefix("\(key) ") } } ?? nil
        let essential = (back ?? min(all.count, 3) - 1) + 1
        // Where room is short, `? help` and the way back are kept first: they lead to the rest.
        let help = state.keymap.keys(for: .help).first.map { key in all.firstIndex { $0.hasPrefix("\(key) ") } } ?? nil
        let priority = [help, back].compactMap { $0 } + all.indices.filter { $0 != help && $0 != back }
        func hintsBeside(_ left: String) -> (kept: [String], essentials: Int) {
            var chosen: Set<Int> = [], essentials = 0
            var used = DisplayWidth.of(left) + 1
            for i in priority {
                let w = DisplayWidth.of(all[i]) + 2
                if used + w > width { continue }
                chosen.insert(i)
                if i < essential { essentials += 1 }
                used += w
            }
            return (all.indices.filter(chosen.contains).map { all[$0] }, essentials)
        }
        var best: (left: String, hints: [String], essentials: Int)?
        for level in levels {
            let left = leftText(state, level: level)
            let (kept, essentials) = hintsBeside(left)
            if essentials == essential { return (left, kept.joined(separator: "  ")) }
            if best == nil || essentials > best!.essentials { best = (left, kept, essentials) }
        }
        return (best?.left ?? "", best?.hints.joined(separator: "  ") ?? "")
    }

    /// Paper, date, what is listed, n/m, position, match, count: of the article selected, which
    /// for a bookmark or a search result is of its own issue, not of the issue underneath.
    static func leftText(_ state: AppState, level: Int) -> String {
        var parts: [String] = []
        // First, so no shortening hides it: while a file is damaged, changes are not kept.
        if let flag = notSavingFlag(state) { parts.append(flag) }
        var paper = state.issue.map(\.paper)
        var date = state.issue.map(\.date)
        if let hit = state.selectedHit {
            (paper, date) = (hit.paper, hit.date)
        } else if let bookmark = state.selectedBookmark {
            (paper, date) = (bookmark.paper, bookmark.date)
        }
        if let paper, let date {
            var name = DisplaySanitizer.sanitize(paper)
            if level >= 1 { name = Truncation.truncate(name, toWidth: 8) }
            let day = date.label(withYear: level < 3)
            let sample = state.navigation.isSample && !state.inResults && !state.inBookmarks ? " " + state.settings.texts[.sampleMark] : ""
            parts.append(level >= 4 ? day + sample : "\(name) \(day)\(sample)")
        }
        var listing: String
        switch state.listing {
        case .bookmarks: listing = state.settings.texts[.bookmarksTitle]
        case .searchResults:
            // Short of room, `/渡口` rather than `search: …`.
            let query = DisplaySanitizer.sanitize(state.search.results?.query ?? "")
            listing = state.settings.texts[.resultsEntry] + query
            if level >= 2, DisplayWidth.of(listing) > 10 { listing = "/" + query }
        case .section: listing = state.section.map(SectionsView.label) ?? ""
        }
        if level >= 2 { listing = Truncation.truncate(listing, toWidth: 10) }
        if !listing.isEmpty { parts.append(listing) }
        if state.listCount > 0 {
            let star = state.selectedID.map { state.bookmarked.contains($0) } == true ? " ★" : ""
            let count = state.listing == .searchResults ? state.search.results?.countLabel ?? "\(state.listCount)" : "\(state.listCount)"
            parts.append("\(state.navigation.articles.selection + 1)/\(count)\(star)")
        }
        if let text = state.viewport.layout.readerText, let pct = ReaderView.percent(state, visible: text.height) {
            parts.append("\(pct)%")
            if let find = state.reader?.find { parts.append(state.settings.texts(.matchPosition, find.current + 1, find.matches.count)) }
        }
        if let count = state.status.count { parts.append("\(count)") }
        return " " + parts.joined(separator: " │ ")
    }

    /// What is not being saved until dubao quits, if anything.
    static func notSavingFlag(_ state: AppState) -> String? {
        let t = state.settings.texts
        switch (state.userData.bookmarksProblem != nil, state.userData.readingProblem != nil) {
        case (true, true): return t[.notSaving]
        case (true, false): return t[.notSavingBookmarks]
        case (false, true): return t[.notSavingReading]
        case (false, false): return nil
        }
    }

    /// The query line's prompt, and its own keys, fixed whatever the keymap says.
    static func queryPrompt(_ scope: QueryLine.Scope, _ texts: Texts) -> (prompt: String, hint: String) {
        scope == .library ? (texts[.promptSearchAll], texts[.promptSearchKeys]) : (texts[.promptFind], texts[.promptFindKeys])
    }

    /// Where the query line's parts go on a line `width` cells wide: the prompt's cells, the
    /// cells for the text and its cursor, and whether the hint shows at the right.
    static func queryLayout(width: Int, scope: QueryLine.Scope, texts: Texts) -> (prompt: Int, room: Int, hint: Bool) {
        let (prompt, hint) = queryPrompt(scope, texts)
        let promptWidth = min(DisplayWidth.of(prompt), width / 2)
        var room = width - promptWidth - 1
        let hintShown = DisplayWidth.of(hint) + 2 <= room - 12
        if hintShown { room -= DisplayWidth.of(hint) + 2 }
        return (promptWidth, max(0, room), hintShown)
    }

    /// The cells the query line has for its text and cursor, which the reducer scrolls the
    /// text in.
    static func queryRoom(_ state: AppState, scope: QueryLine.Scope) -> Int {
        queryLayout(width: state.viewport.layout.status.width, scope: scope, texts: state.settings.texts).room
    }

    /// The query being typed, after its prompt, with the terminal's cursor at the line's
    /// cursor; a query too long for the line scrolls, `…` standing for what is out of sight.
    static func drawQueryLine(_ line: QueryLine, into grid: inout ScreenGrid, rect: Rect, state: AppState) {
        let (prompt, hint) = queryPrompt(line.scope, state.settings.texts)
        let layout = queryLayout(width: rect.width, scope: line.scope, texts: state.settings.texts)
        let promptWidth = grid.put(Truncation.truncate(prompt, toWidth: layout.prompt), x: rect.x, y: rect.y,
                                   maxWidth: layout.prompt, style: .statusKey)
        if layout.hint {
            grid.put(hint, x: rect.x + rect.width - DisplayWidth.of(hint) - 1, y: rect.y, style: .statusDim)
        }
        guard layout.room > 1 else { return }
        let window = line.window(room: layout.room)
        grid.put(window.text, x: rect.x + promptWidth, y: rect.y, maxWidth: layout.room, style: .status)
        grid.cursor = GridPoint(x: rect.x + promptWidth + window.cursorColumn, y: rect.y)
    }

    /// The few keys that matter in the focused pane, read from the keymap so rebinding shows.
    static func hints(_ state: AppState) -> [String] {
        var commands: [(Command, Phrase)]
        switch (state.viewport.focus, state.viewport.zoomed) {
        // Most important first; help and the way back come early, as they are how to find the rest.
        case (.sections, _): commands = [(.moveDown, .hintSection), (.open, .hintOpen), (.help, .hintHelp),
                                         (.back, state.inResults ? .hintBack : .hintQuit), (.search, .hintSearch)]
        case (.articles, _): commands = [(.moveDown, .hintArticle), (.open, .hintRead), (.help, .hintHelp), (.back, .hintBack),
                                         (.bookmark, .hintBookmark), (.nextSection, .hintSection), (.search, .hintSearch)]
        case (.reader, false): commands = [(.pageDown, .hintPage), (.help, .hintHelp), (.back, .hintBack), (.nextArticle, .hintNext),
                                           (.bookmark, .hintBookmark), (.zoom, .hintZoom), (.search, .hintFind)]
        case (.reader, true): commands = [(.pageDown, .hintPage), (.help, .hintHelp), (.back, .hintBack), (.nextArticle, .hintNext),
                                          (.zoom, .hintUnzoom)]
        }
        // At the article's end a page goes on to the next unread one: say so where paging was.
        if state.viewport.focus == .reader || state.viewport.zoomed, Reducer.atEnd(state),
           let i = commands.firstIndex(where: { $0.0 == .pageDown }) {
            commands[i].1 = .hintNextUnread
        }
        if state.reader?.find != nil, state.viewport.focus == .reader || state.viewport.zoomed {
            commands.insert((.nextMatch, .hintMatch), at: 0)
        }
        return commands.compactMap { command, label in
            guard let key = state.keymap.keys(for: command).first else { return nil }
            return "\(key) \(state.settings.texts[label])"
        }
    }
}
