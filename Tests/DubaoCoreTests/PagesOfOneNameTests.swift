@testable import DubaoImport
@testable import DubaoStore
import DubaoModel
import Foundation
import Testing

@Suite("Pages that share a section name, and page order")
struct PagesOfOneNameTests {
    static func page(_ number: Int, _ name: String, _ title: String) -> String {
        "第\(String(format: "%02d", number))版：\(name)\n\n\(title)\n\n本报讯（记者 秦川）\(title)，这是正文。\n\n"
    }

    @Test("要闻 on two pages of one file are two sections, and their articles' IDs differ")
    func oneFile() throws {
        let text = Self.page(1, "要闻", "新桥合龙") + Self.page(2, "要闻", "新桥合龙")
        let result = try Importer().importPages([("p.txt", Array(text.utf8))])
        #expect(result.issue.sections.map(\.page) == ["第01版", "第02版"])
        let ids = result.issue.sections.flatMap(\.articles).map(\.id)
        #expect(Set(ids).count == 2)
    }

    @Test("importing page 13 要闻 keeps page 1 要闻, and sections stand in page order whatever came first")
    func separateImports() throws {
        let library = Library(root: TestPaths.temporaryFolder())
        let date = IssueDate("2026-10-12")!
        for (n, title) in [(13, "夜市开张"), (1, "新桥合龙"), (6, "社区食堂")] {
            let result = try Importer(options: .init(date: date, paper: "江城晨报"))
                .importPages([("p\(n).txt", Array(Self.page(n, n == 6 ? "民生" : "要闻", title).utf8))])
            let report = try library.store(result.issue)
            #expect(report.sections.allSatisfy { $0.removed == 0 }, "page \(n) removed another page's articles")
        }
        let catalog = try library.catalog(of: library.issues()[0])
        #expect(catalog.sections.map(\.page) == ["第01版", "第06版", "第13版"])
        #expect(catalog.sections.map(\.name) == ["要闻", "民生", "要闻"])
        // Page 13 again, changed: it replaces page 13 only.
        let again = try Importer(options: .init(date: date, paper: "江城晨报"))
            .importPages([("p13.txt", Array(Self.page(13, "要闻", "夜市重开").utf8))])
        _ = try library.store(again.issue)
        let after = try library.catalog(of: library.issues()[0])
        #expect(after.sections.map(\.page) == ["第01版", "第06版", "第13版"])
        #expect(after.sections[0].articles.map(\.title) == ["新桥合龙"])
        #expect(after.sections[2].articles.map(\.title) == ["夜市重开"])
    }

    @Test("a folder's pages go in page order, not in the order of their file names")
    func folderInPageOrder() throws {
        let folder = TestPaths.temporaryFolder()
        for (file, n, name) in [("访谈.txt", 6, "访谈"), ("民生.txt", 12, "民生"), ("公告.txt", 7, "公告")] {
            try Self.page(n, name, name + "一则").write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
        }
        let result = try Importer().importPaths([folder])
        #expect(result.issue.sections.map(\.name) == ["访谈", "公告", "民生"])
    }

    @Test("lettered pages: the A stack before the B stack")
    func letteredPages() {
        let sections = ["第B01版", "第A02版", "第A01版"].map { Section(name: $0, order: 0, page: $0) }
        #expect(sortedByPage(sections, page: \.page).map(\.page) == ["第A01版", "第A02版", "第B01版"])
    }

    @Test("本报记者 甲 通讯员 乙 on its own line is a byline, not a 本报…讯 dateline; nor is 本报通讯员 in a sentence")
    func reporterAndCorrespondent() throws {
        let text = "第16版：教育\n\n课后时光更丰富了\n\n本报记者 林小满 通讯员 赵敏\n\n下午三点半，放学铃声响起。\n\n本报通讯员在现场看到，孩子们排队走进活动室，有的下棋，有的画画，还有的跟着老师做科学小实验，活动室里一片欢声笑语。\n"
        let result = try Importer().importPages([("p.txt", Array(text.utf8))])
        let articles = result.issue.sections[0].articles
        #expect(articles.count == 1)
        #expect(articles[0].credit == "本报记者 林小满 通讯员 赵敏")
        #expect(articles[0].reporters == ["林小满", "赵敏"])
        #expect(articles[0].dateline.isEmpty)
        #expect(articles[0].paragraphs.count == 2)
    }

    @Test("a byline's names may run together or be long; 记者 opening a cut sentence is no byline")
    func bylineNames() throws {
        #expect(Credits.byline("本报记者 阿卜杜热合曼")?.names == ["阿卜杜热合曼"])
        #expect(Credits.byline("本报记者 林小满王大川")?.names == ["林小满王大川"])
        #expect(Credits.byline("记者从江城市第十二")  == nil)
        #expect(Credits.byline("记者在江城港码头看到") == nil)
        // Cut there by a column, the sentence joins the paragraph above it instead of starting an article.
        let text = "\n港口迎来新航线\n\n本报讯 今年以来，港口新开三条航线，\n\n记者从江城港务集团获悉\n\n，货物吞吐量同比增长一成。\n"
        let articles = try Importer().importPages([("p.txt", Array(text.utf8))]).issue.sections[0].articles
        #expect(articles.count == 1)
        #expect(articles.first?.paragraphs == ["今年以来，港口新开三条航线，记者从江城港务集团获悉，货物吞吐量同比增长一成。"])
    }

    @Test("a bare name under a title: common family names, compound ones, and no place names")
    func probableNames() {
        for name in ["李白杨", "张三", "欧阳明", "司马光远", "诸葛青"] { #expect(Credits.isProbableName(name[...]), "\(name)") }
        // Compound names' characters (上官, 欧阳) are no family names alone.
        for word in ["上海", "阳光", "官方", "老屋", "故乡"] { #expect(!Credits.isProbableName(word[...]), "\(word)") }
    }
}
