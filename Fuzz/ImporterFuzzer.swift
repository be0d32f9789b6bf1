// libFuzzer entry for the importer: any bytes, as a page file and as a one-article file. Built by
// Scripts/fuzz.sh, not by SwiftPM (libFuzzer brings its own main). A crash, a hang or a file
// imported with characters lost or invented fails.
import DubaoImport
import DubaoStore
import DubaoModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let importer = Importer(options: .init(date: IssueDate("2026-11-27"), paper: "fuzz"))
    guard let result = try? importer.importPages([("fuzz.txt", bytes)]),
          let text = try? importer.pageText(bytes) else { return 0 }
    if Lossless.nonBlank(result.issue.sections) != Lossless.nonBlank(text) {
        fatalError("a page lost or invented characters")
    }
    guard let article = try? importer.importArticles([("20261127-01-01.txt", bytes)]) else { return 0 }
    if Lossless.nonBlank(article.issue.sections) != Lossless.nonBlank(text) {
        fatalError("an article file lost or invented characters")
    }
    return 0
}
