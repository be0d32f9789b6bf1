@testable import DubaoCore
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

    @Test("re-storing the same issue changes no file but the index's date stamp")
    func idempotent() throws {
        let root = TestPaths.temporaryFolder()
        let library = Library(root: root)
        try library.store(issue("正文。"))
        let names = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
        let report = try library.store(issue("正文。"))
        #expect(report.sections.map(\.kind) == [.unchanged])
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root).sorted() == names)
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
        }
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
        let wanted: Set<String> = [section.articles[0].id, section.articles[2].id]
        let found = try #require(SectionReader.articles(withIDs: wanted, in: SectionWriter.encode(document)))
        #expect(Set(found.map(\.id)) == wanted)
        #expect(found.first { $0.id == section.articles[2].id } == section.articles[2])
        #expect(SectionReader.articles(withIDs: wanted, in: LibraryFormat.encode(document)) == nil)
    }
}
