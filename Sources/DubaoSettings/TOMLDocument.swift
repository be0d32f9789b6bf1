import Foundation
import TOMLKit

/// A parsed TOML file that knows where its keys are, for error messages that name the line.
struct TOMLDocument {
    let file: String
    let root: TOMLTable
    let locator: TOMLLocator

    /// Parses `text`; a syntax error is a `SettingsError` at TOMLKit's line and column.
    init(text: String, file: String) throws(SettingsError) {
        self.file = file
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        if let nul = text.firstIndex(of: "\0") {
            let line = text[..<nul].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            throw SettingsError(file: file, line: line, problem: "contains a NUL character; save it as plain UTF-8 text")
        }
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            var what = error.description
            if what.hasPrefix("Error while parsing ") { what = "error in " + what.dropFirst("Error while parsing ".count) }
            let begin = error.source.begin
            throw SettingsError(file: file, line: begin.line > 0 ? begin.line : nil, column: begin.column > 0 ? begin.column : nil,
                                problem: "not valid TOML: \(what); fix the syntax here (see https://toml.io)")
        } catch {
            throw SettingsError(file: file, problem: "not valid TOML: \(error); fix the syntax (see https://toml.io)")
        }
        locator = TOMLLocator(text)
    }

    /// An error at the key `path` (its line and column, or its table's, or the file's first line).
    func error(key path: [String], _ problem: String) -> SettingsError {
        let p = locator.keyPosition(path)
        return SettingsError(file: file, line: p?.line ?? 1, column: p?.column, problem: problem)
    }

    /// An error at the value of `path`.
    func error(value path: [String], _ problem: String) -> SettingsError {
        let p = locator.valuePosition(path)
        return SettingsError(file: file, line: p?.line ?? 1, column: p?.column, problem: problem)
    }

    /// The keys of `table` (at `path`) in the order they appear in the file.
    func orderedKeys(_ table: TOMLTable, at path: [String]) -> [String] {
        table.keys.enumerated().sorted { a, b in
            let pa = locator.keyPosition(path + [a.element]), pb = locator.keyPosition(path + [b.element])
            let ka = (pa?.line ?? Int.max, pa?.column ?? 0, a.offset), kb = (pb?.line ?? Int.max, pb?.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
    }

    /// The value at `path`, which must be a table.
    func table(_ value: TOMLValueConvertible, at path: [String], hint: String) throws(SettingsError) -> TOMLTable {
        guard let table = value.table else {
            throw error(value: path, "\(Self.dotted(path)) is \(Self.typeName(value)); it must be a table, \(hint)")
        }
        return table
    }

    func bool(_ value: TOMLValueConvertible, at path: [String]) throws(SettingsError) -> Bool {
        guard let b = value.bool else {
            throw error(value: path, "\(Self.dotted(path)) is \(Self.typeName(value)); use true or false")
        }
        return b
    }

    func string(_ value: TOMLValueConvertible, at path: [String], hint: String) throws(SettingsError) -> String {
        guard let s = value.string else {
            throw error(value: path, "\(Self.dotted(path)) is \(Self.typeName(value)); it must be a string, \(hint)")
        }
        return s
    }

    /// An unknown key: names the key and the known ones, with a guess when one is close.
    func unknownKey(_ key: String, at path: [String], what: String, known: [String]) -> SettingsError {
        var problem = "unknown \(what) \(Self.quoted(key))"
        if let guess = Suggestion.closest(to: key, in: known) {
            problem += "; did you mean \(Self.quoted(guess))?"
        } else {
            problem += "; use one of " + known.joined(separator: ", ")
        }
        return error(key: path + [key], problem)
    }

    static func dotted(_ path: [String]) -> String {
        path.map { key in
            key.unicodeScalars.allSatisfy { ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
                ? key : quoted(key)
        }.joined(separator: ".")
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where u.value < 0x20 || u.value == 0x7F: out += "\\u{\(String(u.value, radix: 16))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// "a string", "an integer", "a table" …
    static func typeName(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a number with a fraction"
        case .bool: return "a boolean"
        case .table: return "a table"
        case .array: return "an array"
        case .date: return "a date"
        case .time: return "a time"
        case .dateTime: return "a date-time"
        }
    }
}

/// Reads a settings file as UTF-8 text; nil when there is no such file.
func readSettingsFile(_ path: String) throws(SettingsError) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
    if isDirectory.boolValue {
        throw SettingsError(file: path, problem: "is a folder, not a file; remove it or put a TOML file there")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw SettingsError(file: path, problem: "cannot be read; check its permissions")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw SettingsError(file: path, problem: "is not UTF-8 text; save it as UTF-8")
    }
    return text
}

/// "Did you mean …?" for misspelt names.
enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        // The fewest edits; among equals, the longest common start ("PgDown" is "PgDn", not "Down").
        var best: (name: String, distance: Int, prefix: Int)?
        for c in candidates {
            let cl = Array(c.lowercased())
            let d = distance(w, cl)
            guard d <= max(1, min(3, max(w.count, c.count) / 3)) else { continue }
            let prefix = zip(w, cl).prefix { $0 == $1 }.count
            if best == nil || d < best!.distance || (d == best!.distance && prefix > best!.prefix) {
                best = (c, d, prefix)
            }
        }
        return best?.name
    }

    /// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
