import DubaoImport
import DubaoStore
import DubaoLayout
import DubaoModel
import DubaoTerminal
import DubaoRuntime
import DubaoUI
import Testing

/// The query line's editing, as readline has it, over Chinese text: the cursor, the keys that
/// delete, the history of earlier queries, and how it shows on the status line.
@Suite("Query line: the cursor, deleting, the history, scrolling")
struct QueryLineTests {
    /// The library fixture with the query line open and `text` typed.
    func typed(_ text: String, width: Int = 120) -> AppRuntime {
        let r = SearchFixture.runtime(width: width, height: 24)
        r.keys("/" + text)
        return r
    }

    func press(_ r: AppRuntime, _ keys: KeyEvent...) {
        for key in keys { r.dispatch(.key(key)) }
    }

    func line(_ r: AppRuntime) -> QueryLine? { r.state.search.queryLine }

    @Test("Left and Right (C-b, C-f) step over whole characters; typing goes in at the cursor")
    func leftRightInsert() {
        let r = typed("渡口夜校")
        #expect(line(r)?.cursor == 4)
        press(r, .left, .left)
        #expect(line(r)?.cursor == 2)
        r.keys("边的")
        #expect(line(r)?.text == "渡口边的夜校" && line(r)?.cursor == 4)
        press(r, .control("b"), .control("b"), .control("b"), .control("b"), .control("b"))
        #expect(line(r)?.cursor == 0, "Left stops at the start")
        press(r, .control("f"))
        #expect(line(r)?.cursor == 1)
        press(r, .right, .right, .right, .right, .right, .right, .right)
        #expect(line(r)?.cursor == 6, "Right stops after the last character")
    }

    @Test("Home and End, C-a and C-e")
    func homeEnd() {
        let r = typed("长江大桥")
        press(r, .home)
        #expect(line(r)?.cursor == 0)
        press(r, .end)
        #expect(line(r)?.cursor == 4)
        press(r, .control("a"))
        r.keys("南京")
        #expect(line(r)?.text == "南京长江大桥")
        press(r, .control("e"))
        r.keys("通车")
        #expect(line(r)?.text == "南京长江大桥通车")
    }

    @Test("Backspace takes the character before the cursor, Delete (C-d) the one under it")
    func backspaceDelete() {
        let r = typed("渡口夜校")
        press(r, .left, .left, .backspace)
        #expect(line(r)?.text == "渡夜校" && line(r)?.cursor == 1)
        press(r, .delete)
        #expect(line(r)?.text == "渡校" && line(r)?.cursor == 1)
        press(r, .control("d"))
        #expect(line(r)?.text == "渡" && line(r)?.cursor == 1)
        press(r, .delete)
        #expect(line(r)?.text == "渡", "Delete at the end does nothing")
        press(r, .home, .backspace)
        #expect(line(r)?.text == "渡", "Backspace at the start does nothing")
        press(r, .control("h"))
        #expect(line(r)?.text == "渡")
    }

    @Test("C-w takes a word: back to a space or punctuation, or where Han meets other letters")
    func deleteWord() {
        let cases: [(String, [String])] = [
            ("长江 大桥", ["长江 ", ""]),
            ("北京冬奥会，志愿者", ["北京冬奥会，", ""]),
            ("iPhone手机", ["iPhone", ""]),
            ("2026年 春运  ", ["2026年 ", "2026", ""]),
        ]
        for (text, steps) in cases {
            let r = typed(text)
            for expected in steps {
                press(r, .control("w"))
                #expect(line(r)?.text == expected, "\(text)")
            }
        }
        let r = typed("长江大桥 通车")
        press(r, .left, .left, .left, .control("w"))
        #expect(line(r)?.text == " 通车" && line(r)?.cursor == 0, "the word before the cursor; what follows it stays")
    }

    @Test("C-u takes everything before the cursor, C-k everything from it")
    func killToStartAndEnd() {
        let r = typed("南京长江大桥")
        press(r, .left, .left, .control("k"))
        #expect(line(r)?.text == "南京长江" && line(r)?.cursor == 4)
        press(r, .left, .control("u"))
        #expect(line(r)?.text == "江" && line(r)?.cursor == 0)
        press(r, .control("u"))
        #expect(line(r)?.text == "江")
    }

    @Test("Up and Down go through the queries run before, newest first; the line typed comes back")
    func history() {
        let r = SearchFixture.runtime(width: 120, height: 24)
        for query in ["渡口", "夜校", "渡口"] {
            r.keys("/" + query)
            press(r, .enter)
            press(r, .escape)
        }
        #expect(r.state.search.history == ["渡口", "夜校"], "newest first, a repeat moved to the front")
        r.keys("/船")
        press(r, .up)
        #expect(line(r)?.text == "渡口" && line(r)?.cursor == 2)
        press(r, .up)
        #expect(line(r)?.text == "夜校")
        press(r, .up)
        #expect(line(r)?.text == "夜校", "no further than the oldest")
        press(r, .down)
        #expect(line(r)?.text == "渡口")
        press(r, .control("n"))
        #expect(line(r)?.text == "船", "past the newest: the line being typed, as it was")
        press(r, .down)
        #expect(line(r)?.text == "船")
        press(r, .control("p"), .enter)
        #expect(r.state.search.history == ["渡口", "夜校"])
    }

    @Test("the history keeps the newest hundred")
    func historyLimit() {
        var queries: [String] = []
        for n in 0..<130 { queries = ReadingState.remembering("q\(n)", in: queries) }
        #expect(queries.count == ReadingState.queryLimit)
        #expect(queries.first == "q129" && queries.last == "q30")
        #expect(ReadingState.remembering("q50", in: queries).filter { $0 == "q50" }.count == 1)
    }

    @Test("queries are kept with the reading state and come back on the next start")
    func historyKept() throws {
        let data = MemoryUserData()
        let library = MemoryLibrary(issues: [SearchFixture.older, SearchFixture.newer])
        let r = AppRuntime(state: AppState(width: 120, height: 24), library: library, userData: data)
        r.start(isSample: false)
        r.keys("/渡口")
        press(r, .enter)
        r.keys("/  ")
        press(r, .enter)
        #expect(data.applyCalls.flatMap { $0 }.contains(.searched("渡口")))
        #expect(!data.applyCalls.flatMap { $0 }.contains(.searched("  ")), "nothing to search for: not kept")
        let again = AppRuntime(state: AppState(width: 120, height: 24), library: library, userData: data)
        again.start(isSample: false)
        #expect(again.state.search.history == ["渡口"])
    }

    @Test("a long query scrolls to keep the cursor in sight, with … for what is hidden")
    func scrolling() throws {
        let r = typed(String(repeating: "渡口", count: 30) + "尾", width: 40)
        var grid = Screen.render(r.state)
        var row = grid.row(23)
        #expect(DisplayWidth.of(row) == 40)
        let cursor = try #require(grid.cursor)
        #expect(cursor.y == 23 && row.contains("…") && row.contains("口尾"), "\(row)")
        #expect(grid[cursor.x - 2, 23].text == "尾" && grid[cursor.x, 23].text == " ", "the cursor after the last character")

        press(r, .home)
        grid = Screen.render(r.state)
        row = grid.row(23)
        #expect(row.contains("search all: 渡口") && row.contains("…"), "the start, and … at the end")
        #expect(grid[try #require(grid.cursor).x, 23].text == "渡")

        // Moving right keeps the start in place until the cursor reaches the right edge.
        let start = grid.cursor!.x
        press(r, .right, .right)
        #expect(Screen.render(r.state).row(23) == row && Screen.render(r.state).cursor?.x == start + 4)
        for _ in 0..<20 { press(r, .right) }
        grid = Screen.render(r.state)
        let x = try #require(grid.cursor).x
        #expect(grid.row(23).contains("…") && x < 39 && grid[x, 23].width == 2, "on a whole character, never half of one")
    }

    @Test("every cursor place lands on the left cell of a character, whatever the width")
    func cursorOnCellBoundaries() {
        for width in [30, 31, 40, 57] {
            let r = typed("ab渡口" + String(repeating: "夜校x", count: 12), width: width)
            press(r, .home)
            for _ in 0...40 {
                let grid = Screen.render(r.state)
                guard let cursor = grid.cursor else { Issue.record("no cursor at \(width)"); return }
                #expect(grid[cursor.x, cursor.y].width != 0, "not the right half of a wide character (\(width))")
                #expect(cursor.x < width)
                press(r, .right)
            }
        }
    }

    @Test("screen: the cursor in the middle of Chinese text")
    func snapshot() {
        let r = typed("长江大桥通车", width: 80)
        press(r, .left, .left, .left)
        #expect(line(r)?.cursor == 3)
        Snapshot.check(Screen.render(r.state), named: "80x24-query-line-cursor")
    }
}
