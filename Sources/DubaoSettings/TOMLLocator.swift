/// A place in a text file: 1-based line and column (in Unicode scalars).
struct SourcePosition: Equatable, Sendable {
    var line: Int
    var column: Int
}

/// Finds where each key and each value of a TOML text starts. TOMLKit gives positions only for
/// syntax errors; this scanner gives them for everything else, so that a semantic error can name
/// its line. It expects a text that TOMLKit has already accepted and never fails: on anything it
/// does not understand it moves on.
///
/// Paths are key paths as in the parsed table: `["styles", "title", "fg"]`; array elements are
/// `"[0]"`, `"[1]"` … and the tables of an array of tables likewise.
struct TOMLLocator {
    private(set) var keys: [[String]: SourcePosition] = [:]
    private(set) var values: [[String]: SourcePosition] = [:]

    private let s: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private var column = 1
    private var arrayTableCounts: [[String]: Int] = [:]

    init(_ text: String) {
        s = Array(text.unicodeScalars)
        if s.first == "\u{FEFF}" { i = 1 }
        scanDocument()
    }

    /// Where the key at `path` is defined, else where its nearest defined ancestor is.
    func keyPosition(_ path: [String]) -> SourcePosition? {
        var path = path
        while !path.isEmpty {
            if let p = keys[path] { return p }
            path.removeLast()
        }
        return nil
    }

    /// Where the value at `path` starts, else where its key is.
    func valuePosition(_ path: [String]) -> SourcePosition? {
        values[path] ?? keyPosition(path)
    }

    // MARK: Scanning

    private var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }
    private func peek(_ k: Int) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }
    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private mutating func advance() {
        guard i < s.count else { return }
        if s[i] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        i += 1
    }

    private mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { advance() }
    }

    private mutating func skipComment() {
        guard peek == "#" else { return }
        while let c = peek, c != "\n" { advance() }
    }

    /// Spaces, comments and line ends.
    private mutating func skipBlank() {
        while true {
            skipSpaces()
            skipComment()
            if let c = peek, c == "\n" || c == "\r" { advance() } else { return }
        }
    }

    private mutating func record(key path: [String], at p: SourcePosition) {
        if keys[path] == nil { keys[path] = p }
    }

    private mutating func scanDocument() {
        var table: [String] = []
        while true {
            skipBlank()
            guard let c = peek else { return }
            let start = i
            if c == "[" {
                let p = position
                advance()
                let isArrayTable = peek == "["
                if isArrayTable { advance() }
                let path = scanKey()
                if isArrayTable {
                    let n = arrayTableCounts[path, default: 0]
                    arrayTableCounts[path] = n + 1
                    record(key: path, at: p)
                    table = path + ["[\(n)]"]
                } else {
                    table = path
                }
                record(key: table, at: p)
                while let c = peek, c != "\n" {
                    if c == "#" { break }
                    advance()
                }
            } else {
                scanKeyValue(prefix: table)
            }
            if i == start { advance() }
        }
    }

    private static func isBare(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-" || c == "_"
    }

    private mutating func scanKey() -> [String] {
        var parts: [String] = []
        while true {
            skipSpaces()
            guard let c = peek else { break }
            if c == "\"" {
                parts.append(scanString(quote: "\"", escapes: true))
            } else if c == "'" {
                parts.append(scanString(quote: "'", escapes: false))
            } else {
                var bare = String.UnicodeScalarView()
                while let c = peek, Self.isBare(c) {
                    bare.append(c)
                    advance()
                }
                if bare.isEmpty { break }
                parts.append(String(bare))
            }
            skipSpaces()
            if peek == "." { advance() } else { break }
        }
        return parts
    }

    private mutating func scanKeyValue(prefix: [String]) {
        let p = position
        let key = scanKey()
        guard !key.isEmpty else { return }
        for k in 1...key.count { record(key: prefix + key.prefix(k), at: p) }
        skipSpaces()
        if peek == "=" { advance() }
        skipSpaces()
        scanValue(prefix + key)
        skipSpaces()
        skipComment()
    }

    private mutating func scanValue(_ path: [String]) {
        if values[path] == nil { values[path] = position }
        guard let c = peek else { return }
        switch c {
        case "\"", "'":
            if peek(1) == c && peek(2) == c {
                scanMultilineString(quote: c, escapes: c == "\"")
            } else {
                _ = scanString(quote: c, escapes: c == "\"")
            }
        case "[":
            advance()
            var n = 0
            while true {
                skipBlank()
                guard let c = peek else { return }
                if c == "]" { advance(); return }
                let before = i
                scanValue(path + ["[\(n)]"])
                n += 1
                skipBlank()
                if peek == "," { advance() }
                if i == before { advance() }
            }
        case "{":
            advance()
            while true {
                skipBlank()
                guard let c = peek else { return }
                if c == "}" { advance(); return }
                let before = i
                scanKeyValue(prefix: path)
                skipBlank()
                if peek == "," { advance() }
                if i == before { advance() }
            }
        default:
            while let c = peek, c != ",", c != "]", c != "}", c != "#", c != "\n", c != "\r" { advance() }
        }
    }

    /// A one-line string; returns its value (escapes decoded only as far as keys need).
    private mutating func scanString(quote: Unicode.Scalar, escapes: Bool) -> String {
        advance()
        var value = String.UnicodeScalarView()
        while let c = peek, c != "\n" {
            if c == quote { advance(); break }
            if escapes && c == "\\" {
                advance()
                guard let e = peek else { break }
                advance()
                switch e {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "b": value.append("\u{8}")
                case "f": value.append("\u{C}")
                case "u", "U":
                    var hex = ""
                    for _ in 0..<(e == "u" ? 4 : 8) {
                        guard let h = peek else { break }
                        hex.unicodeScalars.append(h)
                        advance()
                    }
                    if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { value.append(u) }
                default: value.append(e)
                }
                continue
            }
            value.append(c)
            advance()
        }
        return String(value)
    }

    private mutating func scanMultilineString(quote: Unicode.Scalar, escapes: Bool) {
        advance(); advance(); advance()
        while let c = peek {
            if escapes && c == "\\" {
                advance()
                advance()
                continue
            }
            if c == quote && peek(1) == quote && peek(2) == quote {
                advance(); advance(); advance()
                // Up to two more quotes belong to the string.
                if peek == quote { advance() }
                if peek == quote { advance() }
                return
            }
            advance()
        }
    }
}
