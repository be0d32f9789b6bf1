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

    @Test("ArgumentParser's own errors keep its usage text and status 64")
    func parserErrors() throws {
        let out = try DubaoProcess.run(["search", "江城", "--limit", "x"], library: DubaoProcess.temporaryFolder())
        #expect(out.status == 64)
        #expect(out.stderr.hasPrefix("Error: The value 'x' is invalid for '--limit <n>'"), "\(out.stderr)")
        #expect(out.stderr.contains("Usage: dubao search"))
    }
}
