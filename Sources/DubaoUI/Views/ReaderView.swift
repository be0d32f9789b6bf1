import DubaoTerminal
import DubaoLayout
import DubaoText

/// The reader: the open article as the typesetter set it, from the current scroll position.
enum ReaderView {
    static func draw(into grid: inout ScreenGrid, layout: PaneLayout, state: AppState) {
        guard let rect = layout.reader, let text = layout.readerText else { return }
        let focused = state.viewport.focus == .reader
        // The status line names the section and position; here the title keeps its place when scrolled.
        let heading = state.reader.map { state.settings.display($0.article.displayTitle) } ?? ""
        PaneChrome.title(heading, right: percent(state, visible: text.height).map { "\($0)%" } ?? "", into: &grid,
                         rect: rect, focused: focused)
        guard let reader = state.reader else {
            let t = state.settings.texts
            var note = state.navigation.catalog == nil || state.selectedSummary != nil ? "…" : t[.nothingToRead]
            if let b = state.selectedBookmark, state.navigation.missingArticles.contains(b.id) {
                note = t(.bookmarkGone, DisplaySanitizer.sanitize(b.title), b.date)
            } else if state.inBookmarks && state.bookmarkRows.isEmpty {
                note = t[.noBookmarks]
            }
            PaneChrome.note(note, into: &grid, x: text.x + 1, y: text.y, width: text.width - 1, rows: text.height, style: .dim)
            return
        }
        // The article's end, marked, so a reader knows there is no more and that a page on
        // goes to the next unread article.
        let endRow = reader.lines.count - reader.top
        if endRow >= 0, endRow < text.height {
            let mark = "— 完 —"
            grid.put(mark, x: text.x + max(0, (text.width - DisplayWidth.of(mark)) / 2), y: text.y + endRow,
                     maxWidth: text.width, style: .dim)
            // Below a sample article's end, where the page is blank: how to import a real paper.
            if state.navigation.isSample, endRow + 4 < text.height {
                let width = min(text.width - 2, state.settings.measureCharacters * 2)
                PaneChrome.note(state.settings.texts[.sampleNote], into: &grid, x: text.x + max(1, (text.width - width) / 2),
                                y: text.y + endRow + 2, width: width, rows: text.height - endRow - 2, style: .dim)
            }
        }
        for row in 0..<text.height {
            let index = reader.top + row
            guard reader.lines.indices.contains(index) else { break }
            let line = reader.lines[index]
            guard !line.text.isEmpty else { continue }
            let x = text.x + line.leftOffset
            grid.put(line.text, x: x, y: text.y + row, maxWidth: text.width - line.leftOffset, style: role(line.style))
            if let find = reader.find {
                func mark(_ matches: [Highlight], _ style: StyleRole) {
                    for columns in ArticleFind.columns(on: line, matches: matches, article: reader.article) {
                        let right = min(x + columns.upperBound, text.x + text.width)
                        grid.highlight(Rect(x: x + columns.lowerBound, y: text.y + row, width: right - x - columns.lowerBound,
                                            height: 1), style: style)
                    }
                }
                mark(find.matches, .match)
                // The match n/N landed on stands out from the others, in the selection's colours
                // (which every theme sets apart from a match's).
                if find.matches.indices.contains(find.current) { mark([find.matches[find.current]], .selection) }
            }
        }
    }

    static func role(_ style: TypesetLine.Style) -> StyleRole {
        switch style {
        case .kicker: return .kicker
        case .title: return .title
        case .subtitle: return .subtitle
        case .continuedFrom, .continuation: return .continuation
        case .byline: return .byline
        case .body, .blank: return .body
        case .caption: return .caption
        }
    }

    /// How far through the article the bottom of the page is, 0–100.
    static func percent(_ state: AppState, visible: Int) -> Int? {
        guard let reader = state.reader, !reader.lines.isEmpty else { return nil }
        let scrollable = reader.extent - visible
        if scrollable <= 0 { return 100 }
        return min(100, Int((Double(reader.top) / Double(scrollable) * 100).rounded()))
    }
}
