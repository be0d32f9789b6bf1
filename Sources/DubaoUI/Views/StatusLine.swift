import DubaoLayout

/// The bottom line: paper, date, section, article n/m, reading position, and the keys that matter now.
enum StatusLine {
    static func draw(into grid: inout ScreenGrid, rect: Rect, state: AppState) {
        grid.fill(rect, style: .status)
        var parts: [String] = []
        if let issue = state.issue {
            parts.append("\(DisplaySanitizer.sanitize(issue.paper)) \(issue.date)\(state.isSample ? " (sample)" : "")")
        }
        if state.inBookmarks { parts.append("书签") } else if let section = state.section { parts.append(SectionsView.label(section)) }
        if state.listCount > 0 {
            let star = state.selectedID.map { state.bookmarked.contains($0) } == true ? " ★" : ""
            parts.append("\(state.articleIndex + 1)/\(state.listCount)\(star)")
        }
        if let text = Reducer.layoutOf(state).readerText, let pct = ReaderView.percent(state, visible: text.height) {
            parts.append("\(pct)%")
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

    /// The few keys that matter in the focused pane, read from the keymap so rebinding shows.
    static func hints(_ state: AppState) -> [String] {
        let commands: [(Command, String)]
        switch (state.focus, state.zoomed) {
        case (.sections, _): commands = [(.moveDown, "版面"), (.open, "open"), (.help, "help"), (.back, "quit")]
        case (.articles, _): commands = [(.moveDown, "article"), (.open, "read"), (.bookmark, "bookmark"), (.nextSection, "版面"), (.help, "help"), (.back, "back")]
        case (.reader, false): commands = [(.pageDown, "page"), (.nextArticle, "next"), (.bookmark, "bookmark"), (.zoom, "zoom"), (.help, "help"), (.back, "back")]
        case (.reader, true): commands = [(.pageDown, "page"), (.nextArticle, "next"), (.zoom, "unzoom"), (.back, "back")]
        }
        return commands.compactMap { command, label in
            guard let key = state.keymap.keys(for: command).first else { return nil }
            return "\(key) \(label)"
        }
    }
}
