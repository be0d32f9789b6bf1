import DubaoTestSupport
import Foundation

/// Where the tests find the project's own files and the shared seeds.
enum TestPaths {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let sampleData = packageRoot + "/Sources/DubaoImport/SampleData"
    static let fixtures = packageRoot + "/Tests/DubaoCoreTests/Fixtures"
    /// `../shared/seeds` beside the checkout: real pages, read at test time, never copied in.
    static let seeds = packageRoot + "/../shared/seeds"
    static let seed = seeds + "/000_a0ce3d9deb04aa59.txt"
    static var seedAvailable: Bool { FileManager.default.fileExists(atPath: seed) }
    /// `../shared/corpora`: real papers, extracted into scratch folders at test time, never copied in.
    static let rmrbMonth = packageRoot + "/../shared/corpora/rmrb-2020-01.tar.xz"
    static var rmrbMonthAvailable: Bool { FileManager.default.fileExists(atPath: rmrbMonth) }

    /// `../shared/corpora/pdf`: a real page PDF, read at test time, never copied in.
    static let realPDF = packageRoot + "/../shared/corpora/pdf/zghyyb-20241016-01.pdf"
    static var realPDFAvailable: Bool { FileManager.default.fileExists(atPath: realPDF) }
    /// Pages of the sample paper typeset as its PDF edition (`PDFPages/README.md`).
    static let pdfPages = packageRoot + "/Tests/DubaoCoreTests/PDFPages"
    /// poppler-utils, which reads PDFs: `.ci/run` installs it.
    static var popplerInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/pdftohtml") }
    }

    static func temporaryFolder(_ name: String = #function) -> String {
        ScratchFolder.make(name)
    }
}
