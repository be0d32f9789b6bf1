@testable import DubaoImport
@testable import DubaoStore
import DubaoModel
import Foundation
import Testing

@Suite("Library store: readers and writers")
struct LibraryStoreTests {
    func issue(_ body: String) -> DubaoModel.Issue {
        let date = IssueDate("2026-11-27")!
        let article = Article(id: ArticleID.make(paper: "测试报", date: date, section: "经济", title: "标题"),
                              title: "标题", paragraphs: [body])
        return DubaoModel.Issue(paper: "测试报", date: date, sections: [Section(name: "经济", order: 1, articles: [article])])
    }

    @Test("a reader holding the catalog from before a re-import still reads, and gets the new text")
    func staleReader() throws {
        let library = Library(root: TestPaths.temporaryFolder())
        try library.store(issue("旧的正文。"))
        let oldEntry = try #require(try library.issues().first)
        let oldCatalog = try library.catalog(of: oldEntry)
        try library.store(issue("新的正文。"))
        #expect(try library.catalog(of: oldEntry).sections.first?.file != oldCatalog.sections.first?.file)
        let articles = try library.articles(of: oldCatalog.sections[0], in: oldEntry)
        #expect(articles.first?.paragraphs == ["新的正文。"])
    }

    @Test("a half-written file left at the name a new file needs is replaced, not trusted")
    func halfWrittenFileReplaced() throws {
        // The names this issue's files take, learnt from a library of its own.
        let model = TestPaths.temporaryFolder()
        try Library(root: model).store(issue("完整的正文。"))
        let files = try FileManager.default.subpathsOfDirectory(atPath: model).filter { $0.hasPrefix("issues/") && $0.contains(".") }
        #expect(files.count == 3)
        // Another library where a killed writer left each of them cut short, and no .pending.
        let root = TestPaths.temporaryFolder()
        for file in files {
            let whole = try Data(contentsOf: URL(fileURLWithPath: model + "/" + file))
            let path = root + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        }
        let library = Library(root: root)
        try library.store(issue("完整的正文。"))
        for file in files {
            #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/" + file)) == Data(contentsOf: URL(fileURLWithPath: model + "/" + file)), "\(file)")
        }
        let entry = try #require(try library.issues().first)
        let section = try #require(try library.catalog(of: entry).sections.first)
        #expect(try library.articles(of: section, in: entry).first?.paragraphs == ["完整的正文。"])
    }

    @Test("stamps as ISO 8601 writes them; content names differ when one byte does")
    func namesAndStamps() {
        for seconds in [0.0, 1_800_000_000, 1_764_393_060.9, 4_102_444_799] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(LibraryFormat.timestamp(date) == ISO8601DateFormatter().string(from: date))
        }
        let text = Array("江城晨报的正文，一共二十多个字节。".utf8)
        var names: Set<String> = [LibraryFormat.contentName(text)]
        for i in text.indices {
            var changed = text
            changed[i] ^= 1
            names.insert(LibraryFormat.contentName(changed))
        }
        names.insert(LibraryFormat.contentName(Array(text.dropLast())))
        names.insert(LibraryFormat.contentName([]))
        #expect(names.count == text.count + 3)
        #expect(names.allSatisfy { $0.count == 10 })
    }

    @Test("re-storing the same issue changes no file")
    func idempotent() throws {
        let root = TestPaths.temporaryFolder()
        let library = Library(root: root)
        try library.store(issue("正文。"), now: Date(timeIntervalSince1970: 1_800_000_000))
        let names = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
        let index = try Data(contentsOf: URL(fileURLWithPath: root + "/library.json"))
        let report = try library.store(issue("正文。"), now: Date(timeIntervalSince1970: 1_800_000_100))
        #expect(report.sections.map(\.kind) == [.unchanged])
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root).sorted() == names)
        #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/library.json")) == index)
    }

    func issue(on date: String, paper: String = "测试报") -> DubaoModel.Issue {
        let day = IssueDate(date)!
        let article = Article(id: ArticleID.make(paper: paper, date: day, section: "要闻", title: "标题\(date)"),
                              title: "标题\(date)", paragraphs: ["\(date)的正文。"])
        return DubaoModel.Issue(paper: paper, date: day, sections: [Section(name: "要闻", order: 1, articles: [article])])
    }

    func volumeFiles(_ root: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root + "/volumes").sorted()
    }

    @Test("issues are kept in one volume a year, and an import rewrites only its own year's")
    func volumes() throws {
        let root = TestPaths.temporaryFolder()
        let library = Library(root: root)
        try library.store(issue(on: "2025-12-31"))
        try library.store(issue(on: "2026-01-01"))
        let before = try volumeFiles(root)
        #expect(before.count == 2 && before[0].hasPrefix("2025-") && before[1].hasPrefix("2026-"))
        try library.store(issue(on: "2026-01-02"))
        let after = try volumeFiles(root)
        #expect(after.count == 2)
        #expect(after[0] == before[0], "the 2025 volume is left alone")
        #expect(after[1] != before[1], "the 2026 volume is a new file, the old one removed")
        #expect(try library.issues().map(\.date.description) == ["2026-01-02", "2026-01-01", "2025-12-31"])
    }

    @Test("removing an issue takes its entry, files and folder away and leaves the others and search whole")
    func removeIssue() throws {
        let root = TestPaths.temporaryFolder()
        let library = Library(root: root)
        for date in ["2025-12-31", "2026-01-01", "2026-01-02"] { try library.store(issue(on: date)) }
        try library.store(issue(on: "2026-01-01", paper: "另一报"))
        let folder = try #require(try library.issues().first { $0.paper == "测试报" && $0.date.description == "2026-01-01" }).folder
        #expect(FileManager.default.fileExists(atPath: root + "/" + folder))

        let gone = try library.remove(paper: "测试报", date: IssueDate("2026-01-01")!)
        #expect(gone?.folder == folder)
        #expect(try library.issues().map { "\($0.paper) \($0.date)" } == ["测试报 2026-01-02", "另一报 2026-01-01", "测试报 2025-12-31"])
        #expect(!FileManager.default.fileExists(atPath: root + "/" + folder), "its folder is gone")
        #expect(try volumeFiles(root).count == 2, "one volume a year, the old 2026 one removed")
        for entry in try library.issues() { #expect(try library.catalog(of: entry).sections.count == 1) }
        // Search finds the others' text and no longer the removed issue's, its filter packed with them or not.
        let query = try #require(SearchQuery("正文"))
        #expect(try Searcher.search(library, query: query).map { "\($0.paper) \($0.date)" }.sorted()
                == ["另一报 2026-01-01", "测试报 2025-12-31", "测试报 2026-01-02"])

        // Its ten days packed again with a new issue: search is still right.
        try library.store(issue(on: "2026-01-03"))
        #expect(try Searcher.search(library, query: query).map { "\($0.paper) \($0.date)" }.sorted()
                == ["另一报 2026-01-01", "测试报 2025-12-31", "测试报 2026-01-02", "测试报 2026-01-03"])
        try library.remove(paper: "测试报", date: IssueDate("2026-01-03")!)

        // Nothing to remove: nil, and no file changes.
        let before = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
        #expect(try library.remove(paper: "测试报", date: IssueDate("2026-01-01")!) == nil)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root).sorted() == before)

        // The last issue of a year takes its volume with it, and its ten days' pack, which held
        // its filter alone; an issue stored again comes back.
        let window = FilterPack.window(of: IssueDate("2025-12-31")!)
        let packs = { try FileManager.default.contentsOfDirectory(atPath: root + "/" + FilterPack.folder).filter { $0.hasPrefix(window) } }
        #expect(try packs().count == 1)
        try library.remove(paper: "测试报", date: IssueDate("2025-12-31")!)
        #expect(try library.readIndex().volumes.map(\.year) == [2026])
        #expect(try volumeFiles(root).count == 1)
        #expect(try packs().isEmpty, "no pack left that no entry names")
        #expect(!FileManager.default.fileExists(atPath: root + "/.pending"))
        try library.store(issue(on: "2025-12-31"))
        #expect(try library.issues().count == 3)
    }

    /// A reader that read the issue list before a `dubao remove` and asks for an issue after it.
    struct ListReadBefore: LibraryReading {
        let library: Library
        let list: [IssueEntry]
        func issues() throws(StoreError) -> [IssueEntry] { list }
        func catalog(of issue: IssueEntry) throws(StoreError) -> IssueCatalog { try library.catalog(of: issue) }
        func articles(of section: SectionEntry, in issue: IssueEntry) throws(StoreError) -> [Article] {
            try library.articles(of: section, in: issue)
        }
        func searchCandidates(in issue: IssueEntry, query: SearchQuery) throws(StoreError) -> [SearchText.Candidate]? {
            try library.searchCandidates(in: issue, query: query)
        }
    }

    @Test("an issue removed while a reader holds its entry is gone, not damage: a search passes it over")
    func removedUnderAReader() throws {
        let library = Library(root: TestPaths.temporaryFolder())
        try library.store(issue(on: "2026-01-01"))
        try library.store(issue(on: "2026-01-02"))
        let list = try library.issues()
        let catalog = try library.catalog(of: list[1])
        try library.remove(paper: "测试报", date: IssueDate("2026-01-01")!)
        #expect { try library.catalog(of: list[1]) } throws: { ($0 as? StoreError)?.isIssueGone == true }
        #expect { try library.articles(of: catalog.sections[0], in: list[1]) } throws: { ($0 as? StoreError)?.isIssueGone == true }
        let hits = try Searcher.search(ListReadBefore(library: library, list: list), query: try #require(SearchQuery("正文")))
        #expect(hits.map(\.date.description) == ["2026-01-02"])
    }

    @Test("a library of schema 1, its issues inside library.json, is read and moves into volumes with the next import")
    func schemaOneLibrary() throws {
        let root = TestPaths.temporaryFolder()
        let library = Library(root: root)
        try library.store(issue(on: "2025-06-01"))
        try library.store(issue(on: "2026-06-01"))
        // Rewrite the index as the first dubao (schema 1) wrote it: the issues inline, no volumes.
        let entries = try library.issues()
        try FileManager.default.removeItem(atPath: root + "/volumes")
        let old = LibraryIndex(schema: 1, volumes: [], issues: entries)
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(old)) as? [String: Any])
        object["volumes"] = nil
        let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(!json.contains("volumes") && json.contains("\"schema\":1"))
        try json.write(toFile: root + "/library.json", atomically: true, encoding: .utf8)

        #expect(try library.issues() == entries)
        #expect(try library.catalog(of: entries[0]).sections.count == 1)
        try library.store(issue(on: "2026-06-02"))
        let index = try library.readIndex()
        #expect(index.schema == 2 && index.issues == nil && index.volumes.map(\.year) == [2026, 2025])
        #expect(try library.issues().map(\.date.description) == ["2026-06-02", "2026-06-01", "2025-06-01"])
        #expect(try library.catalog(of: library.issues()[2]).sections.count == 1)
    }

    @Test("a missing or damaged volume is named, and the next import refuses to touch the library")
    func damagedVolume() throws {
        let root = TestPaths.temporaryFolder()
        let library = Library(root: root)
        try library.store(issue(on: "2026-01-01"))
        let volume = root + "/volumes/" + (try volumeFiles(root)[0])
        try Data("{\"schema\":1,\"format\":\"dubao-volume\",\"year\":2026,\"issues\":[{".utf8).write(to: URL(fileURLWithPath: volume))
        #expect {
            try library.issues()
        } throws: { error in
            guard case .corrupt(let path, _) = error as? StoreError else { return false }
            return path == volume
        }
        #expect(throws: StoreError.self) { try library.store(issue(on: "2026-01-02")) }
        #expect(try volumeFiles(root).count == 1)
        try FileManager.default.removeItem(atPath: volume)
        #expect {
            try library.issues()
        } throws: { error in
            guard case .corrupt(let path, let detail) = error as? StoreError else { return false }
            return path == volume && detail.description.contains("missing")
        }
    }

    @Test("a replaced section's old files are removed once nothing points at them")
    func oldVersionsRemoved() throws {
        let root = TestPaths.temporaryFolder()
        let library = Library(root: root)
        try library.store(issue("一。"))
        try library.store(issue("二。"))
        try library.store(issue("三。"))
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".json") }
        #expect(files.filter { $0.contains("/s-") }.count == 1)
        #expect(files.filter { $0.contains("/issue-") }.count == 1)
    }

    @Test("the index's stamp changes with every import, and with nothing a reader does")
    func stampFollowsImports() throws {
        let root = TestPaths.temporaryFolder()
        let library = Library(root: root)
        let empty = try #require(library.stamp())
        #expect(library.stamp() == empty, "looking twice at nothing finds nothing new")
        try library.store(issue("旧的正文。"))
        let first = try #require(library.stamp())
        #expect(first != empty)
        #expect(library.stamp() == first)
        // Bookmarks and reading marks are the reader's own: no reason to read the issues again.
        let id = try #require(try library.catalog(of: library.issues()[0]).sections.first?.articles.first?.id)
        let userData = FolderUserData(root: root)
        _ = try userData.add(Bookmark(id: id, title: "标题", paper: "测试报", date: IssueDate("2026-11-27")!, section: "经济",
                                  added: "2026-11-27T08:00:00Z"))
        try userData.apply([.markRead(id, true)])
        #expect(library.stamp() == first)
        // The same issue again with other text: the same index size, its volume renamed.
        try library.store(issue("新的正文。"))
        #expect(library.stamp() != first)
        #expect(MemoryLibrary(issues: []).stamp() == nil, "a library in memory never changes")
    }
}

@Suite("Section documents written by hand")
struct SectionWriterTests {
    @Test("every sample and fixture page round-trips through the hand-written JSON", arguments: ImporterPageTests.allPages)
    func roundTrip(_ path: String) throws {
        guard let result = try? Importer().importPaths([path]) else { return }  // the pages that must fail
        let root = TestPaths.temporaryFolder()
        let library = Library(root: root)
        try library.store(result.issue)
        let entry = try #require(try library.issues().first)
        let catalog = try library.catalog(of: entry)
        for (section, stored) in zip(result.issue.sections, catalog.sections) {
            #expect(try library.articles(of: stored, in: entry) == section.articles)
            #expect(stored.articles == section.articles.map(ArticleSummary.init))
            #expect(stored.pageLines == section.pageLines)
        }
        // The hand-written catalog is JSON that Foundation reads back the same.
        let bytes = try #require(FileManager.default.contents(atPath: "\(root)/\(entry.folder)/\(entry.catalog)"))
        #expect(try JSONDecoder().decode(IssueCatalog.self, from: bytes) == catalog)
    }

    @Test("quotes, backslashes and control characters are escaped")
    func escaping() throws {
        var w = JSONBytes()
        w.string("a\"b\\c\nd\u{01}中")
        #expect(String(decoding: w.bytes, as: UTF8.self) == "\"a\\\"b\\\\c\\nd\\u0001中\"")
    }
}

@Suite("Reading single articles out of a section document")
struct SectionReaderTests {
    @Test("the articles asked for, and nil for a document not laid out one article a line")
    func slices() throws {
        let issue = try SampleLibrary().issue
        let section = issue.sections[1]
        let document = SectionDocument(paper: issue.paper, date: issue.date, section: section.name, page: section.page,
                                       pageLines: section.pageLines, articles: section.articles)
        let wanted: Set<ArticleID> = [section.articles[0].id, section.articles[2].id]
        let found = try #require(SectionReader.articles(withIDs: wanted, in: SectionWriter.encode(document)))
        #expect(Set(found.map(\.id)) == wanted)
        #expect(found.first { $0.id == section.articles[2].id } == section.articles[2])
        #expect(SectionReader.articles(withIDs: wanted, in: LibraryFormat.encode(document)) == nil)
    }
}

@Suite("Library store: flushing a long change in the background")
struct BackgroundFlushTests {
    @Test("flushes run one at a time while writing goes on, and finish waits for the last")
    func oneAtATime() throws {
        let root = TestPaths.temporaryFolder()
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let flush = BackgroundFlush(folder: root, threshold: 1)
        for i in 0..<200 {
            try Data(repeating: UInt8(i & 0xFF), count: 4096).write(to: URL(fileURLWithPath: "\(root)/f\(i)"))
            flush.wrote(4096)
        }
        flush.finish()
        // Finished means idle: another finish returns at once, and a new flush can start.
        flush.finish()
        flush.wrote(1)
        flush.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).count == 200)
    }

    @Test("a flush of a folder that is gone fails quietly: the commit's own flush reports it")
    func goneFolder() {
        let flush = BackgroundFlush(folder: "/nonexistent/dubao-\(UUID().uuidString)", threshold: 1)
        flush.wrote(10)
        flush.finish()
    }
}
