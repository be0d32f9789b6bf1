import DubaoCore
import DubaoModel
import DubaoTestSupport
import Foundation
import Testing

/// One real month of 人民日报 as a crawler saved it, one file per article
/// (../shared/corpora/rmrb-2020-01.tar.xz), extracted into a scratch folder at test time and
/// never copied into the project; where it is absent the suite is skipped and says so.
@Suite("Importer: a real month of one-article files", .enabled(if: TestPaths.rmrbMonthAvailable,
                                                                "skipped: ../shared/corpora/rmrb-2020-01.tar.xz is absent beside the checkout"))
struct RealMonthArticleFilesTests {
    /// Articles in the month: one a file.
    static let articles = 2_194
    /// The least share of titles right by the rule below, in percent: what was measured, rounded
    /// down. Raise it as the headline rules improve.
    static let titlesRightFloor = 99.0

    static func extract() throws -> String {
        let folder = ScratchFolder.make("rmrb-2020-01")
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "xJf", TestPaths.rmrbMonth, "-C", folder]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0, "tar xJf failed")
        return folder + "/rmrb-2020-01"
    }

    /// The headline lines of a crawler's file: the non-blank lines above the first indented one
    /// (every non-blank line when none is indented).
    static func headlineLines(_ text: String) -> [String] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let above = lines.prefix { !$0.hasPrefix("\u{3000}") }
        return above.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func normalised(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
    }

    /// The scorer's title rule: one headline line is the title; with a `——` line below the
    /// first, the title is the line above the first such line; otherwise any headline line.
    static func titleIsRight(_ title: String, headline: [String]) -> Bool {
        let lines = headline.map(normalised)
        let t = normalised(title)
        if lines.count == 1 { return t == lines[0] }
        if let dash = lines.indices.first(where: { $0 > 0 && lines[$0].hasPrefix("——") }) { return t == lines[dash - 1] }
        return lines.contains(t)
    }

    @Test("every day imports as one issue: exactly 2,194 articles, nothing lost, titles right at least as often as measured")
    func month() throws {
        let month = try Self.extract()
        let days = try FileManager.default.contentsOfDirectory(atPath: month).sorted()
        #expect(days.count == 31)
        let importer = Importer()
        var articles = 0
        var right = 0
        var lost: [String] = []
        var wrong: [String] = []
        for day in days {
            let folder = month + "/" + day
            let result = try importer.importPaths([folder])
            #expect(result.issue.date.description == "\(day.prefix(4))-\(day.dropFirst(4).prefix(2))-\(day.suffix(2))")
            let pages = result.issue.sections.map(\.page)
            #expect(pages == pages.sorted(), "\(day): pages in page order")
            let got = result.issue.sections.flatMap(\.articles)
            // The folder's files in the order of the issue: page, then place.
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted {
                let a = $0.dropLast(4).split(separator: "-").map { Int($0)! }, b = $1.dropLast(4).split(separator: "-").map { Int($0)! }
                return a.lexicographicallyPrecedes(b)
            }
            #expect(got.count == files.count, "\(day): a file an article")
            articles += got.count
            for (file, article) in zip(files, got) {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
                let text = try importer.pageText(bytes)
                if Lossless.nonBlank(article.textInReadingOrder.joined()) != Lossless.nonBlank(text) { lost.append(file) }
                let headline = Self.headlineLines(String(decoding: bytes, as: UTF8.self))
                if Self.titleIsRight(article.title, headline: headline) { right += 1 } else {
                    wrong.append("\(file): \(headline.joined(separator: " / ")) → title “\(article.title)”")
                }
            }
        }
        #expect(articles == Self.articles)
        #expect(lost.isEmpty, "characters lost in \(lost.prefix(10))")
        let share = Double(right) * 100 / Double(max(articles, 1))
        print("one-article files of rmrb-2020-01: \(articles) articles, titles right \(right) (\(String(format: "%.1f", share))%)")
        for w in wrong.prefix(20) { print("  title not right: \(w)") }
        #expect(share >= Self.titlesRightFloor, "titles right: \(String(format: "%.1f", share))%")
    }
}
