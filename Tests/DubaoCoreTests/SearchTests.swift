@testable import DubaoCore
import DubaoModel
import Testing

@Suite("Search: matching, folding, snippets")
struct SearchTests {
    let article = Article(id: "20261127-0000000001", kicker: "冬日特写", title: "江城App上线巡回审判预约",
                          dateline: "本报讯", credit: "（记者 甲）",
                          paragraphs: ["法官把法庭开到田间地头，巡回审判让群众少跑路。", "ＡＰＰ里可以预约（线上），也能电话预约,方便得很。"],
                          captions: [Caption(text: "图为巡回审判现场。记者 乙 摄", afterParagraph: 1)])

    func matches(_ q: String) -> [SearchMatch] {
        Searcher.matches(in: article, query: SearchQuery(q)!)
    }

    @Test("Chinese substrings without segmentation, in every field, in reading order")
    func chinese() {
        let found = matches("巡回审判")
        #expect(found.map(\.field) == [.title, .paragraph(0), .caption(0)])
        let title = Array(article.title.utf8)
        #expect(String(decoding: title[found[0].range], as: UTF8.self) == "巡回审判")
    }

    @Test("Latin letters ignore case; full-width and half-width forms fold together")
    func folding() {
        #expect(matches("app").map(\.field) == [.title, .paragraph(1)], "App and ＡＰＰ")
        #expect(!matches("（线上）").isEmpty)
        #expect(!matches("(线上)").isEmpty, "half-width parentheses find full-width ones")
        #expect(!matches("电话预约，方便").isEmpty, "a full-width comma finds a half-width one")
    }

    @Test("several words must all occur, anywhere in the article")
    func allWords() {
        #expect(!matches("法庭 预约").isEmpty)
        #expect(matches("法庭 火车").isEmpty)
        #expect(SearchQuery("   　 ") == nil)
    }

    @Test("snippets cut around the match with … and never split a character")
    func snippets() {
        let text = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
        let at = Array(text.utf8)
        let start = text.utf8.count - "申酉".utf8.count - "戌亥".utf8.count
        let (snippet, range) = Searcher.snippet(of: text, around: start..<(start + "申酉".utf8.count), width: 8)
        #expect(snippet.hasPrefix("…"))
        #expect(String(decoding: Array(snippet.utf8)[range], as: UTF8.self) == "申酉")
        #expect(!at.isEmpty)
        let (edge, edgeRange) = Searcher.snippet(of: "申酉在开头", around: 0..<6, width: 40)
        #expect(edge == "申酉在开头" && edgeRange == 0..<6, "no … at a paragraph's edge")
    }

    @Test("the whole library: newest first, filtered by date range and section, limited")
    func library() throws {
        let sample = try SampleLibrary()
        var older = sample.issue
        older.date = IssueDate("2026-11-20")!
        let library = MemoryLibrary(issues: [older, sample.issue])
        let all = try Searcher.search(library, query: SearchQuery("江城")!)
        #expect(all.count > 4)
        #expect(all.first?.date == sample.issue.date)
        let one = try Searcher.search(library, query: SearchQuery("江城")!, scope: .init(from: IssueDate("2026-11-21")))
        #expect(one.allSatisfy { $0.date == sample.issue.date })
        let section = try Searcher.search(library, query: SearchQuery("江城")!, scope: .init(section: "经济"))
        #expect(section.allSatisfy { $0.section == "经济" } && !section.isEmpty)
        #expect(try Searcher.search(library, query: SearchQuery("江城")!, scope: .init(limit: 2)).count == 2)
        #expect(try Searcher.search(library, query: SearchQuery("不存在的词语组合")!).isEmpty)
    }
}

@Suite("Search: the stored search text finds exactly what reading every article finds")
struct SearchTextTests {
    @Test("same hits from the library on disk as from memory, for folded and multi-word queries")
    func sameHits() throws {
        let sample = try SampleLibrary()
        let library = Library(root: TestPaths.temporaryFolder())
        try library.store(sample.issue)
        let memory = MemoryLibrary(issues: [sample.issue])
        for text in ["江城", "app", "ＡＰＰ", "(", "调解 居民", "9.2%", "下转", "不存在的词", "，"] {
            let query = try #require(SearchQuery(text))
            let fromDisk = try Searcher.search(library, query: query)
            let fromMemory = try Searcher.search(memory, query: query)
            #expect(fromDisk.map(\.id) == fromMemory.map(\.id), "query \(text)")
            #expect(fromDisk.map(\.matches) == fromMemory.map(\.matches), "query \(text)")
        }
    }

    @Test("re-importing one section keeps the other sections searchable")
    func partialReimport() throws {
        let sample = try SampleLibrary()
        let library = Library(root: TestPaths.temporaryFolder())
        try library.store(sample.issue)
        var one = sample.issue
        one.sections = [one.sections[0]]
        try library.store(one)
        let hits = try Searcher.search(library, query: SearchQuery("调解")!)
        #expect(!hits.isEmpty && hits.allSatisfy { $0.section == "城事" })
    }
}

@Suite("Search text folding on bytes")
struct SearchTextFoldingTests {
    @Test("byte folding equals scalar folding, for every full-width form and mixed text")
    func sameAsScalars() {
        var text = "江城App ＡＢＣ（１２）　ｘｙｚ，。“”…—\u{FF5E}\u{FF5F}\u{FFE5}Ｚ"
        for v in 0xFF00...0xFF65 { if let s = Unicode.Scalar(v) { text.unicodeScalars.append(s) } }
        var bytes: [UInt8] = []
        SearchText.appendFolded(text, to: &bytes)
        var expected = String.UnicodeScalarView()
        for s in text.unicodeScalars { expected.append(Unicode.Scalar(SearchFolding.fold(s.value))!) }
        #expect(String(decoding: bytes, as: UTF8.self) == String(expected))
    }
}
