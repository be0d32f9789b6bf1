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
        #expect(ArticleID(id.text)?.date == IssueDate("2026-11-27"))
    }

    @Test("an ID is told from a typo: eight digits of a real date, a dash, ten lower-case hex digits")
    func parsing() {
        for typo in ["20261127-cffa30ee6", "20261127-CFFA30EE6F", "20261127cffa30ee6f", "20261340-cffa30ee6f",
                     "2026112-cffa30ee6fa", "２0261127-cffa30ee6f", "", "20261127-cffa30ee6g"] {
            #expect(ArticleID(typo as String) == nil, "\(typo)")
        }
        #expect(ArticleID("20261127-cffa30ee6f" as String)?.text == "20261127-cffa30ee6f")
    }

    @Test("the date and year a stored ID begins with, even one that is not well formed")
    func datePart() {
        let loose = ArticleID(stored: "20251230-d1")
        #expect(loose.date == IssueDate("2025-12-30"))
        #expect(loose.year.map { String(decoding: $0, as: UTF8.self) } == "2025")
        #expect(ArticleID(stored: "note-1").date == nil && ArticleID(stored: "2025").year == nil)
    }

    @Test("a second article of the same title gets its own ID")
    func occurrences() {
        let date = IssueDate("2026-11-27")!
        #expect(ArticleID.make(paper: "p", date: date, section: "s", title: "t")
                != ArticleID.make(paper: "p", date: date, section: "s", title: "t", occurrence: 2))
    }
}
