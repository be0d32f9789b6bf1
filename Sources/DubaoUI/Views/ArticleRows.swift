import DubaoLayout
import DubaoStore
import DubaoText

/// What each row of the article pane shows, line by line, and so how many screen lines it
/// takes: shared by the view, which draws the lines, and the reducer, which scrolls, pages
/// and finds the row under a click, so the two agree to the line.
///
/// A headline shows whole wherever it fits on two lines of the pane (after the two marker
/// cells); a longer one is cut, with `…`, at the end of the second. Search results and
/// bookmarks add a line under the headline: the date and section, and a result's snippet.
enum ArticleRows {
    static let headlineLines = 2
    static let markerCells = 2

    /// `title` on one line where it fits in `width` cells, else on two, cut at the end of the second.
    static func headline(_ title: String, width: Int) -> [String] {
        guard width > 0, DisplayWidth.of(title) > width else { return [title] }
        return PaneChrome.wrapped(title, width: width, rows: headlineLines)
    }

    /// How many lines `headline` gives, without breaking the lines: one where it fits, else two
    /// (the second cut), since no headline takes more.
    static func lineCount(ofHeadline title: String, width: Int) -> Int {
        width > 0 && DisplayWidth.of(title) > width ? headlineLines : 1
    }

    /// An article's headline as its row shows it: a headline without a body says what it is.
    static func title(_ summary: ArticleSummary, settings: ReaderSettings) -> String {
        var title = settings.display(summary.title)
        if summary.paragraphs == 0 { title += settings.texts[summary.captions > 0 ? .photoOnlyMark : .headlineOnlyMark] }
        return title
    }

    /// A bookmark's headline: one whose article is gone says so first, so that a narrow pane
    /// cuts the headline and not the fact.
    static func title(_ bookmark: Bookmark, missing: Bool, settings: ReaderSettings) -> String {
        (missing ? settings.texts[.missingMark] : "") + settings.display(bookmark.title)
    }

    /// Cells a result's date and section line needs beside its snippet: a pane narrower than this
    /// (an article pane at 120 columns) gives the snippet a line of its own under them, rather
    /// than cut the section to `…` and the snippet to a few characters.
    static let resultLineSharedFrom = 64

    static func snippetHasItsOwnLine(textWidth: Int) -> Bool { textWidth < resultLineSharedFrom }

    /// The lines each row of the current listing takes in an article pane `width` cells wide.
    /// The listing's rows are read once, so a caller may ask for every row.
    static func heights(_ state: AppState, width: Int) -> (Int) -> Int {
        let textWidth = width - markerCells
        let settings = state.settings
        switch state.listing {
        case .section:
            let summaries = state.articleSummaries
            return { i in
                summaries.indices.contains(i) ? lineCount(ofHeadline: title(summaries[i], settings: settings), width: textWidth) : 1
            }
        case .bookmarks:
            let rows = state.bookmarkRows
            let missing = state.navigation.missingArticles
            return { i in
                guard rows.indices.contains(i) else { return 1 }
                return lineCount(ofHeadline: title(rows[i], missing: missing.contains(rows[i].id), settings: settings), width: textWidth) + 1
            }
        case .searchResults:
            let hits = state.search.results?.hits ?? []
            let under = snippetHasItsOwnLine(textWidth: textWidth) ? 2 : 1
            return { i in
                hits.indices.contains(i) ? lineCount(ofHeadline: settings.display(hits[i].title), width: textWidth) + under : 1
            }
        }
    }
}
