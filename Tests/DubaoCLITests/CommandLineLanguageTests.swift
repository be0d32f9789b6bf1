import Foundation
import Testing

/// The command line speaks the reader's language: Chinese in a Chinese locale, English otherwise,
/// config.toml's `language` over either; its JSON is the same in both.
@Suite("The command line's language")
struct CommandLineLanguageTests {
    static let chinese = ["LANG": "zh_CN.UTF-8", "LC_MESSAGES": ""]

    /// A library with the sample paper imported.
    func sampleLibrary(_ name: String = #function) throws -> String {
        let lib = DubaoProcess.temporaryFolder(name)
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        return lib
    }

    func writeConfig(_ text: String, library: String) throws {
        try FileManager.default.createDirectory(atPath: library + "-config/dubao", withIntermediateDirectories: true)
        try text.write(toFile: library + "-config/dubao/config.toml", atomically: true, encoding: .utf8)
    }

    @Test("an import's report: what, which date and why, each section, the warnings")
    func importReport() throws {
        let lib = DubaoProcess.temporaryFolder()
        let out = try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib, environment: Self.chinese)
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "已导入：江城晨报 2026-11-27——4 个版面，12 篇文章", "\(out.stdout)")
        #expect(lines.dropFirst().first == "日期取自版面（01-要闻.txt 第 1 行）")
        #expect(lines.contains("  第01版 要闻：3 篇文章（新增）"), "\(out.stdout)")
        #expect(out.stderr.contains("dubao: 警告：02-经济.txt:32: 标题“冬储菜上市量足价稳”没有正文"), "\(out.stderr)")
        let again = try DubaoProcess.run(["import", DubaoProcess.sampleData, "--dry-run"], library: lib, environment: Self.chinese)
        #expect(again.stdout.hasPrefix("已读取（试运行，未存储）：江城晨报 2026-11-27——4 个版面，12 篇文章\n"), "\(again.stdout)")
        for english in ["imported", "article", "section", "date from", "warning"] {
            #expect(!(out.stdout + out.stderr + again.stdout).contains(english), "\(english) left in English")
        }
    }

    @Test("a file that is not there, an empty standard input: one line in Chinese, status 1")
    func missingFile() throws {
        let lib = DubaoProcess.temporaryFolder()
        let out = try DubaoProcess.run(["import", lib + "/no-such-page.txt"], library: lib, environment: Self.chinese)
        #expect(out.status == 1)
        #expect(out.stderr == "dubao: \(lib)/no-such-page.txt: 无法读取：没有这个文件或文件夹（未导入任何内容）\n", "\(out.stderr)")
        let empty = try DubaoProcess.run(["import", "-"], library: lib, input: Data(), environment: Self.chinese)
        #expect(empty.status == 1 && empty.stderr.hasPrefix("dubao: 标准输入为空，没有可导入的内容；"), "\(empty.stderr)")
    }

    @Test("issues, and the option rules and usage hints dubao writes itself")
    func issuesAndRules() throws {
        let lib = try sampleLibrary()
        let issues = try DubaoProcess.run(["issues"], library: lib, environment: Self.chinese)
        #expect(issues.stdout == "2026-11-27  江城晨报  4 个版面，12 篇文章\n")
        let list = try DubaoProcess.run(["list", "--date", "2026-11-01"], library: lib, environment: Self.chinese)
        #expect(list.status == 1 && list.stderr == "dubao: \(lib) 的文库中没有 2026-11-01 的报纸；`dubao issues` 列出各期\n", "\(list.stderr)")
        let typo = try DubaoProcess.run(["serach", "江城"], library: lib, environment: Self.chinese)
        #expect(typo.status == 64 && typo.stderr == "dubao: 没有“serach”这个命令（是不是“search”？）；`dubao --help` 列出所有命令\n", "\(typo.stderr)")
        let date = try DubaoProcess.run(["search", "江城", "--from", "昨天"], library: lib, environment: Self.chinese)
        #expect(date.status == 1 && date.stderr == "dubao: --from 昨天 不是日期：请写成 YYYY-MM-DD，如 2026-11-27\n", "\(date.stderr)")
        let encoding = try DubaoProcess.run(["import", "--encoding", "latin9", DubaoProcess.sampleData], library: lib, environment: Self.chinese)
        #expect(encoding.status == 1, "\(encoding.stderr)")
        #expect(encoding.stderr == "dubao: --encoding latin9 不是可用的编码：请用 utf-8, utf-16le, utf-16be, gb18030（gbk 和 gb2312 按 gb18030 读取） 之一\n",
                "\(encoding.stderr)")
    }

    @Test("search with no hit: silent and status 1 in Chinese too; its refusals in Chinese")
    func searchWithoutHits() throws {
        let lib = try sampleLibrary()
        let none = try DubaoProcess.run(["search", "火星探测器"], library: lib, environment: Self.chinese)
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr.isEmpty)
        let limit = try DubaoProcess.run(["search", "江城", "--limit", "0"], library: lib, environment: Self.chinese)
        #expect(limit.status == 1 && limit.stderr == "dubao: --limit 0 不能小于 1\n", "\(limit.stderr)")
        let blank = try DubaoProcess.run(["search", " "], library: lib, environment: Self.chinese)
        #expect(blank.stderr == "dubao: 没有要搜索的内容：请给出词语，如 dubao search 巡回审判\n", "\(blank.stderr)")
    }

    @Test("a config error is told in the locale's language; other commands still run")
    func configError() throws {
        let lib = try sampleLibrary()
        try writeConfig("language = \"en\"\nreader_width = 5\n", library: lib)
        let read = try DubaoProcess.run([], library: lib, environment: Self.chinese)
        #expect(read.status == 1)
        #expect(read.stderr == "dubao: \(lib)-config/dubao/config.toml:2:16: reader_width 5 超出范围；请用 10–200（每行汉字数）\n",
                "\(read.stderr)")
        let issues = try DubaoProcess.run(["issues"], library: lib, environment: Self.chinese)
        #expect(issues.status == 0 && issues.stdout == "2026-11-27  江城晨报  4 个版面，12 篇文章\n")
        // Not silently: the command says what is wrong with the file, and that it went on without it.
        #expect(issues.stderr == "dubao: 警告：\(lib)-config/dubao/config.toml:2:16: reader_width 5 超出范围；请用 10–200（每行汉字数）（本命令不读配置，照常运行）\n",
                "\(issues.stderr)")
        let english = try DubaoProcess.run([], library: lib)
        #expect(english.stderr.hasSuffix("config.toml:2:16: reader_width 5 is out of range; use 10–200 (Chinese characters per line)\n"),
                "\(english.stderr)")
    }

    @Test("language = \"en\" keeps a Chinese locale's command line English; \"zh\" makes an English one Chinese")
    func configWins() throws {
        let lib = try sampleLibrary()
        try writeConfig("language = \"en\"\n", library: lib)
        let english = try DubaoProcess.run(["issues"], library: lib, environment: Self.chinese)
        #expect(english.stdout == "2026-11-27  江城晨报  4 sections, 12 articles\n")
        let missing = try DubaoProcess.run(["show", "20261127-0000000000"], library: lib, environment: Self.chinese)
        #expect(missing.stderr.hasPrefix("dubao: no article 20261127-0000000000 in the library"), "\(missing.stderr)")
        try writeConfig("language = \"zh\"\n", library: lib)
        let chinese = try DubaoProcess.run(["issues"], library: lib)
        #expect(chinese.stdout == "2026-11-27  江城晨报  4 个版面，12 篇文章\n")
    }

    @Test("--json prints the same bytes in either language")
    func jsonIsTheSame() throws {
        let lib = try sampleLibrary()
        let id = try #require(try DubaoProcess.run(["list"], library: lib).stdout
            .split(separator: "\n").first { $0.hasPrefix("  2026") }?.split(separator: " ").first.map(String.init))
        #expect(try DubaoProcess.run(["bookmark", id], library: lib).status == 0)
        let commands = [["import", DubaoProcess.sampleData, "--dry-run", "--json"], ["issues", "--json"], ["list", "--json"],
                        ["search", "江城", "--json"], ["search", "火星探测器", "--json"], ["show", id, "--json"],
                        ["bookmarks", "--json"], ["bookmarks", "export", "--format", "json"]]
        for command in commands {
            let english = try DubaoProcess.run(command, library: lib)
            let chinese = try DubaoProcess.run(command, library: lib, environment: Self.chinese)
            #expect(!english.stdout.isEmpty, "\(command)")
            #expect(english.stdout == chinese.stdout, "\(command)")
            #expect(english.status == chinese.status, "\(command)")
        }
    }
}
