import DubaoModel
import Foundation

/// The `--json` shape of `dubao import`. Scripts rely on it: keys may be added, never renamed.
public struct ImportReport: Encodable {
    struct SectionOut: Encodable {
        var name: String
        var page: String
        var order: Int
        var articles: [Article]
        var pageLines: [PageLine]
    }

    var paper: String
    var date: String
    var dateSource: String
    var sections: [SectionOut]
    var warnings: [String]
    var stored: Bool

    public init(result: Importer.Result, stored: Bool) {
        paper = result.issue.paper
        date = result.issue.date.description
        dateSource = result.dateSource.description
        sections = result.issue.sections.map {
            SectionOut(name: $0.name, page: $0.page, order: $0.order, articles: $0.articles, pageLines: $0.pageLines)
        }
        warnings = result.warnings.map(\.description)
        self.stored = stored
    }

    public func json() -> String {
        JSONOutput.string(self)
    }
}

/// JSON as dubao prints it: stable key order, Chinese left readable.
public enum JSONOutput {
    public static func string<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: pretty ? closingEmptyArrays(Array(data)) : Array(data), as: UTF8.self)
    }

    /// Foundation pretty-prints an empty array as `[`, a blank line and an indented `]`; it is
    /// written `[]`, as people and `jq` write it (`dubao search --json` with no hit prints `[]`).
    /// A string's line breaks are escaped, so a `[` that a newline follows is the printer's own,
    /// never a title's `[ ]`.
    static func closingEmptyArrays(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            out.append(bytes[i])
            if bytes[i] == UInt8(ascii: "["), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") {
                var j = i + 1
                while j < bytes.count, bytes[j] == UInt8(ascii: "\n") || bytes[j] == UInt8(ascii: " ") { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "]") {
                    out.append(bytes[j])
                    i = j
                }
            }
            i += 1
        }
        return out
    }
}

/// A JSON array printed an element at a time, byte for byte as `JSONOutput.string` prints the
/// whole array: for output whose first elements should not wait for the last
/// (`dubao search --json`).
public struct JSONArrayPrinter {
    private let write: (String) -> Void
    private var count = 0

    public init(write: @escaping (String) -> Void) { self.write = write }

    /// Pretty-printed, an element is its own pretty form with every line indented two spaces:
    /// a string's line breaks are escaped, so each line break is the printer's.
    public mutating func element<T: Encodable>(_ value: T) {
        let lines = JSONOutput.string(value).split(separator: "\n", omittingEmptySubsequences: false)
        write((count == 0 ? "[\n" : ",\n") + lines.map { "  " + $0 }.joined(separator: "\n"))
        count += 1
    }

    /// Closes the array (`[]` when it is empty) and its line.
    public mutating func finish() {
        write(count == 0 ? "[]\n" : "\n]\n")
    }

    public var elements: Int { count }
}
