import DubaoCore
import DubaoLayout

/// The article list of the selected section: markers, title, and the kicker dimmed after it.
enum ArticlesView {
    static func draw(into grid: inout ScreenGrid, rect: Rect, state: AppState) {
        let focused = state.focus == .articles
        if state.inBookmarks {
            drawBookmarks(into: &grid, rect: rect, state: state, focused: focused)
            return
        }
        let summaries = state.articleSummaries
        let heading = state.section.map { SectionsView.label($0) } ?? ""
        let position = summaries.isEmpty ? "" : "\(state.articleIndex + 1)/\(summaries.count)"
        PaneChrome.title(heading, right: position, into: &grid, rect: rect, focused: focused)
        let rows = rect.height - 1
        guard rows > 0 else { return }
        if summaries.isEmpty {
            grid.put(state.catalog == nil ? " …" : " (no articles)", x: rect.x, y: rect.y + 1, maxWidth: rect.width, style: .dim)
            return
        }
        for row in 0..<rows {
            let index = state.articleScroll + row
            guard summaries.indices.contains(index) else { break }
            let a = summaries[index]
            let selected = index == state.articleIndex
            let style: StyleRole = selected ? (focused ? .selection : .selectionUnfocused) : .normal
            let y = rect.y + 1 + row
            grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
            let marker: (String, StyleRole)
            if state.bookmarked.contains(a.id) {
                marker = ("★", selected ? style : .bookmark)
            } else if !state.read.contains(a.id) {
                marker = ("•", selected ? style : .unread)
            } else {
                marker = (" ", style)
            }
            grid.put(marker.0, x: rect.x, y: y, maxWidth: 1, style: marker.1)
            var title = DisplaySanitizer.sanitize(a.title)
            if a.paragraphs == 0 { title += a.captions > 0 ? " 〔图〕" : " 〔标题〕" }
            let textWidth = rect.width - 2
            let used = grid.put(Truncation.truncate(title, toWidth: textWidth), x: rect.x + 2, y: y, maxWidth: textWidth, style: style)
            let kicker = DisplaySanitizer.sanitize(a.kicker)
            let room = textWidth - used - 2
            if !kicker.isEmpty, room >= 6 {
                grid.put(Truncation.truncate(kicker, toWidth: room), x: rect.x + 2 + used + 2, y: y, maxWidth: room,
                         style: selected ? style : .dim)
            }
        }
    }

    /// The bookmarks entry: every bookmark across all issues, newest first, with date and section.
    static func drawBookmarks(into grid: inout ScreenGrid, rect: Rect, state: AppState, focused: Bool) {
        let position = state.bookmarks.isEmpty ? "" : "\(state.articleIndex + 1)/\(state.bookmarks.count)"
        PaneChrome.title("书签 Bookmarks", right: position, into: &grid, rect: rect, focused: focused)
        let rows = rect.height - 1
        guard rows > 0 else { return }
        if state.bookmarks.isEmpty {
            grid.put(" no bookmarks yet: b on an article", x: rect.x, y: rect.y + 1, maxWidth: rect.width, style: .dim)
            return
        }
        for row in 0..<rows {
            let index = state.articleScroll + row
            guard state.bookmarks.indices.contains(index) else { break }
            let b = state.bookmarks[index]
            let selected = index == state.articleIndex
            let style: StyleRole = selected ? (focused ? .selection : .selectionUnfocused) : .normal
            let where_ = "\(b.date.month)-\(b.date.day) \(DisplaySanitizer.sanitize(b.section))"
            PaneChrome.row(left: "★ " + DisplaySanitizer.sanitize(b.title), right: where_, into: &grid, x: rect.x,
                           y: rect.y + 1 + row, width: rect.width, style: style, rightStyle: selected ? style : .dim)
        }
    }
}
