@testable import DubaoImport
@testable import DubaoStore
import DubaoModel
import Foundation
import Testing

@Suite("JSON reader: strict, and the same documents as JSONDecoder")
struct JSONReaderTests {
    func parse(_ text: String) -> JSONValue? { JSONReader.parse(Array(text.utf8)) }

    @Test("values, escapes and surrogate pairs")
    func values() {
        let object = parse(#"{"a":[1,-2,3.5,true,false,null],"b":"x","b":"y"}"#)
        #expect(object?["a"] == .array([.int(1), .int(-2), .double(3.5), .bool(true), .bool(false), .null]))
        #expect(object?["b"] == .string("y"), "the last of equal keys wins, as in JSONDecoder")
        #expect(parse(#""江城\n\t\"\\\/\u0041\u6c5f\ud83d\udcf0""#) == .string("江城\n\t\"\\/A江📰"))
        #expect(parse("  [ ]  ") == .array([]))
        #expect(parse("{}") == .object([]))
        #expect(parse("1e3") == .double(1000))
        #expect(parse("0") == .int(0))
    }

    @Test("what is not JSON is refused", arguments: [
        "", " ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "01", "-", "1.", "1e", "tru", "nul", "\"abc",
        "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\ud800\\u0041\"", "\"a\u{01}b\"", "[1] 2", "{'a':1}", "+1",
        String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
    ])
    func refused(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test("invalid UTF-8 inside a string is refused")
    func invalidUTF8() {
        #expect(JSONReader.parse([0x22, 0xE6, 0xB1, 0x22]) == nil)
        #expect(JSONReader.parse([0x22, 0xFF, 0x22]) == nil)
        #expect(JSONReader.parse([0x22, 0xC0, 0xAF, 0x22]) == nil, "overlong")
        #expect(JSONReader.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) == nil, "a surrogate")
        #expect(JSONReader.parse([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]) == nil, "past U+10FFFF")
        #expect(JSONReader.parse([0x22, 0xF0, 0x9F, 0x93, 0xB0, 0x22]) == .string("📰"))
    }

    /// Every document a real import writes reads the same through both decoders.
    @Test("library, catalog, section, bookmarks and state documents decode as JSONDecoder decodes them")
    func sameAsFoundation() throws {
        let root = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let library = Library(root: root)
        _ = try library.store(try Importer().importPaths([TestPaths.sampleData]).issue)
        let issue = try library.issues()[0]
        let catalog = try library.catalog(of: issue)
        try BookmarkStore(root: root).add(Bookmark(id: catalog.sections[0].articles[0].id, title: "标题\"引号\"",
                                                   paper: issue.paper, date: issue.date, section: "要闻", added: "2026-11-29T05:00:00Z"))
        try ReadingStateStore(root: root).apply([
            .markRead(catalog.sections[0].articles[0].id, true),
            .position(catalog.sections[0].articles[1].id, .init(paragraph: 2, offset: 9)),
            .last(.init(paper: issue.paper, date: issue.date, section: "要闻", article: catalog.sections[0].articles[0].id)),
        ])

        func check<T: Decodable & JSONValueDecodable & Equatable>(_ type: T.Type, _ path: String) throws {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let slow = try JSONDecoder().decode(T.self, from: Data(bytes))
            let fast = try #require(JSONReader.parse(bytes).flatMap(T.init(json:)), "the fast path reads \(path)")
            #expect(fast == slow, "\(path)")
        }
        try check(LibraryIndex.self, root + "/library.json")
        let volume = try #require(try FileManager.default.contentsOfDirectory(atPath: root + "/volumes").first)
        try check(VolumeDocument.self, root + "/volumes/" + volume)
        try check(IssueCatalog.self, "\(root)/\(issue.folder)/\(issue.catalog)")
        for section in catalog.sections {
            try check(SectionDocument.self, "\(root)/\(issue.folder)/\(section.file)")
        }
        try check(BookmarksDocument.self, root + "/bookmarks.json")
        try check(ReadingStateDocument.self, root + "/state.json")
    }

    /// Cut anywhere, a document either fails both ways or reads the same both ways: the fast path
    /// never accepts what Foundation would refuse.
    @Test("a truncated or retyped document is never read differently")
    func damagedDocuments() throws {
        let root = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let library = Library(root: root)
        _ = try library.store(try Importer().importPaths([TestPaths.sampleData]).issue)
        let volume = try #require(try FileManager.default.contentsOfDirectory(atPath: root + "/volumes").first)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/volumes/" + volume)))
        var variants: [[UInt8]] = stride(from: 0, to: bytes.count, by: 3).map { Array(bytes[..<$0]) }
        let text = String(decoding: bytes, as: UTF8.self)
        for (from, to) in [("\"sections\":4", "\"sections\":\"4\""), ("\"paper\"", "\"Paper\""), ("2026-11-27", "2026-02-30"),
                           ("\"sections\":4", "\"sections\":4.5"), ("\"year\":2026", "\"year\":null")] {
            #expect(text.contains(from))
            variants.append(Array(text.replacingOccurrences(of: from, with: to).utf8))
        }
        for variant in variants {
            let slow = try? JSONDecoder().decode(VolumeDocument.self, from: Data(variant))
            let fast = JSONReader.parse(variant).flatMap(VolumeDocument.init(json:))
            #expect(fast == nil || fast == slow)
        }
    }
}

@Suite("Reading state written by hand")
struct ReadingStateWriterTests {
    @Test("what is written reads back the same through JSONDecoder and the fast reader, empty or full")
    func roundTrip() throws {
        var full = ReadingState()
        full.last = .init(paper: "江城\"晨报\"", date: IssueDate("2026-11-27")!, section: "要闻\\", article: "20261127-0123456789")
        for n in 0..<500 {
            let id = ArticleID(stored: "20261127-\(String(format: "%010d", n))")
            if n % 2 == 0 { full.read.insert(id) }
            if n % 7 == 0 { full.positions[id] = .init(paragraph: n % 5 - 1, offset: n * 3) }
        }
        for state in [ReadingState(), full] {
            let bytes = ReadingStateDocument(state: state).encoded()
            #expect(try JSONDecoder().decode(ReadingStateDocument.self, from: Data(bytes)).state == state)
            #expect(JSONReader.parse(bytes).flatMap(ReadingStateDocument.init(json:))?.state == state)
        }
    }
}
