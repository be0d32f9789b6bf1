import DubaoImport
import DubaoStore
import DubaoModel
import Foundation

/// Scores the importer on real pages against their answer key, by the rules of `score` in
/// ../shared/tools/rmrb_pages.py:
/// - an article is **recovered** when exactly one imported article holds exactly its text
///   (headline and body; whitespace and full/half-width forms aside): no split, no merge;
/// - its **title is right** when the imported title is the headline's main line (the only line;
///   the line above a `——` subtitle; either line of a headline without `——`);
/// - its **paragraphs are right** when the imported paragraphs (captions counted, dateline and
///   credit joined to the first) are the source's, in order or as a set;
/// - a page is **lossy** when a non-blank character of it lands in no article and no page line.
enum RealPagesScore {
    struct Tally: Sendable {
        var pages = 0
        var articles = 0
        var imported = 0
        var recovered = 0
        var titles = 0
        var paragraphs = 0
        var lossyPages = 0
        var refusedPages = 0

        static func + (a: Tally, b: Tally) -> Tally {
            Tally(pages: a.pages + b.pages, articles: a.articles + b.articles, imported: a.imported + b.imported,
                  recovered: a.recovered + b.recovered, titles: a.titles + b.titles, paragraphs: a.paragraphs + b.paragraphs,
                  lossyPages: a.lossyPages + b.lossyPages, refusedPages: a.refusedPages + b.refusedPages)
        }

        func share(_ n: Int) -> Double { 100 * Double(n) / Double(max(1, articles)) }
        var recoveredShare: Double { share(recovered) }
        var titlesShare: Double { share(titles) }
        var paragraphsShare: Double { share(paragraphs) }
        /// Paragraphs right among the recovered articles (issue 12 asks ≥ 95%).
        var paragraphsOfRecovered: Double { 100 * Double(paragraphs) / Double(max(1, recovered)) }
    }

    /// One page's score and what went wrong on it, in the script's words.
    struct PageScore: Sendable {
        var tally = Tally()
        var failures: [String] = []
    }

    /// Normalised text: NFKC, then every whitespace scalar dropped.
    static func norm(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.precomposedStringWithCompatibilityMapping.unicodeScalars where !RealPages.isSpace(u) {
            out.append(u)
        }
        return String(out)
    }

    /// Everything an imported article holds, in the scorer's order, normalised.
    static func text(of a: Article) -> String {
        let parts = [a.kicker, a.title, a.subtitle, a.continuedFrom, a.dateline, a.credit]
            + a.paragraphs + a.captions.map(\.text) + [a.continuation]
        return norm(parts.joined())
    }

    /// Whether `title` is the headline's main line.
    static func titleOK(_ title: String, _ headline: [String]) -> Bool {
        let t = norm(title)
        let lines = headline.map(norm)
        if lines.isEmpty { return true }
        if lines.count == 1 { return t == lines[0] }
        if let dash = headline.firstIndex(where: { $0.hasPrefix("——") }), dash > 0 {
            return t == lines[dash - 1]
        }
        return lines.contains(t)
    }

    static func prefix(_ s: String, _ n: Int) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.prefix(n)))
    }

    /// Imports one page on its own, as `dubao import PAGE --dry-run --date 2020-01-01 --section 测试`
    /// does, and scores it.
    static func score(page name: String, bytes: [UInt8], truth: [RealPages.Article]) -> PageScore {
        var out = PageScore()
        out.tally.pages = 1
        out.tally.articles = truth.count
        let importer = Importer(options: .init(date: IssueDate("2020-01-01"), section: "测试"))
        let sections: [Section]
        do {
            sections = try importer.importPages([(file: name, bytes: bytes)]).issue.sections
        } catch {
            out.tally.refusedPages = 1
            out.failures.append("\(name): refused: \(error)")
            return out
        }
        let got = sections.flatMap(\.articles)
        out.tally.imported = got.count
        let texts = got.map(text(of:))

        // Lossless: every non-blank character of the page, counted, lands somewhere.
        var want: [Unicode.Scalar: Int] = [:]
        for s in norm(String(decoding: bytes, as: UTF8.self)).unicodeScalars { want[s, default: 0] += 1 }
        let furniture = norm(sections.flatMap(\.pageLines).map(\.text).joined())
        for s in (texts.joined() + furniture).unicodeScalars { want[s, default: 0] -= 1 }
        let lost = want.filter { $0.value > 0 }
        if !lost.isEmpty {
            out.tally.lossyPages = 1
            let sample = lost.keys.sorted { $0.value < $1.value }.prefix(20).map { String($0) }.joined()
            out.failures.append("\(name): lost \(lost.values.reduce(0, +)) characters, among them \(sample)")
        }

        var byText: [String: [Int]] = [:]
        for (i, t) in texts.enumerated() { byText[t, default: []].append(i) }
        for t in truth {
            let key = norm((t.headline + t.body).joined())
            let hits = byText[key] ?? []
            guard hits.count == 1 else {
                let first = prefix(norm(t.body.first ?? t.headline[0]), 12)
                let near = got.indices.filter { !first.isEmpty && texts[$0].contains(first) }.prefix(2)
                    .map { got[$0].title.isEmpty ? "no title: " + prefix(got[$0].displayTitle, 14) : prefix(got[$0].title, 14) }
                out.failures.append("\(name) \(t.source): not recovered: \(prefix(t.headline.joined(separator: "/"), 30))"
                                    + " (its opening lies in: \(near.map { "「\($0)」" }.joined(separator: ", ")))")
                continue
            }
            let a = got[hits[0]]
            out.tally.recovered += 1
            if titleOK(a.title, t.headline) {
                out.tally.titles += 1
            } else {
                out.failures.append("\(name) \(t.source): title 「\(prefix(a.title, 20))」, headline \(t.headline.map { "「\($0)」" }.joined(separator: " "))")
            }
            var mine = a.paragraphs.map(norm) + a.captions.map { norm($0.text) }
            if !mine.isEmpty && (!a.dateline.isEmpty || !a.credit.isEmpty) {
                mine[0] = norm(a.dateline + a.credit) + mine[0]
            }
            let wanted = t.body.map(norm).filter { !$0.isEmpty }
            if mine == wanted || byScalars(mine) == byScalars(wanted) {
                out.tally.paragraphs += 1
            }
        }
        return out
    }

    /// Strings sorted by their scalars, as Python sorts them (a multiset comparison).
    private static func byScalars(_ strings: [String]) -> [String] {
        strings.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }
}
