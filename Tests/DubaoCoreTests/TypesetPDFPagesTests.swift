import DubaoImport
import DubaoModel
import Foundation
import Testing

/// The sample paper's pages typeset as a PDF edition with XeLaTeX (`PDFPages/README.md`): two,
/// three and four columns, a story over two columns, a picture with its caption, headlines in
/// three sizes, a page band and an editors' footer. The tests wrote the pages, so the answer is
/// known (`PDFPages/EXPECTED.json`): every story whole, with its kicker, title and subtitle.
@Suite("Importer: the sample paper typeset as PDF pages", .enabled(if: TestPaths.popplerInstalled, "skipped: poppler-utils (pdftohtml) is not installed"))
struct TypesetPDFPagesTests {
    static func expected(_ file: String) throws -> ExpectedPage {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.pdfPages + "/EXPECTED.json"))
        let pages = try JSONDecoder().decode([ExpectedPage].self, from: data)
        return try #require(pages.first { $0.file == file }, "EXPECTED.json has no \(file)")
    }

    func check(_ file: String) throws {
        let path = TestPaths.pdfPages + "/" + file
        let result = try Importer().importPaths([path])
        PageComparison.check(result, against: try Self.expected(file), page: file)
        #expect(result.warnings.isEmpty, "\(file): \(result.warnings)")
        try PDFLossless.check(try PDFReader.pages(ofFile: path), result.issue.sections)
    }

    @Test("two columns: each story's headline over its two columns, a kicker over the commentary's title")
    func twoColumns() throws { try check("page-04.pdf") }

    @Test("three columns: a story over two with a picture and its caption, a story continued from page 1, a picture story")
    func threeColumns() throws { try check("page-03.pdf") }

    @Test("four columns under the masthead: the lead story's kicker and title, two stories of two columns under it")
    func fourColumns() throws { try check("page-01.pdf") }

    @Test("the whole issue in one PDF: a section a page, named by its band")
    func wholeIssue() throws {
        try check("issue.pdf")
        let result = try Importer().importPaths([TestPaths.pdfPages + "/issue.pdf"])
        #expect(result.issue.sections.map(\.page) == ["第01版", "第03版", "第04版"])
    }

    @Test("the page band names the section and the editors' footer is a page line, not an article's")
    func furniture() throws {
        for file in ["page-01.pdf", "page-03.pdf", "page-04.pdf"] {
            let section = try #require(try Importer().importPaths([TestPaths.pdfPages + "/" + file]).issue.sections.first)
            #expect(section.pageLines.contains { $0.kind == .header && $0.text.hasPrefix(section.page + "：" + section.name) }, "\(file)")
            #expect(section.pageLines.last?.kind == .editor, "\(file)")
            #expect(!section.articles.contains { a in a.paragraphs.contains { $0.contains("责任编辑") } }, "\(file)")
        }
    }
}
