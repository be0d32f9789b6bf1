import DubaoModel
import Testing

@Suite("Article IDs")
struct ArticleIDTests {
    /// Bookmarks point at IDs: a change to how they are made would lose every user's bookmarks.
    @Test("an ID never changes between versions of dubao")
    func pinned() {
        let id = ArticleID.make(paper: "江城晨报", date: IssueDate("2026-11-27")!, section: "要闻",
                                title: "江城港前十月货物吞吐量同比增长9.2%")
        #expect(id == "20261127-cffa30ee6f")
        #expect(ArticleID.isWellFormed(id))
    }

    @Test("a second article of the same title gets its own ID")
    func occurrences() {
        let date = IssueDate("2026-11-27")!
        #expect(ArticleID.make(paper: "p", date: date, section: "s", title: "t")
                != ArticleID.make(paper: "p", date: date, section: "s", title: "t", occurrence: 2))
    }
}
