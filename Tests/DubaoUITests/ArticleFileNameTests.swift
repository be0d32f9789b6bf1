import DubaoModel
@testable import DubaoUI
import Testing

/// The file names `save` gives: date and title, safe, numbered when taken.
@Suite struct ArticleFileNameTests {
    static let date = IssueDate("2026-11-27")!

    @Test("a Chinese title is kept whole, after the date; the names after the first are numbered")
    func chineseTitle() {
        let name = ArticleFileName(date: Self.date, title: "江城港前十月货物吞吐量同比增长9.2%")
        #expect(name.name(attempt: 1) == "2026-11-27-江城港前十月货物吞吐量同比增长9.2%.md")
        #expect(name.name(attempt: 2) == "2026-11-27-江城港前十月货物吞吐量同比增长9.2%-2.md")
        #expect(name.name(attempt: 13) == "2026-11-27-江城港前十月货物吞吐量同比增长9.2%-13.md")
    }

    @Test("a / or \\ in the title, white space and control characters never reach the name")
    func unsafeCharacters() {
        #expect(ArticleFileName(date: Self.date, title: "中美/中欧\\关系").stem == "2026-11-27-中美-中欧-关系")
        #expect(ArticleFileName(date: Self.date, title: " 稳中有进\u{3000}向新 - 而行 ").stem == "2026-11-27-稳中有进-向新-而行")
        let hostile = ArticleFileName(date: Self.date, title: "标题\u{1B}]0;x\u{07}\u{0}\n/../etc").stem
        #expect(hostile == "2026-11-27-标题-..-etc")
        #expect(!hostile.contains("/") && !hostile.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(ArticleFileName(date: Self.date, title: "../..").stem == "2026-11-27-article")
        #expect(ArticleFileName(date: Self.date, title: "").stem == "2026-11-27-article")
        #expect(ArticleFileName(date: Self.date, title: "完。").stem == "2026-11-27-完。")
    }

    @Test("a long title is cut at 48 characters, ending in …, well inside 255 bytes with its number")
    func longTitle() {
        let name = ArticleFileName(date: Self.date, title: String(repeating: "长", count: 300))
        #expect(name.stem == "2026-11-27-" + String(repeating: "长", count: 47) + "…")
        #expect(name.name(attempt: 999).utf8.count < 255)
    }
}
