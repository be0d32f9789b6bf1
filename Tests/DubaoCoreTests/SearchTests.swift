@testable import DubaoImport
@testable import DubaoStore
import DubaoModel
import Foundation
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
    /// The query's folding, for a whole text: a scalar at a time, a kana and its voiced mark as one.
    static func scalarFolded(_ text: String) -> String {
        var out: [UInt32] = []
        for s in text.unicodeScalars {
            let f = SearchFolding.fold(s.value)
            if let last = out.last, let composed = SearchFolding.compose(last, f) { out[out.count - 1] = composed } else { out.append(f) }
        }
        var view = String.UnicodeScalarView()
        for v in out { view.append(Unicode.Scalar(v)!) }
        return String(view)
    }

    @Test("byte folding equals scalar folding, for every full-width form, letter, kana and mixed text")
    func sameAsScalars() {
        var text = "江城App ＡＢＣ（１２）　ｘｙｚ，。“”…—\u{FF5E}\u{FF5F}\u{FFE5}Ｚ CAFÉ DÉJÀ VU ｶﾞｷﾞﾊﾟﾎﾟｳﾞｶﾞﾞ カ゛ガ\u{3099}"
        for range in [0xC0..<0x540, 0x1E00..<0x1F00, 0x3000..<0x3100, 0xFF00..<0xFFF0] {
            for v in range { if let s = Unicode.Scalar(v) { text.unicodeScalars.append(s) } }
        }
        for base in 0xFF61...0xFF9F {
            for mark in [0xFF9E, 0xFF9F, 0x3099, 0x309A] {
                text.unicodeScalars.append(Unicode.Scalar(base)!)
                text.unicodeScalars.append(Unicode.Scalar(mark)!)
            }
        }
        var bytes: [UInt8] = []
        SearchText.appendFolded(text, to: &bytes)
        let expected = Self.scalarFolded(text).replacingOccurrences(of: "\u{1E}", with: "").replacingOccurrences(of: "\u{1F}", with: "")
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    // The text above holds Ⱥ, which lowercases to a longer scalar and sends the whole field to
    // the copying fold: random fields, most without one, take the in-place fold.
    @Test("byte folding equals scalar folding in random fields, folded in place or by copying")
    func sameAsScalarsInRandomFields() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["江城", "日", "，", "。", "“", "”", "ＡＢ", "ab", "AB", "（１２）", "　", "ｶﾞ", "ｶ", "ﾞ", "カ", "\u{3099}",
                      "￥", "É", "é", "Ⱥ", "ẞ", "😀", "—", "…", "\u{1E}", "\u{1F}", "2023年"]
        for _ in 0..<500 {
            var bytes: [UInt8] = Array("前缀".utf8)
            let fields = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            }
            var expected = "前缀"
            for field in fields {
                SearchText.appendFolded(field, to: &bytes)
                expected += Self.scalarFolded(field).replacingOccurrences(of: "\u{1E}", with: "").replacingOccurrences(of: "\u{1F}", with: "")
            }
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(fields)")
        }
    }
}

@Suite("Search: the plain byte search for terms that fold only from themselves")
struct PlainSearchTests {
    @Test("finds exactly what the folded search finds, in random mixed text")
    func sameAsFolded() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["日", "日日", "本日", "ｶﾞ", "カ", "ガ", "，", ",", "A", "a", "É", "é", "。", "\n", "¥", "￥", "报", "😀"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            for q in ["日", "日日", "本日", "报日", "😀日"] {
                let query = SearchQuery(q)!
                let plain = try! #require(query.plainUTF8Terms.first ?? nil, "\(q) is searched as bytes")
                #expect(Searcher.plainOccurrences(of: plain, in: text) == Searcher.occurrences(of: query.terms[0], in: text),
                        "\(q) in \(text)")
            }
        }
        #expect(SearchQuery("カ")!.plainUTF8Terms == [nil], "kana compose: folded search")
        #expect(SearchQuery("é")!.plainUTF8Terms == [nil])
        #expect(SearchQuery("a")!.plainUTF8Terms == [nil])
    }
}

@Suite("Search folding beyond ASCII")
struct WiderFoldingTests {
    let article = Article(id: "20260301-0000000001", title: "CAFÉ DÉJÀ VU 开业",
                          paragraphs: ["套餐￥28起，进口红茶￡5一杯。", "店名是日文ｶﾌｪ，招牌写着ｶﾞｲﾄﾞ。", "ΑΘΗΝΑ与МОСКВА"])

    func found(_ q: String) -> Bool { !Searcher.matches(in: article, query: SearchQuery(q)!).isEmpty }

    @Test("accented Latin, Greek and Cyrillic letters ignore case; ￥ ￡ and half-width kana equal their usual forms")
    func folds() {
        #expect(found("café") && found("déjà") && found("Déjà vu"))
        #expect(found("cafe\u{301}") && found("DE\u{301}JA\u{300}"), "a query with combining accents, as some systems paste it")
        #expect(!found("cafe\u{300}"), "but not with another accent")
        #expect(found("¥28") && found("￥28"))
        #expect(found("£5") && found("￡5"))
        #expect(found("カフェ") && found("ｶﾌｪ"))
        #expect(found("ガイド"), "ｶﾞ is ガ")
        #expect(!found("カイト"), "and ガ is not カ")
        #expect(found("αθηνα") && found("москва"))
    }

    @Test("the library on disk finds them through its search text, and through a search text of the first format")
    func onDisk() throws {
        let root = TestPaths.temporaryFolder()
        let library = Library(root: root)
        let issue = Issue(paper: "测试报", date: IssueDate("2026-03-01")!,
                          sections: [Section(name: "要闻", order: 1, articles: [article])])
        try library.store(issue)
        for q in ["café", "¥28", "￡5", "カフェ", "ガイド"] {
            #expect(try Searcher.search(library, query: SearchQuery(q)!).count == 1, "\(q)")
        }
        // Make the issue's search text one written by the first dubao: named text-…, with
        // non-ASCII text as printed.
        let entry = try #require(try library.issues().first)
        #expect(entry.searchText.hasPrefix("text2-"))
        let folder = root + "/" + entry.folder
        let old = "text-" + entry.searchText.dropFirst("text2-".count)
        var firstFormat: [UInt8] = []
        // The store decides IDs: the stored article's is the one to write.
        let stored = try library.articles(of: #require(try library.catalog(of: entry).sections.first), in: entry)
        for a in stored {
            let id: [UInt8] = Array(a.id.text.utf8)
            firstFormat += [0x1E] + id + [0x1F] + Array("要闻".utf8) + [0x1F]
            let file = try #require(try library.catalog(of: entry).sections.first?.file)
            firstFormat += Array(file.utf8) + [0x1F]
            for (_, text) in Searcher.searchableFields(a) {
                var line = ""
                for s in text.unicodeScalars {
                    switch s.value {
                    case 0x41...0x5A: line.unicodeScalars.append(Unicode.Scalar(s.value + 0x20)!)
                    case 0xFF01...0xFF5E: line.unicodeScalars.append(Unicode.Scalar(SearchFolding.fold(s.value))!)
                    default: line.unicodeScalars.append(s)
                    }
                }
                firstFormat += Array(line.utf8) + [0x0A]
            }
        }
        try Data(firstFormat).write(to: URL(fileURLWithPath: folder + "/" + old))
        try FileManager.default.removeItem(atPath: folder + "/" + entry.searchText)
        for name in try FileManager.default.subpathsOfDirectory(atPath: root) where name.hasSuffix(".json") {
            let path = root + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            if text.contains(entry.searchText) {
                try text.replacingOccurrences(of: entry.searchText, with: old).write(toFile: path, atomically: true, encoding: .utf8)
            }
        }
        #expect(try library.issues().first?.searchText == old)
        for q in ["café", "¥28", "￡5", "カフェ", "ガイド", "开业", "deja"] {
            #expect(try Searcher.search(library, query: SearchQuery(q)!).count == (q == "deja" ? 0 : 1), "first format: \(q)")
        }
    }
}
