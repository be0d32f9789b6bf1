import DubaoTerminal
import DubaoLayout
import DubaoText

/// A centred box drawn over the panes.
enum OverlayBox {
    static func frame(into grid: inout ScreenGrid, width: Int, height: Int, title: String) -> Rect {
        let w = min(width, grid.width - 2), h = min(height, grid.height - 2)
        let rect = Rect(x: (grid.width - w) / 2, y: max(0, (grid.height - 1 - h) / 2), width: w, height: h)
        guard w >= 4, h >= 3 else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        grid.fill(rect, style: .normal)
        let horizontal = String(repeating: "─", count: w - 2)
        grid.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: .overlayBorder)
        grid.put("└" + horizontal + "┘", x: rect.x, y: rect.y + h - 1, style: .overlayBorder)
        for y in (rect.y + 1)..<(rect.y + h - 1) {
            grid.put("│", x: rect.x, y: y, style: .overlayBorder)
            grid.put("│", x: rect.x + w - 1, y: y, style: .overlayBorder)
        }
        let label = Truncation.truncate(" \(title) ", toWidth: w - 4)
        grid.put(label, x: rect.x + 2, y: rect.y, style: .overlayBorder)
        return Rect(x: rect.x + 2, y: rect.y + 1, width: w - 4, height: h - 2)
    }
}

/// `?`: every command with its keys, generated from the keymap in use.
enum HelpOverlay {
    static func lines(_ keymap: Keymap, _ texts: Texts) -> [(keys: String, summary: String)] {
        Command.allCases.compactMap { command in
            let keys = keymap.keys(for: command)
            guard !keys.isEmpty else { return nil }
            return (keys.map(\.description).joined(separator: ", "), texts[command.summary])
        } + marks(texts)
    }

    /// What the marks in the lists mean, and when an article counts as read, after the keys.
    static func marks(_ texts: Texts) -> [(keys: String, summary: String)] {
        [("•", texts[.markUnread]), ("★ ☆", texts[.markBookmarked]), (texts[.missingMark], texts[.markMissing]),
         ("— 完 —", texts[.markEnd])]
    }

    /// The box's title, naming the keys in use: a rebinding must not leave it saying `q`.
    static func title(_ keymap: Keymap, _ texts: Texts) -> String {
        let close = keymap.keys(for: .back).first.map { texts(.helpCloses, $0) } ?? texts[.helpOtherKeysClose]
        let motion = keymap.keys(for: .moveDown).first { if case .character = $0 { true } else { false } }
        return texts(.helpTitle, close) + (motion.map { texts(.helpCountExample, "5\($0)") } ?? "")
    }

    /// The hint on the frame when entries lie below or above: the first key of each command
    /// that gets there, so it stays true whatever the config binds.
    static func scrollHint(_ keymap: Keymap, down: Bool, _ texts: Texts) -> String {
        let commands: [Command] = down ? [.moveDown, .pageDown, .bottom] : [.moveUp, .top]
        let keys = commands.compactMap { keymap.keys(for: $0).first?.description }
        let arrow = down ? texts[.helpMore] : "↑"
        if keys.isEmpty { return " \(arrow) " }
        return down ? " \(texts(.helpMoreKeys, arrow, keys.joined(separator: ", "))) " : " \(arrow) \(keys.joined(separator: ", ")) "
    }

    /// Rows of entries the help box has room for at this screen size.
    static func visibleRows(_ state: AppState) -> Int {
        let entries = lines(state.keymap, state.settings.texts).count
        return max(0, min(entries + 4, state.viewport.height - 2) - 2)
    }

    static func maxScroll(_ state: AppState) -> Int {
        max(0, lines(state.keymap, state.settings.texts).count - visibleRows(state))
    }

    static func draw(into grid: inout ScreenGrid, state: AppState, list: ListState) {
        let entries = lines(state.keymap, state.settings.texts)
        let keyWidth = min(18, entries.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let inner = OverlayBox.frame(into: &grid, width: 70, height: entries.count + 4, title: title(state.keymap, state.settings.texts))
        guard inner.width > 0 else { return }
        // The reducer keeps the first row shown within the entries (`keepOverlayInBounds`).
        let first = list.offset
        ListRows.draw(list, count: entries.count, in: inner, focused: true, selects: false, into: &grid) { grid, i, y, _, _ in
            grid.put(Truncation.truncate(entries[i].keys, toWidth: keyWidth), x: inner.x, y: y, maxWidth: keyWidth, style: .helpKey)
            grid.put(entries[i].summary, x: inner.x + keyWidth + 2, y: y,
                     maxWidth: max(0, inner.width - keyWidth - 2), style: .helpText)
        }
        // Say there is more, on the frame, when the box cannot show every key.
        let more = first + inner.height < entries.count
        if more || first > 0 {
            let hint = Truncation.truncate(scrollHint(state.keymap, down: more, state.settings.texts), toWidth: inner.width)
            grid.put(hint, x: inner.x + max(0, inner.width - DisplayWidth.of(hint)), y: inner.y + inner.height,
                     maxWidth: inner.width, style: .overlayBorder)
        }
    }
}

/// `d`: the issues in the library by date.
enum IssuePicker {
    /// The box's height: up to 30 issues, within the screen.
    static func boxHeight(_ state: AppState) -> Int { min(state.navigation.issues.count, 30) + 2 }

    /// Rows of issues the box has room for at this screen size.
    static func visibleRows(_ state: AppState) -> Int {
        max(1, min(boxHeight(state), state.viewport.height - 2) - 2)
    }

    static func draw(into grid: inout ScreenGrid, state: AppState, list: ListState) {
        let inner = OverlayBox.frame(into: &grid, width: 56, height: boxHeight(state), title: state.settings.texts[.issuesTitle])
        guard inner.width > 0 else { return }
        ListRows.draw(list, count: state.navigation.issues.count, in: inner, focused: true, into: &grid) { grid, i, y, selected, style in
            let issue = state.navigation.issues[i]
            // The issue open now stands out among the others.
            let style: StyleRole = selected ? style : (i == state.navigation.issueIndex ? .title : .normal)
            // Unread of all, as the sections pane counts them. Marks are known by the date an ID
            // begins with, so two papers of one day share theirs; the count never goes below 0.
            let read = state.navigation.readByDate?.counts[Substring(issue.date.compact)] ?? 0
            let unread = max(0, issue.articles - read)
            PaneChrome.row(left: "\(issue.date)  \(DisplaySanitizer.sanitize(issue.paper))", right: "\(unread)/\(issue.articles)",
                           into: &grid, x: inner.x, y: y, width: inner.width, style: style)
        }
    }
}

/// Below the minimum size: say so, in as much of the space as there is.
enum TooSmallNotice {
    static func draw(into grid: inout ScreenGrid, state: AppState) {
        let t = state.settings.texts
        let words = [t[.tooSmall], t(.tooSmallNeed, PaneLayout.minimumWidth, PaneLayout.minimumHeight),
                     t(.tooSmallNow, state.viewport.width, state.viewport.height)]
        for (row, text) in words.enumerated() where row < grid.height {
            grid.put(Truncation.truncate(text, toWidth: grid.width), x: 0, y: row, style: .notice)
        }
    }
}
