import DubaoImport
import DubaoModel
import DubaoRuntime
import DubaoStore
import DubaoTestSupport
@testable import DubaoUI
import Foundation
import Testing

/// Issues in memory that a test imports into while the reader runs, with a stamp that moves
/// at each import and a count of the times the issue list was read.
final class ChangingLibrary: LibraryReading, @unchecked Sendable {
    private let lock = NSLock()
    private var memory: MemoryLibrary
    private var generation = 0
    private(set) var listReads = 0

    init(_ issues: [DubaoModel.Issue]) { memory = MemoryLibrary(issues: issues) }

    /// An import: these issues replace any of the same paper and date.
    func store(_ issues: [DubaoModel.Issue]) {
        lock.withLock {
            let kept = memory.contents.filter { old in !issues.contains { $0.paper == old.paper && $0.date == old.date } }
            memory = MemoryLibrary(issues: kept + issues)
            generation += 1
        }
    }

    /// `dubao remove`: the issue of this paper and date goes.
    func remove(_ issue: DubaoModel.Issue) {
        lock.withLock {
            memory = MemoryLibrary(issues: memory.contents.filter { $0.paper != issue.paper || $0.date != issue.date })
            generation += 1
        }
    }

    func issues() throws(StoreError) -> [IssueEntry] {
        let memory = lock.withLock { listReads += 1; return self.memory }
        return try memory.issues()
    }
    func catalog(of issue: IssueEntry) throws(StoreError) -> IssueCatalog { try lock.withLock { memory }.catalog(of: issue) }
    func articles(of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
        try lock.withLock { memory }.articles(of: section, in: issue)
    }
    func stamp() -> LibraryStamp? { lock.withLock { LibraryStamp(generation: generation) } }
}

@Suite("A live library: issues imported while the reader runs")
struct LiveLibraryTests {
    static let paper = "河湾日报"

    static func article(_ id: String, _ title: String, _ text: String? = nil) -> Article {
        // Long enough to scroll: the reader's place in it must survive the change.
        Article(id: ArticleID(stored: id), title: title,
                paragraphs: (1...30).map { "\(text ?? title)的正文，第\($0)段，写得足够长，让读者要翻几页才能读完这一篇文章。" })
    }

    static func issue(_ date: String, _ sections: [Section]) -> DubaoModel.Issue {
        DubaoModel.Issue(paper: paper, date: IssueDate(date)!, sections: sections)
    }

    static let march2 = issue("2026-03-02", [
        Section(name: "要闻", order: 1, page: "第01版", articles: [article("20260302-a1", "丁")]),
        Section(name: "城事", order: 2, page: "第02版", articles: [article("20260302-b1", "戊"), article("20260302-b2", "己")]),
    ])
    static let march9 = issue("2026-03-09", [
        Section(name: "要闻", order: 1, page: "第01版", articles: [article("20260309-a1", "甲")]),
    ])
    static let march16 = issue("2026-03-16", [
        Section(name: "要闻", order: 1, page: "第01版", articles: [article("20260316-a1", "庚")]),
    ])

    /// The reader on `library`, watching it, with a look due at every call of `look`.
    func start(_ library: ChangingLibrary, data: MemoryUserData = MemoryUserData()) -> AppRuntime {
        let r = AppRuntime(state: AppState(width: 120, height: 20), library: library, userData: data)
        let stamp = library.stamp()
        r.start(isSample: false)
        r.watch(library, stamp: stamp, every: .zero, inBackground: false)
        return r
    }

    func keys(_ r: AppRuntime, _ text: String) {
        r.keys(text)
    }

    /// In 城事, on 己, read down a few lines in the reader: the place a change must keep.
    func readSecondSection(_ r: AppRuntime) {
        keys(r, "]j")
        r.dispatch(.key(.enter))
        keys(r, "5j")
    }

    @Test("a newer issue joins the list: the issue, section, article, reader's place and bookmarks stay; > opens it")
    func newerIssue() throws {
        let library = ChangingLibrary([Self.march2])
        let data = MemoryUserData()
        let r = start(library, data: data)
        readSecondSection(r)
        keys(r, "b")
        let before = r.state
        #expect(before.reader?.article.id == "20260302-b2" && before.reader?.top == 5)
        r.dispatch(.key(.escape))
        r.dispatch(.key(.enter))
        keys(r, ">")
        #expect(r.state.status.message?.text == "this is the newest issue in the library")

        library.store([Self.march9])
        r.lookAtLibrary()
        #expect(r.state.navigation.issues.map(\.date.description) == ["2026-03-09", "2026-03-02"])
        #expect(r.state.issue?.date.description == "2026-03-02", "the open issue stays open")
        #expect(r.state.navigation.issueIndex == 1)
        #expect(r.state.navigation.listing == before.navigation.listing)
        #expect(r.state.navigation.articles.selection == before.navigation.articles.selection)
        #expect(r.state.reader?.article.id == "20260302-b2" && r.state.reader?.top == 5)
        #expect(r.state.viewport.focus == .reader)
        #expect(r.state.userData.bookmarks.map(\.id) == ["20260302-b2"])
        #expect(r.state.status.message?.text == "new issue 河湾日报 2026-03-09: > opens it")

        keys(r, ">")
        #expect(r.state.issue?.date.description == "2026-03-09", "> is no longer at the newest issue")
        keys(r, "<")
        #expect(r.state.issue?.date.description == "2026-03-02")
    }

    /// The reader on 2 and 9 March, reading 2 March's second section (`readSecondSection`).
    func readingMarch2(_ library: ChangingLibrary) -> AppRuntime {
        let r = start(library)
        keys(r, "<")
        readSecondSection(r)
        return r
    }

    @Test("a bookmark's article, gone with its issue, comes back when the issue is imported again")
    func bookmarkComesBack() throws {
        let library = ChangingLibrary([Self.march2, Self.march9])
        let r = readingMarch2(library)
        keys(r, "b")
        #expect(r.state.userData.bookmarks.map(\.id) == ["20260302-b2"])
        library.remove(Self.march2)
        r.lookAtLibrary()
        #expect(r.state.issue?.date.description == "2026-03-09", "the issue in its place opens")
        // The bookmarks list, its one bookmark selected: its article is missing.
        keys(r, "hhg")
        r.dispatch(.key(.enter))
        #expect(r.state.inBookmarks && r.state.selectedID == "20260302-b2")
        #expect(r.state.navigation.missingArticles.contains("20260302-b2") && r.state.reader == nil)

        // An issue of another day changes nothing for it.
        library.store([Self.march16])
        r.lookAtLibrary()
        #expect(r.state.navigation.missingArticles.contains("20260302-b2"))

        library.store([Self.march2])
        r.lookAtLibrary()
        #expect(r.state.navigation.missingArticles.isEmpty)
        #expect(r.state.reader?.article.id == "20260302-b2", "the article shows again, no key pressed")
    }

    @Test("the open issue removed while the bookmarks are listed: they stay listed over the issue in its place")
    func removedUnderTheBookmarks() throws {
        let library = ChangingLibrary([Self.march2, Self.march9])
        let r = readingMarch2(library)
        keys(r, "b")
        keys(r, "hhg")
        r.dispatch(.key(.enter))
        #expect(r.state.inBookmarks && r.state.issue?.date.description == "2026-03-02")
        library.remove(Self.march2)
        r.lookAtLibrary()
        #expect(r.state.issue?.date.description == "2026-03-09")
        #expect(r.state.inBookmarks, "still the bookmarks list")
        #expect(r.state.selectedID == "20260302-b2" && r.state.navigation.missingArticles.contains("20260302-b2"))
    }

    @Test("the issue list is read again only when the stamp moved, and looked at no more than every interval")
    func cheapWhenIdle() {
        let library = ChangingLibrary([Self.march2])
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: library)
        r.start(isSample: false)
        r.watch(library, stamp: library.stamp(), every: .seconds(1), inBackground: false)
        let reads = library.listReads
        let t0 = ContinuousClock.now
        for step in 0..<10 { r.lookAtLibrary(now: t0 + .milliseconds(300 * step)) }
        #expect(library.listReads == reads, "an unchanged library is never read again")

        library.store([Self.march9])
        let t1 = t0 + .seconds(10)
        r.lookAtLibrary(now: t1)
        #expect(library.listReads == reads + 1 && r.state.navigation.issues.count == 2)
        library.store([Self.march16])
        r.lookAtLibrary(now: t1 + .milliseconds(500))
        #expect(r.state.navigation.issues.count == 2, "within the interval, no look")
        r.lookAtLibrary(now: t1 + .seconds(1))
        #expect(library.listReads == reads + 2 && r.state.navigation.issues.count == 3)
        #expect(r.state.status.message?.text == "new issue 河湾日报 2026-03-16: d lists the issues")
    }

    @Test("an import made between reading the list and watching is seen at the first look")
    func importBeforeTheWatch() {
        let library = ChangingLibrary([Self.march2])
        let stamp = library.stamp()
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: library)
        r.start(isSample: false)
        library.store([Self.march9, Self.march16])
        r.watch(library, stamp: stamp, inBackground: false)
        r.lookAtLibrary()
        #expect(r.state.navigation.issues.count == 3)
        #expect(r.state.issue?.date.description == "2026-03-02", "the issue the reader opened stays open")
        #expect(r.state.status.message?.text == "2 new issues, the newest 河湾日报 2026-03-16: d lists them")
    }

    @Test("the open issue imported again: its catalog is reloaded, the article followed by ID, corrected text shown in place")
    func openIssueReimported() throws {
        let library = ChangingLibrary([Self.march2, Self.march9])
        let r = readingMarch2(library)
        let top = try #require(r.state.reader?.top)
        // A page added before 城事, an article before 己, and 己's text corrected (as long as it was,
        // so the place is the same line).
        library.store([Self.issue("2026-03-02", [
            Section(name: "要闻", order: 1, page: "第01版", articles: [Self.article("20260302-a1", "丁")]),
            Section(name: "经济", order: 2, page: "第02版", articles: [Self.article("20260302-e1", "辛")]),
            Section(name: "城事", order: 3, page: "第03版", articles: [
                Self.article("20260302-b1", "戊"), Self.article("20260302-b3", "壬"), Self.article("20260302-b2", "己", "巳"),
            ]),
        ])])
        r.lookAtLibrary()
        #expect(r.state.issue?.date.description == "2026-03-02" && r.state.navigation.issueIndex == 1)
        #expect(r.state.sections.map(\.name) == ["要闻", "经济", "城事"], "the new catalog")
        #expect(r.state.navigation.listing == .section(2) && r.state.navigation.articles.selection == 2)
        #expect(r.state.selectedID == "20260302-b2")
        #expect(r.state.reader?.article.paragraphs.first?.hasPrefix("巳") == true, "the corrected text")
        #expect(r.state.reader?.top == top, "at the same place")
        #expect(r.state.viewport.focus == .reader)
        #expect(r.state.status.message?.text == "河湾日报 2026-03-02 was imported again")
    }

    @Test("an article a re-import removed: the selection stays in its section")
    func selectedArticleRemoved() {
        let library = ChangingLibrary([Self.march2])
        let r = start(library)
        keys(r, "]j")
        library.store([Self.issue("2026-03-02", [
            Section(name: "要闻", order: 1, page: "第01版", articles: [Self.article("20260302-a1", "丁")]),
            Section(name: "城事", order: 2, page: "第02版", articles: [Self.article("20260302-b1", "戊")]),
        ])])
        r.lookAtLibrary()
        #expect(r.state.navigation.listing == .section(1) && r.state.navigation.articles.selection == 0)
        #expect(r.state.reader?.article.id == "20260302-b1")
    }

    @Test("the issue picker keeps its highlighted issue when a newer one comes in")
    func pickerFollows() {
        let library = ChangingLibrary([Self.march2, Self.march9])
        let r = start(library)
        keys(r, "dj")
        guard case .issues(let list) = r.state.overlay else { Issue.record("no picker"); return }
        #expect(list.selection == 1)
        library.store([Self.march16])
        r.lookAtLibrary()
        guard case .issues(let after) = r.state.overlay else { Issue.record("the picker closed"); return }
        #expect(after.selection == 2, "still on 2026-03-02")
        r.dispatch(.key(.enter))
        #expect(r.state.issue?.date.description == "2026-03-02")
    }

    @Test("R reads the library at once, and says so when nothing changed")
    func reloadCommand() {
        let library = ChangingLibrary([Self.march2])
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: library)
        r.start(isSample: false)
        r.watch(library, stamp: library.stamp(), every: .seconds(3600), inBackground: false)
        r.lookAtLibrary()
        keys(r, "R")
        #expect(r.state.status.message?.text == "no new issues in the library")
        library.store([Self.march9])
        r.lookAtLibrary()
        #expect(r.state.navigation.issues.count == 1, "the next look is an hour away")
        keys(r, "R")
        #expect(r.state.navigation.issues.count == 2)
        #expect(r.state.status.message?.text == "new issue 河湾日报 2026-03-09: > opens it")
        #expect(Command(rawValue: "reload") == .reload && Keymap.standard.keys(for: .reload) == [.character("R")])
    }

    @Test("the sample paper gives way to the first issue imported into the empty library")
    func sampleGivesWay() throws {
        let library = ChangingLibrary([])
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: try SampleLibrary())
        r.start(isSample: true)
        r.watch(library, stamp: library.stamp(), every: .zero, inBackground: false)
        keys(r, "R")
        #expect(r.state.navigation.isSample)
        #expect(r.state.status.message?.text == "the library is still empty: `dubao import FILE` adds a paper")
        library.store([Self.march2])
        r.lookAtLibrary()
        #expect(!r.state.navigation.isSample)
        #expect(r.state.issue?.paper == Self.paper && r.state.navigation.issues.count == 1)
        #expect(r.state.reader?.article.id == "20260302-a1", "the new paper's first article")
        #expect(r.state.status.message?.text == "河湾日报 2026-03-02 imported: it replaces the sample paper")
        library.store([Self.march9])
        r.lookAtLibrary()
        keys(r, ">")
        #expect(r.state.reader?.article.id == "20260309-a1", "read from the library from then on")
    }

    @Test("read on a thread of its own: poll takes the new list in")
    func inBackground() {
        let library = ChangingLibrary([Self.march2])
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: library)
        r.start(isSample: false)
        r.watch(library, stamp: library.stamp(), every: .zero)
        library.store([Self.march9])
        r.lookAtLibrary()
        #expect(r.isReadingLibrary)
        waitUntil {
            r.poll()
            return !r.isReadingLibrary
        }
        #expect(r.state.navigation.issues.count == 2 && r.state.issue?.date.description == "2026-03-02")
    }

    @Test("the new issues are found in one walk down both lists, whatever was added or removed")
    func addedIssues() throws {
        func entries(_ dates: [(String, String)]) throws -> [IssueEntry] {
            try MemoryLibrary(issues: dates.map { DubaoModel.Issue(paper: $0.0, date: IssueDate($0.1)!, sections: []) }).issues()
        }
        let old = try entries([("乙报", "2026-03-16"), ("甲报", "2026-03-09"), ("乙报", "2026-03-09"), ("甲报", "2026-03-02")])
        let new = try entries([("甲报", "2026-03-23"), ("乙报", "2026-03-16"), ("甲报", "2026-03-16"), ("乙报", "2026-03-09"),
                               ("甲报", "2026-03-02"), ("甲报", "2026-02-23")])
        #expect(Reducer.added(new, to: old).map { "\($0.paper) \($0.date)" }
                == ["甲报 2026-03-23", "甲报 2026-03-16", "甲报 2026-02-23"])
        #expect(Reducer.added(old, to: old).isEmpty && Reducer.added(old, to: []).count == 4)
    }
}
