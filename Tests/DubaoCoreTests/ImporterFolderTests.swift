import DubaoImport
import DubaoStore
import Foundation
import Testing

@Suite("Importer: a folder of pages")
struct ImporterFolderTests {
    @Test("pages in number order (2 before 10), and a README beside them is not a page")
    func numberOrderAndReadme() throws {
        let folder = TestPaths.temporaryFolder()
        let pages = ["10-体育": "第10版：体育\n\n冬泳队开训\n\n本报讯 冬泳队今天开训。\n",
                     "2-经济": "第2版：经济\n\n菜价平稳\n\n本报讯 本周菜价平稳。\n",
                     "1-要闻.txt": "第1版：要闻\n\n新桥合龙\n\n本报讯 江上新桥今天合龙。\n",
                     "README": "这些是十一月的版面文件。\n",
                     "readme.txt": "同上。\n"]
        for (name, text) in pages { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        let result = try Importer().importPaths([folder])
        #expect(result.issue.sections.map(\.name) == ["要闻", "经济", "体育"])
    }

    @Test("--section before the first header is named, and the warning says so")
    func sectionBeforeHeader() throws {
        let text = "先读这条\n\n本报讯 这是页眉之前的一条消息。\n\n第02版：经济\n\n菜价平稳\n\n本报讯 本周菜价平稳。\n"
        let result = try Importer(options: .init(section: "导读")).importPages([("p.txt", Array(text.utf8))])
        #expect(result.issue.sections.map(\.name) == ["导读", "经济"])
        #expect(result.warnings.contains { $0.message.contains("only the text before the first page header") })
    }
}
