import DubaoTestSupport
import Foundation
import Testing

/// The theme for the terminal's background, in the real reader: tmux answers OSC 11 with the
/// pane's background, and the status line's background colour (`capture-pane -e`) tells the
/// `paper` theme (colour 187) from `dark` (236).
@Suite("Light terminals end to end in tmux", .enabled(if: ReaderSession.available, "skipped: tmux is not installed (apt-get install tmux)"),
       .serialized)
struct LightTerminalEndToEndTests {
    /// `environment` with colours on: the test runner may set NO_COLOR, which an empty value undoes.
    func colours(_ environment: [String: String]) -> [String: String] {
        environment.merging(["NO_COLOR": ""]) { $1 }
    }

    /// The status line's background colour number, once the reader is up.
    func statusBackground(_ t: TmuxSession, height: Int) throws -> String? {
        try t.waitFor("江城港前十月")
        let rows = try t.run(["capture-pane", "-p", "-e", "-t", t.name]).components(separatedBy: "\n")
        guard rows.count >= height, let range = rows[height - 1].range(of: #"48;5;\d+"#, options: .regularExpression) else { return nil }
        return String(rows[height - 1][range].dropFirst(5))
    }

    @Test("a white pane and no COLORFGBG: the terminal is asked, and paper is chosen")
    func whitePaneGetsPaper() throws {
        let t = try ReaderSession.start(width: 100, height: 30, library: DubaoProcess.temporaryFolder(),
                                        environment: colours(["COLORFGBG": ""]), paneBackground: "#ffffff")
        #expect(try statusBackground(t, height: 30) == "187")
    }

    @Test("a black pane: dark")
    func blackPaneGetsDark() throws {
        let t = try ReaderSession.start(width: 100, height: 30, library: DubaoProcess.temporaryFolder(),
                                        environment: colours(["COLORFGBG": ""]), paneBackground: "#000000")
        #expect(try statusBackground(t, height: 30) == "236")
    }

    @Test("COLORFGBG 0;15 is a light terminal without asking; a config's theme and --theme win over the background")
    func colorFGBGAndConfig() throws {
        var t = try ReaderSession.start(width: 100, height: 30, library: DubaoProcess.temporaryFolder(),
                                        environment: colours(["COLORFGBG": "0;15"]))
        #expect(try statusBackground(t, height: 30) == "187")

        let library = DubaoProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: library + "-config/dubao", withIntermediateDirectories: true)
        try "theme = \"dark\"\n".write(toFile: library + "-config/dubao/config.toml", atomically: true, encoding: .utf8)
        t = try ReaderSession.start(width: 100, height: 30, library: library, environment: colours(["COLORFGBG": ""]),
                                    paneBackground: "#ffffff")
        #expect(try statusBackground(t, height: 30) == "236", "the config names dark: dark, on white")

        t = try ReaderSession.start(width: 100, height: 30, library: DubaoProcess.temporaryFolder(),
                                    arguments: ["--theme", "dark"], environment: colours(["COLORFGBG": "0;15"]))
        #expect(try statusBackground(t, height: 30) == "236", "--theme dark: dark, on a light terminal")
    }

    @Test("a terminal's answer arriving late, as keys, runs nothing: no help from its ?, no bookmark from its b")
    func lateAnswersAreDropped() throws {
        let t = try ReaderSession.start(width: 100, height: 30, library: DubaoProcess.temporaryFolder())
        try t.waitFor("江城港前十月")
        try t.type("\u{1B}]11;rgb:bebe/bebe/bebe\u{07}")
        try t.type("\u{1B}[?1;2c")
        try t.type("\u{1B}]11;rgb:0/0/0\u{1B}\\")
        // A key after them is read as usual.
        try t.sendKeys("j")
        let screen = try t.waitFor("2/3")
        #expect(!screen.joined().contains("★"), "no bookmark: \(screen.joined(separator: "\n"))")
        #expect(!screen.joined().contains("unread: read once opened"), "no help screen")
    }
}
