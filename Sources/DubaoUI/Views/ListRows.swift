import DubaoTerminal

/// The one loop every list draws its rows with (sections, articles, bookmarks, search results,
/// the issue picker): from the list's first row shown, the selected row in the selection style
/// (dimmer when its pane has not the focus), each row cleared to its style first.
enum ListRows {
    typealias Row = (_ grid: inout ScreenGrid, _ index: Int, _ y: Int, _ selected: Bool, _ style: StyleRole) -> Void

    /// `selects` false for a list without a selection (the help), whose rows all look alike.
    static func draw(_ list: ListState, count: Int, in rect: Rect, focused: Bool, selects: Bool = true,
                     into grid: inout ScreenGrid, row: Row) {
        for line in 0..<max(0, rect.height) {
            let index = list.offset + line
            guard index >= 0, index < count else { break }
            let selected = selects && index == list.selection
            let style: StyleRole = selected ? (focused ? .selection : .selectionUnfocused) : .normal
            let y = rect.y + line
            grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
            row(&grid, index, y, selected, style)
        }
    }
}
