import DubaoModel
import DubaoTerminal
import DubaoStore
import DubaoLayout
import DubaoText

/// The article list of the selected section: markers, title, and the kicker dimmed after it.
enum ArticlesView {
    static func draw(into grid: inout ScreenGrid, rect: Rect, state: AppState) {
        let focused = state.viewport.focus == .articles
        switch state.listing {
        case .bookmarks:
            drawBookmarks(into: &grid, rect: rect, state: state, focused: focused)
            return
        case .searchResults:
            drawResults(into: &grid, rect: rect, state: state, focused: focused)
            return
        case .section:
            break
        }
        let summaries = state.articleSummaries
        var heading = state.section.map { SectionsView.label($0) } ?? ""
        if state.navigation.unreadOnly { heading += state.settings.texts[.unreadOnlyHeading] }
        let position = summaries.isEmpty ? "" : "\(state.navigation.articles.selection + 1)/\(summaries.count)"
        PaneChrome.title(heading, right: position, into: &grid, rect: rect, focused: focused)
        let rows = rect.height - 1
        guard rows > 0 else { return }
        if summaries.isEmpty {
            let note = state.navigation.catalog == nil ? "…"
                : state.navigation.unreadOnly && state.section?.articles.isEmpty == true
                    && state.navigation.catalog?.sections.contains(where: { !$0.articles.isEmpty }) == true
                    ? state.settings.texts[.noUnreadHere] : state.settings.texts[.noArticles]
            PaneChrome.note(note, into: &grid, x: rect.x + 1, y: rect.y + 1, width: rect.width - 1, rows: rows, style: .dim)
            return
        }
        let bookmarked = state.bookmarked
        let textWidth = rect.width - ArticleRows.markerCells
        ListRows.draw(state.navigation.articles, count: summaries.count, in: rowsRect(rect), focused: focused,
                      height: ArticleRows.heights(state, width: rect.width), into: &grid) { grid, index, box, selected, style in
            let a = summaries[index]
            drawMarkers(id: a.id, into: &grid, x: rect.x, y: box.y, state: state, bookmarked: bookmarked.contains(a.id),
                        selected: selected, style: style)
            let lines = ArticleRows.headline(ArticleRows.title(a, settings: state.settings), width: textWidth)
            let used = drawHeadline(lines, into: &grid, box: box, style: style)
            // A headline on one line leaves room for its kicker, dimmed, and in a wide pane its subtitle.
            guard lines.count == 1 else { return }
            var x = rect.x + ArticleRows.markerCells + used + 2
            for extra in [a.kicker, a.subtitle].map(state.settings.display) where !extra.isEmpty {
                let room = rect.x + rect.width - x
                guard room >= 6 else { break }
                x += grid.put(Truncation.truncate(extra, toWidth: room), x: x, y: box.y, maxWidth: room,
                              style: selected ? style : .dim) + 2
            }
        }
    }

    /// A row's headline lines, in the row's box after the marker cells; the width of the last.
    @discardableResult
    static func drawHeadline(_ lines: [String], into grid: inout ScreenGrid, box: Rect, style: StyleRole) -> Int {
        let x = box.x + ArticleRows.markerCells
        var used = 0
        for (i, line) in lines.enumerated() where i < box.height {
            used = grid.put(line, x: x, y: box.y + i, maxWidth: box.width - ArticleRows.markerCells, style: style)
        }
        return used
    }

    /// The rows under a pane's title row.
    static func rowsRect(_ rect: Rect) -> Rect {
        Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: max(0, rect.height - 1))
    }

    /// The two marker cells before a title: `•` unread, then `★` bookmarked (`☆` removed from
    /// the bookmarks list a moment ago). Both show: a bookmark is still unread until it is read.
    /// `bookmarked` comes from the caller, which builds `state.bookmarked` once for all its rows.
    static func drawMarkers(id: ArticleID, into grid: inout ScreenGrid, x: Int, y: Int, state: AppState, bookmarked: Bool,
                            selected: Bool, style: StyleRole, removed: Bool = false) {
        if !state.userData.read.contains(id) { grid.put("•", x: x, y: y, maxWidth: 1, style: selected ? style : .unread) }
        if bookmarked {
            grid.put("★", x: x + 1, y: y, maxWidth: 1, style: selected ? style : .bookmark)
        } else if removed {
            grid.put("☆", x: x + 1, y: y, maxWidth: 1, style: selected ? style : .dim)
        }
    }

    /// The bookmarks entry: every bookmark across all issues, newest first, with date and section.
    static func drawBookmarks(into grid: inout ScreenGrid, rect: Rect, state: AppState, focused: Bool) {
        let rows = state.bookmarkRows
        let position = rows.isEmpty ? "" : "\(state.navigation.articles.selection + 1)/\(rows.count)"
        PaneChrome.title(state.settings.texts[.bookmarksTitle], right: position, into: &grid, rect: rect, focused: focused)
        let height = rect.height - 1
        guard height > 0 else { return }
        if rows.isEmpty {
            let note = state.settings.texts[state.userData.bookmarksProblem != nil ? .bookmarksUnreadable : .noBookmarksYet]
            PaneChrome.note(note, into: &grid, x: rect.x + 1, y: rect.y + 1, width: rect.width - 1, rows: height, style: .dim)
            return
        }
        // Bookmarks of more than one year carry the year, or 03-25 could be any March; of more
        // than one paper, the paper.
        let years = Set(rows.map(\.date.year))
        let papers = Set(rows.map(\.paper))
        let bookmarked = state.bookmarked
        let missing = state.navigation.missingArticles
        let textWidth = rect.width - ArticleRows.markerCells
        ListRows.draw(state.navigation.articles, count: rows.count, in: rowsRect(rect), focused: focused,
                      height: ArticleRows.heights(state, width: rect.width), into: &grid) { grid, index, box, selected, style in
            let b = rows[index]
            let kept = bookmarked.contains(b.id)
            drawMarkers(id: b.id, into: &grid, x: rect.x, y: box.y, state: state, bookmarked: kept, selected: selected,
                        style: style, removed: !kept)
            let lines = ArticleRows.headline(ArticleRows.title(b, missing: missing.contains(b.id), settings: state.settings),
                                             width: textWidth)
            drawHeadline(lines, into: &grid, box: box, style: selected ? style : (kept ? .normal : .dim))
            guard lines.count < box.height else { return }
            var facts = [b.date.label(withYear: years.count > 1)]
            if papers.count > 1 { facts.append(DisplaySanitizer.sanitize(b.paper)) }
            facts.append(DisplaySanitizer.sanitize(b.section))
            grid.put(Truncation.truncate(facts.joined(separator: "  "), toWidth: textWidth), x: rect.x + ArticleRows.markerCells,
                     y: box.y + lines.count, maxWidth: textWidth, style: selected ? style : .dim)
        }
    }

    /// The search results: for each article its date and a line of text around its first
    /// match, the match highlighted and kept in view however narrow the pane.
    static func drawResults(into grid: inout ScreenGrid, rect: Rect, state: AppState, focused: Bool) {
        guard let results = state.search.results else { return }
        let position = "\(state.navigation.articles.selection + 1)/\(results.countLabel)"
        PaneChrome.title(state.settings.texts[.resultsEntry] + results.query, right: position, into: &grid, rect: rect, focused: focused)
        let rows = rect.height - 1
        guard rows > 0 else { return }
        // Hits of more than one year carry the year, as bookmarks do.
        let years = Set(results.hits.map(\.date.year))
        let bookmarked = state.bookmarked
        let textWidth = rect.width - ArticleRows.markerCells
        ListRows.draw(state.navigation.articles, count: results.hits.count, in: rowsRect(rect), focused: focused,
                      height: ArticleRows.heights(state, width: rect.width), into: &grid) { grid, index, box, selected, style in
            let hit = results.hits[index]
            drawMarkers(id: hit.id, into: &grid, x: rect.x, y: box.y, state: state, bookmarked: bookmarked.contains(hit.id),
                        selected: selected, style: style)
            let lines = ArticleRows.headline(state.settings.display(hit.title), width: textWidth)
            drawHeadline(lines, into: &grid, box: box, style: style)
            guard lines.count < box.height else { return }
            // Under the headline: where it was printed, then the text around its first match.
            let y = box.y + lines.count
            let facts = hit.date.label(withYear: years.count > 1) + "  " + DisplaySanitizer.sanitize(hit.section)
            let x0 = rect.x + ArticleRows.markerCells
            let ownLine = ArticleRows.snippetHasItsOwnLine(textWidth: textWidth)
            // Sharing a line, the snippet keeps at least half of it: the section is cut first.
            let factsWidth = ownLine ? textWidth : min(DisplayWidth.of(facts), max(5, textWidth - max(10, textWidth / 2) - 2))
            let used = grid.put(Truncation.truncate(facts, toWidth: factsWidth), x: x0, y: y, maxWidth: factsWidth,
                                style: selected ? style : .dim)
            guard !ownLine || lines.count + 1 < box.height else { return }
            let x = ownLine ? x0 : x0 + used + 2
            let snippetY = ownLine ? y + 1 : y
            let room = rect.x + rect.width - x
            guard room > 0 else { return }
            // Set as the open article sets it (`获悉,今年` reads `获悉，今年`), the match moved with it.
            let (snippet, snippetMatch) = state.settings.normalizesPunctuation
                ? PunctuationNormalizer.normalize(hit.snippet, keeping: hit.snippetMatch) : (hit.snippet, hit.snippetMatch)
            let (text, match) = SnippetFit.fit(snippet, match: snippetMatch, width: room)
            grid.put(text, x: x, y: snippetY, maxWidth: room, style: style)
            if let match { grid.highlight(Rect(x: x + match.lowerBound, y: snippetY, width: match.count, height: 1)) }
        }
    }
}

/// A snippet cut to a width with its match in view.
enum SnippetFit {
    /// The snippet shortened to `width` cells — from the left when the match would not show,
    /// from the right otherwise, `…` where text was cut — and the cells its match takes.
    static func fit(_ snippet: String, match: Range<Int>, width: Int) -> (String, Range<Int>?) {
        let clean = DisplaySanitizer.sanitize(snippet)
        guard clean == snippet else { return (Truncation.truncate(clean, toWidth: width), nil) }
        let utf8 = Array(snippet.utf8)
        let lower = min(max(0, match.lowerBound), utf8.count), upper = min(max(lower, match.upperBound), utf8.count)
        var before = String(decoding: utf8[..<lower], as: UTF8.self)
        let hit = String(decoding: utf8[lower..<upper], as: UTF8.self)
        let after = String(decoding: utf8[upper...], as: UTF8.self)
        let hitWidth = DisplayWidth.of(hit)
        // Keep about a third of the width before the match when the whole of it cannot show.
        if DisplayWidth.of(before) + hitWidth > width {
            let keep = max(0, min(width - hitWidth, width / 3) - 1)
            var kept = ""
            for c in before.reversed() {
                if DisplayWidth.of(String(c)) + DisplayWidth.of(kept) > keep { break }
                kept.insert(c, at: kept.startIndex)
            }
            before = "…" + kept
        }
        let start = DisplayWidth.of(before)
        let whole = before + hit + after
        let text = Truncation.truncate(whole, toWidth: width)
        // A match cut by the right edge is highlighted up to the `…`.
        var kept = DisplayWidth.of(whole)
        if kept > width {
            kept = 0
            for c in whole {
                let w = DisplayWidth.of(String(c))
                if kept + w > width - 1 { break }
                kept += w
            }
        }
        let end = min(kept, start + hitWidth)
        return (text, start < end ? start..<end : nil)
    }
}
