import DubaoTerminal

/// The one loop every list draws its rows with (sections, articles, bookmarks, search results,
/// the issue picker): from the list's first row shown, the selected row in the selection style
/// (dimmer when its pane has not the focus), each row cleared to its style first.
enum ListRows {
    typealias Row = (_ grid: inout ScreenGrid, _ index: Int, _ y: Int, _ selected: Bool, _ style: StyleRole) -> Void
    /// A row of several lines: `box` is the lines it has on screen, cut at the pane's bottom.
    typealias Block = (_ grid: inout ScreenGrid, _ index: Int, _ box: Rect, _ selected: Bool, _ style: StyleRole) -> Void

    /// `selects` false for a list without a selection (the help), whose rows all look alike.
    static func draw(_ list: ListState, count: Int, in rect: Rect, focused: Bool, selects: Bool = true,
                     into grid: inout ScreenGrid, row: Row) {
        draw(list, count: count, in: rect, focused: focused, selects: selects, height: { _ in 1 }, into: &grid) {
            grid, index, box, selected, style in row(&grid, index, box.y, selected, style)
        }
    }

    /// Rows taking `height(i)` lines each (see `ArticleRows`).
    static func draw(_ list: ListState, count: Int, in rect: Rect, focused: Bool, selects: Bool = true,
                     height: (Int) -> Int, into grid: inout ScreenGrid, row: Block) {
        var line = 0
        var index = list.offset
        while line < rect.height, index >= 0, index < count {
            let lines = min(max(1, height(index)), rect.height - line)
            let selected = selects && index == list.selection
            let style: StyleRole = selected ? (focused ? .selection : .selectionUnfocused) : .normal
            let box = Rect(x: rect.x, y: rect.y + line, width: rect.width, height: lines)
            grid.fill(box, style: style)
            row(&grid, index, box, selected, style)
            line += lines
            index += 1
        }
    }
}
