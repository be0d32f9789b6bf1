import DubaoTerminal
import DubaoLayout

/// Draws the whole app state into a grid: the panes, the rules between them, the status line
/// and any overlay. A pure function of the state, so every screen can be tested as text.
public enum Screen {
    public static func render(_ state: AppState) -> ScreenGrid {
        var grid = ScreenGrid(width: state.viewport.width, height: state.viewport.height)
        let layout = state.viewport.layout
        if layout.mode == .tooSmall {
            TooSmallNotice.draw(into: &grid, state: state)
            return grid
        }
        for x in layout.separators {
            for y in 0..<(state.viewport.height - 1) { grid.put("│", x: x, y: y, style: .border) }
        }
        if let rect = layout.sections { SectionsView.draw(into: &grid, rect: rect, state: state) }
        if let rect = layout.articles { ArticlesView.draw(into: &grid, rect: rect, state: state) }
        if layout.reader != nil { ReaderView.draw(into: &grid, layout: layout, state: state) }
        StatusLine.draw(into: &grid, rect: layout.status, state: state)
        switch state.overlay {
        case .help(let list): HelpOverlay.draw(into: &grid, state: state, list: list)
        case .issues(let list): IssuePicker.draw(into: &grid, state: state, list: list)
        case nil: break
        }
        return grid
    }
}

/// Shared drawing for the panes' title rows and list rows.
enum PaneChrome {
    static func title(_ text: String, right: String = "", into grid: inout ScreenGrid, rect: Rect, focused: Bool) {
        let style: StyleRole = focused ? .paneTitleFocused : .paneTitle
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
        let rightText = DisplaySanitizer.sanitize(right)
        let rightWidth = rightText.isEmpty ? 0 : min(rect.width / 2, DisplayWidth.of(rightText) + 1)
        let marker = focused ? "▶" : " "
        grid.put(marker, x: rect.x, y: rect.y, maxWidth: 1, style: style)
        grid.put(Truncation.truncate(DisplaySanitizer.sanitize(text), toWidth: max(0, rect.width - 2 - rightWidth)),
                 x: rect.x + 1, y: rect.y, maxWidth: rect.width - 1 - rightWidth, style: style)
        if rightWidth > 0 {
            let clipped = Truncation.truncate(rightText, toWidth: rightWidth - 1)
            grid.put(clipped, x: rect.x + rect.width - DisplayWidth.of(clipped) - 1, y: rect.y, style: style)
        }
    }

    /// `text` wrapped to `width` cells, on at most `rows` lines: only when it needs more is it
    /// cut, at the end of the last, with `…`.
    static func wrapped(_ text: String, width: Int, rows: Int) -> [String] {
        let lines = LineBreaker(width: width).lines(of: text)
        guard rows > 0 else { return [] }
        var shown = lines.prefix(rows).map(\.text)
        if lines.count > rows {
            let utf8 = text.utf8
            let rest = text[utf8.index(utf8.startIndex, offsetBy: lines[rows - 1].sourceRange.lowerBound)...]
            shown[rows - 1] = Truncation.truncate(String(rest), toWidth: width)
        }
        return shown
    }

    /// A note in a pane (why it is empty, what is gone), wrapped onto the rows below `y` rather
    /// than cut at the pane's edge.
    static func note(_ text: String, into grid: inout ScreenGrid, x: Int, y: Int, width: Int, rows: Int, style: StyleRole) {
        for (i, line) in wrapped(DisplaySanitizer.sanitize(text), width: width, rows: rows).enumerated() {
            grid.put(line, x: x, y: y + i, maxWidth: width, style: style)
        }
    }

    /// One list row: `left` truncated with `…`, `right` flush right, the whole row in `style`.
    static func row(left: String, right: String = "", into grid: inout ScreenGrid, x: Int, y: Int, width: Int,
                    style: StyleRole, rightStyle: StyleRole? = nil) {
        guard width > 0 else { return }
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        let rightWidth = right.isEmpty ? 0 : DisplayWidth.of(right) + 1
        // A blank always stands between the two: a name cut against its count reads as one
        // word (`000_a0ce3d…8/8`), and a name ending in digits as a bigger number.
        let leftWidth = max(0, width - rightWidth - (right.isEmpty ? 0 : 1))
        grid.put(Truncation.truncate(left, toWidth: leftWidth), x: x, y: y, maxWidth: leftWidth, style: style)
        if rightWidth > 0, rightWidth <= width {
            grid.put(right, x: x + width - rightWidth, y: y, maxWidth: rightWidth, style: rightStyle ?? style)
        }
    }
}
