import DubaoTestSupport
import Foundation
import Testing

/// The real reader sees `dubao import` run from another process: the new issue shows without a
/// key, and the reader stays where it was.
@Suite("A live library end to end in tmux", .enabled(if: ReaderSession.available, "skipped: tmux is not installed (apt-get install tmux)"),
       .serialized)
struct LiveLibraryEndToEndTests {
    func importSample(date: String, into library: String) throws {
        let out = try DubaoProcess.run(["import", "--date", date, DubaoProcess.sampleData], library: library)
        #expect(out.status == 0, "import: \(out.stderr)")
    }

    @Test("an issue imported from another process shows within seconds, no key pressed; the article read stays open")
    func newIssueShows() throws {
        let library = DubaoProcess.temporaryFolder()
        try importSample(date: "2026-11-27", into: library)
        let t = try ReaderSession.start(width: 120, height: 40, library: library)
        try t.waitFor("江城港前十月")
        try t.sendKeys("]", "j", "Enter")
        let reading = try t.waitFor("本报讯（记者 孟远航）")
        #expect(reading[39].contains("02 经济") && reading[39].contains("2/3"))
        try t.sendKeys("R")
        try t.waitFor("no new issues in the library")
        try t.sendKeys(">")
        try t.waitFor("this is the newest issue in the library")

        try importSample(date: "2026-11-28", into: library)
        // No key from here on: the reader looks by itself. Five seconds leave room for a busy
        // machine; the reader promises two.
        let screen = try t.waitFor("new issue 江城晨报 2026-11-28: > opens it", seconds: 5)
        #expect(screen.contains { $0.contains("本报讯（记者 孟远航）") }, "the article read is still open")
        #expect(screen.contains { $0.contains("▶") && $0.contains("江城出台措施支持中小企业数字化转型") },
                "the reader keeps the focus")

        try t.sendKeys(">")
        let newer = try t.waitFor("2026-11-28 │")
        #expect(newer[39].contains("01 要闻"), "> opens the new issue: \(newer[39])")
        try t.sendKeys("<")
        let back = try t.waitFor("2026-11-27 │")
        #expect(back[39].contains("01 要闻") || back[39].contains("02 经济"), "and < the one read before: \(back[39])")
    }

    @Test("the issue open in the reader removed from another process: the one in its place opens, no key pressed")
    func openIssueRemoved() throws {
        let library = DubaoProcess.temporaryFolder()
        try importSample(date: "2026-11-27", into: library)
        try importSample(date: "2026-11-28", into: library)
        let t = try ReaderSession.start(width: 120, height: 40, library: library)
        let newest = try t.waitFor("2026-11-28 │")
        #expect(newest[39].contains("01 要闻"), "\(newest[39])")
        let out = try DubaoProcess.run(["remove", "--date", "2026-11-28"], library: library)
        #expect(out.status == 0, "remove: \(out.stderr)")
        let after = try t.waitFor("2026-11-27 │", seconds: 5)
        #expect(after.contains { $0.contains("江城港前十月") }, "the other issue's articles show")
        // And it reads on in the issue now open.
        try t.sendKeys("j", "Enter")
        try t.waitFor("本报临川11月26日讯")
    }

    @Test("the sample paper gives way to the first issue imported into the empty library")
    func sampleGivesWay() throws {
        let library = DubaoProcess.temporaryFolder()
        let t = try ReaderSession.start(width: 120, height: 40, library: library)
        let sample = try t.waitFor("江城港前十月")
        #expect(sample[39].contains("(sample)"))
        try importSample(date: "2026-11-28", into: library)
        try t.waitFor("江城晨报 2026-11-28 imported: it replaces the sample paper", seconds: 5)
        try t.sendKeys("j")
        let real = try t.waitFor("2026-11-28 │")
        #expect(!real[39].contains("(sample)"), "\(real[39])")
    }
}
