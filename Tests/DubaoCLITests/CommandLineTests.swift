import Foundation
import Testing

/// The command line itself: the version, and a mistyped command.
@Suite("dubao's command line")
struct CommandLineTests {
    @Test("--version prints the version DubaoVersion.swift holds, and nothing else")
    func version() throws {
        let source = try String(contentsOfFile: DubaoProcess.packageRoot + "/Sources/dubao/DubaoVersion.swift", encoding: .utf8)
        let written = try #require(source.firstMatch(of: /static let current = "([0-9.]+)"/)?.1)
        let out = try DubaoProcess.run(["--version"], library: DubaoProcess.temporaryFolder())
        #expect(out.status == 0)
        #expect(out.stdout == "\(written)\n")
        #expect(out.stderr.isEmpty)
    }

    @Test("a mistyped command names itself in one line, not `read`'s usage, and touches nothing")
    func mistypedCommand() throws {
        let lib = DubaoProcess.temporaryFolder()
        let out = try DubaoProcess.run(["serach", "巡回审判"], library: lib)
        #expect(out.status == 64, "a usage error, as ArgumentParser's own")
        #expect(out.stderr == "dubao: unknown command “serach” (did you mean “search”?); `dubao --help` lists the commands\n")
        #expect(out.stdout.isEmpty)
        #expect(DubaoProcess.snapshot(lib).isEmpty, "no library is made")
        let far = try DubaoProcess.run(["newspaper"], library: lib)
        #expect(far.status == 64 && far.stderr == "dubao: unknown command “newspaper”; `dubao --help` lists the commands\n")
        let hostile = try DubaoProcess.run(["x\u{1B}]0;owned\u{07}"], library: lib)
        #expect(hostile.status == 64 && !hostile.stderr.contains("\u{1B}"), "the word is printed made safe")
    }

    @Test("a mistyped command after options is named too, and a real one there is told to come first")
    func commandAfterOptions() throws {
        let lib = DubaoProcess.temporaryFolder()
        for arguments in [["--library", lib, "serach", "foo"], ["--library=\(lib)", "serach"], ["--date", "2026-11-27", "serach"],
                          ["--theme", "paper", "--library", lib, "serach", "foo"]] {
            let out = try DubaoProcess.run(arguments, library: lib)
            #expect(out.status == 64, "\(arguments)")
            #expect(out.stderr == "dubao: unknown command “serach” (did you mean “search”?); `dubao --help` lists the commands\n",
                    "\(arguments)")
            #expect(out.stdout.isEmpty)
        }
        let known = try DubaoProcess.run(["--library", lib, "search", "调解"], library: lib)
        #expect(known.status == 64)
        #expect(known.stderr == "dubao: the command comes first, before its options: dubao search --library \(lib) 调解\n")
        // An option's value is no command, whatever it says.
        let value = try DubaoProcess.run(["--library", "search"], library: lib)
        #expect(value.status == 1 && value.stderr.contains("not a terminal"), "\(value.stderr)")
        #expect(DubaoProcess.snapshot(lib).isEmpty, "nothing is made")
    }

    @Test("`dubao` alone, `dubao --date …` and `dubao help search` still reach their commands")
    func readIsStillTheDefault() throws {
        let lib = DubaoProcess.temporaryFolder()
        // Without a terminal the reader refuses to start: proof that `read` was reached.
        for arguments in [[], ["--date", "2026-11-27"], ["--library", lib]] {
            let out = try DubaoProcess.run(arguments, library: lib)
            #expect(out.status == 1 && out.stderr.contains("not a terminal"), "\(arguments): \(out.stderr)")
        }
        let missing = try DubaoProcess.run(["--date", "2001-01-01"], library: lib)
        #expect(missing.stderr.contains("no issue dated 2001-01-01"))
        let help = try DubaoProcess.run(["help", "search"], library: lib)
        #expect(help.status == 0 && help.stdout.contains("dubao search"))
        let read = try DubaoProcess.run(["read", "extra"], library: lib)
        #expect(read.status == 64, "`read` takes no positional argument, which is what lets a typo be told")
    }
}
