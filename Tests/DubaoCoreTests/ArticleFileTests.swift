import DubaoImport
import DubaoStore
import DubaoModel
import Foundation
import Testing

/// Folders of one article per file, as a crawler of an electronic edition saves a day:
/// `YYYYMMDD-PP-NN.txt`, CRLF line ends, the headline unindented, the body indented with two
/// U+3000, no-break spaces after a dateline. The fixtures are a made-up small paper.
@Suite("Importer: folders of one article per file")
struct ArticleFileTests {
    static let indent = "\u{3000}\u{3000}"

    /// Lines joined with CRLF after a leading blank line, as the crawler saves them.
    static func file(_ lines: [String]) -> String {
        "\r\n" + lines.joined(separator: "\r\n") + "\r\n"
    }

    static let day: [String: String] = [
        "20261127-01-01.txt": file([
            "江城港口建设迈出新步伐",
            "新码头今天开港迎船",
            "——首批十二艘货轮靠泊作业",
            indent + "本报江城11月26日电\u{A0}\u{A0}（记者林晓、周南）江城新港区一号码头今天正式开港，首批货轮顺利靠泊。",
            indent + "码头负责人介绍，新泊位可同时停靠四艘万吨级货轮，年设计吞吐能力六百万吨。",
            indent + "一、泊位与堆场",
            indent + "堆场面积约二十公顷，配有八台岸桥。",
        ]),
        "20261127-01-02.txt": file([
            "市民文化节在江城开幕",
            "",
            indent + "本报讯 为期一个月的市民文化节今晚在江滨广场开幕，三十多个群众团体登台演出。",
            indent + "图为开幕式上的合唱表演。本报记者 苏青摄",
            indent + "文化节期间还将举办书市和摄影展。",
        ]),
        // Place 10 comes after place 2: the places are numbers.
        "20261127-01-10.txt": file([
            "在江城冬季运动会开幕式上的致辞",
            "（2026年11月26日）",
            "各位运动员、朋友们：",
            indent + "冬季运动会今天开幕了，我代表组委会向大家表示欢迎！",
            indent + "祝运动会圆满成功！",
        ]),
        // A photo item: no indented line at all.
        "20261127-02-01.txt": file(["图片报道", ""]),
        "README.txt": "这个文件夹是爬虫保存的一天报纸。\n",
    ]

    func writeDay(_ files: [String: String] = Self.day, name: String = #function) throws -> String {
        let folder = TestPaths.temporaryFolder(name) + "/20261127"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    @Test("a crawler's folder is one issue: dated by its names, a section a page, a file an article in place order")
    func oneIssue() throws {
        let folder = try writeDay()
        let result = try Importer().importPaths([folder])
        #expect(result.issue.date == IssueDate("2026-11-27"))
        #expect(result.dateSource.description == "the file name 20261127-01-01.txt")
        #expect(result.issue.sections.map(\.name) == ["第01版", "第02版"])
        #expect(result.issue.sections.map(\.page) == ["第01版", "第02版"])
        #expect(result.issue.sections.map(\.order) == [1, 2])
        #expect(result.issue.sections.map(\.articles.count) == [3, 1], "the README is no article")
        let titles = result.issue.sections.flatMap(\.articles).map(\.title)
        #expect(titles[0] == "新码头今天开港迎船")
        #expect(titles[1] == "市民文化节在江城开幕")
        #expect(titles[3] == "图片报道")
        #expect(Set(result.issue.sections.flatMap(\.articles).map(\.id)).count == 4)
    }

    @Test("the headline, the lead with no-break spaces, subheads and paragraphs of one file")
    func fields() throws {
        let result = try Importer().importPaths([try writeDay()])
        let a = result.issue.sections[0].articles[0]
        #expect(a.title == "新码头今天开港迎船")
        #expect(a.subtitle == "——首批十二艘货轮靠泊作业")
        #expect(a.kicker == "江城港口建设迈出新步伐")
        #expect(a.dateline == "本报江城11月26日电")
        #expect(a.credit == "（记者林晓、周南）")
        #expect(a.reporters == ["林晓", "周南"])
        #expect(a.paragraphs == ["江城新港区一号码头今天正式开港，首批货轮顺利靠泊。",
                                 "码头负责人介绍，新泊位可同时停靠四艘万吨级货轮，年设计吞吐能力六百万吨。",
                                 "一、泊位与堆场", "堆场面积约二十公顷，配有八台岸桥。"])
        #expect(a.sourceLines == LineRange(first: 2, last: 8))
    }

    @Test("a photo caption in the body becomes a caption after the paragraph above it")
    func caption() throws {
        let a = try Importer().importPaths([try writeDay()]).issue.sections[0].articles[1]
        #expect(a.dateline == "本报讯")
        #expect(a.paragraphs.count == 2)
        #expect(a.captions == [Caption(text: "图为开幕式上的合唱表演。本报记者 苏青摄", afterParagraph: 1)])
    }

    @Test("a speech's date line and salutation stay in its headline; the article is not cut")
    func speech() throws {
        let a = try Importer().importPaths([try writeDay()]).issue.sections[0].articles[2]
        let headline = [a.kicker, a.title, a.subtitle].joined()
        #expect(headline.filter { !$0.isWhitespace } == "在江城冬季运动会开幕式上的致辞（2026年11月26日）各位运动员、朋友们：")
        #expect(a.paragraphs == ["冬季运动会今天开幕了，我代表组委会向大家表示欢迎！", "祝运动会圆满成功！"])
    }

    @Test("a file with no indented line: its first line is the title, the others paragraphs")
    func unindented() throws {
        let one = try Importer().importPaths([try writeDay()]).issue.sections[1].articles[0]
        #expect(one.title == "图片报道" && one.paragraphs.isEmpty && one.kicker.isEmpty)
        let text = "广场上的冰雕\r\n\r\n冰雕节今天开幕。\r\n展期一个月。\r\n"
        let result = try Importer(options: .init(articles: true)).importArticles([("冰雕.txt", Array(text.utf8))])
        let a = result.issue.sections[0].articles[0]
        #expect(a.title == "广场上的冰雕")
        #expect(a.paragraphs == ["冰雕节今天开幕。", "展期一个月。"])
        // Unindented paragraphs above an indented line: the headline still ends at the first sentence.
        let mixed = "湖边的早晨\r\n湖水还没醒，渔船已经出发了。\r\n\u{3000}\u{3000}太阳出来以后，湖面一片金黄。\r\n"
        let b = try Importer(options: .init(articles: true)).importArticles([("湖.txt", Array(mixed.utf8))]).issue.sections[0].articles[0]
        #expect(b.title == "湖边的早晨")
        #expect(b.paragraphs == ["湖水还没醒，渔船已经出发了。", "太阳出来以后，湖面一片金黄。"])
    }

    @Test("nothing is lost: every non-blank character of each file lands in its article, in order")
    func lossless() throws {
        let folder = try writeDay()
        let importer = Importer()
        let articles = try importer.importPaths([folder]).issue.sections.flatMap(\.articles)
        let names = ["20261127-01-01.txt", "20261127-01-02.txt", "20261127-01-10.txt", "20261127-02-01.txt"]
        for (name, article) in zip(names, articles) {
            let bytes = Array(Self.day[name]!.utf8)
            let single = try importer.importPaths([folder + "/" + name])
            #expect(Lossless.nonBlank(single.issue.sections) == Lossless.nonBlank(try importer.pageText(bytes)), "\(name)")
            #expect(Lossless.nonBlank(article.textInReadingOrder.joined()) == Lossless.nonBlank(try importer.pageText(bytes)), "\(name)")
        }
    }

    @Test("--articles: other names are one section named by the folder or --section, in number order, dated as pages are")
    func otherNames() throws {
        let root = TestPaths.temporaryFolder() + "/冬季专刊-2026-12-01"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (name, title) in [("稿件10.txt", "第十篇"), ("稿件2.txt", "第二篇"), ("稿件1.txt", "第一篇")] {
            try Self.file([title, Self.indent + "本报讯 这是\(title)的正文。"]).write(toFile: root + "/" + name, atomically: true, encoding: .utf8)
        }
        let result = try Importer(options: .init(articles: true)).importPaths([root])
        #expect(result.issue.sections.map(\.name) == ["冬季专刊-2026-12-01"])
        #expect(result.issue.sections[0].articles.map(\.title) == ["第一篇", "第二篇", "第十篇"])
        #expect(result.issue.date == IssueDate("2026-12-01"), "from the folder's name, as for pages")
        let named = try Importer(options: .init(date: IssueDate("2026-12-02"), section: "专刊", articles: true)).importPaths([root])
        #expect(named.issue.sections.map(\.name) == ["专刊"])
        #expect(named.issue.date == IssueDate("2026-12-02") && named.dateSource.description == "--date")
        // Without --articles the same files are pages: three sections.
        #expect(try Importer().importPaths([root]).issue.sections.count == 3)
    }

    @Test("--articles keeps a crawler-named file's page")
    func articlesOptionKeepsPages() throws {
        let folder = try writeDay()
        let result = try Importer(options: .init(section: "不用", articles: true)).importPaths([folder + "/20261127-02-01.txt"])
        #expect(result.issue.sections.map(\.name) == ["第02版"])
        #expect(result.warnings.contains { $0.message.contains("--section ignored") })
    }

    @Test("a crawler's page file (20261127-03.txt) is page 03, the section its one-article files make")
    func crawlerPageFile() throws {
        #expect(ArticleFile.pageLabel(ofPageFile: "20261127-03.txt") == "第03版")
        #expect(ArticleFile.pageLabel(ofPageFile: "20261127-03-01.txt") == nil)
        #expect(ArticleFile.pageLabel(ofPageFile: "01-要闻.txt") == nil)
        let text = "\n江边的早市\n\n本报讯 天还没亮，早市就热闹起来了。\n"
        let issue = try Importer().importPages([("20261127-03.txt", Array(text.utf8))]).issue
        #expect(issue.sections.map(\.name) == ["第03版"] && issue.sections.map(\.page) == ["第03版"])
        #expect(issue.date.description == "2026-11-27")
    }

    @Test("the crawler's name: shape, date, page and place")
    func crawlerName() {
        let n = ArticleFile.CrawlerName(fileName: "20200115-03-07.txt")
        #expect(n?.date == IssueDate("2020-01-15") && n?.page == 3 && n?.place == 7 && n?.pageLabel == "第03版")
        #expect(ArticleFile.CrawlerName(fileName: "20200231-01-01.txt")?.date == nil, "the shape, with no such day")
        for name in ["20200115-03.txt", "01-要闻.txt", "20200115-03-07.md", "2020115-03-07.txt", "20200115-03-07-1.txt", "20200115-a3-07.txt"] {
            #expect(ArticleFile.CrawlerName(fileName: name) == nil, "\(name)")
        }
    }

    func failure(_ body: () throws -> Importer.Result) -> Importer.Failure? {
        do { _ = try body(); return nil } catch let f as Importer.Failure { return f } catch { return nil }
    }

    @Test("refused: a folder mixing crawler-named files with pages, an impossible date, two dates in one issue")
    func refusals() throws {
        var mixed = Self.day
        mixed["02-经济.txt"] = "第02版：经济\n\n菜价平稳\n\n本报讯 本周菜价平稳。\n"
        let mixedFolder = try writeDay(mixed)
        let m = failure { try Importer().importPaths([mixedFolder]) }
        #expect(m?.file == mixedFolder)
        #expect(m?.description.contains("02-经济.txt") == true && m?.description.contains("--articles") == true, "\(String(describing: m))")
        #expect(m?.description.contains("4 one-article files") == true && m?.description.contains("a page file") == true,
                "the counts are the folder's: \(String(describing: m))")
        // With --articles the page file is read as one article, and the import succeeds.
        #expect(try Importer(options: .init(articles: true)).importPaths([mixedFolder]).issue.articleCount == 5)

        var impossible = Self.day
        impossible["20200231-01-01.txt"] = Self.day["20261127-01-01.txt"]
        impossible["20261127-01-01.txt"] = nil
        let bad = failure { try Importer().importPaths([try writeDay(impossible)]) }
        #expect(bad?.file.hasSuffix("20200231-01-01.txt") == true)
        #expect(bad?.description.contains("20200231 is no date") == true, "\(String(describing: bad))")

        var twoDays = Self.day
        twoDays["20261128-01-01.txt"] = Self.day["20261127-01-01.txt"]
        twoDays["20261127-01-01.txt"] = nil
        let folder = try writeDay(twoDays)
        let two = failure { try Importer().importPaths([folder]) }
        #expect(two?.description.contains("2026-11-28") == true && two?.description.contains("--each") == true, "\(String(describing: two))")
        #expect(try Importer(options: .init(date: IssueDate("2026-11-27"))).importPaths([folder]).issue.articleCount == 4,
                "--date settles the day")
    }
}
