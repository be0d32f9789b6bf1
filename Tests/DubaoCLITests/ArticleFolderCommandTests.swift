import Foundation
import Testing

/// `dubao import` of folders of one article per file (`YYYYMMDD-PP-NN.txt`), run as a user would.
@Suite("dubao import: folders of one article per file")
struct ArticleFolderCommandTests {
    static let indent = "\u{3000}\u{3000}"

    /// A day of a made-up paper as a crawler saves it: CRLF, U+3000 indents, NBSPs after datelines.
    static func day(_ date: String) -> [String: String] {
        func file(_ lines: [String]) -> String { "\r\n" + lines.joined(separator: "\r\n") + "\r\n" }
        return [
            "\(date)-01-01.txt": file(["江城地铁六号线开通", indent + "本报讯\u{A0}\u{A0}（记者林晓）六号线今天起载客运营，全线二十一座车站。",
                                       indent + "首班车早上六点从江北站发出。"]),
            "\(date)-01-02.txt": file(["冬季供暖全面启动", "——全市供热管网运行平稳", indent + "本报讯 全市今天零时起正式供暖。"]),
            "\(date)-02-01.txt": file(["广告"]),
        ]
    }

    static func write(_ files: [String: String], into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
    }

    func list(_ lib: String) throws -> [[String: Any]] {
        let out = try DubaoProcess.run(["list", "--json"], library: lib)
        return try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
    }

    @Test("a crawler's folder imports as one issue, a section a page; re-importing keeps every ID")
    func importFolder() throws {
        let lib = DubaoProcess.temporaryFolder()
        let folder = DubaoProcess.temporaryFolder() + "/20261127"
        try Self.write(Self.day("20261127"), into: folder)
        let out = try DubaoProcess.run(["import", folder], library: lib)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("2026-11-27 — 2 sections, 3 articles"), "\(out.stdout)")
        #expect(out.stdout.contains("date from the file name 20261127-01-01.txt"))
        #expect(out.stdout.contains("  第01版: 2 articles"), "\(out.stdout)")
        // The files name no paper: the summary says how to name it.
        #expect(out.stdout.contains("the pages name no paper, so it is filed as 未命名报纸: --paper NAME names it"), "\(out.stdout)")
        let rows = try list(lib)
        #expect(rows.compactMap { $0["title"] as? String } == ["江城地铁六号线开通", "冬季供暖全面启动", "广告"])
        #expect(rows.compactMap { $0["section"] as? String } == ["第01版", "第01版", "第02版"])
        #expect(rows.first?["reporters"] as? [String] == ["林晓"])

        // A corrected body keeps its article's ID; the unchanged files change nothing.
        var changed = Self.day("20261127")
        changed["20261127-01-01.txt"] = changed["20261127-01-01.txt"]!.replacingOccurrences(of: "二十一座", with: "二十二座")
        try Self.write(changed, into: folder)
        let again = try DubaoProcess.run(["import", folder], library: lib)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("第01版: 2 articles (replaced: 2 kept, 0 gone)"), "\(again.stdout)")
        #expect(again.stdout.contains("第02版: 1 article (unchanged)"), "\(again.stdout)")
        #expect(try list(lib).compactMap { $0["id"] as? String } == rows.compactMap { $0["id"] as? String })
    }

    @Test("--each takes a folder a day; --dry-run --json stores nothing")
    func eachAndDryRun() throws {
        let lib = DubaoProcess.temporaryFolder()
        let root = DubaoProcess.temporaryFolder()
        for date in ["20261127", "20261128"] { try Self.write(Self.day(date), into: root + "/" + date) }
        let dry = try DubaoProcess.run(["import", root + "/20261127", "--dry-run", "--json"], library: lib)
        #expect(dry.status == 0, "\(dry.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any])
        #expect((json["sections"] as? [[String: Any]])?.compactMap { $0["page"] as? String } == ["第01版", "第02版"])
        #expect(DubaoProcess.snapshot(lib).isEmpty, "a dry run writes nothing")

        let out = try DubaoProcess.run(["import", "--each", root + "/20261127", root + "/20261128"], library: lib)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.components(separatedBy: "--paper NAME names it").count == 2, "said once for both days: \(out.stdout)")
        let named = try DubaoProcess.run(["import", root + "/20261127", "--paper", "江城晨报", "--dry-run"], library: lib)
        #expect(named.status == 0 && !named.stdout.contains("--paper"), "\(named.stdout)")
        let issues = try DubaoProcess.run(["issues", "--json"], library: lib)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(issues.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["date"] as? String } == ["2026-11-28", "2026-11-27"])
        #expect(rows.compactMap { $0["articles"] as? Int } == [3, 3])
    }

    @Test("--articles: files of any name are one article each, in one section named by --section")
    func articlesOption() throws {
        let lib = DubaoProcess.temporaryFolder()
        let folder = DubaoProcess.temporaryFolder() + "/专刊"
        try Self.write(["b2.txt": "冰雪旅游升温\n\u{3000}\u{3000}本报讯 今冬冰雪旅游预订量明显增长。\n",
                        "b10.txt": "滑雪场迎来客流高峰\n\u{3000}\u{3000}本报讯 周末各滑雪场客流明显增加。\n"], into: folder)
        let out = try DubaoProcess.run(["import", folder, "--articles", "--section", "冬游", "--date", "2026-12-05"], library: lib)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("1 section, 2 articles"), "\(out.stdout)")
        let rows = try list(lib)
        #expect(rows.compactMap { $0["title"] as? String } == ["冰雪旅游升温", "滑雪场迎来客流高峰"])
        #expect(rows.compactMap { $0["section"] as? String } == ["冬游", "冬游"])
    }

    // Bad input: one line on stderr, a non-zero exit, and the library exactly as it was.

    func expectCleanFailure(_ arguments: [String], mentions: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        let before = DubaoProcess.snapshot(lib)
        let out = try DubaoProcess.run(arguments, library: lib)
        #expect(out.status != 0, "\(arguments) must fail", sourceLocation: sourceLocation)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr, got: \(out.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("dubao: ") == true, sourceLocation: sourceLocation)
        for word in mentions + ["nothing was imported"] {
            #expect(out.stderr.contains(word), "stderr names \(word): \(out.stderr)", sourceLocation: sourceLocation)
        }
        #expect(out.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(DubaoProcess.snapshot(lib) == before, "the library is unchanged", sourceLocation: sourceLocation)
    }

    @Test("a folder mixing one-article files with page files is refused")
    func mixedFolder() throws {
        let folder = DubaoProcess.temporaryFolder() + "/20261127"
        var files = Self.day("20261127")
        files["03-体育.txt"] = "第03版：体育\n\n冬泳队开训\n\n本报讯 冬泳队今天开训。\n"
        try Self.write(files, into: folder)
        try expectCleanFailure(["import", folder], mentions: [folder, "20261127-01-01.txt", "03-体育.txt", "--articles"])
        try expectCleanFailure(["import", "--each", folder], mentions: [folder, "03-体育.txt"])
    }

    @Test("a crawler's name with an impossible date is refused")
    func impossibleDate() throws {
        let folder = DubaoProcess.temporaryFolder() + "/202002"
        try Self.write(Self.day("20200231"), into: folder)
        try expectCleanFailure(["import", folder], mentions: ["20200231-01-01.txt", "no date", "rename"])
        try expectCleanFailure(["import", "--articles", folder + "/20200231-02-01.txt"], mentions: ["20200231-02-01.txt", "no date"])
    }

    @Test("files of one folder named for different days are refused, pointing to a folder a day and --each")
    func differentDates() throws {
        let folder = DubaoProcess.temporaryFolder() + "/week"
        var files = Self.day("20261127")
        files["20261128-01-01.txt"] = files["20261127-01-01.txt"]
        try Self.write(files, into: folder)
        // It points to --each, not to --date, which would merge the two days' pages into one issue.
        try expectCleanFailure(["import", folder], mentions: ["20261128-01-01.txt", "2026-11-28", "2026-11-27", "--each"])
    }
}
