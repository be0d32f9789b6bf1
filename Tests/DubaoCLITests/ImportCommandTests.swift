import DubaoLayout
import Foundation
import Testing

@Suite("dubao import and the reading commands, run as a user would")
struct ImportCommandTests {
    @Test("import --dry-run --json prints the brief's shape and stores nothing")
    func dryRunJSON() throws {
        let lib = DubaoProcess.temporaryFolder()
        let out = try DubaoProcess.run(["import", DubaoProcess.sampleData + "/01-要闻.txt", "--dry-run", "--json"], library: lib)
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections.first?["name"] as? String == "要闻")
        let articles = try #require(sections.first?["articles"] as? [[String: Any]])
        #expect(articles.count == 3)
        for a in articles {
            for key in ["id", "kicker", "title", "subtitle", "dateline"] { #expect(a[key] is String, "\(key) is a string") }
            #expect(a["reporters"] is [String])
            #expect(a["paragraphs"] is [String])
        }
        #expect(json["warnings"] is [String])
        #expect(DubaoProcess.snapshot(lib).isEmpty, "a dry run writes nothing")
    }

    @Test("import, then issues, list and show read it back; re-importing adds nothing")
    func roundTrip() throws {
        let lib = DubaoProcess.temporaryFolder()
        let first = try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("江城晨报 2026-11-27"))
        let before = DubaoProcess.snapshot(lib).filter { $0.key != "library.json" }
        let again = try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib)
        #expect(again.status == 0)
        #expect(again.stdout.contains("unchanged"))
        #expect(DubaoProcess.snapshot(lib).filter { $0.key != "library.json" } == before, "re-import is idempotent")

        let issues = try DubaoProcess.run(["issues", "--json"], library: lib)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(issues.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["articles"] as? Int == 12)

        let list = try DubaoProcess.run(["list", "--json"], library: lib)
        let articles = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(articles.count == 12)
        for a in articles {
            for key in ["id", "title", "section", "date"] { #expect(a[key] is String, "\(key)") }
        }
        let id = try #require(articles.first?["id"] as? String)
        let show = try DubaoProcess.run(["show", id, "--width", "40"], library: lib)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("江城港"))
        #expect(!show.stderr.contains("sample"), "a filled library is not the sample")
    }

    @Test("an empty library shows the sample paper and says so")
    func sampleWhenEmpty() throws {
        let lib = DubaoProcess.temporaryFolder()
        let out = try DubaoProcess.run(["list"], library: lib)
        #expect(out.status == 0)
        #expect(out.stdout.contains("江城晨报"))
        #expect(out.stderr.contains("sample paper"))
        #expect(DubaoProcess.snapshot(lib).isEmpty, "reading never creates files")
    }

    @Test("the seed page imports as 7 articles plus the bodiless headline",
          .enabled(if: DubaoProcess.seedAvailable, "skipped: ../shared/seeds is absent beside the checkout"))
    func seed() throws {
        let lib = DubaoProcess.temporaryFolder()
        let out = try DubaoProcess.run(["import", DubaoProcess.seed, "--dry-run", "--json"], library: lib)
        #expect(out.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let sections = try #require(json["sections"] as? [[String: Any]])
        let titles = sections.flatMap { ($0["articles"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String } }
        #expect(titles.count == 8)
        #expect(titles.first == "推动长春新区高效率高质量发展")
        #expect(titles.last == "推动乡村振兴 建设幸福家园")
    }

    @Test("show sets Chinese text within the width, two cells a character")
    func showWidth() throws {
        let lib = DubaoProcess.temporaryFolder()
        _ = try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib)
        let list = try DubaoProcess.run(["list", "--json"], library: lib)
        let articles = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        for case let id as String in articles.map({ $0["id"] }) {
            let show = try DubaoProcess.run(["show", id, "--width", "30"], library: lib)
            #expect(show.status == 0)
            for line in show.stdout.split(separator: "\n") {
                let cells = DisplayWidth.of(String(line))
                #expect(cells <= 30, "“\(line)” is \(cells) cells wide")
            }
        }
    }

    @Test("show keeps a number with its unit: 12.6万吨 and 4月 are never cut at a line's end")
    func showKeepsQuantitiesWhole() throws {
        let lib = DubaoProcess.temporaryFolder()
        _ = try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib)
        let list = try DubaoProcess.run(["list", "--json"], library: lib)
        let articles = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        var text = ""
        for width in ["50", "44", "36"] {
            for case let id as String in articles.map({ $0["id"] }) {
                let show = try DubaoProcess.run(["show", id, "--width", width], library: lib)
                #expect(show.status == 0)
                text += show.stdout
                let lines = show.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                for (above, below) in zip(lines, lines.dropFirst()) {
                    let cut = (above.last?.isNumber ?? false) && (below.first.map { "年月日万亿吨元个毫".contains($0) } ?? false)
                    #expect(!cut, "width \(width): “\(above)” / “\(below)”")
                }
            }
        }
        #expect(text.contains("\n12.6万吨，比去年"), "at 50 columns the quantity goes down whole")
    }
}
