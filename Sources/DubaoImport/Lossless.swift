import DubaoModel

/// The importer's promise: every non-blank character of a page lands, in order, in exactly one
/// field of one article or of its section. These functions let tests (and doubters) check it.
public enum Lossless {
    /// The non-blank characters of a page's text.
    public static func nonBlank(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where !ChineseText.isBlank(s) { out.append(s) }
        return String(out)
    }

    /// The non-blank characters of what the importer made of one page, in page order.
    public static func nonBlank(_ sections: [Section]) -> String {
        var pieces: [(line: Int, rank: Int, text: String)] = []
        for section in sections {
            for p in section.pageLines { pieces.append((p.line, 0, p.text)) }
            for a in section.articles {
                pieces.append((a.sourceLines.first, 1, a.textInReadingOrder.joined()))
            }
        }
        pieces.sort { ($0.line, $0.rank) < ($1.line, $1.rank) }
        return nonBlank(pieces.map(\.text).joined())
    }
}

extension Importer {
    /// A page's text as the parser sees it: decoded, control characters removed, LF line ends.
    public func pageText(_ bytes: [UInt8]) throws(ImportError) -> String {
        let decoded = try PageDecoder.decode(bytes, forced: options.encoding)
        return ContentCleaner.clean(decoded.text).text
    }
}
