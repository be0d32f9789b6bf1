import DubaoImport
import DubaoModel
import DubaoRuntime
import DubaoStore
import DubaoText
@testable import DubaoUI
import Testing

/// A newcomer's first minutes: the sample paper says how to import a real one, and bookmarks
/// made on it go when a real paper arrives instead of lingering as missing.
@Suite("First run: the sample paper")
struct FirstRunTests {
    static let real = Issue(paper: "河湾日报", date: IssueDate("2026-03-09")!, sections: [
        Section(name: "要闻", order: 1, page: "第01版", articles: [
            Article(id: "20260309-a1", title: "渡口边的夜校开课了", paragraphs: ["北岸渡口旁的老仓库改成了夜校。"]),
        ]),
    ])

    @Test("the sample's identity is known without importing it")
    func sampleIdentity() throws {
        let sample = try SampleLibrary().issue
        #expect(sample.paper == SampleLibrary.paper && sample.date == SampleLibrary.date)
    }

    @Test("below a sample article's end the reader says how to import a real paper, in the reader's language",
          arguments: Language.allCases)
    func sampleSaysHowToImport(_ language: Language) throws {
        let r = try SampleRuntime.start(120, 40, language: language)
        let screen = Screen.render(r.state).text
        #expect(screen.contains("dubao import"), "\(screen)")
        #expect(screen.contains(language == .chinese ? "这是一份样报" : "A sample paper"))
        let real = AppRuntime(state: AppState(width: 120, height: 40), library: MemoryLibrary(issues: [Self.real]))
        real.start(isSample: false)
        #expect(!Screen.render(real.state).text.contains("dubao import"), "a real paper is left as printed")
    }

    @Test("bookmarks made on the sample go when a real issue arrives while the reader runs; others stay")
    func sampleBookmarksGoWithTheSample() throws {
        let data = MemoryUserData()
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: try SampleLibrary(), userData: data)
        r.start(isSample: true)
        r.keys("b")
        #expect(try data.bookmarks().count == 1)
        r.dispatch(.libraryChanged([try MemoryLibrary(issues: [Self.real]).issues()[0]], isSample: false, asked: false))
        #expect(r.state.userData.bookmarks.isEmpty)
        #expect(try data.bookmarks().isEmpty, "removed from the file too")
        r.keys("hg")
        #expect(!Screen.render(r.state).text.contains("〔missing〕"))
    }

    @Test("a sample bookmark left in the file goes when a real library is opened; a real one stays")
    func sampleBookmarksGoAtStart() throws {
        let data = MemoryUserData()
        _ = try data.add(Bookmark(id: ArticleID(stored: "20261127-0000000001"), title: "样报上的一篇", paper: SampleLibrary.paper,
                                  date: SampleLibrary.date, section: "要闻", added: "2026-11-27T00:00:00.000Z"))
        _ = try data.add(Bookmark(id: "20260309-a1", title: "渡口边的夜校开课了", paper: "河湾日报",
                                  date: IssueDate("2026-03-09")!, section: "要闻", added: "2026-11-28T00:00:00.000Z"))
        var state = AppState(width: 120, height: 40)
        state.navigation.sampleIssue = IssueKey(paper: SampleLibrary.paper, date: SampleLibrary.date)
        let r = AppRuntime(state: state, library: MemoryLibrary(issues: [Self.real]), userData: data)
        r.start(isSample: false)
        #expect(r.state.userData.bookmarks.map(\.id) == ["20260309-a1"])
        #expect(try data.bookmarks().map(\.id) == ["20260309-a1"])
    }
}
