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
        dateSource = result.dateSource
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
        return String(decoding: data, as: UTF8.self)
    }
}
