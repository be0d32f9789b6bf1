import DubaoStore

/// Reads a PDF's text layer with poppler: the page count and locks first (`pdfinfo`), then
/// every run of text with its box and type (`pdftohtml -xml`; why that tool: `PopplerTool`).
public enum PDFReader {
    /// More pages than this is no issue of a paper, and would take minutes to read.
    public static let mostPages = 200

    /// Sizes are read at this zoom and divided back: poppler rounds a size to a whole number,
    /// and at zoom 2 that is to half a point.
    static let zoom = 2.0

    /// Does the file start as a PDF does?
    public static func isPDF(_ bytes: [UInt8]) -> Bool {
        // `%PDF-` may follow a few bytes of junk; readers look in the first kilobyte.
        let head = bytes.prefix(1024)
        return head.indices.contains { k in k + 5 <= head.endIndex && head[k..<(k + 5)].elementsEqual("%PDF-".utf8) }
    }

    /// The geometry of every page of the PDF at `path`, or why it cannot be read.
    public static func pages(ofFile path: String, searchPath: String? = nil) throws(ImportError) -> [PageGeometry] {
        guard let info = PopplerTool.find("pdfinfo", path: searchPath) else { throw .pdfToolMissing("pdfinfo") }
        guard let toHTML = PopplerTool.find("pdftohtml", path: searchPath) else { throw .pdfToolMissing("pdftohtml") }
        // Options end before the file, so a file named `-f` is a file.
        guard let told = info.run(["--", path]) else { throw .pdfToolMissing("pdfinfo") }
        if told.status != 0 {
            if String(decoding: told.errors, as: UTF8.self).contains("password") { throw .pdfEncrypted }
            throw .pdfDamaged(told.firstError)
        }
        var count = 0
        for line in String(decoding: told.output, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("Pages:") { count = Int(line.dropFirst(6).drop { $0 == " " }) ?? 0 }
            if line.hasPrefix("Encrypted:"), line.contains("copy:no") { throw .pdfCopyForbidden }
        }
        if count > mostPages { throw .pdfTooManyPages(count, limit: mostPages) }
        if count == 0 { throw .pdfDamaged(told.firstError) }
        let pages = try read(toHTML, path, pages: count)
        if pages.allSatisfy({ $0.runs.isEmpty }) { throw .pdfNoText(pages: count) }
        return pages
    }

    /// The pages read in parts on all cores: one pdftohtml reads a page in about 40 ms, most
    /// of it its own.
    static func read(_ tool: PopplerTool, _ path: String, pages count: Int) throws(ImportError) -> [PageGeometry] {
        let parts = count >= 4 ? 2 : 1
        let ranges = (0..<parts).map { p in (count * p / parts + 1, count * (p + 1) / parts) }
        let results = Parallel.map(ranges) { range -> Result<[PageGeometry], ImportError> in
            // -i: pictures are not written out; -hidden: an OCR layer's invisible text is text too.
            let arguments = ["-xml", "-i", "-hidden", "-stdout", "-noroundcoord", "-zoom", "\(zoom)",
                             "-f", "\(range.0)", "-l", "\(range.1)", "--", path]
            guard let out = tool.run(arguments) else { return .failure(.pdfToolMissing(tool.name)) }
            if out.status == 3 { return .failure(.pdfCopyForbidden) }
            guard out.status == 0 else { return .failure(.pdfDamaged(out.firstError)) }
            return .success(PopplerXML.pages(out.output, zoom: zoom))
        }
        var pages: [PageGeometry] = []
        for result in results {
            switch result {
            case .success(let part): pages += part
            case .failure(let error): throw error
            }
        }
        return pages
    }
}
