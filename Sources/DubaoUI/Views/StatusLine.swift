import DubaoLayout

/// The bottom line: paper, date, section, article n/m, reading position, and the keys that matter now.
enum StatusLine {
    static func draw(into grid: inout ScreenGrid, rect: Rect, state: AppState) {
        grid.fill(rect, style: .status)
        if let line = state.queryLine {
            drawQueryLine(line, into: &grid, rect: rect, state: state)
            return
        }
        var parts: [String] = []
        // First, so no shortening hides it: while a file is damaged, changes are not kept.
        if let flag = notSavingFlag(state) { parts.append(flag) }
        if let issue = state.issue {
            parts.append("\(DisplaySanitizer.sanitize(issue.paper)) \(issue.date)\(state.isSample ? " (sample)" : "")")
        }
        switch state.listing {
        case .bookmarks: parts.append("书签")
        case .searchResults: parts.append("搜索：" + DisplaySanitizer.sanitize(state.results?.query ?? ""))
        case .section: if let section = state.section { parts.append(SectionsView.label(section)) }
        }
        if state.listCount > 0 {
            let star = state.selectedID.map { state.bookmarked.contains($0) } == true ? " ★" : ""
            parts.append("\(state.articleIndex + 1)/\(state.listCount)\(star)")
        }
        if let text = Reducer.layoutOf(state).readerText, let pct = ReaderView.percent(state, visible: text.height) {
            parts.append("\(pct)%")
            if let find = state.reader?.find { parts.append("match \(find.current + 1)/\(find.matches.count)") }
        }
        if let count = state.count { parts.append("\(count)") }
        let left = " " + parts.joined(separator: " │ ")

        let leftWidth = DisplayWidth.of(left)
        if let message = state.message {
            // A message is what the user needs to see now: it wins the space over the position.
            let text = DisplaySanitizer.sanitize(message.text)
            let room = max(0, rect.width - min(leftWidth, rect.width / 3) - 1)
            let shown = Truncation.truncate(text, toWidth: room)
            let x = rect.x + rect.width - DisplayWidth.of(shown) - 1
            grid.put(Truncation.truncate(left, toWidth: max(0, x - rect.x - 1)), x: rect.x, y: rect.y,
                     maxWidth: max(0, x - rect.x - 1), style: .status)
            grid.put(shown, x: x, y: rect.y, style: message.isError ? .notice : .status)
            return
        }
        grid.put(Truncation.truncate(left, toWidth: rect.width), x: rect.x, y: rect.y, style: .status)
        // Key hints fill what is left, whole hints only, most important first.
        var hintText = ""
        for hint in hints(state) {
            let candidate = hintText.isEmpty ? hint : hintText + "  " + hint
            if leftWidth + 2 + DisplayWidth.of(candidate) + 1 > rect.width { break }
            hintText = candidate
        }
        if !hintText.isEmpty {
            grid.put(hintText, x: rect.x + rect.width - DisplayWidth.of(hintText) - 1, y: rect.y, style: .statusKey)
        }
    }

    /// What is not being saved this session, if anything.
    static func notSavingFlag(_ state: AppState) -> String? {
        switch (state.bookmarksProblem != nil, state.readingProblem != nil) {
        case (true, true): return "NOT SAVING"
        case (true, false): return "NOT SAVING bookmarks"
        case (false, true): return "NOT SAVING reading"
        case (false, false): return nil
        }
    }

    /// The query being typed, after its prompt, with a block for the cursor; a query too long
    /// for the line loses its beginning, never its end, so what is being typed always shows.
    static func drawQueryLine(_ line: QueryLine, into grid: inout ScreenGrid, rect: Rect, state: AppState) {
        let prompt = line.scope == .library ? " 搜索 search all: " : " 查找 find in article: "
        // The query line's own keys, fixed whatever the keymap says.
        let hint = "Enter \(line.scope == .library ? "search" : "find")  Esc cancel  C-u clear"
        let promptWidth = grid.put(Truncation.truncate(prompt, toWidth: rect.width / 2), x: rect.x, y: rect.y,
                                   maxWidth: rect.width / 2, style: .statusKey)
        var room = rect.width - promptWidth - 1
        if DisplayWidth.of(hint) + 2 <= room - 12 {
            grid.put(hint, x: rect.x + rect.width - DisplayWidth.of(hint) - 1, y: rect.y, style: .statusDim)
            room -= DisplayWidth.of(hint) + 2
        }
        let text = tail(DisplaySanitizer.sanitize(line.text), fitting: max(0, room - 1))
        let used = grid.put(text, x: rect.x + promptWidth, y: rect.y, maxWidth: max(0, room - 1), style: .status)
        if room > 0 { grid.put("█", x: rect.x + promptWidth + used, y: rect.y, maxWidth: 1, style: .status) }
    }

    /// The end of `text` in at most `width` cells, `…` first when its beginning was dropped.
    static func tail(_ text: String, fitting width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 1 else { return "" }
        var kept = ""
        var used = 0
        for c in text.reversed() {
            let w = DisplayWidth.of(String(c))
            if used + w > width - 1 { break }
            kept.insert(c, at: kept.startIndex)
            used += w
        }
        return "…" + kept
    }

    /// The few keys that matter in the focused pane, read from the keymap so rebinding shows.
    static func hints(_ state: AppState) -> [String] {
        var commands: [(Command, String)]
        switch (state.focus, state.zoomed) {
        case (.sections, _): commands = [(.moveDown, "版面"), (.open, "open"), (.help, "help"),
                                         (.back, state.inResults ? "back" : "quit"), (.search, "search")]
        case (.articles, _): commands = [(.moveDown, "article"), (.open, "read"), (.bookmark, "bookmark"), (.nextSection, "版面"), (.help, "help"), (.back, "back"), (.search, "search")]
        case (.reader, false): commands = [(.pageDown, "page"), (.nextArticle, "next"), (.bookmark, "bookmark"), (.zoom, "zoom"), (.help, "help"), (.back, "back"), (.search, "find")]
        case (.reader, true): commands = [(.pageDown, "page"), (.nextArticle, "next"), (.zoom, "unzoom"), (.back, "back")]
        }
        if state.reader?.find != nil, state.focus == .reader || state.zoomed {
            commands.insert((.nextMatch, "match"), at: 0)
        }
        return commands.compactMap { command, label in
            guard let key = state.keymap.keys(for: command).first else { return nil }
            return "\(key) \(label)"
        }
    }
}
