import DubaoImport
import DubaoStore
import DubaoModel
import Foundation
import Testing

/// Hand-written expectations for pages (`EXPECTED.json`, `*.expected.json`), compared field by field.
struct ExpectedPage: Decodable {
    struct Sec: Decodable {
        var name: String
        var page: String?
        var pageLines: [PL]?
        var articles: [Art]
    }
    struct PL: Decodable, Equatable {
        var kind: String
        var text: String
        var line: Int?
    }
    struct Cap: Decodable, Equatable {
        var text: String
        var afterParagraph: Int
    }
    struct Art: Decodable {
        var kicker: String?
        var title: String?
        var subtitle: String?
        var continuedFrom: String?
        var dateline: String?
        var credit: String?
        var reporters: [String]?
        var paragraphs: [String]?
        var captions: [Cap]?
        var continuation: String?
    }

    var file: String?
    var date: String?
    var paper: String?
    var sections: [Sec]?
    var expectError: String?
    var expectWarning: Bool?
}

enum PageComparison {
    /// Records one failed expectation per differing field, naming the page, section and article.
    static func check(_ result: Importer.Result, against expected: ExpectedPage, page: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let issue = result.issue
        if let date = expected.date {
            #expect(issue.date.description == date, "\(page): date", sourceLocation: sourceLocation)
        }
        if let paper = expected.paper, !paper.isEmpty {
            #expect(issue.paper == paper, "\(page): paper", sourceLocation: sourceLocation)
        }
        if expected.expectWarning == true {
            #expect(!result.warnings.isEmpty, "\(page): expected a warning", sourceLocation: sourceLocation)
        }
        guard let sections = expected.sections else { return }
        #expect(issue.sections.map(\.name) == sections.map(\.name), "\(page): section names", sourceLocation: sourceLocation)
        for (s, want) in zip(issue.sections, sections) {
            let at = "\(page) § \(want.name)"
            if let p = want.page { #expect(s.page == p, "\(at): page label", sourceLocation: sourceLocation) }
            if let lines = want.pageLines {
                #expect(s.pageLines.map { ExpectedPage.PL(kind: $0.kind.rawValue, text: $0.text, line: nil) }
                        == lines.map { ExpectedPage.PL(kind: $0.kind, text: $0.text, line: nil) }, "\(at): page lines",
                        sourceLocation: sourceLocation)
            }
            #expect(s.articles.map(\.title) == want.articles.map { $0.title ?? "" }, "\(at): titles",
                    sourceLocation: sourceLocation)
            for (n, (a, w)) in zip(s.articles, want.articles).enumerated() {
                let where_ = "\(at) article \(n + 1) “\(a.displayTitle)”"
                func field(_ name: String, _ actual: String, _ wanted: String?) {
                    if let wanted { #expect(actual == wanted, "\(where_): \(name)", sourceLocation: sourceLocation) }
                }
                field("kicker", a.kicker, w.kicker)
                field("subtitle", a.subtitle, w.subtitle)
                field("continuedFrom", a.continuedFrom, w.continuedFrom)
                field("dateline", a.dateline, w.dateline)
                field("credit", a.credit, w.credit)
                field("continuation", a.continuation, w.continuation)
                if let r = w.reporters { #expect(a.reporters == r, "\(where_): reporters", sourceLocation: sourceLocation) }
                if let p = w.paragraphs {
                    #expect(a.paragraphs.count == p.count, "\(where_): paragraph count", sourceLocation: sourceLocation)
                    for (i, (x, y)) in zip(a.paragraphs, p).enumerated() where x != y {
                        #expect(x == y, "\(where_): paragraph \(i + 1)", sourceLocation: sourceLocation)
                    }
                }
                if let c = w.captions {
                    #expect(a.captions.map { ExpectedPage.Cap(text: $0.text, afterParagraph: $0.afterParagraph) } == c,
                            "\(where_): captions", sourceLocation: sourceLocation)
                }
            }
        }
    }
}
