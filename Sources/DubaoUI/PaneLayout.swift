import DubaoTerminal

/// Where each pane goes for a terminal size: a pure function of the size, the focus, zoom and
/// the reader's measure, shared by the views (to draw) and the reducer (page sizes, scrolling,
/// mouse clicks).
///
/// A newspaper reader lives on its headlines, so the article list keeps a readable width (two
/// rows of 13 characters for a long headline) and the reader's measure gives way for it, down to
/// 34 characters a line; below that a pane folds away instead.
/// - 120 columns and wider: sections │ articles │ reader. The reader takes its measure when
///   the lists at their narrowest leave it, else what they leave (36 characters at 120); the
///   sections pane gives way first. Beyond the measure the room goes to the lists, so at 200
///   columns a headline and its kicker show on one row.
/// - 99–119 columns at the default measure: the sections pane folds away: a list pane (articles,
///   or sections while they have the focus) │ the reader.
/// - narrower (80 columns, say) and at least 13 rows: the list above the reader, both full
///   width, so the reader keeps 40 characters a line and whole headlines show.
/// - shorter still: one pane at a time, full width; `h`/`l`/Tab/Enter/`q` move between them.
/// - `z` gives the reader the whole screen at any size.
/// - below 20x6: a notice that the terminal is too small.
public struct PaneLayout: Equatable, Sendable {
    public enum Mode: Equatable, Sendable { case tooSmall, threePanes, twoPanes, stacked, onePane }

    public static let minimumWidth = 20
    public static let minimumHeight = 6
    public static let threePaneWidth = 120
    /// Narrowest panes beside the reader: a section name with its count, and a headline of
    /// 13 characters a row (a long one takes two rows).
    static let narrowestSections = 16
    static let narrowestArticles = 29
    /// The narrowest measure the reader gives way to for the lists, in cells (34 characters).
    static let narrowestMeasure = 68
    /// Fewest pane rows (status line excluded) that stack a list of a few rows above a reader
    /// of a few lines, each with its title row.
    static let stackedHeight = 12

    public var mode: Mode
    public var sections: Rect?
    public var articles: Rect?
    public var reader: Rect?
    /// Columns of the vertical rules between panes.
    public var separators: [Int]
    public var status: Rect

    /// - Parameter measure: the reader's measure in cells (twice its characters a line).
    public static func compute(width: Int, height: Int, focus: Pane, zoomed: Bool, measure: Int = 80) -> PaneLayout {
        let status = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        var layout = PaneLayout(mode: .tooSmall, sections: nil, articles: nil, reader: nil, separators: [], status: status)
        guard width >= minimumWidth, height >= minimumHeight else { return layout }
        let bodyHeight = height - 1
        if zoomed {
            layout.mode = .onePane
            layout.reader = Rect(x: 0, y: 0, width: width, height: bodyHeight)
            return layout
        }
        // Beside a rule the reader keeps a cell of margin (see `readerText`).
        let readerFull = max(1, measure) + 1
        let readerLeast = min(readerFull, narrowestMeasure + 1)
        let listRect: (Rect) -> Void = { rect in
            if focus == .sections { layout.sections = rect } else { layout.articles = rect }
        }
        if width >= threePaneWidth,
           let (s, a, r) = threePaneWidths(spare: width - 2, width: width, readerFull: readerFull, readerLeast: readerLeast) {
            layout.mode = .threePanes
            layout.sections = Rect(x: 0, y: 0, width: s, height: bodyHeight)
            layout.articles = Rect(x: s + 1, y: 0, width: a, height: bodyHeight)
            layout.reader = Rect(x: s + a + 2, y: 0, width: r, height: bodyHeight)
            layout.separators = [s, s + a + 1]
        } else if width - 1 - readerLeast >= narrowestArticles {
            let list = max(narrowestArticles, width - 1 - readerFull)
            layout.mode = .twoPanes
            listRect(Rect(x: 0, y: 0, width: list, height: bodyHeight))
            layout.reader = Rect(x: list + 1, y: 0, width: width - list - 1, height: bodyHeight)
            layout.separators = [list]
        } else if bodyHeight >= stackedHeight {
            // A third of the rows lists a section's articles (a paper page holds a handful);
            // the rest, under the reader's own title row, reads at the full width.
            let listHeight = max(4, bodyHeight / 3)
            layout.mode = .stacked
            listRect(Rect(x: 0, y: 0, width: width, height: listHeight))
            layout.reader = Rect(x: 0, y: listHeight, width: width, height: bodyHeight - listHeight)
        } else {
            layout.mode = .onePane
            let full = Rect(x: 0, y: 0, width: width, height: bodyHeight)
            switch focus {
            case .sections: layout.sections = full
            case .articles: layout.articles = full
            case .reader: layout.reader = full
            }
        }
        return layout
    }

    /// The widths of the three panes sharing `spare` columns, or nil when the lists at their
    /// narrowest would leave the reader less than `readerLeast`. The reader gets up to its
    /// measure first, taken from the sections pane's preferred width before the articles';
    /// what is left beyond the measure goes to the article list.
    static func threePaneWidths(spare: Int, width: Int, readerFull: Int, readerLeast: Int)
        -> (sections: Int, articles: Int, reader: Int)? {
        guard spare - narrowestSections - narrowestArticles >= readerLeast else { return nil }
        let reader = min(readerFull, spare - narrowestSections - narrowestArticles)
        let sections = min(min(28, max(22, width / 6)), spare - reader - narrowestArticles)
        return (sections, spare - reader - sections, reader)
    }

    public func rect(for pane: Pane) -> Rect? {
        switch pane {
        case .sections: return sections
        case .articles: return articles
        case .reader: return reader
        }
    }

    /// Rows of a list pane below its title row.
    public func contentHeight(of pane: Pane) -> Int {
        max(0, (rect(for: pane)?.height ?? 0) - 1)
    }

    /// The cells the reader sets text in: the pane less its title row, with a cell of margin
    /// next to a rule so Chinese text does not touch it.
    public var readerText: Rect? {
        guard let r = reader else { return nil }
        let margin = separators.contains(r.x - 1) ? 1 : 0
        return Rect(x: r.x + margin, y: r.y + 1, width: r.width - margin, height: r.height - 1)
    }

    public func pane(atX x: Int, y: Int) -> Pane? {
        Pane.allCases.first { rect(for: $0)?.contains(x: x, y: y) == true }
    }
}
