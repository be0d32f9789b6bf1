import DubaoTerminal
import DubaoStore
import DubaoLayout
import DubaoText

/// The 版面 pane: the issue's paper and date on top, then each section with its article count.
enum SectionsView {
    static func draw(into grid: inout ScreenGrid, rect: Rect, state: AppState) {
        let focused = state.viewport.focus == .sections
        var heading = state.issue.map { "\($0.paper) \($0.date)" } ?? "dubao"
        // The pane narrows to give the reader its measure; the year is what the status line
        // shows anyway, so it goes before the paper's name is cut.
        if let issue = state.issue, DisplayWidth.of(heading) > rect.width - 2 {
            // Then the paper's name is cut, not the date: `未命名… 01-01`, not `未命名报纸 01…`.
            let date = issue.date.label(withYear: false)
            let room = rect.width - 2 - DisplayWidth.of(date) - 1
            let paper = DisplaySanitizer.sanitize(issue.paper)
            heading = room >= 3 ? "\(Truncation.truncate(paper, toWidth: room).trimmingTrailing(while: { $0 == " " })) \(date)"
                                : "\(paper) \(date)"
        }
        PaneChrome.title(heading, into: &grid, rect: rect, focused: focused)
        let sections = state.sections
        let rows = rect.height - 1
        guard rows > 0 else { return }
        // The search results entry (while there are results) and the bookmarks entry, then the sections.
        let all = state.sectionsRows
        ListRows.draw(state.navigation.sections, count: all.count, in: ArticlesView.rowsRect(rect), focused: focused,
                      into: &grid) { grid, index, y, selected, style in
            switch all[index] {
            case .searchResults:
                PaneChrome.row(left: resultsEntry(state.search.results!, width: rect.width, label: state.settings.texts[.resultsEntry]),
                               into: &grid, x: rect.x, y: y, width: rect.width, style: style)
            case .bookmarks:
                let count = state.userData.bookmarksProblem != nil ? "?" : "\(state.userData.bookmarks.count)"
                let label = state.settings.texts[.bookmarksEntry]
                PaneChrome.row(left: label, right: count, into: &grid, x: rect.x, y: y,
                               width: rect.width, style: style, rightStyle: selected ? style : .dim)
            case .section(let i):
                // Counts are of the whole section, whatever the list hides.
                let section = state.navigation.catalog?.sections[i] ?? sections[i]
                let unread = section.articles.filter { !state.userData.read.contains($0.id) }.count
                let count = "\(unread)/\(section.articles.count)"
                PaneChrome.row(left: " " + label(section), right: count, into: &grid, x: rect.x, y: y,
                               width: rect.width, style: style, rightStyle: selected ? style : .dim)
            }
        }
        if sections.isEmpty, rows > all.count {
            grid.put(state.navigation.catalog == nil ? " …" : " " + state.settings.texts[.noSections], x: rect.x, y: rect.y + 1 + all.count,
                     maxWidth: rect.width, style: .dim)
        }
    }

    /// `搜索：ＣＰ… (6)`: the label gives way to `/` first and then the query to the pane's width,
    /// never the count, which says what the entry holds. A blank is kept at the right edge, as
    /// beside every count.
    static func resultsEntry(_ results: SearchResults, width: Int, label: String) -> String {
        let count = " (\(results.countLabel))"
        let query = DisplaySanitizer.sanitize(results.query)
        // In a narrow pane the label gives way to `/`, the search key, before the query does.
        var label = label
        if width - 1 - DisplayWidth.of(label) - DisplayWidth.of(count) < min(DisplayWidth.of(query), 4) { label = "/" }
        let room = width - 1 - DisplayWidth.of(label) - DisplayWidth.of(count)
        guard room > 0 else { return label.trimmingTrailing(while: { $0 == " " || $0 == "：" || $0 == ":" }) + count }
        var shown = Truncation.truncate(query, toWidth: room)
        // Truncation pads a wide character that did not fit with a blank: here it would part
        // the `…` from the count.
        if shown != query { while shown.hasSuffix(" ") { shown.removeLast() } }
        return label + shown + count
    }

    /// `01 要闻`: the page number without `第…版`, then the name.
    static func label(_ section: SectionEntry) -> String {
        let name = DisplaySanitizer.sanitize(section.name)
        var digits = section.page.filter { $0.isNumber || ($0.isLetter && $0.isASCII) }
        if digits.isEmpty || section.page == section.name { return name }
        // Pages print as 第01版 and 第4版 alike; two digits keep the names in one column.
        if digits.count == 1, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) { digits = "0" + digits }
        return "\(digits) \(name)"
    }
}

extension String {
    /// The string less the characters at its end for which `drop` holds.
    func trimmingTrailing(while drop: (Character) -> Bool) -> String {
        var s = self
        while let last = s.last, drop(last) { s.removeLast() }
        return s
    }
}
