import DubaoModel
import DubaoRuntime
import DubaoStore
import DubaoTerminal
@testable import DubaoUI
import Testing

/// `.` `,` step through what is unread, on into other issues; `A` and `C` mark a section or an
/// issue read, and `u` takes that back.
@Suite("The unread workflow")
struct UnreadWorkflowTests {
    static func article(_ id: String, _ title: String) -> Article {
        Article(id: ArticleID(stored: id), title: title, paragraphs: ["\(title)的正文。"])
    }

    /// Two issues of two sections each; the newer is first in the library's list.
    static func runtime(_ data: MemoryUserData = MemoryUserData()) -> AppRuntime {
        let newer = Issue(paper: "河湾日报", date: IssueDate("2026-03-09")!, sections: [
            Section(name: "要闻", order: 1, page: "第01版", articles: [article("20260309-a1", "甲"), article("20260309-a2", "乙")]),
            Section(name: "城事", order: 2, page: "第02版", articles: [article("20260309-b1", "丙")]),
        ])
        let older = Issue(paper: "河湾日报", date: IssueDate("2026-03-02")!, sections: [
            Section(name: "要闻", order: 1, page: "第01版", articles: [article("20260302-a1", "丁")]),
            Section(name: "城事", order: 2, page: "第02版", articles: [article("20260302-b1", "戊"), article("20260302-b2", "己")]),
        ])
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: MemoryLibrary(issues: [older, newer]), userData: data)
        r.start(isSample: false)
        return r
    }

    func key(_ r: AppRuntime, _ c: Character) { r.dispatch(.key(.character(c))) }

    @Test("`.` goes to the next unread article: in the section, the next section, then the older issue")
    func nextUnread() throws {
        let r = Self.runtime()
        #expect(r.state.issue?.date == IssueDate("2026-03-09"))
        r.dispatch(.key(.enter))                      // open 甲 in the reader: read
        r.dispatch(.key(.character("h")))
        #expect(r.state.userData.read.contains("20260309-a1"))
        key(r, ".")
        #expect(r.state.selectedID == "20260309-a2")
        key(r, "m")                                   // 乙 read by hand
        key(r, ".")
        #expect(r.state.navigation.listing == .section(1) && r.state.selectedID == "20260309-b1")
        key(r, "m")
        key(r, ".")
        #expect(r.state.issue?.date == IssueDate("2026-03-02"), "on into the older issue")
        #expect(r.state.selectedID == "20260302-a1")
        #expect(r.state.reader?.article.id == "20260302-a1")
        // Everything of the older issue read: nothing further, and it says so.
        key(r, "C")
        key(r, ".")
        #expect(r.state.status.message?.text.contains("no unread article") == true)
    }

    @Test("`,` goes back to the previous unread article, on into the newer issue")
    func previousUnread() throws {
        let r = Self.runtime()
        key(r, "<")                                   // the older issue
        #expect(r.state.issue?.date == IssueDate("2026-03-02"))
        key(r, ",")
        #expect(r.state.issue?.date == IssueDate("2026-03-09"), "nothing unread above the first article: the newer issue")
        #expect(r.state.selectedID == "20260309-b1", "its last unread article")
    }

    @Test("A marks the section read and u takes back only what it marked; C marks the issue")
    func markAndUndo() throws {
        let data = MemoryUserData()
        let r = Self.runtime(data)
        key(r, "m")                                   // 甲 read before
        key(r, "A")
        #expect(r.state.userData.read.isSuperset(of: ["20260309-a1", "20260309-a2"]))
        #expect(try data.readingState().read.contains("20260309-a2"), "written at once")
        key(r, "u")
        #expect(r.state.userData.read.contains("20260309-a1"), "it was read before A: it stays read")
        #expect(!r.state.userData.read.contains("20260309-a2"))
        #expect(try !data.readingState().read.contains("20260309-a2"))
        key(r, "C")
        #expect(r.state.userData.read.isSuperset(of: ["20260309-a2", "20260309-b1"]))
        #expect(r.state.status.message?.text.contains("2 marked read") == true, "\(String(describing: r.state.status.message))")
        key(r, "u")
        #expect(!r.state.userData.read.contains("20260309-b1"))
        key(r, "u")
        #expect(r.state.status.message?.text == "nothing to undo")
    }

    @Test("the commands are rebindable under their names")
    func names() {
        for name in ["next-unread", "previous-unread", "mark-section-read", "mark-issue-read"] {
            #expect(Command(rawValue: name) != nil, "\(name)")
            #expect(!Keymap.standard.keys(for: Command(rawValue: name)!).isEmpty, "\(name) has a default key")
        }
    }
}

@Suite("Space at the end of an article")
struct SpaceAtEndTests {
    @Test("Space pages the reader, and from the article's end goes on to the next unread article")
    func spaceGoesOn() throws {
        let r = UnreadWorkflowTests.runtime()
        r.dispatch(.key(.enter))                      // 甲 in the reader, which has the focus
        #expect(r.state.viewport.focus == .reader)
        let first = r.state.reader?.article.id
        r.dispatch(.key(.character(" ")))             // a short article: its end is on screen
        #expect(r.state.reader?.article.id != first)
        #expect(r.state.selectedID == "20260309-a2")
        #expect(r.state.userData.read.contains("20260309-a1"))
    }
}

@Suite("When an article counts as read")
struct ReadRuleTests {
    @Test("running down the list reads nothing; opening reads; scrolling the preview to its end reads")
    func rule() throws {
        let r = UnreadWorkflowTests.runtime()
        r.dispatch(.key(.character("j")))
        r.dispatch(.key(.character("k")))
        #expect(r.state.userData.read.isEmpty, "the preview beside the list is not reading")
        // The wheel over the preview, down to its end (a short article: there already).
        let reader = try #require(r.state.viewport.layout.readerText)
        r.dispatch(.key(.mouse(MouseEvent(kind: .wheelDown, x: reader.x + 2, y: reader.y + 1))))
        #expect(r.state.userData.read == ["20260309-a1"])
        r.dispatch(.key(.character("j")))
        r.dispatch(.key(.enter))
        #expect(r.state.userData.read.contains("20260309-a2"), "opened in the reader")
    }

    @Test("the end of the article is marked, and the hint says a page goes on to the next unread")
    func endMarked() throws {
        let r = UnreadWorkflowTests.runtime()
        r.dispatch(.key(.enter))
        let screen = Screen.render(r.state).text
        #expect(screen.contains("— 完 —"))
        #expect(screen.contains("Space next unread"), "\(screen)")
    }
}

@Suite("Unread counts in the issue list")
struct IssueListUnreadTests {
    @Test("d lists each issue with its unread and all articles, and follows the marks")
    func counts() throws {
        let r = UnreadWorkflowTests.runtime()
        r.dispatch(.key(.character("m")))            // 甲 of the newer issue read
        r.dispatch(.key(.character("d")))
        let screen = Screen.render(r.state).text
        #expect(screen.contains("2026-03-09  河湾日报") && screen.contains("2/3"), "\(screen)")
        #expect(screen.contains("2026-03-02  河湾日报") && screen.contains("3/3"))
    }
}

@Suite("Changing issue and coming back")
struct IssueReturnTests {
    @Test("< then > comes back to the section and article the reader left")
    func comesBack() throws {
        let r = UnreadWorkflowTests.runtime()
        r.dispatch(.key(.character("]")))            // 城事 of the newer issue
        #expect(r.state.navigation.listing == .section(1) && r.state.selectedID == "20260309-b1")
        r.dispatch(.key(.character("<")))
        #expect(r.state.issue?.date == IssueDate("2026-03-02"))
        #expect(r.state.navigation.listing == .section(0), "an issue not seen before opens on its first page")
        r.dispatch(.key(.character(">")))
        #expect(r.state.navigation.listing == .section(1) && r.state.selectedID == "20260309-b1")
        #expect(r.state.reader?.article.id == "20260309-b1")
    }

}

extension UnreadWorkflowTests {
    @Test("U lists only unread articles: read ones leave the lists, counts stay whole, one read meanwhile stays")
    func unreadOnly() throws {
        let r = Self.runtime()
        key(r, "m")                                   // 甲 read
        key(r, "U")
        #expect(r.state.navigation.unreadOnly)
        #expect(r.state.articleSummaries.map(\.id) == ["20260309-a2"], "甲 hidden")
        #expect(r.state.selectedID == "20260309-a2", "the selection goes on to the next article listed")
        let screen = Screen.render(r.state).text
        #expect(screen.contains("01 要闻 · unread"), "the list says it is limited")
        #expect(screen.contains("1/2"), "the sections pane still counts the whole section")
        r.dispatch(.key(.enter))                      // 乙 read now: it stays listed
        r.dispatch(.key(.character("h")))
        #expect(r.state.articleSummaries.map(\.id) == ["20260309-a2"])
        key(r, "J")
        #expect(r.state.selectedID == "20260309-b1", "J walks the lists as shown")
        key(r, "U")
        #expect(!r.state.navigation.unreadOnly && r.state.selectedID == "20260309-b1", "every article again, the selection kept")
        key(r, "[")
        #expect(r.state.articleSummaries.count == 2)
    }

    @Test("U in a section with nothing unread says so; a newly opened issue hides what is read in it")
    func unreadOnlyEmptyAndOtherIssues() throws {
        let r = Self.runtime()
        key(r, "A")
        key(r, "U")
        #expect(r.state.articleSummaries.isEmpty)
        #expect(Screen.render(r.state).text.contains("no unread articles here"))
        key(r, "<")
        #expect(r.state.issue?.date == IssueDate("2026-03-02"))
        #expect(r.state.articleSummaries.map(\.id) == ["20260302-a1"])
        key(r, "m")
        key(r, ">")
        key(r, "<")
        #expect(r.state.articleSummaries.isEmpty, "丁 was read before the issue opened again")
    }

    @Test("toggle-unread-only can be rebound by name")
    func rebinding() throws {
        #expect(Command(rawValue: "toggle-unread-only") == .toggleUnreadOnly)
        #expect(Keymap.standard.command(for: .character("U")) == .toggleUnreadOnly)
    }
}
