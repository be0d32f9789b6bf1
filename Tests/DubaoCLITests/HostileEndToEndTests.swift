import DubaoTestSupport
import Foundation
import Testing

/// The real reader against what issue 7 lists: resize storms, and store files edited by hand to
/// hold terminal escapes. (A signal saving the reading place: BookmarksEndToEndTests.)
@Suite("Hostile terminals and store files, end to end in tmux",
       .enabled(if: ReaderSession.available, "skipped: tmux is not installed (apt-get install tmux)"))
struct HostileEndToEndTests {
    func library() throws -> String {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        return lib
    }

    @Test("a storm of resizes and SIGWINCH, down to 1x1: no crash, and the last size is drawn whole")
    func resizeStorm() throws {
        let lib = try library()
        let t = try ReaderSession.start(width: 120, height: 40, library: lib)
        try t.waitFor("江城港前十月")
        try t.sendKeys("]", "j", "Enter")
        try t.waitFor("本报讯（记者 孟远航）")
        var generator = SystemRandomNumberGenerator()
        let sizes = [(1, 1), (2, 1), (1, 3), (19, 5), (20, 6), (200, 60)]
            + (0..<40).map { _ in (Int.random(in: 1...220, using: &generator), Int.random(in: 1...70, using: &generator)) }
        for (w, h) in sizes {
            // No waiting between them: the reader sees them pile up.
            _ = try? t.resize(width: w, height: h)
        }
        let pid = try #require(try ReaderSession.pid(in: t), "dubao is still running after the resizes")
        for _ in 0..<200 { kill(pid, SIGWINCH) }
        try t.resize(width: 120, height: 40)
        let screen = try #require(try t.waitForSettled(seconds: 10) { rows in
            rows.count >= 40 && (0..<39).allSatisfy { columns(of: "│", in: rows[$0]).count == 2 }
                && rows.contains { $0.contains("本报讯（记者 孟远航）") }
        }, "three panes again: \((try? t.capture())?.joined(separator: "\n") ?? "")")
        let rules = columns(of: "│", in: screen[3])
        for y in 0..<39 { #expect(columns(of: "│", in: screen[y]) == rules, "row \(y) is aligned") }
        #expect(screen[39].contains("经济"), "the status line is whole: \(screen[39])")
        #expect(!screen.joined().contains("EXITED"))
        try t.sendKeys("Q")
        try t.waitFor("EXITED 0")
    }

    /// Escape sequences put into the store by hand: an OSC that would retitle the window, a C1
    /// CSI, a bidi override and a BEL. None may reach the terminal as a control.
    @Test("a store file edited to hold escapes: the reader and the commands show text, never send controls")
    func handEditedStore() throws {
        let lib = try library()
        let hostile = #"江城港\u001b]2;PWNED\u0007\u202e\u009b31m前十月"#
        var edited = 0
        for path in try FileManager.default.subpathsOfDirectory(atPath: lib) where path.hasSuffix(".json") {
            let full = lib + "/" + path
            let text = try String(contentsOfFile: full, encoding: .utf8)
            guard text.contains("江城港前十月") else { continue }
            try text.replacingOccurrences(of: "江城港前十月", with: hostile).write(toFile: full, atomically: true, encoding: .utf8)
            edited += 1
        }
        #expect(edited >= 2, "the catalog and the section document both hold the title")

        let log = DubaoProcess.temporaryFolder() + "/pane-output"
        let t = try ReaderSession.start(width: 120, height: 40, library: lib)
        _ = try t.run(["pipe-pane", "-t", t.name, "-o", "cat >> '\(log)'"])
        let titleBefore = try t.format("#{pane_title}")
        try t.sendKeys("C-l")
        try t.waitFor("江城港")
        try t.sendKeys("l", "Enter")
        let screen = try t.waitFor("江城港务集团获悉")
        #expect(screen.contains { $0.contains("江城港") && $0.contains("前十月") }, "the title is still shown")
        #expect(try t.format("#{pane_title}") == titleBefore, "the window title was not changed")
        try t.sendKeys("Q")
        try t.waitFor("EXITED 0")
        _ = try t.run(["pipe-pane", "-t", t.name])

        let raw = [UInt8](FileManager.default.contents(atPath: log) ?? Data())
        #expect(raw.count > 1000, "the pane's output was recorded")
        func contains(_ needle: [UInt8]) -> Bool {
            guard needle.count <= raw.count else { return false }
            return (0...(raw.count - needle.count)).contains { raw[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        #expect(!contains([0x1B, 0x5D]), "no OSC (ESC ]) reached the terminal")
        #expect(!contains([0xC2, 0x9B]), "no C1 CSI reached the terminal")
        #expect(!contains([0xE2, 0x80, 0xAE]), "no right-to-left override reached the terminal")
        #expect(!contains(Array("PWNED\u{7}".utf8)), "no BEL after the payload")

        // The commands print stored text too: sanitized the same way.
        for args in [["list"], ["search", "前十月"], ["bookmarks"]] {
            let out = try DubaoProcess.run(args, library: lib)
            let bytes = Array(out.stdout.utf8)
            #expect(!bytes.contains(0x1B) && !bytes.contains(0x07), "\(args) printed a control: \(out.stdout)")
            #expect(!out.stdout.contains("\u{202E}") && !out.stdout.contains("\u{9B}"), "\(args)")
        }
    }
}
