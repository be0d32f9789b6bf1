import DubaoImport
import Foundation

/// The PDF edition: a 16-page issue PDF (the real page of ../shared/corpora/pdf sixteen times,
/// joined with poppler's pdfunite) parsed as `dubao import --dry-run` parses it, and poppler's
/// own part of that time. Skipped, saying why, without the page or poppler-utils.
enum PDFIssueBench {
    static let pages = 16

    static var realPage: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/../shared/corpora/pdf/zghyyb-20241016-01.pdf"
    }

    /// `(seconds for the import, seconds poppler's tools took)`, or why it was not measured.
    static func measure(in folder: String, runs: Int) -> Result<(importing: Double, poppler: Double), Skipped> {
        guard FileManager.default.fileExists(atPath: realPage) else { return .failure(Skipped(reason: "\(realPage) is absent")) }
        guard let unite = tool("pdfunite"), let info = tool("pdfinfo"), let toHTML = tool("pdftohtml") else {
            return .failure(Skipped(reason: "poppler-utils is not installed"))
        }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let issue = folder + "/issue-16.pdf"
        guard Measure.run(unite, Array(repeating: realPage, count: pages) + [issue]) == 0 else {
            return .failure(Skipped(reason: "pdfunite could not join the pages"))
        }
        let importing = Measure.median(runs: runs) { _ = try? Importer().importPaths([issue]) }
        // As PDFReader runs them: pdfinfo, then the two halves side by side.
        let poppler = Measure.median(runs: runs) {
            Measure.run(info, [issue])
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                let range = half == 0 ? (1, pages / 2) : (pages / 2 + 1, pages)
                Measure.run(toHTML, ["-xml", "-i", "-hidden", "-stdout", "-noroundcoord", "-zoom", "2",
                                     "-f", "\(range.0)", "-l", "\(range.1)", issue])
            }
        }
        return .success((importing, poppler))
    }

    struct Skipped: Error {
        var reason: String
    }

    static func tool(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
