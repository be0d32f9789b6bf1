import DubaoTestSupport
import Foundation
import Testing

/// Search in the real reader, in tmux: a Chinese query typed at the keyboard, the results
/// entry, the highlighted match (seen in the colours `capture-pane -e` reports) and `n`.
@Suite("Reader search end to end in tmux", .enabled(if: ReaderSession.available, "skipped: tmux is not installed (apt-get install tmux)"),
       .serialized)
struct ReaderSearchEndToEndTests {
    /// The screen with its colours and attributes as escape sequences.
    func captureWithAttributes(_ t: TmuxSession) throws -> [String] {
        try t.run(["capture-pane", "-p", "-e", "-t", t.name]).components(separatedBy: "\n")
    }

    @Test("/ 调解 Enter: the results entry, the match highlighted in the list and the article; n; q leaves")
    func searchTheSample() throws {
        let t = try ReaderSession.start(width: 120, height: 40, library: DubaoProcess.temporaryFolder())
        try t.waitFor("江城港前十月")
        try t.sendKeys("/")
        try t.waitFor("search all:")
        try t.type("调解")
        try t.waitFor("search all: 调解 ")
        // Backspace takes the whole wide character; typing it again puts it back.
        try t.sendKeys("BSpace")
        try t.waitFor("search all: 调 ")
        try t.type("解")
        try t.sendKeys("Enter")
        var screen = try t.waitFor("search: 调解")
        #expect(screen.contains { $0.hasPrefix("/调解 (1)") }, "the entry with its count (the label gives way to / in a narrow pane)")
        // At 120 columns the article pane is narrow: the snippet has a line of its own under the date.
        let dated = try #require(screen.firstIndex { $0.contains("11-27") }, "a result row with its date")
        #expect(screen[dated + 1].contains("调解"), "and its snippet under it")
        screen = try t.waitFor("match 1/")
        #expect(screen[39].contains("search: 调解"))

        // The article's title shows 调解 in the match colours: an attribute change just before
        // it and another just after, inside an otherwise plain run of text.
        let coloured = try captureWithAttributes(t)
        let body = coloured.dropFirst()  // below the pane titles
        let title = try #require(body.first { $0.contains("临湖区法院把") && $0.contains("室搬进居民小区") },
                                 "the title row: \(coloured.joined(separator: "\n"))")
        #expect(title.contains("m调解\u{1b}["), "调解 is drawn in its own attributes: \(title.debugDescription)")
        let dateRow = try #require(body.firstIndex { $0.contains(" 11-27 ") })
        let list = body[dateRow + 1]
        #expect(list.contains("m调解\u{1b}["), "the snippet's match too: \(list.debugDescription)")

        try t.sendKeys("n")
        try t.waitFor("match 2/")
        try t.sendKeys("N", "N")
        screen = try t.waitFor("wrapped round to the last")

        try t.sendKeys("q")
        screen = try t.waitForAbsence("search: 调解")
        #expect(screen[39].contains("01 要闻"), "back to the section the search started from")
    }

    @Test("a search with more hits than the first hundred says how many there are before they are all listed")
    func countedResults() throws {
        // Two pages of 75 short articles each, every one mentioning the ferry.
        let lib = DubaoProcess.temporaryFolder()
        let folder = DubaoProcess.temporaryFolder() + "/20261127"
        var files: [String: String] = [:]
        for page in 1...2 {
            for n in 1...75 {
                let number = String(format: "%02d", n)
                files["20261127-0\(page)-\(number).txt"] = "\r\n渡口新闻第\(page)版第\(number)篇\r\n\u{3000}\u{3000}本报讯 南岸渡口今天第\(n)次加开夜班渡船。\r\n"
            }
        }
        try ArticleFolderCommandTests.write(files, into: folder)
        _ = try DubaoProcess.run(["import", folder], library: lib)
        let t = try ReaderSession.start(width: 120, height: 40, library: lib)
        try t.waitFor("渡口新闻")
        try t.sendKeys("/")
        try t.waitFor("search all:")
        try t.type("渡船")
        try t.sendKeys("Enter")
        // The sections pane is narrow: its label gives way to `/` (`/渡船 (150)`).
        let screen = try t.waitFor("/渡船 (150)")
        #expect(!screen.contains { $0.contains("(100+)") })
        #expect(screen.contains { $0.contains("1/150") }, "the position counts them all: \(screen.joined(separator: "\n"))")
        // G lists the rest and goes to the last.
        try t.sendKeys("G")
        try t.waitFor("150/150")
    }

    @Test("the query line is edited at the terminal's cursor: typed, Left, a character put in, searched")
    func editTheQuery() throws {
        let t = try ReaderSession.start(width: 100, height: 30, library: DubaoProcess.temporaryFolder())
        try t.waitFor("江城港前十月")
        try t.sendKeys("/")
        try t.waitFor("search all:")
        try t.type("调室")
        var screen = try t.waitFor("search all: 调室 ")
        let prompt = try #require(screen[29].range(of: "search all: "))
        let start = displayWidth(String(screen[29][..<prompt.upperBound]))
        #expect(try t.format("#{cursor_flag} #{cursor_x} #{cursor_y}") == "1 \(start + 4) 29",
                "the terminal's cursor shows, after 调室")
        try t.sendKeys("Left")
        #expect(try waitForCursor(t, x: start + 2), "Left: between 调 and 室, on a cell boundary")
        try t.type("解")
        screen = try t.waitFor("search all: 调解室 ")
        #expect(try waitForCursor(t, x: start + 4), "after the character put in")
        try t.sendKeys("Enter")
        screen = try t.waitFor("search: 调解室")
        #expect(try t.format("#{cursor_flag}") == "0", "the cursor hidden again once the line is closed")
    }

    /// Whether the terminal's cursor comes to column `x` within a few seconds.
    func waitForCursor(_ t: TmuxSession, x: Int) throws -> Bool {
        for _ in 0..<100 {
            if try t.format("#{cursor_x}") == "\(x)" { return true }
            usleep(50_000)
        }
        return false
    }

    @Test("/ in the reader finds in the open article")
    func findInTheReader() throws {
        let t = try ReaderSession.start(width: 80, height: 24, library: DubaoProcess.temporaryFolder())
        try t.waitFor("江城港前十月")
        try t.sendKeys("Enter")
        try t.waitFor("Space page")
        try t.sendKeys("/")
        try t.waitFor("find in article:")
        try t.type("吞吐量")
        try t.sendKeys("Enter")
        try t.waitFor("match 1/")
        try t.sendKeys("n")
        try t.waitFor("match 2/")
        let coloured = try captureWithAttributes(t)
        #expect(coloured.contains { $0.contains("m吞吐量\u{1b}[") }, "the match is highlighted")
    }
}
