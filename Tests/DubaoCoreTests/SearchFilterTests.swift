@testable import DubaoStore
import DubaoModel
import DubaoTestSupport
import Foundation
import Testing

/// Random issues of a few characters each, so that most issues lack most pairs and the filters
/// have something to turn away; and the pieces queries are made of, in their folded and unfolded
/// forms.
struct RandomIssues {
    static let pieces = ["江", "城", "报", "日", "审", "判", "巡", "回", "，", ",", "。", "A", "a", "Ａ", "ｂ", "B",
                         "ｶﾞ", "ガ", "カ", "É", "é", "（", "(", "1", "１", "😀", "　", "\n"]

    static func text(_ rng: inout SeededGenerator, pieces count: ClosedRange<Int>) -> String {
        (0..<Int.random(in: count, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func issues(_ rng: inout SeededGenerator, count: Int, paper: String = "江城晨报") -> [DubaoModel.Issue] {
        var dates: Set<IssueDate> = []
        while dates.count < count {
            dates.insert(IssueDate(year: 2025, month: Int.random(in: 1...3, using: &rng), day: Int.random(in: 1...28, using: &rng))!)
        }
        return dates.sorted().map { date in
            var sections = (0..<Int.random(in: 1...3, using: &rng)).map { s in
                Section(name: ["要闻", "经济", "城事"][s], order: s + 1, articles: (0..<Int.random(in: 1...3, using: &rng)).map { a in
                    Article(id: "", title: "题\(a)" + text(&rng, pieces: 0...3),
                            paragraphs: (0..<Int.random(in: 1...2, using: &rng)).map { _ in text(&rng, pieces: 1...12) })
                })
            }
            IssueIDs.assign(&sections, paper: paper, date: date, kept: [])
            return DubaoModel.Issue(paper: paper, date: date, sections: sections)
        }
    }

    static func query(_ rng: inout SeededGenerator) -> SearchQuery? {
        let words = Int.random(in: 1...10, using: &rng) <= 8 ? 1 : 2
        return SearchQuery((0..<words).map { _ in text(&rng, pieces: 1...3) }.joined(separator: " "))
    }
}

@Suite("Search filters: never drop a true hit")
struct SearchFilterTests {
    @Test("randomized queries find exactly what a scan of every article finds, and no issue with a hit is filtered out")
    func neverDropsAHit() throws {
        var rng = SeededGenerator(seed: 16)
        let issues = RandomIssues.issues(&rng, count: 40)
        let library = Library(root: TestPaths.temporaryFolder())
        // Half as a backlog in one change, half one issue a change: both write the packs.
        var backlog = issues.prefix(20).makeIterator()
        _ = try library.storeEach { backlog.next() }
        for issue in issues.dropFirst(20) { try library.store(issue) }
        let memory = MemoryLibrary(issues: issues)
        let entries = try library.issues()
        #expect(entries.allSatisfy { $0.filter != nil }, "every issue is in a pack")
        var turnedAway = 0
        for _ in 0..<400 {
            guard let query = RandomIssues.query(&rng) else { continue }
            let scanned = try Searcher.search(memory, query: query)
            let found = try Searcher.search(library, query: query)
            #expect(found.map(\.id) == scanned.map(\.id), "\(query.text)")
            #expect(found.map(\.matches) == scanned.map(\.matches), "\(query.text)")
            let filter = try #require(library.issueFilter(for: query))
            for entry in entries {
                let hasHit = scanned.contains { $0.date == entry.date }
                let may = filter.mayMatch(entry)
                #expect(may || !hasHit, "\(query.text) in \(entry.date)")
                if !may { turnedAway += 1 }
            }
            #expect(filter.damaged.isEmpty)
        }
        #expect(turnedAway > 1000, "the filters turn issues away (\(turnedAway))")
    }

    @Test("counting finds as many as searching, in every scope, with filters, without, and in memory")
    func countAgreesWithSearch() throws {
        var rng = SeededGenerator(seed: 19)
        let issues = RandomIssues.issues(&rng, count: 30)
        let library = Library(root: TestPaths.temporaryFolder())
        var all = issues.makeIterator()
        _ = try library.storeEach { all.next() }
        let memory = MemoryLibrary(issues: issues)
        var counted = 0
        for _ in 0..<300 {
            guard let query = RandomIssues.query(&rng) else { continue }
            let day = issues.randomElement(using: &rng)!.date
            let scopes = [Searcher.Scope(), Searcher.Scope(section: "经济"), Searcher.Scope(from: day),
                          Searcher.Scope(from: day, to: day, section: "要闻")]
            for scope in scopes {
                let expected = try Searcher.search(memory, query: query, scope: scope).count
                #expect(try Searcher.count(library, query: query, scope: scope) { true }?.total == expected, "\(query.text)")
                #expect(try Searcher.count(memory, query: query, scope: scope) { true }?.total == expected, "\(query.text)")
                counted += expected
            }
        }
        #expect(counted > 500, "the queries find something (\(counted))")
        var asked = 0
        #expect(try Searcher.count(library, query: SearchQuery("江")!) { asked += 1; return asked < 2 } == nil)
        // Where issues would be read article by article, a count that may not read them gives none.
        #expect(try Searcher.count(memory, query: SearchQuery("江")!, readingArticles: false) { true } == nil)
        #expect(try Searcher.count(library, query: SearchQuery("江")!, readingArticles: false) { true }?.total
                == (try Searcher.search(memory, query: SearchQuery("江")!).count))
        // What a damaged pack costs is said, as `search` says it.
        let pack = try #require(try library.issues().compactMap(\.filter).first)
        try Data("x".utf8).write(to: URL(fileURLWithPath: library.root + "/" + pack))
        let damaged = try #require(try Searcher.count(library, query: SearchQuery("江")!) { true })
        #expect(damaged.damaged == [library.root + "/" + pack])
        #expect(damaged.total == (try Searcher.search(memory, query: SearchQuery("江")!).count))
    }

    @Test("a filter folded down or repeated up still holds every element")
    func resizing() {
        var rng = SeededGenerator(seed: 7)
        let raw = RandomIssues.text(&rng, pieces: 2000...2000).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "　", with: "")
        var text: [UInt8] = []
        SearchText.appendFolded(raw, to: &text)
        let filter = SearchFilter.build(chunks: [text])
        let keys = SearchFilter.elements(of: SearchQuery(String(raw.prefix(200)))!)
        for words in [SearchFilter.minWords, filter.count, filter.count * 4] {
            let resized = SearchFilter.resized(filter, to: words)
            for key in keys {
                let p = SearchFilter.probe(key, words: words)
                #expect(resized[p.word] & p.mask == p.mask)
            }
        }
    }

    @Test("chunks built apart hold the pairs across their seams, across an empty chunk too, grouped in any way")
    func seams() {
        let chunks = [Array("甲乙".utf8), [], Array("丙丁".utf8), Array("戊".utf8)]
        let filter = SearchFilter.build(chunks: chunks)
        for key in SearchFilter.elements(of: SearchQuery("甲乙丙丁戊")!) {
            let p = SearchFilter.probe(key, words: filter.count)
            #expect(filter[p.word] & p.mask == p.mask)
        }
        // A text large enough to be folded: the same filter whether its chunks are built apart,
        // together, or in the two halves `build` makes.
        var rng = SeededGenerator(seed: 8)
        let large = (0..<7).map { _ in
            var text: [UInt8] = []
            SearchText.appendFolded(RandomIssues.text(&rng, pieces: 300...900), to: &text)
            return text
        }
        let words = SearchFilter.width(forBytes: large.reduce(0) { $0 + $1.count })
        let built = SearchFilter.build(chunks: large)
        #expect(built.count < words)
        #expect(SearchFilter.combine(large.map { SearchFilter.part(of: [$0], words: words) }, chunks: large) == built)
        #expect(SearchFilter.combine([SearchFilter.part(of: large, words: words)], chunks: large) == built)
    }

    @Test("a pack reads back as it was written, and its rows answer for each issue")
    func packRoundTrip() throws {
        let small = SearchFilter.build(chunks: [Array("江城晨报".utf8)])
        let large = SearchFilter.build(chunks: [Array(String(repeating: "巡回审判江城日报，", count: 400).utf8)])
        let pack = FilterPack(columns: [.init(folder: "issues/a/2025-01-01", searchText: "text2-1.txt", filter: small),
                                        .init(folder: "issues/a/2025-01-02", searchText: "text2-2.txt", filter: large)])
        let bytes = pack.encoded()
        let back = try #require(FilterPack.decode(bytes))
        #expect(back.columns.map(\.folder) == pack.columns.map(\.folder))
        #expect(back.columns[1].filter == SearchFilter.resized(large, to: back.columns[1].filter.count))
        let path = TestPaths.temporaryFolder() + "/2025-01-0-x.bin"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let answer = try #require(FilterPack.answer(path: path, elements: SearchFilter.elements(of: SearchQuery("巡回")!)))
        #expect(answer.map(\.passes) == [false, true])
    }

    @Test("packs of one to eleven issues, in blocks of eight rows down to one, read back, answer, and notice a damaged block")
    func packBlocks() throws {
        var rng = SeededGenerator(seed: 9)
        for count in [1, 2, 3, 4, 5, 8, 11] {
            let texts = (0..<count).map { _ in RandomIssues.text(&rng, pieces: 20...400) }
            let columns = texts.enumerated().map { i, text -> FilterPack.Column in
                var folded: [UInt8] = []
                SearchText.appendFolded(text, to: &folded)
                return .init(folder: "issues/a/2025-01-\(i + 1)", searchText: "text2-\(i).txt", filter: SearchFilter.build(chunks: [folded]))
            }
            let bytes = FilterPack(columns: columns).encoded()
            let back = try #require(FilterPack.decode(bytes), "\(count) issues")
            let words = back.columns[0].filter.count
            #expect(back.columns.map(\.filter) == columns.map { SearchFilter.resized($0.filter, to: words) })
            let path = TestPaths.temporaryFolder() + "/2025-01-0-\(count).bin"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            for _ in 0..<20 {
                let query = SearchQuery(RandomIssues.text(&rng, pieces: 1...3).trimmingCharacters(in: .whitespacesAndNewlines))
                guard let query, !query.foldedUTF8Terms.isEmpty else { continue }
                let elements = SearchFilter.elements(of: query)
                let answer = try #require(FilterPack.answer(path: path, elements: elements))
                let expected = back.columns.map { column in
                    elements.allSatisfy { key in
                        let p = SearchFilter.probe(key, words: words)
                        return column.filter[p.word] & p.mask == p.mask
                    }
                }
                #expect(answer.map(\.passes) == expected)
            }
            // One bit flipped in the last block: the whole read notices, and so does a probe there.
            var damaged = bytes
            damaged[damaged.count - 9] ^= 0x10
            #expect(FilterPack.decode(damaged) == nil)
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let last = (0..<200_000).lazy.map { UInt64($0) }.first { SearchFilter.probe($0, words: words).word == words - 1 }!
            #expect(FilterPack.answer(path: path, elements: [last]) == nil)
        }
    }

    @Test("a pack of the first schema, a check word a row, is still read")
    func firstSchemaPack() throws {
        var folded: [UInt8] = []
        SearchText.appendFolded("巡回审判江城日报，", to: &folded)
        let filter = SearchFilter.build(chunks: [folded])
        let column = FilterPack.Column(folder: "issues/a/2025-01-01", searchText: "text2-1.txt", filter: filter)
        // Written here as the first schema laid it out.
        var header = FilterPack.header(words: filter.count, columns: [column])
        header = Array(String(decoding: header, as: UTF8.self).replacingOccurrences(of: "\"schema\":2", with: "\"schema\":1").utf8)
        let seed = LibraryFormat.contentHash(header)
        var bytes = header
        while bytes.count % 8 != 0 { bytes.append(0) }
        for (w, word) in filter.enumerated() {
            for value in [word, FilterPack.check([word], index: w, seed: seed)] {
                withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        #expect(FilterPack.decode(bytes)?.columns == [column])
        let path = TestPaths.temporaryFolder() + "/2025-01-0-first.bin"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(FilterPack.answer(path: path, elements: SearchFilter.elements(of: SearchQuery("审判")!))?.map(\.passes) == [true])
        #expect(FilterPack.answer(path: path, elements: SearchFilter.elements(of: SearchQuery("报江城")!))?.map(\.passes) == [false])
    }
}

@Suite("Search filters: libraries without them, and damaged ones")
struct SearchFilterDamageTests {
    func library(_ name: String = #function) throws -> (Library, [DubaoModel.Issue]) {
        var rng = SeededGenerator(seed: 1207)
        let issues = RandomIssues.issues(&rng, count: 12)
        let library = Library(root: TestPaths.temporaryFolder(name))
        var next = issues.makeIterator()
        _ = try library.storeEach { next.next() }
        return (library, issues)
    }

    func sameAsScan(_ library: Library, _ issues: [DubaoModel.Issue]) throws {
        let memory = MemoryLibrary(issues: issues)
        for text in ["江", "江城", "巡回", "a", "Ａb", "ガ", "，", "审 判", "😀"] {
            let query = try #require(SearchQuery(text))
            #expect(try Searcher.search(library, query: query).map(\.id) == Searcher.search(memory, query: query).map(\.id), "\(text)")
        }
    }

    func packs(_ library: Library) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: library.root + "/filters").filter { $0.hasSuffix(".bin") }.sorted()
    }

    @Test("a library imported before filters searches by scanning, and its next import writes its ten days' pack")
    func withoutFilters() throws {
        let (library, issues) = try library()
        // As an older dubao left it: no filters folder, no `filter` in the volumes.
        try FileManager.default.removeItem(atPath: library.root + "/filters")
        for volume in try library.readIndex().volumes {
            let path = library.root + "/" + volume.file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let stripped = text.replacingOccurrences(of: #""filter":"[^"]*","#, with: "", options: .regularExpression)
            try stripped.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try library.issues().allSatisfy { $0.filter == nil })
        try sameAsScan(library, issues)
        // Importing one issue again writes the pack of its ten days, for the other issues of them too.
        try library.store(issues[0])
        let window = FilterPack.window(of: issues[0].date)
        let entries = try library.issues()
        for entry in entries where FilterPack.window(of: entry.date) == window { #expect(entry.filter != nil) }
        try sameAsScan(library, issues)
    }

    @Test("a damaged, truncated or foreign pack is reported and its issues are searched without it")
    func damaged() throws {
        let (library, issues) = try library()
        let names = try packs(library)
        #expect(names.count >= 2)
        let first = library.root + "/filters/" + names[0], second = library.root + "/filters/" + names[1]
        var bytes = try #require(try AtomicFile.read(first))
        // Every row byte flipped, somewhere a query reads.
        let start = try #require(bytes.firstIndex(of: 0x0A)) + 1
        for i in start..<bytes.count { bytes[i] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: first))
        try Data("not a pack".utf8).write(to: URL(fileURLWithPath: second))
        try sameAsScan(library, issues)
        let filter = try #require(library.issueFilter(for: SearchQuery("江城")!))
        for entry in try library.issues() { _ = filter.mayMatch(entry) }
        #expect(Set(filter.damaged) == [first, second])
        // The next import of those days writes a whole pack again, not trusting the damaged one.
        for issue in issues { try library.store(issue) }
        let fresh = try #require(library.issueFilter(for: SearchQuery("江城")!))
        for entry in try library.issues() { _ = fresh.mayMatch(entry) }
        #expect(fresh.damaged.isEmpty)
        try sameAsScan(library, issues)
    }

    @Test("a damaged pack of older issues than a search stopped at is not mentioned")
    func damagedBeyondTheLimit() throws {
        let (library, _) = try library()
        let oldest = try #require(try library.issues().last?.filter)
        try Data("not a pack".utf8).write(to: URL(fileURLWithPath: library.root + "/" + oldest))
        // 题 is in every title: the newest issue has a hit, and the search stops there.
        let stopped = try Searcher.search(library, query: SearchQuery("题")!, scope: .init(limit: 1)) { _ in true }
        #expect(stopped.isEmpty)
        let whole = try Searcher.search(library, query: SearchQuery("题")!) { _ in true }
        #expect(whole == [library.root + "/" + oldest])
    }

    @Test("a pack of a newer schema is passed over without a word, and its issues are searched")
    func newerSchema() throws {
        let (library, issues) = try library()
        let names = try packs(library)
        let path = library.root + "/filters/" + names[0]
        var text = String(decoding: try #require(try AtomicFile.read(path)), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"schema\":\(FilterPack.schema)", with: "\"schema\":\(FilterPack.schema + 1)")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try sameAsScan(library, issues)
        let filter = try #require(library.issueFilter(for: SearchQuery("江城")!))
        for entry in try library.issues() { _ = filter.mayMatch(entry) }
        #expect(filter.damaged.isEmpty)
        func newer(_ path: String) -> Bool {
            if case .newerSchema = FilterPack.ask(path: path, elements: []) { return true }
            return false
        }
        #expect(newer(path))
        #expect(!newer(library.root + "/filters/" + names[1]))
    }

    @Test("packs no issue points at are removed after the commit, and a killed writer's by the next change")
    func stalePacks() throws {
        let (library, issues) = try library()
        let before = try packs(library)
        var changed = issues[0]
        changed.sections[0].articles[0].paragraphs.append("新的段落")
        try library.store(changed)
        let after = try packs(library)
        #expect(after.count == before.count, "the old pack of those ten days went")
        #expect(Set(try library.issues().compactMap(\.filter).map(FilterPack.fileName)) == Set(after))
        // A pack a killed writer left, with its .pending record.
        _ = FileManager.default.createFile(atPath: library.root + "/filters/2025-01-0-deadbeef00.bin", contents: Data("x".utf8))
        _ = FileManager.default.createFile(atPath: library.root + "/.pending", contents: Data("issues/x\n".utf8))
        try library.store(changed)
        #expect(try packs(library) == after)
    }
}

@Suite("Search filters: a daily import packs only its own issue")
struct DailyPackTests {
    func issue(_ rng: inout SeededGenerator, _ date: IssueDate) -> DubaoModel.Issue {
        var sections = [Section(name: "要闻", order: 1, articles: [
            Article(id: "", title: "题" + RandomIssues.text(&rng, pieces: 1...3), paragraphs: [RandomIssues.text(&rng, pieces: 2...12)])
        ])]
        IssueIDs.assign(&sections, paper: "江城晨报", date: date, kept: [])
        return DubaoModel.Issue(paper: "江城晨报", date: date, sections: sections)
    }

    func packsByWindow(_ library: Library) throws -> [String: Int] {
        let names = try FileManager.default.contentsOfDirectory(atPath: library.root + "/filters").filter { $0.hasSuffix(".bin") }
        #expect(Set(try library.issues().compactMap(\.filter).map(FilterPack.fileName)) == Set(names), "no pack left unreferenced")
        return Dictionary(names.map { (String($0.prefix(9)), 1) }, uniquingKeysWith: +)
    }

    @Test("the newest ten days hold a pack an issue, and earlier ten days are packed whole once a later day is imported, across a year's end too")
    func newestDaysApart() throws {
        var rng = SeededGenerator(seed: 1208)
        let library = Library(root: TestPaths.temporaryFolder())
        var issues: [DubaoModel.Issue] = []
        let dates = (18...31).map { IssueDate(year: 2025, month: 12, day: $0)! } + (1...6).map { IssueDate(year: 2026, month: 1, day: $0)! }
        for date in dates {
            let issue = issue(&rng, date)
            issues.append(issue)
            try library.store(issue)
            let counts = try packsByWindow(library)
            let newest = FilterPack.window(of: date)
            let sameDays = dates.prefix(through: dates.firstIndex(of: date)!).filter { FilterPack.window(of: $0) == newest }
            #expect(counts[newest] == sameDays.count, "\(date): one pack a day in the newest ten days")
            for (window, count) in counts where window != newest { #expect(count == 1, "\(date): \(window) packed whole") }
        }
        #expect(try library.issues().allSatisfy { $0.filter != nil })
        let memory = MemoryLibrary(issues: issues)
        for _ in 0..<200 {
            guard let query = RandomIssues.query(&rng) else { continue }
            #expect(try Searcher.search(library, query: query).map(\.id) == Searcher.search(memory, query: query).map(\.id), "\(query.text)")
        }
        // An issue of the newest days imported again replaces its own pack only.
        var changed = issues.last!
        changed.sections[0].articles[0].paragraphs.append("新的段落")
        let before = try packsByWindow(library)
        try library.store(changed)
        #expect(try packsByWindow(library) == before)
        #expect(try Searcher.search(library, query: SearchQuery("新的段落")!).map(\.date) == [changed.date])
    }
}
