import DubaoImport
import DubaoModel
import DubaoText
import Foundation
import Testing

/// The sample paper's pages typeset as a PDF edition with XeLaTeX (`PDFPages/README.md`): two,
/// three and four columns, a story over two columns, a picture with its caption, headlines in
/// three sizes, numbered subheads, a headline with no text, a page band and an editors' footer. The tests wrote the pages, so the answer is
/// known (`PDFPages/EXPECTED.json`): every story whole, with its kicker, title and subtitle.
@Suite("Importer: the sample paper typeset as PDF pages", .enabled(if: TestPaths.popplerInstalled, "skipped: poppler-utils (pdftohtml) is not installed"))
struct TypesetPDFPagesTests {
    static func expected(_ file: String) throws -> ExpectedPage {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.pdfPages + "/EXPECTED.json"))
        let pages = try JSONDecoder().decode([ExpectedPage].self, from: data)
        return try #require(pages.first { $0.file == file }, "EXPECTED.json has no \(file)")
    }

    /// The `.tex` sources of the file's pages, in the order `make.sh` joins them.
    static func sources(of file: String) throws -> [String] {
        if file.hasPrefix("page-") { return [TestPaths.pdfPages + "/" + file.dropLast(4) + ".tex"] }
        return try FileManager.default.contentsOfDirectory(atPath: TestPaths.pdfPages)
            .filter { $0.hasPrefix("page-") && $0.hasSuffix(".tex") }.sorted().map { TestPaths.pdfPages + "/" + $0 }
    }

    func check(_ file: String) throws {
        let path = TestPaths.pdfPages + "/" + file
        let result = try Importer().importPaths([path])
        let expected = try Self.expected(file)
        PageComparison.check(result, against: expected, page: file)
        // The one warning a page may give is the text importer's for a headline with no body.
        let bare = (expected.sections ?? []).flatMap(\.articles).filter { $0.paragraphs == [] && $0.captions == [] }.map { $0.title ?? "" }
        #expect(result.warnings.map(\.sentence) == bare.map { Sentence(.warnHeadlineOnly, $0) }, "\(file): \(result.warnings)")
        let pages = try PDFReader.pages(ofFile: path)
        try PDFLossless.check(pages, result.issue.sections)
        let titles = try #require(try Self.expected(file).sections).map { $0.articles.map { $0.title ?? "" } }
        let stated = try zip(try Self.sources(of: file), titles).map { try TeXPageText.readingText(ofFile: $0, storyTitles: $1) }
        try PDFLossless.check(pages, result.issue.sections, inReadingOrder: stated)
    }

    @Test("two columns: each story's headline over its two columns, a kicker over the commentary's title")
    func twoColumns() throws { try check("page-04.pdf") }

    @Test("three columns: numbered subheads stay paragraphs of their story, a headline with no text under it is an item of its own")
    func subheadsAndBareHeadline() throws { try check("page-02.pdf") }

    @Test("three columns: a story over two with a picture and its caption, a story continued from page 1, a picture story")
    func threeColumns() throws { try check("page-03.pdf") }

    @Test("four columns under the masthead: the lead story's kicker and title, two stories of two columns under it")
    func fourColumns() throws { try check("page-01.pdf") }

    @Test("the whole issue in one PDF: a section a page, named by its band")
    func wholeIssue() throws {
        try check("issue.pdf")
        let result = try Importer().importPaths([TestPaths.pdfPages + "/issue.pdf"])
        #expect(result.issue.sections.map(\.page) == ["第01版", "第02版", "第03版", "第04版"])
    }

    @Test("the page band names the section and the editors' footer is a page line, not an article's")
    func furniture() throws {
        for file in ["page-01.pdf", "page-02.pdf", "page-03.pdf", "page-04.pdf"] {
            let section = try #require(try Importer().importPaths([TestPaths.pdfPages + "/" + file]).issue.sections.first)
            #expect(section.pageLines.contains { $0.kind == .header && $0.text.hasPrefix(section.page + "：" + section.name) }, "\(file)")
            #expect(section.pageLines.last?.kind == .editor, "\(file)")
            #expect(!section.articles.contains { a in a.paragraphs.contains { $0.contains("责任编辑") } }, "\(file)")
            // Read in order: the bands above the stories, the footer under them.
            let firstStory = section.articles.map(\.sourceLines.first).min() ?? 0
            let lastStory = section.articles.map(\.sourceLines.last).max() ?? 0
            #expect(section.pageLines.map(\.line) == section.pageLines.map(\.line).sorted(), "\(file)")
            #expect(section.pageLines.allSatisfy { $0.kind == .editor ? $0.line > lastStory : $0.line < firstStory }, "\(file)")
        }
    }

    @Test("the masthead with the date at its right, then the page band: read as rows, not as a left and a right column")
    func mastheadAndBandAsRows() throws {
        let section = try #require(try Importer().importPaths([TestPaths.pdfPages + "/page-01.pdf"]).issue.sections.first)
        let top = section.pageLines.filter { $0.kind != .editor }
        #expect(top.map(\.text) == ["江城晨报\u{3000}\u{3000}2026年11月27日\u{3000}星期五", "第01版：要闻\u{3000}\u{3000}江城晨报"])
        #expect(top.map(\.line) == [1, 2])
        #expect(top.map(\.kind) == [.meta, .header])
    }
}

extension PDFLossless {
    /// The import against each page's text in a reading order stated apart from dubao's
    /// (`TeXPageText`): the text layer holds those characters and no others, and the import
    /// holds them in that order, each once.
    static func check(_ pages: [PageGeometry], _ sections: [Section], inReadingOrder texts: [String]) throws {
        if pages.count != texts.count { throw Loss(description: "\(pages.count) pages but \(texts.count) stated texts") }
        for ((page, section), text) in zip(zip(pages, sections), texts) {
            let stated = Lossless.nonBlank(text)
            let layer = Lossless.nonBlank(page.runs.map(\.text).joined())
            if layer.unicodeScalars.map(\.value).sorted() != stated.unicodeScalars.map(\.value).sorted() {
                throw Loss(description: "page \(page.number): the text layer does not hold the source's characters")
            }
            let imported = Lossless.nonBlank([section])
            if imported != stated {
                let same = zip(imported.unicodeScalars, stated.unicodeScalars).prefix { $0 == $1 }.count
                throw Loss(description: "page \(page.number): the import leaves the source's order at character \(same): "
                    + "\(String(String.UnicodeScalarView(stated.unicodeScalars.dropFirst(same).prefix(20)))) in the source, "
                    + "\(String(String.UnicodeScalarView(imported.unicodeScalars.dropFirst(same).prefix(20)))) imported")
            }
        }
    }
}
