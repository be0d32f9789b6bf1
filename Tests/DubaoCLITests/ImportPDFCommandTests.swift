import DubaoTestSupport
import Foundation
import Testing

/// `dubao import` given PDFs it cannot read: one line each (what, where, what to do), a
/// non-zero exit and nothing stored. Needs poppler-utils (`.ci/run` installs it), except the
/// test of its absence.
@Suite("dubao import of PDFs it cannot read")
struct ImportPDFCommandTests {
    static var popplerInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/pdftohtml") }
    }
    static var qpdfInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/qpdf") }
    }

    func write(_ bytes: [UInt8], _ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Imports the file and checks the refusal: status 1, one line naming the file, nothing stored.
    func refused(_ path: String, environment: [String: String] = [:]) throws -> String {
        let lib = DubaoProcess.temporaryFolder()
        let out = try DubaoProcess.run(["import", path], library: lib, environment: environment)
        #expect(out.status == 1, "\(out.stdout)")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(out.stderr)")
        #expect(out.stderr.contains((path as NSString).lastPathComponent))
        #expect(out.stderr.contains("nothing was imported"))
        #expect(DubaoProcess.snapshot(lib).isEmpty, "nothing stored")
        return out.stderr
    }

    @Test("without poppler a PDF names the package to install, and a text page still imports")
    func popplerMissing() throws {
        let folder = DubaoProcess.temporaryFolder()
        let pdf = try write(TinyPDF.make(pages: 1, text: "Hello"), "01.pdf", in: folder)
        let noPoppler = ["PATH": folder]
        let said = try refused(pdf, environment: noPoppler)
        #expect(said.contains("poppler-utils"))
        let lib = DubaoProcess.temporaryFolder()
        let text = try DubaoProcess.run(["import", DubaoProcess.sampleData + "/01-要闻.txt"], library: lib, environment: noPoppler)
        #expect(text.status == 0, "\(text.stderr)")
    }

    @Test("a scan without a text layer says it has no text and needs OCR", .enabled(if: popplerInstalled, "skipped: poppler-utils is not installed"))
    func scan() throws {
        let folder = DubaoProcess.temporaryFolder()
        let said = try refused(try write(TinyPDF.make(pages: 2, text: nil), "scan.pdf", in: folder))
        #expect(said.contains("no text layer") && said.contains("OCR"))
    }

    @Test("a truncated PDF and a damaged one say so", .enabled(if: popplerInstalled, "skipped: poppler-utils is not installed"))
    func damaged() throws {
        let folder = DubaoProcess.temporaryFolder()
        let whole = TinyPDF.make(pages: 3, text: "Hello")
        let cut = try refused(try write(Array(whole.prefix(whole.count / 2)), "cut.pdf", in: folder))
        #expect(cut.contains("truncated or damaged"))
        let junk = try refused(try write(Array("%PDF-1.4\n".utf8) + [UInt8](repeating: 0x41, count: 500), "junk.pdf", in: folder))
        #expect(junk.contains("truncated or damaged"))
    }

    @Test("a PDF of 500 pages is more than an issue", .enabled(if: popplerInstalled, "skipped: poppler-utils is not installed"))
    func tooManyPages() throws {
        let folder = DubaoProcess.temporaryFolder()
        let said = try refused(try write(TinyPDF.make(pages: 500, text: "Hello"), "book.pdf", in: folder))
        #expect(said.contains("500 pages"))
    }

    @Test("an encrypted PDF asks for an unlocked copy", .enabled(if: popplerInstalled && qpdfInstalled, "skipped: poppler-utils or qpdf is not installed"))
    func encrypted() throws {
        let folder = DubaoProcess.temporaryFolder()
        let plain = try write(TinyPDF.make(pages: 1, text: "Hello"), "plain.pdf", in: folder)
        let locked = folder + "/locked.pdf"
        let qpdf = Process()
        qpdf.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        qpdf.arguments = ["qpdf", "--encrypt", "secret", "owner", "256", "--", plain, locked]
        try qpdf.run()
        qpdf.waitUntilExit()
        #expect(qpdf.terminationStatus == 0)
        let said = try refused(locked)
        #expect(said.contains("encrypted") && said.contains("password"))
    }
}
