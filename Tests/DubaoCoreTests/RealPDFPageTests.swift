import DubaoImport
import DubaoModel
import Foundation
import Testing

/// The real page PDF in ../shared/corpora/pdf, read at test time and never copied in; the
/// expectations were written by looking at the page (`PDFExpectations/README.md`).
@Suite("Importer: the real page PDF", .enabled(if: TestPaths.realPDFAvailable && TestPaths.popplerInstalled,
                                              "skipped: ../shared/corpora/pdf/zghyyb-20241016-01.pdf or poppler-utils (pdftohtml) is absent"))
struct RealPDFPageTests {
    struct Expected: Decodable {
        struct Story: Decodable {
            var titleHash: String
            var titleLength: Int
            var kickerHash: String
            var subtitleHash: String
            var subtitleLength: Int
            var datelineHash: String
            var reporters: Int
            var paragraphs: Int
            var captions: Int
            var continues: Bool
        }
        struct PageLines: Decodable {
            var editor: Int
            var mastheadAbove: Bool
        }
        var date: String
        var sections: Int
        var pageLines: PageLines
        var articles: [Story]
    }

    static func hash(_ text: String) -> String {
        text.isEmpty ? "" : StableHash.hex(StableHash.fnv1a64(Array(text.utf8)), digits: 16)
    }

    func expected() throws -> Expected {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.packageRoot + "/Tests/DubaoCoreTests/PDFExpectations/zghyyb-20241016-01.json"))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    @Test("its six stories come out whole, with the titles, kickers and subtitles the page prints")
    func stories() throws {
        let want = try expected()
        let result = try Importer().importPaths([TestPaths.realPDF])
        #expect(result.issue.date.description == want.date)
        #expect(result.issue.sections.count == want.sections)
        let section = try #require(result.issue.sections.first)
        #expect(section.page == "第01版")
        #expect(section.articles.count == want.articles.count)
        for (n, (a, w)) in zip(section.articles, want.articles).enumerated() {
            let story = "story \(n + 1) (\(a.title))"
            #expect(Self.hash(a.title) == w.titleHash && a.title.count == w.titleLength, "title of \(story)")
            #expect(Self.hash(a.kicker) == w.kickerHash, "kicker of \(story): \(a.kicker)")
            #expect(Self.hash(a.subtitle) == w.subtitleHash && a.subtitle.count == w.subtitleLength, "subtitle of \(story): \(a.subtitle)")
            #expect(Self.hash(a.dateline) == w.datelineHash, "dateline of \(story): \(a.dateline)")
            #expect(a.reporters.count == w.reporters, "reporters of \(story): \(a.reporters)")
            #expect(a.paragraphs.count == w.paragraphs, "paragraphs of \(story)")
            #expect(a.captions.count == w.captions, "captions of \(story)")
            #expect(!a.continuation.isEmpty == w.continues, "continuation of \(story)")
        }
        #expect(section.pageLines.filter { $0.kind == .editor }.count == want.pageLines.editor)
        // The masthead and the date band are page lines, read before the first story.
        let firstStory = section.articles.map(\.sourceLines.first).min() ?? 0
        #expect(section.pageLines.contains { $0.line < firstStory } == want.pageLines.mastheadAbove)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    @Test("every character of the text layer lands in exactly one field, in reading order")
    func lossless() throws {
        let pages = try PDFReader.pages(ofFile: TestPaths.realPDF)
        let result = try Importer().importPaths([TestPaths.realPDF])
        try PDFLossless.check(pages, result.issue.sections)
    }
}

/// The PDF form of the importer's promise: the page as it is read holds every non-blank
/// character of the text layer (the same characters, as many times), and the import holds the
/// page as it is read, in order.
enum PDFLossless {
    struct Loss: Error, CustomStringConvertible {
        var description: String
    }

    static func check(_ pages: [PageGeometry], _ sections: [Section]) throws {
        for (page, section) in zip(pages, sections) {
            let layer = Lossless.nonBlank(page.runs.map(\.text).joined())
            let read = Lossless.nonBlank(PDFPageParser.readingText(page))
            if layer.unicodeScalars.map(\.value).sorted() != read.unicodeScalars.map(\.value).sorted() {
                throw Loss(description: "page \(page.number): the page as read does not hold the text layer's characters")
            }
            let imported = Lossless.nonBlank([section])
            if imported != read {
                let same = zip(imported.unicodeScalars, read.unicodeScalars).prefix { $0 == $1 }.count
                throw Loss(description: "page \(page.number): the import differs from the page as read at character \(same): "
                    + "\(String(String.UnicodeScalarView(read.unicodeScalars.dropFirst(same).prefix(20)))) read, "
                    + "\(String(String.UnicodeScalarView(imported.unicodeScalars.dropFirst(same).prefix(20)))) imported")
            }
        }
        if pages.count != sections.count { throw Loss(description: "\(pages.count) pages but \(sections.count) sections") }
    }
}
