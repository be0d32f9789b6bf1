/// Where each pane goes for a terminal size: a pure function of the size, the focus and zoom,
/// shared by the views (to draw) and the reducer (page sizes, scrolling, mouse clicks).
///
/// - 120 columns and wider: sections │ articles │ reader.
/// - 100–119: the sections pane folds away: a list pane (articles, or sections while they have
///   the focus) │ the reader with its full 40-character measure.
/// - narrower: one pane at a time, full width, so that at 80 columns the reader still sets 40
///   Chinese characters a line; `h`/`l`/Tab/Enter/`q` move between them.
/// - `z` gives the reader the whole screen at any width.
/// - below 20x6: a notice that the terminal is too small.
public struct PaneLayout: Equatable, Sendable {
    public enum Mode: Equatable, Sendable { case tooSmall, threePanes, twoPanes, onePane }

    public static let minimumWidth = 20
    public static let minimumHeight = 6
    public static let threePaneWidth = 120
    public static let twoPaneWidth = 100

    public var mode: Mode
    public var sections: Rect?
    public var articles: Rect?
    public var reader: Rect?
    /// Columns of the vertical rules between panes.
    public var separators: [Int]
    public var status: Rect

    public static func compute(width: Int, height: Int, focus: Pane, zoomed: Bool) -> PaneLayout {
        let status = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        var layout = PaneLayout(mode: .tooSmall, sections: nil, articles: nil, reader: nil, separators: [], status: status)
        guard width >= minimumWidth, height >= minimumHeight else { return layout }
        let bodyHeight = height - 1
        if zoomed {
            layout.mode = .onePane
            layout.reader = Rect(x: 0, y: 0, width: width, height: bodyHeight)
            return layout
        }
        if width >= threePaneWidth {
            let s = min(28, max(22, width / 6))
            let a = min(44, max(26, width / 4))
            layout.mode = .threePanes
            layout.sections = Rect(x: 0, y: 0, width: s, height: bodyHeight)
            layout.articles = Rect(x: s + 1, y: 0, width: a, height: bodyHeight)
            layout.reader = Rect(x: s + a + 2, y: 0, width: width - s - a - 2, height: bodyHeight)
            layout.separators = [s, s + a + 1]
        } else if width >= twoPaneWidth {
            let list = max(18, width - 1 - 80)
            let listRect = Rect(x: 0, y: 0, width: list, height: bodyHeight)
            layout.mode = .twoPanes
            if focus == .sections { layout.sections = listRect } else { layout.articles = listRect }
            layout.reader = Rect(x: list + 1, y: 0, width: width - list - 1, height: bodyHeight)
            layout.separators = [list]
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
