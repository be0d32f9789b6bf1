import DubaoImport
import DubaoLayout
import DubaoModel
@testable import DubaoRuntime
import DubaoTerminal
import DubaoTestSupport
@testable import DubaoUI
import Foundation
import Testing

/// `y` copies the open article to the clipboard (OSC 52), `s` saves it as Markdown, `|` shows it
/// in the pager: the text each is given, what reaches the terminal or the disk, and the status line.
@Suite("Copy, save and the pager")
struct ExportCommandTests {
    static func start(terminal: RecordingTerminal? = RecordingTerminal(), environment: [String: String] = [:],
                      saveFolder: String? = nil, normalizesPunctuation: Bool = true, width: Int = 120, height: Int = 40) throws -> AppRuntime {
        let settings = ReaderSettings(normalizesPunctuation: normalizesPunctuation, saveFolder: saveFolder)
        let r = AppRuntime(state: AppState(width: width, height: height, settings: settings),
                           library: try SampleLibrary(), terminal: terminal, environment: environment)
        r.start(isSample: true)
        return r
    }

    static let firstTitle = "江城港前十月货物吞吐量同比增长9.2%"

    /// The text carried by an OSC 52 sequence, decoded.
    static func clipboardText(_ bytes: [UInt8]) throws -> String {
        let prefix = Array("\u{1B}]52;c;".utf8)
        try #require(bytes.starts(with: prefix) && bytes.last == 0x07)
        let payload = String(decoding: bytes[prefix.count..<(bytes.count - 1)], as: UTF8.self)
        let data = try #require(Data(base64Encoded: payload))
        return String(decoding: data, as: UTF8.self)
    }

    @Test("y sends the open article, unwrapped, as one OSC 52 sequence, and the status line says what and how much")
    func copySendsTheArticle() throws {
        let terminal = RecordingTerminal()
        let r = try Self.start(terminal: terminal)
        let article = try #require(r.state.reader?.article)
        #expect(article.title == Self.firstTitle)
        r.keys("y")
        // As the reader shows it: half-width punctuation in Chinese text set full-width.
        let expected = ArticlePlainText.text(of: PunctuationNormalizer.normalize(article))
        #expect(terminal.written.count == 1)
        #expect(try Self.clipboardText(terminal.written[0]) == expected)
        #expect(expected.hasPrefix("稳中有进 向新而行\n江城港前十月货物吞吐量同比增长9.2%\n\n本报讯"))
        #expect(r.state.status.message == StatusMessage("copied 《\(Self.firstTitle)》: \(expected.count) characters"))
        #expect([0, 999, 1000, 1234, 1_234_567].map(Reducer.grouped) == ["0", "999", "1,000", "1,234", "1,234,567"])
    }

    @Test("the reducer asks for the copy, the save and the pager with the article's text")
    func effects() throws {
        let r = try Self.start(saveFolder: "~/papers")
        var state = r.state
        let article = try #require(state.reader?.article)
        // What leaves the reader reads as the screen did: `(记者…)`, `,` beside Chinese set full-width.
        let shown = PunctuationNormalizer.normalize(article)
        #expect(shown != article)
        #expect(Reducer.reduce(&state, .key(.character("y"))) == [.copyToClipboard(text: ArticlePlainText.text(of: shown), title: Self.firstTitle)])
        #expect(Reducer.reduce(&state, .key(.character("|"))) == [.openPager(text: ArticlePlainText.text(of: shown) + "\n")])
        let markdown = ArticleMarkdown.document(of: shown, source: "江城晨报 2026-11-27 第01版 要闻")
        #expect(Reducer.reduce(&state, .key(.character("s")))
                == [.saveArticle(markdown: markdown, name: ArticleFileName(date: IssueDate("2026-11-27"), title: Self.firstTitle),
                                 folder: "~/papers")])
        // With normalize_punctuation = false the reader shows the text as stored, and so it leaves.
        var stored = try Self.start(normalizesPunctuation: false).state
        #expect(Reducer.reduce(&stored, .key(.character("y"))) == [.copyToClipboard(text: ArticlePlainText.text(of: article), title: Self.firstTitle)])
    }

    @Test("a terminal that does not say it takes OSC 52 still gets it, and the status line says it may not arrive")
    func copyToAnUnknownTerminal() throws {
        let terminal = RecordingTerminal(name: "vt100", capabilities: [])
        let r = try Self.start(terminal: terminal)
        r.keys("y")
        #expect(terminal.written.count == 1)
        let message = try #require(r.state.status.message?.text)
        #expect(message.hasPrefix("copied 《\(Self.firstTitle)》: "))
        #expect(message.hasSuffix(", if the terminal takes OSC 52 (TERM=vt100 does not say it does)"), "\(message)")
        // A terminal known to take it, though its terminfo entry does not say so.
        let kitty = RecordingTerminal(name: "xterm-kitty", capabilities: [])
        let k = try Self.start(terminal: kitty)
        k.keys("y")
        #expect(k.state.status.message?.text.contains("if the terminal") == false)
    }

    @Test("inside tmux the status line says what tmux's set-clipboard lets through")
    func copyInsideTmux() throws {
        // tmux cannot be asked (not on PATH): the copy is sent, with the condition.
        let unasked = RecordingTerminal(name: "tmux-256color")
        let r = try Self.start(terminal: unasked, environment: ["TMUX": "/nonexistent/socket,1,0", "PATH": "/nonexistent"])
        r.keys("y")
        #expect(unasked.written.count == 1)
        #expect(r.state.status.message?.text.hasSuffix("(tmux passes it on only with set-clipboard on)") == true,
                "\(r.state.status.message?.text ?? "")")

        guard let tmux = executableOnPath("tmux") else { return }
        let server = try TmuxSession(tmux: tmux, width: 80, height: 24, command: "sleep 600")
        let socket = try server.format("#{socket_path}")
        let environment = ["TMUX": "\(socket),1,0", "PATH": String(tmux.dropLast(5)) + ":/usr/bin:/bin"]
        let terminal = RecordingTerminal(name: "tmux-256color")
        let dropped = try Self.start(terminal: terminal, environment: environment)
        dropped.keys("y")
        #expect(dropped.state.status.message == StatusMessage(
            "not copied: tmux's set-clipboard is external, so tmux drops OSC 52; `tmux set -s set-clipboard on` lets it through",
            isError: true))
        try server.run(["set", "-s", "set-clipboard", "on"])
        dropped.keys("y")
        #expect(dropped.state.status.message?.text.hasPrefix("copied 《\(Self.firstTitle)》: ") == true)
        #expect(dropped.state.status.message?.text.contains("if") == false, "\(dropped.state.status.message?.text ?? "")")
    }

    @Test("an article whose escape would pass 100 KB is not sent: the status line says so and offers s")
    func copyTooLarge() throws {
        let terminal = RecordingTerminal()
        let r = try Self.start(terminal: terminal)
        let text = String(repeating: "字", count: 30_000)
        for action in r.perform(.copyToClipboard(text: text, title: "长文")) { r.dispatch(action) }
        #expect(terminal.written.isEmpty)
        #expect(r.state.status.message == StatusMessage(
            "not copied: 《长文》 is 121 KB as OSC 52, more than terminals take (100 KB); s saves it as a file", isError: true))
        // Just under the limit goes.
        for action in r.perform(.copyToClipboard(text: String(repeating: "字", count: 24_990), title: "长文")) { r.dispatch(action) }
        #expect(terminal.written.count == 1 && terminal.written[0].count <= ClipboardEscape.limit)
    }

    @Test("a terminal that cannot be written to, or none, is said so")
    func copyFails() throws {
        let terminal = RecordingTerminal()
        terminal.writesFail = true
        let r = try Self.start(terminal: terminal)
        r.keys("y")
        #expect(r.state.status.message == StatusMessage("not copied: the terminal could not be written to", isError: true))
        let none = try Self.start(terminal: nil)
        none.keys("y")
        #expect(none.state.status.message == StatusMessage("not copied: no terminal to send it to", isError: true))
    }

    @Test("s writes the article as Markdown into save_folder, never over a file: the second save is -2")
    func saveWritesMarkdown() throws {
        let folder = ScratchFolder.make("save")
        let r = try Self.start(saveFolder: folder)
        let article = try #require(r.state.reader?.article)
        r.keys("s")
        let name = "2026-11-27-\(Self.firstTitle).md"
        #expect(r.state.status.message == StatusMessage("saved to \(folder)/\(name)"))
        let saved = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        #expect(saved == ArticleMarkdown.document(of: PunctuationNormalizer.normalize(article), source: "江城晨报 2026-11-27 第01版 要闻"))
        #expect(saved.hasPrefix("*稳中有进 向新而行*\n\n# 江城港前十月货物吞吐量同比增长9.2%\n\n本报讯"))
        #expect(saved.hasSuffix("\n\n---\n\n江城晨报 2026-11-27 第01版 要闻\n"))

        try "mine".write(toFile: folder + "/2026-11-27-\(Self.firstTitle)-2.md", atomically: false, encoding: .utf8)
        r.keys("s")
        #expect(r.state.status.message == StatusMessage("saved to \(folder)/2026-11-27-\(Self.firstTitle)-3.md"))
        #expect(try String(contentsOfFile: folder + "/2026-11-27-\(Self.firstTitle)-2.md", encoding: .utf8) == "mine")
        #expect(try String(contentsOfFile: folder + "/2026-11-27-\(Self.firstTitle)-3.md", encoding: .utf8) == saved)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names.count == 3, "no temporary file is left: \(names)")
    }

    @Test("~ in save_folder is the home folder, and the status line keeps the ~")
    func saveFolderAtHome() throws {
        let home = ScratchFolder.make("home")
        try FileManager.default.createDirectory(atPath: home + "/papers", withIntermediateDirectories: true)
        let r = try Self.start(environment: ["HOME": home], saveFolder: "~/papers")
        r.keys("s")
        #expect(r.state.status.message == StatusMessage("saved to ~/papers/2026-11-27-\(Self.firstTitle).md"))
        #expect(FileManager.default.fileExists(atPath: home + "/papers/2026-11-27-\(Self.firstTitle).md"))
    }

    @Test("a missing folder, or a file where the folder should be, gives one message and writes nothing")
    func saveFails() throws {
        let parent = ScratchFolder.make("savefails")
        let r = try Self.start(saveFolder: parent + "/absent")
        r.keys("s")
        #expect(r.state.status.message == StatusMessage(
            "not saved: there is no folder \(parent)/absent; create it, or set save_folder in config.toml", isError: true))
        try "x".write(toFile: parent + "/file", atomically: false, encoding: .utf8)
        let f = try Self.start(saveFolder: parent + "/file")
        f.keys("s")
        #expect(f.state.status.message == StatusMessage(
            "not saved: \(parent)/file is not a folder; set save_folder in config.toml to one", isError: true))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["file"])
    }

    @Test("| gives the terminal up to $PAGER with the article's text, then comes back to the same place")
    func pagerShowsTheArticle() throws {
        let folder = ScratchFolder.make("pager")
        let terminal = RecordingTerminal()
        let r = try Self.start(terminal: terminal, environment: ["PAGER": "cat > '\(folder)/shown'", "PATH": "/usr/bin:/bin"],
                              width: 80, height: 12)
        r.keys("l")
        r.keys("jjj")
        let before = r.state
        #expect(before.reader?.top == 3)
        r.keys("|")
        #expect(terminal.suspensions == 1)
        let shown = try String(contentsOfFile: folder + "/shown", encoding: .utf8)
        #expect(shown == ArticlePlainText.text(of: PunctuationNormalizer.normalize(before.reader!.article)) + "\n")
        #expect(r.state.reader == before.reader, "the same article at the same line")
        #expect(r.state.viewport == before.viewport && r.state.navigation == before.navigation)
        #expect(r.state.status.message == nil)
    }

    @Test("a pager that cannot be started, or fails, is said so in the status line")
    func pagerFails() throws {
        let r = try Self.start(environment: ["PAGER": "/nonexistent/pager", "PATH": "/usr/bin:/bin"])
        r.keys("|")
        #expect(r.state.status.message == StatusMessage(
            "the pager /nonexistent/pager was not found: set PAGER to a program that is (less is the default)", isError: true))
        let missing = try Self.start(environment: ["PAGER": "no-such-pager -R", "PATH": "/usr/bin:/bin"])
        missing.keys("|")
        #expect(missing.state.status.message?.text.hasPrefix("the pager no-such-pager -R was not found") == true)
        let failing = try Self.start(environment: ["PAGER": "sh -c 'exit 3'", "PATH": "/usr/bin:/bin"])
        failing.keys("|")
        #expect(failing.state.status.message == StatusMessage("the pager sh -c 'exit 3' ended with status 3", isError: true))
    }

    @Test("a plain program and its arguments are started directly; quotes, pipes or $ go through the shell, which ignores Ctrl-C")
    func pagerCommandLine() {
        #expect(Pager.arguments(for: "less") == ["less"])
        #expect(Pager.arguments(for: "less  -R\t-S") == ["less", "-R", "-S"])
        #expect(Pager.arguments(for: "col -b | less") == ["/bin/sh", "-c", "trap '' INT QUIT; col -b | less"])
        #expect(Pager.arguments(for: "LESS=-R less") == ["/bin/sh", "-c", "trap '' INT QUIT; LESS=-R less"])
        #expect(Pager.command(environment: [:]) == "less")
        #expect(Pager.command(environment: ["PAGER": " "]) == "less")
        #expect(Pager.command(environment: ["PAGER": "most"]) == "most")
    }

    @Test("with no article open, each says there is nothing to take")
    func nothingOpen() throws {
        let terminal = RecordingTerminal()
        let r = try Self.start(terminal: terminal)
        // The bookmarks entry, above the first section: no bookmarks, so no article.
        r.keys("hk")
        #expect(r.state.reader == nil)
        r.keys("y")
        #expect(r.state.status.message == StatusMessage("no article open to copy"))
        r.keys("s")
        #expect(r.state.status.message == StatusMessage("no article open to save"))
        r.keys("|")
        #expect(r.state.status.message == StatusMessage("no article open to show in the pager"))
        #expect(terminal.written.isEmpty && terminal.suspensions == 0)
    }
}
