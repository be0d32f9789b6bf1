import DubaoLayout
import DubaoTestSupport
import Foundation
import Testing

/// The reader in a real terminal (tmux): the proof that dubao works for a person at a keyboard.
@Suite("Reader end to end in tmux", .enabled(if: ReaderSession.available, "skipped: tmux is not installed (apt-get install tmux)"),
       .serialized)
struct ReaderEndToEndTests {
    /// The rules between panes stand in the same columns on every pane row.
    func expectAlignedRules(_ screen: [String], rows: Range<Int>, expected: [Int],
                            sourceLocation: SourceLocation = #_sourceLocation) {
        for y in rows where y < screen.count {
            let found = columns(of: "│", in: screen[y])
            #expect(found == expected, "row \(y): rules at \(found), expected \(expected): “\(screen[y])”",
                    sourceLocation: sourceLocation)
        }
    }

    @Test("opens on the sample paper in three panes at 120x40, with Chinese text in place")
    func opensThreePanes() throws {
        let t = try ReaderSession.start(width: 120, height: 40, library: DubaoProcess.temporaryFolder())
        let screen = try t.waitFor("江城港前十月货物吞吐量同比增长9.2%")
        #expect(screen[0].contains("江城晨报 11-27"), "the sections pane gives way to the reader's measure")
        #expect(screen[39].contains("江城晨报 2026-11-27"))
        #expect(screen.contains { $0.contains("01 要闻") })
        #expect(screen.contains { $0.contains("本报讯（记者林晓 周南）") })
        #expect(screen[39].contains("(sample)"))
        let rules = columns(of: "│", in: screen[5])
        #expect(rules.count == 2)
        expectAlignedRules(screen, rows: 0..<39, expected: rules)
        for row in screen { #expect(DisplayWidth.of(row) <= 120, "row wider than the terminal: \(row)") }
    }

    @Test("keys move through sections and articles; Enter opens; the status line follows")
    func navigation() throws {
        let t = try ReaderSession.start(width: 120, height: 40, library: DubaoProcess.temporaryFolder())
        try t.waitFor("江城港前十月")
        try t.sendKeys("]")
        try t.waitFor("一片叶子连起线上线下")
        try t.sendKeys("j")
        var screen = try t.waitFor("本报讯（记者 孟远航）")
        #expect(screen[39].contains("02 经济") && screen[39].contains("2/3"))
        try t.sendKeys("Enter")
        // The whole article shows: its end is marked, and a page on goes to the next unread one.
        screen = try t.waitFor("Space next unread")
        #expect(screen.contains { $0.contains("— 完 —") })
        try t.sendKeys("J")
        try t.waitFor("冬储菜上市量足价稳")
        try t.sendKeys("J")
        screen = try t.waitFor("03 城事 │ 1/4")
        try t.sendKeys("K", "K", "K")
        try t.waitFor("02 经济 │ 1/3")
        // A count repeats: in the reader 5J is five articles on, across the section's end.
        try t.sendKeys("5", "J")
        try t.waitFor("03 城事 │ 3/4")
        try t.sendKeys("h", "2", "k")
        try t.waitFor("03 城事 │ 1/4")
    }

    @Test("resizing re-lays out at once and keeps the selection")
    func resize() throws {
        let t = try ReaderSession.start(width: 120, height: 40, library: DubaoProcess.temporaryFolder())
        try t.waitFor("江城港前十月")
        try t.sendKeys("]", "j")
        try t.waitFor("本报讯（记者 孟远航）")
        try t.resize(width: 80, height: 24)
        // The sections pane folds away: the article list above the reader, the selection kept,
        // and the reader, the whole width, sets 40 Chinese characters a line.
        func widest(_ rows: [String]) -> Int {
            rows.dropFirst().dropLast().map { DisplayWidth.of($0.trimmingCharacters(in: .whitespaces)) }.max() ?? 0
        }
        let relaid = try t.waitForSettled(seconds: 10) { rows in
            rows.count == 24 && !rows.contains { $0.contains("01 要闻            3") }
                && rows.contains { $0.contains("江城出台措施支持中小企业数字化转型") } && rows[23].contains("2/3")
                && rows.contains { $0.contains("本报讯（记者 孟远航）") } && widest(rows) >= 78
        }
        let after = try t.capture().joined(separator: "\n")
        #expect(relaid != nil, "after the resize, the list and the reader: \(after)")
        try t.sendKeys("Enter")
        let reading = try t.waitForSettled(seconds: 10) { rows in
            rows.contains { $0.contains("本报讯（记者 孟远航）") } && rows.contains { $0.hasPrefix("▶") }
        }
        let seen = try t.capture().joined(separator: "\n")
        #expect(reading != nil, "the reader has the focus: \(seen)")
        try t.resize(width: 120, height: 40)
        // Waits for the whole redraw: three panes on every row, not just the first changed one.
        let wide = try t.waitForSettled(seconds: 10) { rows in
            rows.count >= 40 && (0..<39).allSatisfy { columns(of: "│", in: rows[$0]).count == 2 }
        }
        let screen = try #require(wide, "three panes again after the resize")
        expectAlignedRules(screen, rows: 0..<39, expected: columns(of: "│", in: screen[3]))
        try t.resize(width: 15, height: 5)
        try t.waitFor("terminal too")
        try t.resize(width: 120, height: 40)
        try t.waitFor("江城出台措施支持中小企业数字化转型")
    }

    @Test("a window big enough for the whole article, then small again: the reading place comes back to its paragraph")
    func resizeKeepsThePlace() throws {
        let t = try ReaderSession.start(width: 80, height: 24, library: DubaoProcess.temporaryFolder())
        try t.waitFor("江城港前十月")
        try t.sendKeys("Enter")
        // One line down: the sample's first article is only a line or two longer than the pane.
        try t.sendKeys("j")
        // Stacked at 80x24: the list's seven rows, then the reader's title row, then its text.
        let before = try #require(try t.waitForSettled(seconds: 10) { rows in !rows[8].trimmingCharacters(in: .whitespaces).isEmpty
            && !rows[8].contains("稳中有进") })
        let top = before[8]
        try t.resize(width: 200, height: 60)
        try t.waitFor("— 完 —")
        try t.resize(width: 80, height: 24)
        let after = try t.waitForSettled(seconds: 10) { rows in rows.count == 24 && rows[8] == top }
        let seen = try t.capture().joined(separator: "\n")
        #expect(after != nil, "the line at the top was \(top); after the resizes: \(seen)")
    }

    @Test("? shows the help from the keymap; q closes it; z zooms")
    func helpAndZoom() throws {
        let t = try ReaderSession.start(width: 120, height: 40, library: DubaoProcess.temporaryFolder())
        try t.waitFor("江城港前十月")
        try t.sendKeys("?")
        try t.waitFor("next article, into the next section")
        try t.sendKeys("q")
        try t.waitForAbsence("next article, into the next section")
        try t.sendKeys("z")
        let screen = try t.waitFor("unzoom")
        #expect(columns(of: "│", in: screen[5]).isEmpty, "zoomed reader has the whole screen")
    }

    @Test("q from the sections pane quits and gives the terminal back")
    func quitWithQ() throws {
        let t = try ReaderSession.start(width: 100, height: 30, library: DubaoProcess.temporaryFolder())
        try t.waitFor("江城港前十月")
        try t.sendKeys("q", "q")
        let screen = try t.waitFor("EXITED 0")
        #expect(!screen.contains { $0.contains("江城港前十月") }, "the alternate screen is gone")
    }

    @Test("Ctrl-C, SIGTERM and SIGHUP give the terminal back", arguments: ["C-c", "TERM", "HUP"])
    func signals(_ how: String) throws {
        let t = try ReaderSession.start(width: 100, height: 30, library: DubaoProcess.temporaryFolder())
        try t.waitFor("江城港前十月")
        if how == "C-c" {
            try t.sendKeys("C-c")
        } else {
            let pid = try #require(try ReaderSession.pid(in: t))
            kill(pid, how == "TERM" ? SIGTERM : SIGHUP)
        }
        let screen = try t.waitFor("EXITED")
        #expect(!screen.contains { $0.contains("江城港前十月") })
        // The shell got its terminal back in cooked mode: typed text echoes.
        try t.type("echo back-to-normal")
        try t.sendKeys("Enter")
    }

    @Test("an imported library opens on its newest issue; < > and d move between issues")
    func issues() throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        #expect(try DubaoProcess.run(["import", DubaoProcess.fixtures + "/kicker-title.txt", "--date", "2026-11-20",
                                      "--paper", "江城晨报"], library: lib).status == 0)
        let t = try ReaderSession.start(width: 120, height: 40, library: lib)
        var screen = try t.waitFor("江城港前十月")
        #expect(!screen[39].contains("sample"))
        try t.sendKeys("<")
        screen = try t.waitFor("2026-11-20")
        try t.sendKeys(">")
        try t.waitFor("江城港前十月")
        try t.sendKeys("d")
        try t.waitFor("issues — Enter opens")
        try t.sendKeys("j", "Enter")
        try t.waitFor("江城晨报 2026-11-20")
    }

    @Test("no tty, TERM unset or unknown: one clear line, exit 1")
    func badTerminals() throws {
        let lib = DubaoProcess.temporaryFolder()
        let piped = try DubaoProcess.run([], library: lib)
        #expect(piped.status == 1)
        #expect(piped.stderr.contains("not a terminal"), "\(piped.stderr)")
        let t = try ReaderSession.start(width: 80, height: 24, library: lib, environment: ["TERM": "no-such-terminal-xyz"])
        let screen = try t.waitFor("EXITED 1")
        #expect(screen.contains { $0.contains("unknown terminal type") })
    }
}
