import DubaoText
import DubaoImport
import DubaoStore
import DubaoModel
import DubaoTestSupport
import DubaoTerminal
import DubaoRuntime
import DubaoUI
import Foundation
import Testing

/// User data in memory, to watch what the runtime writes.
final class MemoryUserData: UserData, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Bookmark] = []
    private var state = ReadingState()
    /// Each `apply` call's changes, in order.
    private(set) var applyCalls: [[ReadingChange]] = []
    var failing = false
    var failingReading = false

    func bookmarks() throws(StoreError) -> [Bookmark] {
        if failing { throw StoreError.corrupt(path: "/lib/bookmarks.json", detail: Sentence(.storeNotJSON)) }
        return lock.withLock { BookmarkStore.newestFirst(stored) }
    }
    func add(_ bookmark: Bookmark) throws(StoreError) -> Bool {
        lock.withLock { stored.removeAll { $0.id == bookmark.id }; stored.append(bookmark) }
        return true
    }
    func removeBookmark(id: ArticleID) throws(StoreError) -> Bookmark? {
        lock.withLock {
            guard let i = stored.firstIndex(where: { $0.id == id }) else { return nil }
            return stored.remove(at: i)
        }
    }
    func readingState() throws(StoreError) -> ReadingState { lock.withLock { state } }
    func apply(_ changes: [ReadingChange]) throws(StoreError) {
        if failingReading { throw StoreError.io(path: "/lib/reading/2026.json", errno: ENOSPC, doing: .write) }
        lock.withLock {
            applyCalls.append(changes)
            for c in changes { c.apply(to: &state) }
        }
    }
}

@Suite("Reducer: bookmarks, read state and reading memory")
struct BookmarkAndMemoryTests {
    func start(_ data: MemoryUserData, width: Int = 120, height: Int = 40) throws -> AppRuntime {
        let r = AppRuntime(state: AppState(width: width, height: height), library: try SampleLibrary(), userData: data)
        r.start(isSample: true)
        return r
    }

    @Test("b bookmarks the selected article at once, ★ shows; b again removes, u undoes")
    func toggle() throws {
        let data = MemoryUserData()
        let r = try start(data)
        let id = try #require(r.state.selectedID)
        r.dispatch(.key(.character("b")))
        #expect(try data.bookmarks().map(\.id) == [id], "written before the next frame")
        #expect(r.state.bookmarked.contains(id))
        #expect(Screen.render(r.state).text.contains("★"))
        r.dispatch(.key(.character("b")))
        #expect(try data.bookmarks().isEmpty)
        r.dispatch(.key(.character("u")))
        #expect(try data.bookmarks().map(\.id) == [id])
    }

    @Test("the bookmarks entry lists every bookmark; Enter reads it; b there removes it")
    func bookmarksEntry() throws {
        let data = MemoryUserData()
        let r = try start(data)
        r.dispatch(.key(.character("b")))
        r.dispatch(.key(.character("]")))
        r.dispatch(.key(.character("j")))
        let second = try #require(r.state.selectedID)
        r.dispatch(.key(.character("b")))
        r.dispatch(.key(.character("h")))   // sections pane
        r.dispatch(.key(.character("g")))   // top: the bookmarks entry
        #expect(r.state.inBookmarks)
        #expect(r.state.listCount == 2)
        #expect(r.state.selectedID == second, "newest first")
        #expect(r.state.reader?.article.id == second)
        r.dispatch(.key(.enter))
        r.dispatch(.key(.character("j")))
        #expect(r.state.reader?.article.id != second)
        r.dispatch(.key(.character("b")))
        #expect(r.state.userData.bookmarks.count == 1)
        #expect(try data.bookmarks().count == 1)
    }

    @Test("opening an article marks it read; m toggles; section counts show unread/total")
    func readState() throws {
        let data = MemoryUserData()
        let r = try start(data)
        let id = try #require(r.state.selectedID)
        #expect(!r.state.userData.read.contains(id), "previewing in the reader is not reading")
        r.dispatch(.key(.enter))
        #expect(r.state.userData.read.contains(id))
        #expect(try data.readingState().read.contains(id))
        #expect(Screen.render(r.state).text.contains("2/3"))
        r.dispatch(.key(.character("m")))
        #expect(!r.state.userData.read.contains(id))
        #expect(try !data.readingState().read.contains(id))
    }

    @Test("quitting saves where the reader was; the next start returns there, at the same paragraph")
    func memory() throws {
        let data = MemoryUserData()
        let first = try start(data, width: 60, height: 12)
        first.dispatch(.key(.character("]")))
        first.dispatch(.key(.character("j")))
        first.dispatch(.key(.enter))
        for _ in 0..<7 { first.dispatch(.key(.character("j"))) }
        let id = try #require(first.state.reader?.article.id)
        let line = try #require(first.state.reader.map { $0.lines[$0.top] })
        #expect(first.dispatch(.key(.character("Q"))) == [.quit])

        let second = try start(data, width: 100, height: 12)
        #expect(second.state.navigation.listing == .section(1) && second.state.navigation.articles.selection == 1)
        let reader = try #require(second.state.reader)
        #expect(reader.article.id == id)
        let top = reader.lines[reader.top]
        #expect(top.paragraph == line.paragraph, "same paragraph at another width")
    }

    @Test("a damaged bookmarks file: the reader works, says so, and saves nothing")
    func damagedUserData() throws {
        let data = MemoryUserData()
        data.failing = true
        let r = try start(data)
        #expect(r.state.userDataReadOnly)
        #expect(r.state.status.message?.text.contains("bookmarks.json") == true)
        r.dispatch(.key(.character("j")))
        #expect(r.state.navigation.articles.selection == 1, "reading goes on")
        r.dispatch(.key(.character("b")))
        data.failing = false
        #expect(try data.bookmarks().isEmpty)
    }
}

@Suite("Reading marks read a year at a time")
struct ReadingYearsTests {
    func issue(_ date: String) -> DubaoModel.Issue {
        let day = IssueDate(date)!
        let article = Article(id: ArticleID.make(paper: "测试报", date: day, section: "要闻", title: "标题\(date)"),
                              title: "标题\(date)", paragraphs: ["\(date)的正文。"])
        return DubaoModel.Issue(paper: "测试报", date: day, sections: [Section(name: "要闻", order: 1, articles: [article])])
    }

    @Test("the reader starts with the marks of the year it shows, and reads another year's when it shows that one")
    func lazyYears() throws {
        let root = ScratchFolder.path("years")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let library = Library(root: root)
        let old = issue("2025-12-31"), new = issue("2026-01-01")
        try library.store(old)
        try library.store(new)
        let oldID = old.sections[0].articles[0].id, newID = new.sections[0].articles[0].id
        try ReadingStateStore(root: root).apply([.markRead(oldID, true), .markRead(newID, true),
                                                 .position(oldID, .init(paragraph: 0, offset: 3))])

        let runtime = AppRuntime(state: AppState(width: 120, height: 40), library: library, userData: FolderUserData(root: root))
        runtime.start(isSample: false)
        #expect(runtime.state.issue?.date.description == "2026-01-01")
        #expect(runtime.state.userData.read == [newID], "2025's marks are not read yet")
        runtime.dispatch(.key(.character("<")))
        #expect(runtime.state.issue?.date.description == "2025-12-31")
        #expect(runtime.state.userData.read == [oldID, newID])
        #expect(runtime.state.userData.positions[oldID] == .init(paragraph: 0, offset: 3))
        #expect(!Screen.render(runtime.state).text.contains("•"), "the older issue's article shows as read")
    }
}

/// A library that counts how often the index is read.
final class IndexCountingLibrary: LibraryReading, @unchecked Sendable {
    let inner: any LibraryReading
    private let lock = NSLock()
    private var count = 0
    var indexReads: Int { lock.withLock { count } }

    init(_ inner: any LibraryReading) { self.inner = inner }

    func issues() throws(StoreError) -> [IssueEntry] {
        lock.withLock { count += 1 }
        return try inner.issues()
    }
    func catalog(of issue: IssueEntry) throws(StoreError) -> IssueCatalog { try inner.catalog(of: issue) }
    func articles(of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
        try inner.articles(of: section, in: issue)
    }
    func searchCandidates(in issue: IssueEntry, query: SearchQuery) throws(StoreError) -> [SearchText.Candidate]? {
        try inner.searchCandidates(in: issue, query: query)
    }
}

@Suite("Bookmarks and search results load their article from its issue")
struct DirectArticleLoadTests {
    @Test("moving through the bookmarks reads no index: each article comes from its own issue")
    func bookmarksReadNoIndex() throws {
        let data = MemoryUserData()
        let library = IndexCountingLibrary(try SampleLibrary())
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: library, userData: data)
        r.start(isSample: true)
        for _ in 0..<3 {
            r.dispatch(.key(.character("b")))
            r.dispatch(.key(.character("j")))
        }
        // Another section in the reader: the bookmarked articles are not at hand.
        r.dispatch(.key(.character("]")))
        #expect(r.state.navigation.listing == .section(1))
        let reads = library.indexReads
        r.dispatch(.key(.character("h")))
        r.dispatch(.key(.character("g")))
        #expect(r.state.inBookmarks)
        for _ in 0..<3 {
            let id = try #require(r.state.selectedID)
            #expect(r.state.reader?.article.id == id, "the bookmark's article is in the reader")
            r.dispatch(.key(.character("j")))
        }
        #expect(library.indexReads == reads, "selecting bookmarks read the library's index")
    }
}
