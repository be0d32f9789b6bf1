import DubaoTestSupport
import Foundation
import Testing

/// Bookmarks and reading memory in the real reader, across restarts and a kill -9.
@Suite("Bookmarks and reading memory end to end in tmux",
       .enabled(if: ReaderSession.available, "skipped: tmux is not installed (apt-get install tmux)"))
struct BookmarksEndToEndTests {
    func library() throws -> String {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        return lib
    }

    func bookmarkIDs(_ lib: String) throws -> [String] {
        let out = try DubaoProcess.run(["bookmarks", "--json"], library: lib)
        let rows = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
        return rows.compactMap { $0["id"] as? String }
    }

    @Test("b, quit, start again: the ★, the bookmarks entry and `dubao bookmarks --json` all show it")
    func bookmarkSurvivesRestart() throws {
        let lib = try library()
        do {
            let t = try ReaderSession.start(width: 120, height: 40, library: lib)
            try t.waitFor("江城港前十月")
            try t.sendKeys("]", "j", "b")
            try t.waitFor("★ bookmarked")
            try t.sendKeys("Q")
            try t.waitFor("EXITED 0")
        }
        #expect(try bookmarkIDs(lib).count == 1)
        let t = try ReaderSession.start(width: 140, height: 40, library: lib)
        var screen = try t.waitFor("江城出台措施支持中小企业数字化转型")
        #expect(screen.contains { $0.contains("★ Bookmarks") && $0.contains("1") })
        #expect(screen.contains { $0.contains("★ 江城出台措施") || ($0.contains("★") && $0.contains("江城出台措施")) },
                "the list marks the bookmarked article")
        try t.sendKeys("h", "g")
        screen = try t.waitFor("11-27  经济")
        let row = try #require(screen.firstIndex { $0.contains("•★江城出台措施") }, "unread and bookmarked both show")
        #expect(screen[(row + 1)...(row + 2)].contains { $0.contains("11-27  经济") }, "with date and section under the headline")
        #expect(screen[39].contains("Bookmarks"))
    }

    @Test("kill -9 right after b keeps the bookmark")
    func killAfterBookmark() throws {
        let lib = try library()
        let t = try ReaderSession.start(width: 120, height: 40, library: lib)
        try t.waitFor("江城港前十月")
        try t.sendKeys("j", "b")
        try t.waitFor("★ bookmarked")
        let pid = try #require(try ReaderSession.pid(in: t))
        kill(pid, SIGKILL)
        try t.waitFor("EXITED")
        #expect(try bookmarkIDs(lib).count == 1)
    }

    @Test("dubao comes back to the last article, scrolled where it was left: after q, and after SIGTERM",
          arguments: ["q", "SIGTERM"])
    func readingMemory(_ leaving: String) throws {
        let lib = try library()
        do {
            let t = try ReaderSession.start(width: 80, height: 12, library: lib)
            try t.waitFor("江城港前十月")
            try t.sendKeys("]", "j", "Enter")
            try t.waitFor("本报讯（记者 孟远航）")
            for _ in 0..<8 { try t.sendKeys("j") }
            try t.waitForAbsence("本报讯（记者 孟远航）")
            if leaving == "q" {
                try t.sendKeys("q", "q", "q")
                try t.waitFor("EXITED 0")
            } else {
                kill(try #require(try ReaderSession.pid(in: t)), SIGTERM)
                try t.waitFor("EXITED 143")
            }
        }
        let t = try ReaderSession.start(width: 80, height: 12, library: lib)
        // Back in the same section, on the same article, in the pane left focused: the sections
        // after q q q (one pane at a time at 12 rows), the reader after SIGTERM. Opening the
        // article lands on the saved place.
        if leaving == "q" {
            try t.waitFor("02 经济")
            try t.sendKeys("Enter")
            try t.waitFor("江城出台措施支持中小企业数字化转型")
            try t.sendKeys("Enter")
        }
        let screen = try t.waitFor("%")
        #expect(!screen.contains { $0.contains("本报讯（记者 孟远航）") }, "scrolled past the lead, as it was left")
        #expect(screen[11].contains("02 经济") && screen[11].contains("2/3"))
    }

    @Test("a bookmark whose article a re-import removed: listed as missing with its title, and q still quits")
    func missingBookmarkStaysResponsive() throws {
        let lib = try library()
        // What a re-import without the article leaves: a bookmark of that issue's date whose ID
        // no section holds any more.
        let bookmarks = #"{"bookmarks":[{"added":"2026-11-28T08:00:00.000Z","date":"2026-11-27","id":"20261127-0000000000","#
            + #""paper":"江城晨报","section":"要闻","title":"已被删去的旧文章"}],"format":"dubao-bookmarks","schema":1}"#
        try bookmarks.write(toFile: lib + "/bookmarks.json", atomically: true, encoding: .utf8)
        #expect(try DubaoProcess.run(["bookmarks"], library: lib).stdout.contains("已被删去的旧文章"))
        let t = try ReaderSession.start(width: 120, height: 40, library: lib)
        try t.waitFor("江城港前十月")
        try t.sendKeys("h", "g")
        let screen = try t.waitFor("is no longer in the library")
        #expect(screen.contains { $0.contains("已被删去的旧文章") })
        try t.sendKeys("j", "q")
        try t.waitFor("EXITED 0")
    }
}
