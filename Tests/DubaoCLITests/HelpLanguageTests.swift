import Foundation
import Testing

/// `--help` speaks the command line's language: every command's overview and every option's line.
/// ArgumentParser's own words — USAGE, OPTIONS, the lines of --help and --version, its errors —
/// stay as it prints them.
extension CommandLineLanguageTests {
    func hasHan(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// The lines naming an argument, option or command, with their help beside them, but for
    /// ArgumentParser's own `--version` and `--help`.
    func entries(_ help: String) -> [Substring] {
        help.split(separator: "\n").filter { line in
            line.hasPrefix("  ") && !line.hasPrefix("   ") && !line.contains("--version") && !line.contains("--help")
                && !line.hasPrefix("  See ")
        }
    }

    @Test("dubao --help: the overview and every command's line in Chinese, ArgumentParser's headings as it prints them")
    func rootHelp() throws {
        let out = try DubaoProcess.run(["--help"], library: DubaoProcess.temporaryFolder(), environment: Self.chinese)
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("OVERVIEW: 读报——在终端里读中文报纸。\n\n报纸的版面以原始文本提供"), "\(out.stdout)")
        #expect(out.stdout.contains("\n  import                  把报纸版面（文字或 PDF）导入文库。\n"), "\(out.stdout)")
        for heading in ["\nUSAGE: dubao <subcommand>\n", "\nOPTIONS:\n", "\nSUBCOMMANDS:\n"] {
            #expect(out.stdout.contains(heading), "\(heading)")
        }
        let lines = entries(out.stdout)
        #expect(lines.count == 10, "\(lines)")
        for line in lines { #expect(hasHan(line), "left in English: \(line)") }
    }

    @Test("dubao import --help: its overview, its paragraphs and every option in Chinese")
    func importHelp() throws {
        let out = try DubaoProcess.run(["import", "--help"], library: DubaoProcess.temporaryFolder(), environment: Self.chinese)
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("OVERVIEW: 把报纸版面（文字或 PDF）导入文库。\n\n每个文件是一个版面；"), "\(out.stdout)")
        #expect(out.stdout.contains("\n  --dry-run               只解析并输出，不存储。\n"), "\(out.stdout)")
        #expect(out.stdout.contains("\n  --paper <name>          报纸名称（默认取自版头，否则为“未命名报纸”）。\n"), "\(out.stdout)")
        #expect(out.stdout.contains("\n        默认为 $DUBAO_LIBRARY，其次 $XDG_DATA_HOME/dubao，再次\n"), "\(out.stdout)")
        for heading in ["\nUSAGE: dubao import <file-or-dir> ...", "\nARGUMENTS:\n", "\nOPTIONS:\n"] {
            #expect(out.stdout.contains(heading), "\(heading)")
        }
        let lines = entries(out.stdout)
        #expect(lines.count == 10, "\(lines)")
        for line in lines { #expect(hasHan(line), "left in English: \(line)") }
        for english in ["Import raw", "Each FILE", "A folder saved", "Nothing is stored", "Default:"] {
            #expect(!out.stdout.contains(english), "\(english) left in English")
        }
        let help = try DubaoProcess.run(["help", "import"], library: DubaoProcess.temporaryFolder(), environment: Self.chinese)
        #expect(help.stdout == out.stdout)
    }

    @Test("dubao search --help, and a usage error's help line, in Chinese")
    func searchHelp() throws {
        let lib = DubaoProcess.temporaryFolder()
        let out = try DubaoProcess.run(["search", "--help"], library: lib, environment: Self.chinese)
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("OVERVIEW: 搜索文库中的所有文章。\n\n按子串直接搜索：中文无需分词（搜“巡回审判”即可找到“巡回审判”）"),
                "\(out.stdout)")
        #expect(out.stdout.contains("\nARGUMENTS:\n  <query>                 要搜索的内容。\n"), "\(out.stdout)")
        #expect(out.stdout.contains("\n  --from <yyyy-mm-dd>     只搜这一天及以后的报纸。\n"), "\(out.stdout)")
        let lines = entries(out.stdout)
        #expect(lines.count == 8, "\(lines)")
        for line in lines { #expect(hasHan(line), "left in English: \(line)") }
        let missing = try DubaoProcess.run(["search"], library: lib, environment: Self.chinese)
        #expect(missing.status == 64)
        #expect(missing.stderr == "dubao: 缺少 <query> ...；`dubao search --help` 列出可用的写法\n", "\(missing.stderr)")
    }

    @Test("language = \"en\" keeps a Chinese locale's help English; \"zh\" makes an English one's Chinese")
    func helpFollowsConfig() throws {
        let lib = DubaoProcess.temporaryFolder()
        let plain = DubaoProcess.temporaryFolder("plain")
        try writeConfig("language = \"en\"\n", library: lib)
        for command in [["--help"], ["import", "--help"], ["search", "--help"]] {
            let configured = try DubaoProcess.run(command, library: lib, environment: Self.chinese)
            let english = try DubaoProcess.run(command, library: plain)
            #expect(configured.status == 0 && configured.stdout == english.stdout, "\(command)")
        }
        let importHelp = try DubaoProcess.run(["import", "--help"], library: lib, environment: Self.chinese)
        #expect(importHelp.stdout.hasPrefix("OVERVIEW: Import newspaper pages, as text or PDF, into the library.\n"))
        try writeConfig("language = \"zh\"\n", library: lib)
        let chinese = try DubaoProcess.run(["search", "--help"], library: lib)
        #expect(chinese.stdout.hasPrefix("OVERVIEW: 搜索文库中的所有文章。\n"), "\(chinese.stdout)")
    }
}
