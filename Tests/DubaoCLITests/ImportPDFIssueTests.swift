import Foundation
import Testing

/// `dubao import` of the sample paper's PDF edition (Tests/DubaoCoreTests/PDFPages) with the
/// real binary: a PDF re-imported keeps its articles' IDs, and --each takes PDFs and folders of
/// them as it takes text pages. Needs poppler-utils (`.ci/run` installs it).
@Suite("dubao import of PDF pages: re-import and --each", .enabled(if: ImportPDFCommandTests.popplerInstalled, "skipped: poppler-utils is not installed"))
struct ImportPDFIssueTests {
    static let pages = DubaoProcess.packageRoot + "/Tests/DubaoCoreTests/PDFPages"

    /// Title → ID of every stored article.
    func ids(_ lib: String) throws -> [String: String] {
        let list = try DubaoProcess.run(["list", "--json"], library: lib)
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        // Two pages carry the same title (a story and its continuation): the section tells them apart.
        return Dictionary(uniqueKeysWithValues: rows.map { ("\($0["section"] as! String) \($0["title"] as! String)", $0["id"] as! String) })
    }

    @Test("re-importing a page PDF changes nothing, and the whole-issue PDF keeps the IDs its pages were given")
    func reimportKeepsIDs() throws {
        let lib = DubaoProcess.temporaryFolder()
        let pages = ["page-01.pdf", "page-02.pdf", "page-03.pdf", "page-04.pdf"].map { Self.pages + "/" + $0 }
        let first = try DubaoProcess.run(["import"] + pages, library: lib)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("江城晨报 2026-11-27 — 4 sections, 12 articles"), "\(first.stdout)")
        let given = try ids(lib)
        #expect(given.count == 12)
        let stored = DubaoProcess.snapshot(lib).filter { $0.key != "library.json" }

        let again = try DubaoProcess.run(["import", Self.pages + "/page-03.pdf"], library: lib)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("第03版 城事: 4 articles (unchanged)"), "\(again.stdout)")
        #expect(DubaoProcess.snapshot(lib).filter { $0.key != "library.json" } == stored, "re-import is idempotent")

        let issue = try DubaoProcess.run(["import", Self.pages + "/issue.pdf"], library: lib)
        #expect(issue.status == 0, "\(issue.stderr)")
        #expect(issue.stdout.contains("4 sections, 12 articles"), "\(issue.stdout)")
        #expect(try ids(lib) == given, "the same stories under the same titles keep their IDs")
    }

    @Test("--each takes a folder of page PDFs and a PDF beside it, each an issue of its own, all stored")
    func each() throws {
        let lib = DubaoProcess.temporaryFolder()
        let folder = DubaoProcess.temporaryFolder("eachPDFFolder")
        for page in ["page-01.pdf", "page-03.pdf"] {
            try FileManager.default.copyItem(atPath: Self.pages + "/" + page, toPath: folder + "/" + page)
        }
        let out = try DubaoProcess.run(["import", "--each", folder, Self.pages + "/page-04.pdf"], library: lib)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("江城晨报 2026-11-27 — 2 sections, 7 articles"), "\(out.stdout)")
        #expect(out.stdout.contains("江城晨报 2026-11-27 — 1 section, 2 articles"), "\(out.stdout)")
        let issues = try DubaoProcess.run(["issues", "--json"], library: lib)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(issues.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1, "one date, one issue")
        #expect(rows.first?["articles"] as? Int == 9)
    }

    @Test("--each with a bad PDF among good ones stores nothing and names the file")
    func eachAllOrNothing() throws {
        let lib = DubaoProcess.temporaryFolder()
        let folder = DubaoProcess.temporaryFolder("eachBadPDF")
        let whole = try Data(contentsOf: URL(fileURLWithPath: Self.pages + "/page-04.pdf"))
        try whole.prefix(whole.count / 3).write(to: URL(fileURLWithPath: folder + "/cut.pdf"))
        let out = try DubaoProcess.run(["import", "--each", Self.pages + "/page-01.pdf", folder + "/cut.pdf"], library: lib)
        #expect(out.status != 0)
        #expect(out.stderr.contains("cut.pdf") && out.stderr.contains("nothing was imported"), "\(out.stderr)")
        // The lock taken for writing stays, empty; no data does.
        #expect(DubaoProcess.snapshot(lib).keys.filter { $0 != ".lock" }.isEmpty, "the good page written before the bad one is gone again")
    }
}
