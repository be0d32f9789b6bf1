import DubaoImport
import DubaoStore
import DubaoModel
import DubaoTestSupport
import DubaoTerminal
import DubaoRuntime
import DubaoUI
import Foundation
import Testing

/// Bookmarks, read marks and reading positions in the reader: the cases an audit found lost,
/// hidden or hanging.
@Suite("Reader: user data kept, shown and never lost")
struct UserDataAuditTests {
    func start(_ data: MemoryUserData, width: Int = 120, height: Int = 40) throws -> AppRuntime {
        let r = AppRuntime(state: AppState(width: width, height: height), library: try SampleLibrary(), userData: data)
        r.start(isSample: true)
        return r
    }

    func gone(_ title: String = "一篇已被重新导入删掉的文章") throws -> Bookmark {
        let sample = try SampleLibrary().issue
        return Bookmark(id: ArticleID(stored: sample.date.compact + "-0000000000"), title: title, paper: sample.paper, date: sample.date,
                        section: "要闻", added: "2026-01-01T00:00:00.000Z")
    }

    @Test("a bookmark whose article is gone shows as missing with its title, and the reader stays responsive")
    func missingBookmark() throws {
        let data = MemoryUserData()
        _ = try data.add(try gone())
        let r = try start(data)
        r.dispatch(.key(.character("h")))
        r.dispatch(.key(.character("g")))   // the bookmarks entry, onto the missing one
        #expect(r.state.inBookmarks)
        #expect(r.state.reader == nil)
        #expect(r.state.status.message?.text.contains("一篇已被重新导入删掉的文章") == true)
        #expect(r.state.status.message?.isError != true, "no internal error: it settled")
        let screen = Screen.render(r.state).text
        #expect(screen.contains("is no longer in the library"))
        #expect(screen.contains("〔missing〕"), "the row says so, however narrow the pane")
        r.dispatch(.key(.character("l")))
        r.dispatch(.key(.character("j")))
        #expect(r.state.inBookmarks, "keys still work")
        r.dispatch(.key(.character("b")))
        #expect(try data.bookmarks().isEmpty, "b removes the missing bookmark")
    }

    func withTwoBookmarks(_ data: MemoryUserData) throws -> (AppRuntime, [ArticleID]) {
        let r = try start(data)
        r.dispatch(.key(.character("b")))
        r.dispatch(.key(.character("]")))
        r.dispatch(.key(.character("j")))
        r.dispatch(.key(.character("b")))
        r.dispatch(.key(.character("h")))
        r.dispatch(.key(.character("g")))   // the bookmarks entry
        return (r, r.state.userData.bookmarks.map(\.id))
    }

    @Test("the last place is kept as soon as an article is opened, from the Bookmarks list too, and Q there keeps it")
    func lastPlaceFromBookmarks() throws {
        let data = MemoryUserData()
        let (r, ids) = try withTwoBookmarks(data)
        r.dispatch(.key(.enter))            // into the list
        r.dispatch(.key(.character("j")))   // the older bookmark
        r.dispatch(.key(.enter))            // read it
        let opened = try #require(r.state.reader?.article.id)
        #expect(ids.contains(opened))
        #expect(try data.readingState().last?.article == opened, "kept on opening, not only on quitting")
        r.dispatch(.key(.character("Q")))
        #expect(try data.readingState().last?.article == opened, "quitting from the bookmarks list keeps it")
        // The next start comes back to it, in its own issue and section.
        let again = try start(data)
        #expect(again.state.selectedID == opened)
    }

    @Test("b on the article open from the bookmarks list toggles it, without moving on; b again puts it back as it was")
    func toggleInBookmarkReader() throws {
        let data = MemoryUserData()
        let (r, ids) = try withTwoBookmarks(data)
        #expect(ids.count == 2)
        r.dispatch(.key(.enter))
        r.dispatch(.key(.enter))           // the reader has the focus
        #expect(r.state.viewport.focus == .reader)
        let open = try #require(r.state.reader?.article.id)
        let added = try #require(r.state.userData.bookmarks.first { $0.id == open }?.added)
        r.dispatch(.key(.character("b")))
        #expect(r.state.reader?.article.id == open, "the reader stays on the article")
        #expect(try data.bookmarks().count == 1)
        #expect(Screen.render(r.state).text.contains("☆"), "the row stays, marked as removed")
        r.dispatch(.key(.character("b")))
        #expect(r.state.reader?.article.id == open)
        #expect(try data.bookmarks().map(\.id) == ids, "back, in its place")
        #expect(try data.bookmarks().first { $0.id == open }?.added == added)
    }

    @Test("two bookmarks of one millisecond keep their order while one is removed in the list and put back")
    func tiedBookmarks() throws {
        var state = AppState(width: 120, height: 40)
        let day = try #require(IssueDate(year: 2026, month: 1, day: 1))
        let t = "2026-01-01T00:00:00.000Z"
        let older = Bookmark(id: "a", title: "甲", paper: "报", date: day, section: "要闻", added: t)
        let newer = Bookmark(id: "b", title: "乙", paper: "报", date: day, section: "要闻", added: t)
        state.userData.bookmarks = [newer, older]
        state.userData.unbookmarkedRows = [newer]
        #expect(state.bookmarkRows.map(\.id) == ["b", "a"], "put back")
        state.userData.bookmarks = [older]
        #expect(state.bookmarkRows.map(\.id) == ["b", "a"], "removed, its row kept in place")
    }

    @Test("u undoes every removal, the latest first")
    func multiLevelUndo() throws {
        let data = MemoryUserData()
        let (r, ids) = try withTwoBookmarks(data)
        r.dispatch(.key(.enter))           // the list has the focus
        r.dispatch(.key(.character("b")))
        r.dispatch(.key(.character("j")))
        r.dispatch(.key(.character("b")))
        #expect(try data.bookmarks().isEmpty)
        r.dispatch(.key(.character("u")))
        #expect(try data.bookmarks().map(\.id) == [ids[1]])
        r.dispatch(.key(.character("u")))
        #expect(Set(try data.bookmarks().map(\.id)) == Set(ids))
        r.dispatch(.key(.character("u")))
        #expect(r.state.status.message?.text == "nothing to undo")
    }

    @Test("a bookmarked article still shows as unread, in its section and in the bookmarks list")
    func unreadAndBookmarked() throws {
        let data = MemoryUserData()
        let r = try start(data)
        let title = try #require(r.state.selectedSummary?.title)
        r.dispatch(.key(.character("b")))
        let row = Screen.render(r.state).text.split(separator: "\n").first { $0.contains(String(title.prefix(6))) && $0.contains("★") }
        #expect(row?.contains("•★") == true, "unread and bookmarked: \(row ?? "")")
        r.dispatch(.key(.character("h")))
        r.dispatch(.key(.character("g")))
        #expect(Screen.render(r.state).text.contains("•★" + title.prefix(4)))
        r.dispatch(.key(.enter))
        r.dispatch(.key(.enter))
        #expect(r.state.userData.read.contains(r.state.selectedID!))
        #expect(Screen.render(r.state).text.contains(" ★" + title.prefix(4)))
    }

    @Test("bookmarks list: a long section name gives way to the title; bookmarks of two years show the year")
    func bookmarkRows() throws {
        let data = MemoryUserData()
        _ = try data.add(Bookmark(id: "20250325-000_a0ce3d9d", title: "城际铁路江临段全线铺轨贯通",
                              paper: "江城晨报", date: IssueDate("2025-03-25")!,
                              section: "这是一个非常非常长的版面名称用来把标题挤出去的那种", added: "2025-03-25T00:00:00.000Z"))
        _ = try data.add(try gone())
        let r = try start(data, width: 120)
        r.dispatch(.key(.character("h")))
        r.dispatch(.key(.character("g")))
        let lines = Screen.render(r.state).text.split(separator: "\n").map(String.init)
        let facts = try #require(lines.firstIndex { $0.contains("2025-03-25") })
        #expect(lines[facts - 1].contains("城际铁路江临段全线铺轨贯通"), "the whole title above: \(lines[facts - 1])")
        #expect(lines[facts].contains("这是") && lines[facts].contains("…"), "the section cut under it: \(lines[facts])")
        #expect(lines.joined().contains("2026-11-27"), "with the year, as the bookmarks span two")
        r.dispatch(.key(.enter))
        r.dispatch(.resize(width: 80, height: 24))
        let wide = try #require(Screen.render(r.state).text.split(separator: "\n").first { $0.contains("2025-03-25") })
        #expect(wide.contains("这是一个非常非常长的版面名称用来把标题挤出去的那种"), "the whole section: \(wide)")
    }

    @Test("an article left part way reopens there before dubao quits: J then K")
    func positionBeforeQuitting() throws {
        let data = MemoryUserData()
        let r = try start(data, width: 60, height: 12)
        r.dispatch(.key(.character("]")))
        r.dispatch(.key(.character("j")))
        r.dispatch(.key(.enter))
        for _ in 0..<7 { r.dispatch(.key(.character("j"))) }
        let id = try #require(r.state.reader?.article.id)
        let top = try #require(r.state.reader?.top)
        #expect(top > 0)
        r.dispatch(.key(.character("J")))
        #expect(r.state.reader?.article.id != id)
        r.dispatch(.key(.character("K")))
        #expect(r.state.reader?.article.id == id)
        #expect(r.state.reader?.top == top, "reopened where it was left, not at the top")
        #expect(try data.readingState().positions[id] != nil)
    }
}

@Suite("Reading positions of older years")
struct OlderYearPositionTests {
    func issue(_ date: String) -> DubaoModel.Issue {
        let day = IssueDate(date)!
        let paragraphs = (1...40).map { "\(date)第\($0)段的正文，写得足够长，好让文章要滚动好几屏才能读完。" }
        let article = Article(id: ArticleID.make(paper: "测试报", date: day, section: "要闻", title: "标题\(date)"),
                              title: "标题\(date)", paragraphs: paragraphs)
        return DubaoModel.Issue(paper: "测试报", date: day, sections: [Section(name: "要闻", order: 1, articles: [article])])
    }

    @Test("the last article, in an older year than the newest issue, reopens at its place; quitting keeps it")
    func lastArticleInOlderYear() throws {
        let root = ScratchFolder.path("oldyear")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let library = Library(root: root)
        let old = issue("2023-06-01"), new = issue("2026-01-01")
        _ = try library.store(old)
        _ = try library.store(new)
        let oldID = old.sections[0].articles[0].id
        let saved = ReadingState.Position(paragraph: 20, offset: 0)
        let store = ReadingStateStore(root: root)
        try store.apply([.markRead(oldID, true), .position(oldID, saved),
                         .last(.init(paper: "测试报", date: old.date, section: "要闻", article: oldID))])

        let runtime = AppRuntime(state: AppState(width: 120, height: 20), library: library, userData: FolderUserData(root: root))
        runtime.start(isSample: false)
        #expect(runtime.state.issue?.date == old.date)
        let reader = try #require(runtime.state.reader)
        #expect(reader.article.id == oldID)
        #expect(reader.lines[reader.top...].first { $0.paragraph != nil }?.paragraph == 20, "opened at the saved paragraph")
        runtime.dispatch(.key(.character("Q")))
        #expect(try store.load(years: ["2023"]).positions[oldID] == saved, "quitting keeps the position")
    }

    @Test("a row of the headline block left at the top comes back at the top, not at the text's first line")
    func headlineRowAtTheTop() throws {
        let root = ScratchFolder.path("headrow")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let library = Library(root: root)
        let day = IssueDate("2026-01-01")!
        var article = Article(id: ArticleID.make(paper: "测试报", date: day, section: "要闻", title: "标题"), title: "标题",
                              paragraphs: (1...40).map { "第\($0)段的正文，写得足够长，好让文章要滚动好几屏才能读完。" })
        article.kicker = "引题写在这里"
        article.subtitle = "——副题写在这里"
        article.dateline = "本报江城1月1日电"
        article.credit = "（记者某某）"
        _ = try library.store(DubaoModel.Issue(paper: "测试报", date: day, sections: [Section(name: "要闻", order: 1, articles: [article])]))
        func start() -> AppRuntime {
            let r = AppRuntime(state: AppState(width: 120, height: 20), library: library, userData: FolderUserData(root: root))
            r.start(isSample: false)
            return r
        }
        for down in 1...4 {
            let first = start()
            first.dispatch(.key(.enter))
            first.keys("g" + String(repeating: "j", count: down))
            let reader = try #require(first.state.reader)
            #expect(reader.top == down && reader.lines[..<(down + 1)].allSatisfy { $0.paragraph == nil }, "still in the headline block")
            first.dispatch(.key(.character("Q")))
            #expect(start().state.reader?.top == down, "row \(down) of the headline block is back at the top")
        }
    }

    @Test("a blank row left at the top between two paragraphs comes back at the top, not a row lower")
    func blankRowAtTheTop() throws {
        let root = ScratchFolder.path("blankrow")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let library = Library(root: root)
        _ = try library.store(issue("2026-01-01"))
        func start() -> AppRuntime {
            let r = AppRuntime(state: AppState(width: 120, height: 20), library: library, userData: FolderUserData(root: root))
            r.start(isSample: false)
            return r
        }
        let first = start()
        first.dispatch(.key(.enter))
        for _ in 0..<40 {
            let reader = try #require(first.state.reader)
            // Past the headline: a blank row between two paragraphs.
            if reader.top > 0, reader.lines[reader.top].style == .blank, reader.lines[reader.top - 1].paragraph != nil { break }
            first.dispatch(.key(.character("j")))
        }
        let top = try #require(first.state.reader?.top)
        #expect(first.state.reader?.lines[top].style == .blank)
        first.dispatch(.key(.character("Q")))
        let id = try #require(first.state.reader?.article.id)
        let saved = try #require(try ReadingStateStore(root: root).load(years: ["2026"]).positions[id])
        #expect(saved.paragraph > 0 && saved.offset == -1, "the row above the paragraph, kept as such: \(saved)")
        let again = start()
        #expect(again.state.reader?.top == top, "the blank row is back at the top")
    }
}

@Suite("Damaged user data: refused, said, and never hiding the rest")
struct DamagedUserDataTests {
    func issue(_ date: String) -> DubaoModel.Issue { threeArticleIssue(date, titles: "标题") }

    func library() throws -> (root: String, issue: DubaoModel.Issue) {
        let root = ScratchFolder.path("damaged")
        let issue = issue("2026-03-01")
        _ = try Library(root: root).store(issue)
        return (root, issue)
    }

    func start(_ root: String, width: Int = 120) -> AppRuntime {
        let r = AppRuntime(state: AppState(width: width, height: 30), library: Library(root: root),
                           userData: FolderUserData(root: root))
        r.start(isSample: false)
        return r
    }

    func statusLine(_ r: AppRuntime) -> String {
        Screen.render(r.state).text.split(separator: "\n", omittingEmptySubsequences: false)[r.state.viewport.height - 1]
            .description
    }

    @Test("b with a damaged bookmarks file is refused, said in full at 120 columns, and the status line keeps saying so")
    func bookmarkRefused() throws {
        let (root, _) = try library()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let damaged = Array("{\"bookmarks\":[".utf8)
        _ = FileManager.default.createFile(atPath: root + "/bookmarks.json", contents: Data(damaged))
        let r = start(root)
        #expect(r.state.userData.bookmarksProblem != nil)
        #expect(statusLine(r).contains("bookmarks.json is damaged: bookmarks not saved; move it away, restart"),
                "the whole line, what, where and what to do: \(statusLine(r))")
        r.dispatch(.key(.character("b")))
        #expect(r.state.userData.bookmarks.isEmpty, "no ★ for a bookmark that is not kept")
        #expect(r.state.status.message?.isError == true && r.state.status.message?.text.contains("not changed") == true)
        r.dispatch(.key(.character("j")))
        #expect(statusLine(r).contains("NOT SAVING bookmarks"), "still saying so once the message is gone")
        r.dispatch(.key(.character("Q")))
        #expect(FileManager.default.contents(atPath: root + "/bookmarks.json") == Data(damaged), "never overwritten")
    }

    @Test("a damaged state.json hides neither the bookmarks nor the read marks; it is never written")
    func damagedStateKeepsBookmarks() throws {
        let (root, issue) = try library()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let ids = issue.sections[0].articles.map(\.id)
        let bookmarks = BookmarkStore(root: root)
        for (i, id) in ids.prefix(2).enumerated() {
            try bookmarks.add(Bookmark(id: id, title: "标题", paper: "测试报", date: issue.date, section: "要闻",
                                       added: "2026-03-0\(i + 1)T00:00:00.000Z"))
        }
        try ReadingStateStore(root: root).apply([.markRead(ids[2], true)])
        let damaged = Data("{\"format\":\"dubao-state\",".utf8)
        _ = FileManager.default.createFile(atPath: root + "/state.json", contents: damaged)
        let r = start(root)
        #expect(r.state.userData.bookmarks.count == 2)
        #expect(r.state.userData.bookmarksProblem == nil)
        #expect(r.state.userData.readingProblem?.contains("state.json") == true)
        #expect(r.state.userData.read.contains(ids[2]), "the year's marks are read all the same")
        r.dispatch(.key(.enter))
        r.dispatch(.key(.character("Q")))
        #expect(FileManager.default.contents(atPath: root + "/state.json") == damaged)
        #expect(statusLine(r).contains("NOT SAVING a reading file") || r.state.status.message != nil)
    }

    @Test("a damaged bookmarks.json does not drop the last place in state.json")
    func damagedBookmarksKeepsPlace() throws {
        let (root, issue) = try library()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let id = issue.sections[0].articles[2].id
        try ReadingStateStore(root: root).apply([.last(.init(paper: "测试报", date: issue.date, section: "要闻", article: id))])
        _ = FileManager.default.createFile(atPath: root + "/bookmarks.json", contents: Data("[".utf8))
        let r = start(root)
        #expect(r.state.userData.bookmarksProblem != nil)
        #expect(r.state.selectedID == id, "back at the last article")
        r.dispatch(.key(.character("k")))
        r.dispatch(.key(.character("Q")))
        #expect(try ReadingStateStore(root: root).load().last?.article != id, "reading is still saved")
    }
}

@Suite("Starting: the newest issue when one arrived, else the last place")
struct StartPlaceTests {
    func issue(_ date: String) -> DubaoModel.Issue { threeArticleIssue(date, titles: "\(date)标题") }

    func run(_ root: String) -> AppRuntime {
        let r = AppRuntime(state: AppState(width: 120, height: 30), library: Library(root: root), userData: FolderUserData(root: root))
        r.start(isSample: false)
        return r
    }

    @Test("an issue newer than the last one read opens first, saying so; < goes back to the place; else the place")
    func newIssueArrived() throws {
        let root = ScratchFolder.path("start")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let library = Library(root: root)
        let old = issue("2026-11-27")
        _ = try library.store(old)
        do {
            let r = run(root)
            r.dispatch(.key(.character("j")))
            r.dispatch(.key(.character("Q")))
        }
        do {
            let r = run(root)
            #expect(r.state.issue?.date == old.date && r.state.navigation.articles.selection == 1, "nothing new: back to the place")
            r.dispatch(.key(.character("Q")))
        }
        let new = issue("2026-11-29")
        _ = try library.store(new)
        let r = run(root)
        #expect(r.state.issue?.date == new.date, "the new issue")
        #expect(r.state.reader != nil, "its first article shows")
        #expect(r.state.status.message?.text == "new issue 2026-11-29; you were reading 2026-11-27: < goes back to it")
        r.dispatch(.key(.character("<")))
        #expect(r.state.issue?.date == old.date && r.state.navigation.articles.selection == 1, "the place is kept")
        r.dispatch(.key(.character("Q")))
        let again = run(root)
        #expect(again.state.issue?.date == old.date && again.state.navigation.articles.selection == 1, "seen the new one: back to the place")
    }
}

/// An issue of 测试报 with one section, 要闻, of three articles titled `titles` + 一, 二, 三.
func threeArticleIssue(_ date: String, titles: String) -> DubaoModel.Issue {
    let day = IssueDate(date)!
    let articles = ["一", "二", "三"].map { n in
        Article(id: ArticleID.make(paper: "测试报", date: day, section: "要闻", title: "\(titles)\(n)"),
                title: "\(titles)\(n)", paragraphs: ["第\(n)篇的正文。"])
    }
    return DubaoModel.Issue(paper: "测试报", date: day, sections: [Section(name: "要闻", order: 1, articles: articles)])
}
