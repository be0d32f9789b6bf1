// libFuzzer entry for the importer: any bytes, as a page file. Built by Scripts/fuzz.sh, not by
// SwiftPM (libFuzzer brings its own main). A crash, a hang or an unlosslessly imported page fails.
import DubaoCore
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
    return 0
}
