import DubaoImport
import DubaoStore
import DubaoModel
import DubaoTerminal
import DubaoRuntime
import DubaoUI
import Testing

/// The reducer, driven through the runtime on the sample paper: after each key, the exact state.
@Suite("Reducer: moving through the paper")
struct ReducerTests {
    func start(_ width: Int = 120, _ height: Int = 40) throws -> AppRuntime {
        try SampleRuntime.start(width, height)
    }

    func keys(_ r: AppRuntime, _ text: String) {
        r.keys(text)
    }

    @Test("starts on the newest issue, first section, first article, shown in the reader")
    func startState() throws {
        let r = try start()
        #expect(r.state.navigation.catalog?.sections.count == 4)
        #expect(r.state.navigation.listing == .section(0) && r.state.navigation.articles.selection == 0)
        #expect(r.state.viewport.focus == .articles)
        #expect(r.state.reader?.article.id == r.state.selectedSummary?.id)
        #expect(r.state.navigation.isSample)
    }

    @Test("j/k move the selection and the reader follows; counts repeat")
    func moveAndCount() throws {
        let r = try start()
        keys(r, "j")
        #expect(r.state.navigation.articles.selection == 1)
        #expect(r.state.reader?.article.id == r.state.selectedSummary?.id)
        keys(r, "k")
        #expect(r.state.navigation.articles.selection == 0)
        keys(r, "2j")
        #expect(r.state.navigation.articles.selection == 2)
        #expect(r.state.status.count == nil)
        keys(r, "9j")
        #expect(r.state.navigation.articles.selection == 2, "clamped at the last article")
        keys(r, "g")
        #expect(r.state.navigation.articles.selection == 0)
        keys(r, "G")
        #expect(r.state.navigation.articles.selection == 2)
    }

    @Test("a count before G or g goes to that item (vim's 3G), or that line of the article")
    func countedJumps() throws {
        let r = try start()
        keys(r, "]]")
        #expect(r.state.navigation.listing == .section(2) && r.state.listCount == 4)
        keys(r, "3G")
        #expect(r.state.navigation.articles.selection == 2, "3G: the third article, not the last")
        keys(r, "1G")
        #expect(r.state.navigation.articles.selection == 0)
        keys(r, "2g")
        #expect(r.state.navigation.articles.selection == 1)
        keys(r, "99G")
        #expect(r.state.navigation.articles.selection == 3, "past the end: the last")
        keys(r, "[[")
        r.dispatch(.key(.enter))
        #expect(r.state.viewport.focus == .reader)
        r.dispatch(.key(.resize(width: 120, height: 10)))
        #expect((r.state.reader?.lines.count ?? 0) > 15, "an article longer than the page")
        keys(r, "5G")
        #expect(r.state.reader?.top == 4, "5G: line 5 at the top")
        keys(r, "G")
        #expect((r.state.reader?.top ?? 0) > 4)
        keys(r, "1G")
        #expect(r.state.reader?.top == 0)
    }

    @Test("Esc with a count pending cancels the count and nothing else")
    func escapeCancelsCount() throws {
        let r = try start()
        r.dispatch(.key(.enter))
        #expect(r.state.viewport.focus == .reader)
        keys(r, "5")
        #expect(r.state.status.count == 5)
        r.dispatch(.key(.escape))
        #expect(r.state.status.count == nil)
        #expect(r.state.viewport.focus == .reader, "the focus stays")
        keys(r, "j")
        r.dispatch(.key(.escape))
        #expect(r.state.viewport.focus == .articles, "without a count Esc goes back a pane")
    }

    @Test("[ and ] change section from any pane; J runs on into the next section; K back")
    func sectionsAndArticles() throws {
        let r = try start()
        keys(r, "]")
        #expect(r.state.navigation.listing == .section(1) && r.state.navigation.articles.selection == 0)
        #expect(r.state.reader?.article.id == r.state.selectedSummary?.id)
        r.dispatch(.key(.enter))
        #expect(r.state.viewport.focus == .reader)
        keys(r, "JJJ")
        #expect(r.state.navigation.listing == .section(2) && r.state.navigation.articles.selection == 0, "three J from the first of three: next section")
        #expect(r.state.viewport.focus == .reader)
        keys(r, "K")
        #expect(r.state.navigation.listing == .section(1) && r.state.navigation.articles.selection == 2, "K from a section's first: the last of the previous")
        keys(r, "[[[[")
        #expect(r.state.navigation.listing == .section(0))
        keys(r, "3]")
        #expect(r.state.navigation.listing == .section(3))
    }

    @Test("focus: Tab cycles, h/l move, Enter opens, q goes back and quits from the sections pane")
    func focus() throws {
        let r = try start()
        r.dispatch(.key(.tab))
        #expect(r.state.viewport.focus == .reader)
        r.dispatch(.key(.tab))
        #expect(r.state.viewport.focus == .sections)
        r.dispatch(.key(.backTab))
        #expect(r.state.viewport.focus == .reader)
        keys(r, "h")
        #expect(r.state.viewport.focus == .articles)
        r.dispatch(.key(.left))
        #expect(r.state.viewport.focus == .sections)
        r.dispatch(.key(.enter))
        #expect(r.state.viewport.focus == .articles)
        r.dispatch(.key(.enter))
        #expect(r.state.viewport.focus == .reader)
        keys(r, "q")
        #expect(r.state.viewport.focus == .articles)
        keys(r, "q")
        #expect(r.state.viewport.focus == .sections)
        let effects = r.dispatch(.key(.character("q")))
        #expect(effects == [.quit])
        #expect(r.state.quitting)
    }

    @Test("Space pages an article down to its — 完 — mark before it goes on to the next unread one")
    func spaceShowsTheEndMark() throws {
        // Heights from 4 to 14 rows put the last line on the pane's bottom row for one page or another.
        for height in 6...16 {
            let r = try start(60, height)
            r.dispatch(.key(.enter))
            let first = try #require(r.state.reader?.article.id)
            var shownEnd = false
            for _ in 0..<100 {
                let reader = try #require(r.state.reader)
                guard reader.article.id == first else { break }
                shownEnd = reader.top + (r.state.viewport.layout.readerText?.height ?? 0) >= reader.extent
                keys(r, " ")
            }
            #expect(r.state.reader?.article.id != first, "Space went on at \(height) rows")
            #expect(shownEnd, "the last page before the next article showed the end mark, at \(height) rows")
        }
    }

    @Test("Q quits at once from anywhere")
    func quitNow() throws {
        let r = try start()
        #expect(r.dispatch(.key(.character("Q"))) == [.quit])
    }

    @Test("the reader scrolls and pages within the article, never past its end; from the end Space goes on")
    func readerScroll() throws {
        let r = try start(60, 12)   // one pane at a time: the reader shows 10 lines
        r.dispatch(.key(.enter))
        #expect(r.state.viewport.focus == .reader)
        let total = try #require(r.state.reader?.lines.count)
        #expect(total > 10)
        keys(r, "j")
        #expect(r.state.reader?.top == 1)
        r.dispatch(.key(.control("d")))
        #expect(r.state.reader!.top > 1)
        keys(r, "G")
        let bottom = r.state.reader!.top
        #expect(bottom == total + 1 - 10, "the last row shows the end mark under the last line")
        keys(r, "j")
        #expect(r.state.reader?.top == bottom, "never past the end")
        keys(r, "-")
        #expect(r.state.reader!.top < bottom)
        keys(r, "g")
        #expect(r.state.reader?.top == 0)
        let first = r.state.reader?.article.id
        keys(r, "G ")
        #expect(r.state.reader?.article.id != first, "Space from the end: the next unread article")
        #expect(r.state.reader?.top == 0)
    }

    @Test("resizing keeps the selection and the reading position by paragraph")
    func resizeKeepsPosition() throws {
        let r = try start(60, 8)
        keys(r, "]j")
        r.dispatch(.key(.enter))
        for steps in [3, 7, 11] {
            keys(r, "g")
            for _ in 0..<steps { keys(r, "j") }
            let before = try #require(r.state.reader)
            let anchor = try #require(before.lines[before.top...].first { $0.paragraph != nil })
            // Still short enough that the article scrolls, so the position is not clamped away.
            r.dispatch(.key(.resize(width: 130, height: 8)))
            let after = try #require(r.state.reader)
            #expect(r.state.navigation.listing == .section(1) && r.state.navigation.articles.selection == 1)
            #expect(after.layoutWidth != before.layoutWidth)
            let top = try #require(after.lines[after.top...].first { $0.paragraph != nil })
            #expect(top.paragraph == anchor.paragraph, "after \(steps) lines")
            #expect(top.sourceRange.contains(anchor.sourceRange.lowerBound) || top.sourceRange.lowerBound == anchor.sourceRange.lowerBound,
                    "the same place in the paragraph")
            #expect(after.top < after.lines.count - 6, "not clamped at the end, so the test means something")
            r.dispatch(.key(.resize(width: 60, height: 8)))
        }
    }

    @Test("z zooms the reader and back; q from zoom returns to the list")
    func zoom() throws {
        let r = try start()
        keys(r, "z")
        #expect(r.state.viewport.zoomed && r.state.viewport.focus == .reader)
        #expect(r.state.viewport.layout.reader?.width == 120)
        keys(r, "z")
        #expect(!r.state.viewport.zoomed)
        keys(r, "z")
        keys(r, "q")
        #expect(!r.state.viewport.zoomed && r.state.viewport.focus == .articles)
    }

    @Test("? shows help; it scrolls only as far as its last key, G goes there; any other key closes it")
    func help() throws {
        let r = try start(100, 16)
        keys(r, "?")
        #expect(r.state.overlay == .help(ListState(selection: 0, offset: 0)))
        keys(r, "j")
        #expect(r.state.overlay == .help(ListState(selection: 1, offset: 1)))
        keys(r, "G")
        guard case .help(let last) = r.state.overlay else { Issue.record("help closed"); return }
        #expect(last.offset > 1)
        #expect(Screen.render(r.state).text.contains("↑ k, g"), "at the end the box says how to go back")
        keys(r, "j")
        #expect(r.state.overlay == .help(last), "no scrolling past the end")
        keys(r, "k")
        #expect(r.state.overlay == .help(ListState(selection: last.offset - 1, offset: last.offset - 1)), "k moves at once on the way back")
        #expect(Screen.render(r.state).text.contains("↓ more"), "above the end the box says there is more")
        keys(r, "q")
        #expect(r.state.overlay == nil)
    }

    @Test("d lists the issues; Enter opens the chosen one; < and > step through them")
    func issueList() throws {
        let newer = try SampleLibrary().issue
        var older = newer
        older.date = IssueDate("2026-11-20")!
        older.sections = [older.sections[1]]
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: MemoryLibrary(issues: [older, newer]))
        r.start(isSample: false)
        #expect(r.state.issue?.date == newer.date)
        keys(r, "d")
        #expect(r.state.overlay == .issues(ListState(selection: 0)))
        keys(r, "j")
        r.dispatch(.key(.enter))
        #expect(r.state.overlay == nil)
        #expect(r.state.issue?.date == older.date)
        #expect(r.state.sections.count == 1)
        #expect(r.state.reader != nil)
        keys(r, ">")
        #expect(r.state.issue?.date == newer.date)
        keys(r, "<")
        #expect(r.state.issue?.date == older.date)
    }

    @Test("[ and ] at the first and last section stay and say so")
    func sectionEnds() throws {
        let r = try start()
        keys(r, "[")
        #expect(r.state.navigation.listing == .section(0))
        #expect(r.state.status.message?.text.contains("first section") == true)
        keys(r, "3]")
        keys(r, "j")
        keys(r, "]")
        #expect(r.state.navigation.listing == .section(3) && r.state.navigation.articles.selection == 1, "the place is kept")
        #expect(r.state.status.message?.text.contains("last section") == true)
    }

    @Test("< and > at the ends of the archive say so instead of doing nothing")
    func issueEnds() throws {
        let r = try start()
        keys(r, "<")
        #expect(r.state.status.message?.text.contains("oldest") == true)
        keys(r, ">")
        #expect(r.state.status.message?.text.contains("newest") == true)
    }

    @Test("an unbound key says so in the status line")
    func unbound() throws {
        let r = try start()
        keys(r, "x")
        #expect(r.state.status.message != nil)
        keys(r, "j")
        #expect(r.state.status.message == nil)
    }

    @Test("mouse: a click selects in any pane, the wheel scrolls the reader")
    func mouse() throws {
        let r = try start()
        let layout = r.state.viewport.layout
        let sections = try #require(layout.sections)
        r.dispatch(.key(.mouse(MouseEvent(kind: .press, x: sections.x + 2, y: sections.y + 4))))  // row 0 is the bookmarks entry
        #expect(r.state.viewport.focus == .sections && r.state.navigation.listing == .section(2))
        let articles = try #require(layout.articles)
        // The first headline takes two rows at this width: its second row selects it, the
        // row under it the next article.
        r.dispatch(.key(.mouse(MouseEvent(kind: .press, x: articles.x + 3, y: articles.y + 2))))
        #expect(r.state.viewport.focus == .articles && r.state.navigation.articles.selection == 0)
        r.dispatch(.key(.mouse(MouseEvent(kind: .press, x: articles.x + 3, y: articles.y + 3))))
        #expect(r.state.navigation.articles.selection == 1)
        let reader = try #require(layout.reader)
        r.dispatch(.key(.resize(width: 120, height: 12)))
        r.dispatch(.key(.mouse(MouseEvent(kind: .wheelDown, x: reader.x + 5, y: 5))))
        #expect(r.state.reader!.top > 0 || r.state.reader!.lines.count <= 10)
    }

    @Test("keys can be rebound; the help follows the keymap")
    func rebinding() throws {
        var keymap = Keymap.standard
        keymap.rebind(.nextArticle, to: [.control("n")])
        let r = AppRuntime(state: AppState(width: 120, height: 40, keymap: keymap), library: try SampleLibrary())
        r.start(isSample: true)
        keys(r, "J")
        #expect(r.state.navigation.articles.selection == 0)
        r.dispatch(.key(.control("n")))
        #expect(r.state.navigation.articles.selection == 1)
    }
}

@Suite("Reducer: opening an issue by date")
struct OpenIssueTests {
    @Test func openByDate() throws {
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: try SampleLibrary())
        r.start(isSample: true)
        r.dispatch(.openIssue(IssueDate("2026-11-27")!))
        #expect(r.state.issue?.date.description == "2026-11-27")
        r.dispatch(.openIssue(IssueDate("2001-01-01")!))
        #expect(r.state.status.message?.isError == true)
    }
}
