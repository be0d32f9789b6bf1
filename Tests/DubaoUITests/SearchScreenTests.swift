import DubaoImport
import DubaoStore
import DubaoLayout
import DubaoModel
import DubaoTerminal
import DubaoRuntime
import DubaoUI
import Testing

/// Highlighting matches: whole characters only, and the screens of the results and a found article.
@Suite("Search screens: highlights over wide characters, results and a highlighted article")
struct SearchScreenTests {
    @Test("a range that starts or ends inside a wide character highlights the whole character")
    func columnsAreWholeCharacters() throws {
        let article = Article(paragraphs: ["甲乙丙丁AB戊"])
        let lines = ArticleTypesetter(measure: 80).typeset(article, width: 80)
        let line = try #require(lines.first { $0.origin == .paragraph(0) })
        let source = article.paragraphs[0]
        // The indent is two ideographic spaces: four cells; then 甲 at 4, 乙 at 6, 丙 at 8.
        #expect(line.columns(showing: 3..<6, in: source) == 6..<8, "乙 exactly")
        #expect(line.columns(showing: 4..<5, in: source) == 6..<8, "one byte inside 乙: all of 乙")
        #expect(line.columns(showing: 5..<7, in: source) == 6..<10, "the end of 乙 and the start of 丙")
        #expect(line.columns(showing: 12..<13, in: source) == 12..<13, "a narrow letter")
        #expect(line.columns(showing: 14..<17, in: source) == 14..<16, "戊 after AB")
        #expect(line.columns(showing: 17..<20, in: source) == nil, "past the text")
    }

    @Test("a match broken over two lines is highlighted on each, in whole characters")
    func matchOverALineBreak() throws {
        let article = Article(paragraphs: [String(repeating: "一", count: 9) + "渡口" + String(repeating: "二", count: 9)])
        let lines = ArticleTypesetter(measure: 20).typeset(article, width: 20)
        let body = lines.filter { $0.origin == .paragraph(0) }
        // The indent takes 4 of the first line's 20 cells: 8 characters fit, the 9th goes on.
        let at = 9 * 3
        let ranges = body.map { $0.columns(showing: at..<(at + 6), in: article.paragraphs[0]) }
        #expect(ranges.compactMap { $0 }.allSatisfy { $0.count % 2 == 0 })
        #expect(ranges.compactMap { $0 }.reduce(0) { $0 + $1.count } == 4, "both characters, four cells in all")
    }

    @Test("the grid widens a highlight to whole wide characters")
    func gridHighlight() {
        var grid = ScreenGrid(width: 10, height: 1)
        grid.put("甲乙丙", x: 0, y: 0, style: .body)
        grid.highlight(Rect(x: 3, y: 0, width: 2, height: 1))
        #expect((0..<6).map { grid[$0, 0].style } == [.body, .body, .match, .match, .match, .match],
                "from the right half of 乙 to the left half of 丙: both whole")
    }

    @Test("on screen, every highlighted wide character is highlighted in both its cells")
    func screenNeverSplits() {
        for (w, h) in [(80, 24), (120, 40), (101, 30)] {
            let r = SearchFixture.runtime(width: w, height: h)
            for c in "/渡口" { r.dispatch(.key(.character(c))) }
            r.dispatch(.key(.enter))
            r.dispatch(.key(.enter))
            for _ in 0..<5 {
                let grid = Screen.render(r.state)
                var marked = 0
                for y in 0..<grid.height {
                    for x in 0..<grid.width where Self.isMatch(grid, x, y, r.state) {
                        marked += 1
                        if grid[x, y].width == 2 { #expect(grid[x + 1, y].style == grid[x, y].style) }
                        if grid[x, y].width == 0 { #expect(grid[x - 1, y].style == grid[x, y].style) }
                    }
                }
                #expect(marked > 0, "\(w)x\(h): something is highlighted")
                r.dispatch(.key(.character("n")))
            }
        }
    }

    /// A highlighted match: any match, or in the reader the current one (in the selection's style).
    static func isMatch(_ grid: ScreenGrid, _ x: Int, _ y: Int, _ state: AppState) -> Bool {
        if grid[x, y].style == .match { return true }
        guard grid[x, y].style == .selection, let text = state.viewport.layout.readerText else { return false }
        return (text.x..<(text.x + text.width)).contains(x) && (text.y..<(text.y + text.height)).contains(y)
    }

    /// The screen, then only its highlighted cells: what the text snapshot cannot show.
    static func check(_ r: AppRuntime, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let grid = Screen.render(r.state)
        Snapshot.checkGeometry(grid, separators: r.state.viewport.layout.separators, paneRows: r.state.viewport.height - 1,
                               sourceLocation: sourceLocation)
        Snapshot.check(grid, named: name, sourceLocation: sourceLocation)
        var mask = ScreenGrid(width: grid.width, height: grid.height)
        for y in 0..<grid.height {
            for x in 0..<grid.width where isMatch(grid, x, y, r.state) && grid[x, y].width > 0 {
                mask.put(grid[x, y].text, x: x, y: y, style: .match)
            }
        }
        Snapshot.check(mask, named: name + "-matches", sourceLocation: sourceLocation)
    }

    @Test("the results at 120x40: the 搜索 entry, dates and snippets, the article at its first match")
    func wideResults() {
        let r = SearchFixture.runtime(width: 120, height: 40)
        for c in "/渡口" { r.dispatch(.key(.character(c))) }
        r.dispatch(.key(.enter))
        Self.check(r, named: "120x40-search-results")
    }

    @Test("the results at 80x24: the list above the first result's article")
    func narrowResults() {
        let r = SearchFixture.runtime(width: 80, height: 24)
        for c in "/渡口" { r.dispatch(.key(.character(c))) }
        r.dispatch(.key(.enter))
        Self.check(r, named: "80x24-search-results")
    }

    @Test("a highlighted article at 80x24 after n n n: the last match, far down")
    func narrowArticle() {
        let r = SearchFixture.runtime(width: 80, height: 24)
        for c in "/渡口" { r.dispatch(.key(.character(c))) }
        r.dispatch(.key(.enter))
        r.dispatch(.key(.enter))
        for c in "nnn" { r.dispatch(.key(.character(c))) }
        Self.check(r, named: "80x24-search-article")
    }

    @Test("finding in the article at 120x40, and the query line being typed")
    func wideFind() {
        let r = SearchFixture.runtime(width: 120, height: 40)
        r.dispatch(.key(.character("j")))
        r.dispatch(.key(.enter))
        for c in "/夜校" { r.dispatch(.key(.character(c))) }
        r.dispatch(.key(.enter))
        r.dispatch(.key(.character("n")))
        Self.check(r, named: "120x40-find-article")
        for c in "/船工" { r.dispatch(.key(.character(c))) }
        Self.check(r, named: "120x40-query-line")
    }
}
