import Foundation
import Testing

/// `dubao remove`: an issue imported under the wrong name goes, and nothing of the user's with it.
@Suite("dubao remove")
struct RemoveCommandTests {
    @Test("an issue imported twice under two names: the wrong one goes, bookmarks and the other stay")
    func removeOneOfTwo() throws {
        let lib = DubaoProcess.temporaryFolder()
        for paper in ["江城晨报", "晨报"] {
            let out = try DubaoProcess.run(["import", DubaoProcess.sampleData, "--paper", paper], library: lib)
            #expect(out.status == 0, "\(out.stderr)")
        }
        let list = try DubaoProcess.run(["list", "--json", "--paper", "晨报"], library: lib)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let id = try #require(rows.first?["id"] as? String)
        #expect(try DubaoProcess.run(["bookmark", id], library: lib).status == 0)
        let before = DubaoProcess.snapshot(lib)
        #expect(before.keys.contains("bookmarks.json"), "\(before.keys.sorted())")

        // Two papers that day: which one is asked for, and nothing is touched.
        let which = try DubaoProcess.run(["remove", "--date", "2026-11-27"], library: lib)
        #expect(which.status == 1)
        #expect(which.stderr == "dubao: 2026-11-27 has 2 issues (晨报, 江城晨报): --paper names the one to remove\n", "\(which.stderr)")
        // No day named: the newest issue is not taken for it.
        let none = try DubaoProcess.run(["remove", "--paper", "晨报"], library: lib)
        #expect(none.status == 64 && none.stderr.hasPrefix("dubao: --date <yyyy-mm-dd> is missing"), "\(none.stderr)")
        let dry = try DubaoProcess.run(["remove", "--date", "2026-11-27", "--paper", "晨报", "--dry-run"], library: lib)
        #expect(dry.status == 0 && dry.stdout.hasPrefix("would remove (dry run, nothing changed): 晨报 2026-11-27"), "\(dry.stdout)")
        #expect(DubaoProcess.snapshot(lib) == before, "refusals and a dry run change no file")

        let out = try DubaoProcess.run(["remove", "--date", "20261127", "--paper", "晨报"], library: lib)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "removed: 晨报 2026-11-27 — 4 sections, 12 articles; bookmarks and reading marks kept\n", "\(out.stdout)")
        let issues = try DubaoProcess.run(["issues"], library: lib)
        #expect(issues.stdout.hasPrefix("2026-11-27  江城晨报") && !issues.stdout.contains("  晨报"), "\(issues.stdout)")
        #expect(DubaoProcess.snapshot(lib).filter { $0.key.hasPrefix("bookmarks") } == before.filter { $0.key.hasPrefix("bookmarks") },
                "the bookmark of an article of the removed issue is kept")
        let again = try DubaoProcess.run(["remove", "--date", "2026-11-27", "--paper", "晨报"], library: lib)
        #expect(again.status == 1 && again.stderr.hasPrefix("dubao: no issue dated 2026-11-27 of 晨报"), "\(again.stderr)")
    }
}
