/// Small PDFs written byte by byte, for tests of what a PDF import refuses: pages of Latin
/// text in a standard font (no font file needed), pages with a picture-like fill and no text.
public enum TinyPDF {
    /// A PDF of `pages` pages; each shows `text` when given, else only a filled rectangle (a scan's page has no text).
    public static func make(pages: Int, text: String?) -> [UInt8] {
        var objects: [String] = []
        // 1: catalog, 2: the page tree, 3: the font; then each page and its content.
        let kids = (0..<pages).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for _ in 0..<pages {
            let page = objects.count + 1
            let content = text.map { "BT /F1 12 Tf 72 720 Td (\($0)) Tj ET" } ?? "0.5 g 72 72 400 600 re f"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(page + 1) 0 R >>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (n, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(n + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets {
            let digits = String(o)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }
}
