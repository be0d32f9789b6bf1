import DubaoText
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
            throw SettingsError(file: file, line: line, problem: Sentence(.settingsNul))
        }
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            var what = error.description
            if what.hasPrefix("Error while parsing ") { what = "error in " + what.dropFirst("Error while parsing ".count) }
            let begin = error.source.begin
            throw SettingsError(file: file, line: begin.line > 0 ? begin.line : nil, column: begin.column > 0 ? begin.column : nil,
                                problem: Sentence(.settingsNotTOMLHere, what))
        } catch {
            throw SettingsError(file: file, problem: Sentence(.settingsNotTOML, "\(error)"))
        }
        locator = TOMLLocator(text)
    }

    /// An error at the key `path` (its line and column, or its table's, or the file's first line).
    func error(key path: [String], _ problem: Sentence) -> SettingsError {
        let p = locator.keyPosition(path)
        return SettingsError(file: file, line: p?.line ?? 1, column: p?.column, problem: problem)
    }

    /// An error at the value of `path`.
    func error(value path: [String], _ problem: Sentence) -> SettingsError {
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
    func table(_ value: TOMLValueConvertible, at path: [String], hint: Sentence) throws(SettingsError) -> TOMLTable {
        guard let table = value.table else {
            throw error(value: path, Sentence(.settingsNotTable, Self.dotted(path), Self.typeName(value), hint))
        }
        return table
    }

    func bool(_ value: TOMLValueConvertible, at path: [String]) throws(SettingsError) -> Bool {
        guard let b = value.bool else {
            throw error(value: path, Sentence(.settingsNotBool, Self.dotted(path), Self.typeName(value)))
        }
        return b
    }

    func string(_ value: TOMLValueConvertible, at path: [String], hint: Sentence) throws(SettingsError) -> String {
        guard let s = value.string else {
            throw error(value: path, Sentence(.settingsNotString, Self.dotted(path), Self.typeName(value), hint))
        }
        return s
    }

    /// An unknown key: names the key and the known ones, with a guess when one is close.
    func unknownKey(_ key: String, at path: [String], what: Phrase, known: [String]) -> SettingsError {
        error(key: path + [key], Sentence(.settingsUnknownName, Sentence(what), Self.quoted(key), Self.guessOrChoice(key, known)))
    }

    /// `; did you mean "x"?` when one of `known` is close to `name`, else `; use one of …`.
    static func guessOrChoice(_ name: String, _ known: [String]) -> Sentence {
        if let guess = Suggestion.closest(to: name, in: known) { return Sentence(.settingsDidYouMean, quoted(guess)) }
        return Sentence(.settingsUseOneOf, known.joined(separator: ", "))
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
    static func typeName(_ value: TOMLValueConvertible) -> Sentence {
        switch value.type {
        case .string: return Sentence(.settingsString)
        case .int: return Sentence(.settingsInteger)
        case .double: return Sentence(.settingsFraction)
        case .bool: return Sentence(.settingsBoolean)
        case .table: return Sentence(.settingsTable)
        case .array: return Sentence(.settingsArray)
        case .date: return Sentence(.settingsDate)
        case .time: return Sentence(.settingsTime)
        case .dateTime: return Sentence(.settingsDateTime)
        }
    }
}

/// Reads a settings file as UTF-8 text; nil when there is no such file.
func readSettingsFile(_ path: String) throws(SettingsError) -> String? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
    if isDirectory.boolValue {
        throw SettingsError(file: path, problem: Sentence(.settingsIsFolder))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw SettingsError(file: path, problem: Sentence(.settingsUnreadable))
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw SettingsError(file: path, problem: Sentence(.settingsNotUTF8))
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
