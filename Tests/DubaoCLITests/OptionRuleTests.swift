import Foundation
import Testing

/// A value that is not one, or options that contradict each other, are refused in dubao's own
/// words before the library is opened. These pin the exact lines, so moving a rule between
/// ArgumentParser's parsing, `validate()` and `run()` cannot change what a user reads.
@Suite("dubao refuses bad options in one line of its own")
struct OptionRuleTests {
    static let sample = DubaoProcess.sampleData

    static let refusals: [([String], String)] = [
        (["import", sample, "--date", "2026-13-45"], "--date 2026-13-45 is not a date: use YYYY-MM-DD, e.g. 2026-11-27"),
        (["import", sample, "--encoding", "latin9"],
         "--encoding latin9 is not known: use one of utf-8, utf-16le, utf-16be, gb18030 (gbk and gb2312 read as gb18030)"),
        (["import", "--each", "--date", "2026-11-20", sample],
         "--date cannot be used with --each: each issue is dated by its pages or by its file or folder name"),
        (["import", "--each", "--date", "bad", sample], "--date bad is not a date: use YYYY-MM-DD, e.g. 2026-11-27"),
        (["search", "江城", "--from", "yesterday"], "--from yesterday is not a date: use YYYY-MM-DD, e.g. 2026-11-27"),
        (["search", "江城", "--from", "2024-03-02", "--to", "2024-03-01"],
         "--from 2024-03-02 is after --to 2024-03-01: no day is in that range; swap the two dates"),
        (["search", "江城", "--date", "2026-11-27", "--to", "2024-03-01"], "--date cannot go with --from or --to: use one or the other"),
        (["search", "江城", "--limit", "0"], "--limit 0 must be 1 or more"),
        (["search", "江城", "--limit", "-1"], "--limit -1 must be 1 or more"),
        (["search", " "], "nothing to search for: give a word, e.g. dubao search 巡回审判"),
        (["list", "--date", "bad"], "--date bad is not a date: use YYYY-MM-DD, e.g. 2026-11-27"),
        (["read", "--date", "2026-02-30"], "--date 2026-02-30 is not a date: use YYYY-MM-DD, e.g. 2026-11-27"),
        (["show", "20261127-0000000000", "--width", "2000"], "--width 2000 is out of range: use 4 to 1000 columns"),
        (["show", "../../etc/passwd"],
         "“../../etc/passwd” is not an article ID: IDs look like 20261127-3fa9c2d81b; `dubao list` shows them"),
        (["bookmark", "nope"], "“nope” is not an article ID: IDs look like 20261127-3fa9c2d81b; `dubao list` shows them"),
    ]

    @Test("one line, exit status 1, nothing on stdout, no library made", arguments: refusals)
    func refused(_ arguments: [String], _ message: String) throws {
        let lib = DubaoProcess.temporaryFolder() + "/library"
        let out = try DubaoProcess.run(arguments, library: lib)
        #expect(out.status == 1, "\(arguments)")
        #expect(out.stderr == "dubao: \(message)\n")
        #expect(out.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: lib))
    }

    @Test("--help is answered even beside a value dubao would refuse")
    func helpWins() throws {
        let out = try DubaoProcess.run(["import", "--date", "bad", "--help"], library: DubaoProcess.temporaryFolder())
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("OVERVIEW: Import newspaper pages"))
        #expect(out.stderr.isEmpty, "\(out.stderr)")
    }

    @Test("ArgumentParser's own errors are one line naming the help to read, with status 64")
    func parserErrors() throws {
        let lib = DubaoProcess.temporaryFolder()
        let out = try DubaoProcess.run(["search", "江城", "--limit", "x"], library: lib)
        #expect(out.status == 64)
        #expect(out.stderr == "dubao: “x” is not a value for --limit <n>; `dubao search --help` says what it takes\n", "\(out.stderr)")
        let choices = try DubaoProcess.run(["bookmarks", "export", "--format", "html"], library: lib)
        #expect(choices.status == 64)
        #expect(choices.stderr == "dubao: “html” is not a value for --format <format>: use markdown / json; "
                + "`dubao bookmarks export --help` says what it takes\n", "\(choices.stderr)")
        // `read` takes the options given with no command: an unknown one is `dubao`'s to explain.
        let bare = try DubaoProcess.run(["--bogus"], library: lib)
        #expect(bare.status == 64 && bare.stderr == "dubao: unknown option “--bogus”; `dubao --help` says what it takes\n", "\(bare.stderr)")
        let extra = try DubaoProcess.run(["list", "a", "b"], library: lib)
        #expect(extra.status == 64 && extra.stderr == "dubao: unexpected “a” “b”; `dubao list --help` says what it takes\n", "\(extra.stderr)")
        let one = try DubaoProcess.run(["list", "extra"], library: lib)
        #expect(one.status == 64 && one.stderr == "dubao: unexpected “extra”; `dubao list --help` says what it takes\n", "\(one.stderr)")
        let hostile = try DubaoProcess.run(["list", "--x\u{1B}[2J"], library: lib)
        #expect(hostile.status == 64 && !hostile.stderr.contains("\u{1B}"), "the option is printed made safe: \(hostile.stderr)")
    }
}
