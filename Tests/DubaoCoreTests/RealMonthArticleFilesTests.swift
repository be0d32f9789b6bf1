import DubaoImport
import DubaoStore
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
    /// The least share of titles right by the scorer's rule (`RealPagesScore.titleOK`), in percent: what was measured, rounded
    /// down. Raise it as the headline rules improve.
    static let titlesRightFloor = 99.0

    @Test("every day imports as one issue: exactly 2,194 articles, nothing lost, titles right at least as often as measured")
    func month() throws {
        let month = try RealPages.folder.get()
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
                let headline = RealPages.read(bytes, source: file).headline
                if RealPagesScore.titleOK(article.title, headline) { right += 1 } else {
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
