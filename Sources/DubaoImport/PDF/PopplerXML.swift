/// Reads what `pdftohtml -xml` prints into `PageGeometry`: a small reader for that one shape
/// (`<page>`, `<fontspec>`, `<text>`), not a general XML parser. The document's bytes are
/// walked once; anything it does not know is passed over.
enum PopplerXML {
    struct Font {
        var size: Double
        var family: String
        var colour: String
    }

    /// `zoom` is the factor poppler was run with: boxes and sizes are divided by it, so that
    /// the geometry is in the PDF's points whatever zoom gave the sizes their precision.
    static func pages(_ bytes: [UInt8], zoom: Double) -> [PageGeometry] {
        var pages: [PageGeometry] = []
        var fonts: [Int: Font] = [:]
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            let nameStart = i + 1
            var j = nameStart
            while j < n, bytes[j] != 0x20, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/"), bytes[j] != 0x09, bytes[j] != 0x0A { j += 1 }
            let name = String(decoding: bytes[nameStart..<j], as: UTF8.self)
            guard let close = index(of: UInt8(ascii: ">"), in: bytes, from: j) else { break }
            let attributes = Self.attributes(bytes[j..<close])
            i = close + 1
            switch name {
            case "page":
                pages.append(PageGeometry(number: Int(attributes["number"] ?? "") ?? pages.count + 1,
                                          width: (Double(attributes["width"] ?? "") ?? 0) / zoom,
                                          height: (Double(attributes["height"] ?? "") ?? 0) / zoom, runs: []))
            case "fontspec":
                if let id = Int(attributes["id"] ?? "") {
                    fonts[id] = Font(size: (Double(attributes["size"] ?? "") ?? 0) / zoom,
                                     family: faceName(attributes["family"] ?? ""), colour: attributes["color"] ?? "")
                }
            case "text":
                // The text runs to `</text>`; inside it poppler may set `<b>`, `<i>` or `<a …>`.
                let end = find(Array("</text>".utf8), in: bytes, from: i) ?? n
                let text = Self.text(bytes[i..<end])
                i = min(n, end + 7)
                guard !pages.isEmpty, !text.isEmpty else { continue }
                let top = (Double(attributes["top"] ?? "") ?? 0) / zoom
                let left = (Double(attributes["left"] ?? "") ?? 0) / zoom
                let width = (Double(attributes["width"] ?? "") ?? 0) / zoom
                let height = (Double(attributes["height"] ?? "") ?? 0) / zoom
                let font = fonts[Int(attributes["font"] ?? "") ?? -1] ?? Font(size: height, family: "", colour: "")
                pages[pages.count - 1].runs.append(TextRun(
                    box: Box(left: left, top: top, right: left + width, bottom: top + height),
                    size: font.size > 0 ? font.size : height, font: font.family, colour: font.colour, text: text))
            default:
                break
            }
        }
        return pages
    }

    /// `VZWEZY+FZHTJW--GB1-0` → `FZHTJW--GB1-0`: the six letters before `+` only name a subset.
    static func faceName(_ family: String) -> String {
        let scalars = Array(family.unicodeScalars)
        if scalars.count > 7, scalars[6] == "+", scalars[0..<6].allSatisfy({ $0.value >= 0x41 && $0.value <= 0x5A }) {
            return String(String.UnicodeScalarView(scalars[7...]))
        }
        return family
    }

    static func index(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var k = start
        while k < bytes.count {
            if bytes[k] == byte { return k }
            k += 1
        }
        return nil
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var k = start
        while k + needle.count <= bytes.count {
            if bytes[k] == needle[0], bytes[k..<(k + needle.count)].elementsEqual(needle) { return k }
            k += 1
        }
        return nil
    }

    /// `top="12.5" left="3"` → its names and values, entities decoded.
    static func attributes(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var out: [String: String] = [:]
        var k = bytes.startIndex
        while k < bytes.endIndex {
            guard let eq = bytes[k...].firstIndex(of: UInt8(ascii: "=")) else { break }
            var nameStart = k
            while nameStart < eq, bytes[nameStart] == 0x20 || bytes[nameStart] == 0x09 || bytes[nameStart] == 0x0A { nameStart += 1 }
            let name = String(decoding: bytes[nameStart..<eq], as: UTF8.self)
            let quoteAt = eq + 1
            guard quoteAt < bytes.endIndex else { break }
            let quote = bytes[quoteAt]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
                  let end = bytes[(quoteAt + 1)...].firstIndex(of: quote) else { break }
            out[name] = decodeEntities(bytes[(quoteAt + 1)..<end])
            k = end + 1
        }
        return out
    }

    /// The characters of a `<text>` element: tags dropped, entities decoded.
    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var inTag = false
        for b in bytes {
            if b == UInt8(ascii: "<") { inTag = true; continue }
            if b == UInt8(ascii: ">"), inTag { inTag = false; continue }
            if !inTag { kept.append(b) }
        }
        return decodeEntities(kept[...])
    }

    static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out = String.UnicodeScalarView()
        let text = String(decoding: bytes, as: UTF8.self).unicodeScalars
        var k = text.startIndex
        while k < text.endIndex {
            let s = text[k]
            if s == "&", let semi = text[k...].prefix(12).firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(text[text.index(after: k)..<semi]))
                var decoded: Unicode.Scalar?
                switch name {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                case "nbsp": decoded = "\u{a0}"
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X") {
                        decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if name.hasPrefix("#") {
                        decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                    }
                }
                if let decoded {
                    out.append(decoded)
                    k = text.index(after: semi)
                    continue
                }
            }
            out.append(s)
            k = text.index(after: k)
        }
        return String(out)
    }
}
