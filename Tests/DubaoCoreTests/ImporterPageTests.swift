@testable import DubaoImport
import DubaoStore
import DubaoModel
import Foundation
import Testing

@Suite("Importer: the sample paper and fixture pages")
struct ImporterPageTests {
    static func load(_ path: String) throws -> [UInt8] {
        // An empty file is not read through Foundation: on Linux Data(contentsOf:) and
        // FileManager.contents(atPath:) both leak their 4 KB buffer for it, which LeakSanitizer reports.
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        if size == 0 { return [] }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test("every sample page imports as EXPECTED.json says")
    func samplePages() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.sampleData + "/EXPECTED.json"))
        let pages = try JSONDecoder().decode([ExpectedPage].self, from: data)
        #expect(pages.count >= 3)
        for page in pages {
            let file = TestPaths.sampleData + "/" + page.file!
            let result = try Importer().importPaths([file])
            PageComparison.check(result, against: page, page: page.file!)
        }
    }

    @Test("the sample folder imports as one issue with every section")
    func sampleFolder() throws {
        let result = try Importer().importPaths([TestPaths.sampleData])
        #expect(result.issue.sections.map(\.name) == ["要闻", "经济", "城事", "文化"])
        #expect((10...12).contains(result.issue.articleCount - result.issue.sections.flatMap(\.articles).filter(\.isHeadlineOnly).count)
                || (10...14).contains(result.issue.articleCount))
        #expect(result.issue.paper == "江城晨报")
        #expect(result.issue.date.description == "2026-11-27")
        let ids = result.issue.sections.flatMap(\.articles).map(\.id)
        #expect(Set(ids).count == ids.count, "article IDs are unique")
    }

    @Test("pages that disagree on the date are refused, unless --date settles it")
    func pagesOfTwoDates() throws {
        let monday = Array("第01版：要闻　2026年11月23日　星期一\n\n江城新开三条公交线\n\n本报讯　三条新线今天开通。\n".utf8)
        let tuesday = Array("第02版：经济　2026年11月24日　星期二\n\n港口吞吐量再创新高\n\n本报讯　上月吞吐量创下新高。\n".utf8)
        let pages = [(file: "a.txt", bytes: monday), (file: "b.txt", bytes: tuesday)]
        #expect(throws: Importer.Failure.self) { try Importer().importPages(pages) }
        let result = try Importer(options: .init(date: IssueDate("2026-11-24"))).importPages(pages)
        #expect(result.issue.date.description == "2026-11-24")
        #expect(result.issue.sections.map(\.name) == ["要闻", "经济"])
        #expect(result.dateSource.description == "--date")
    }

    @Test("pages that print no date, named for two days, are refused; one day's names date the issue")
    func pagesNamedForTwoDays() throws {
        let first = Array("江城新开三条公交线\n\n本报讯　三条新线今天开通。\n".utf8)
        let second = Array("港口吞吐量再创新高\n\n本报讯　上月吞吐量创下新高。\n".utf8)
        let twoDays = [(file: "20261123-01.txt", bytes: first), (file: "20261124-01.txt", bytes: second)]
        #expect {
            try Importer().importPages(twoDays)
        } throws: { error in
            let failure = error as? Importer.Failure
            return failure?.file == "20261124-01.txt" && "\(failure!)".contains("2026-11-23") && "\(failure!)".contains("--each")
        }
        #expect(try Importer(options: .init(date: IssueDate("2026-11-24"))).importPages(twoDays).issue.date.description == "2026-11-24")
        let oneDay = [(file: "20261123-01.txt", bytes: first), (file: "20261123-02.txt", bytes: second)]
        let result = try Importer().importPages(oneDay)
        #expect(result.issue.date.description == "2026-11-23")
        #expect(result.issue.articleCount == 2)
    }

    /// A page copied out with a blank line after each line and two between items.
    static func gapPage(_ items: [[String]]) -> [UInt8] {
        Array(items.map { $0.joined(separator: "\n\n") }.joined(separator: "\n\n\n").utf8) + [0x0A]
    }

    /// The articles of a page of `lines`, each ended by `end`, with no blank line between them.
    static func articles(ofLines lines: [String], end: String = "\r\n") throws -> [Article] {
        let page = Array(lines.map { $0 + end }.joined().utf8)
        return try Importer().importPages([(file: "01.txt", bytes: page)]).issue.sections.flatMap(\.articles)
    }

    @Test("on a page with gaps, a title's last line keeps its byline, whatever pair its end makes or word it ends in")
    func titleOverByline() throws {
        let page = Self.gapPage([
            ["交通强市 提速前行", "城际铁路江临段全线建成", "本报记者 周南", "昨日上午，城际铁路江临段全线贯通。",
             "新线每公里造价成本下降一成。"],
            ["新春走基层", "幸福是奋斗出来的", "本报记者 林晓", "腊月二十八，江城港的码头上依旧灯火通明。"],
            ["老城区公交线网优化", "本报记者 丁一", "江城市交通运输局昨日发布老城区公交线网优化方案。"],
        ])
        let articles = try Importer().importPages([(file: "01.txt", bytes: page)]).issue.sections.flatMap(\.articles)
        #expect(articles.map(\.title) == ["城际铁路江临段全线建成", "幸福是奋斗出来的", "老城区公交线网优化"])
        #expect(articles.map(\.credit) == ["本报记者 周南", "本报记者 林晓", "本报记者 丁一"])
    }

    @Test("text wrapped at a fixed width keeps its paragraphs whole: a full line is no subhead")
    func fixedWidthLines() throws {
        let paragraphs = ["记者昨日从江城港务集团获悉，今年一至十月江城港累计完成货物吞吐量一点三八亿吨。",
                          "集装箱业务表现亮眼全年有望突破二百五十万标箱，港口新开通国际航线四条。",
                          "港务集团负责人介绍说今年以来集团加快智慧港口建设，装卸效率提高了两成，船舶平均在港时间缩短了六个小时，客户满意度持续提升。",
                          "下一步江城港将继续深化与内陆城市的合作开通更多海铁联运班列。"]
        // Sixteen characters a line, as a text dump of a printed column gives them.
        let wrapped = paragraphs.flatMap { p in
            stride(from: 0, to: p.count, by: 16).map { String(p.dropFirst($0).prefix(16)) }
        }
        let page = Self.gapPage([["江城港前十月货物吞吐量同比增长"] + wrapped,
                                 ["老城区公交线网优化", "江城市交通运输局昨日发布老城区公交线网优化方案。"],
                                 ["临川新开一座图书馆", "临川新图书馆昨天开馆，馆内藏书二十万册。"]])
        let articles = try Importer().importPages([(file: "01.txt", bytes: page)]).issue.sections.flatMap(\.articles)
        #expect(articles.first?.paragraphs == paragraphs)
    }

    @Test("a page that indents its paragraphs with a tab reads them as one indented with U+3000")
    func tabIndentedParagraphs() throws {
        let articles = [
            ["江城港十月吞吐量创新高", "\t江城港务集团昨日发布十月生产数据，货物吞吐量同比增长一成，创下建港以来单月新高。",
             "\t智慧码头建设提速", "\t今年以来，集团在二号码头投用了十二台自动化岸桥，单机作业效率比人工操作提高两成。",
             "\t下一步，集团将继续推进三号码头的改造工程"],
            ["临川新开一座图书馆", "\t临川新图书馆昨天上午正式开馆迎客，馆内藏书二十万册，其中地方文献三千余种。",
             "\t馆内还专门设有少儿阅览区和自习室，开馆首日接待读者两千余人次。"],
            ["老城区公交线网优化", "\t江城市交通运输局昨日发布老城区公交线网优化方案，新辟线路五条，调整线路十二条。"],
        ]
        let page = Array(articles.map { "\r\n" + $0.joined(separator: "\r\n") + "\r\n" }.joined().utf8)
        let imported = try Importer().importPages([(file: "01.txt", bytes: page)]).issue.sections.flatMap(\.articles)
        #expect(imported.map(\.title) == ["江城港十月吞吐量创新高", "临川新开一座图书馆", "老城区公交线网优化"])
        // Each indented line starts a paragraph, a bare subhead and a last one cut short included.
        #expect(imported.first?.paragraphs.count == 4)
        #expect(imported.first?.paragraphs[1] == "智慧码头建设提速")
    }

    @Test("headlines set off by one U+3000 over paragraphs indented by two are headlines")
    func headlinesSetOffByOneSpace() throws {
        let lines = ["\u{3000}江城港十月吞吐量创新高",
                     "\u{3000}\u{3000}江城港务集团昨日发布十月生产数据，货物吞吐量同比增长一成，创下建港以来单月新高。",
                     "\u{3000}\u{3000}今年以来，集团在二号码头投用了十二台自动化岸桥，单机作业效率比人工操作提高两成。",
                     "\u{3000}临川新开一座图书馆",
                     "\u{3000}\u{3000}临川新图书馆昨天上午正式开馆迎客，馆内藏书二十万册，其中地方文献三千余种。"]
        let imported = try Self.articles(ofLines: lines)
        #expect(imported.map(\.title) == ["江城港十月吞吐量创新高", "临川新开一座图书馆"])
        #expect(imported.first?.paragraphs.count == 2)
        // One article a file, set the same way.
        let file = ArticleFile.parse(lines.prefix(3).joined(separator: "\n"))
        #expect(file.title == "江城港十月吞吐量创新高" && file.paragraphs.count == 2)
    }

    @Test("with no blank line between articles, a title carrying its column starts one under a line that ends open")
    func columnTitleUnderAnOpenLine() throws {
        let lines = ["江城治水记（治理手记）",
                     "\u{3000}\u{3000}入冬以来，江城河道整治工程进入收尾阶段，沿岸十二个村的排污口全部封堵。",
                     "\u{3000}\u{3000}——江城市水务局局长\u{00A0}周\u{00A0}明",
                     "村里要兴业，办法莫嫌“笨”（驻村日记）",
                     "\u{3000}\u{3000}谁也没想到，我到村里遇到的第一个难题，是白天在村里怎么也找不到几个村民。",
                     "\u{3000}\u{3000}后来我改在傍晚收工以后挨家走访，才一户一户把各家的情况和想法摸清楚。"]
        let imported = try Self.articles(ofLines: lines)
        #expect(imported.map(\.title) == ["江城治水记（治理手记）", "村里要兴业，办法莫嫌“笨”（驻村日记）"])
        #expect(imported.last?.paragraphs.count == 2)
    }

    @Test("with no blank line between items, 图片报道 is an item of its own, not a kicker over the next headline")
    func photoLabelWithoutBlankLines() throws {
        let lines = ["江城港十月吞吐量创新高",
                     "\u{3000}\u{3000}江城港务集团昨日发布十月生产数据，货物吞吐量同比增长一成，创下建港以来单月新高。",
                     "图片报道",
                     "临川新开一座图书馆",
                     "\u{3000}\u{3000}临川新图书馆昨天上午正式开馆迎客，馆内藏书二十万册，其中地方文献三千余种。",
                     "\u{3000}\u{3000}馆内还专门设有少儿阅览区和自习室，开馆首日接待读者两千余人次，借书一千余册。"]
        let imported = try Self.articles(ofLines: lines, end: "\n")
        #expect(imported.map(\.title) == ["江城港十月吞吐量创新高", "图片报道", "临川新开一座图书馆"])
    }

    @Test("a paragraph comes in three pieces at most: four lines in a row that end mid-sentence hold a subhead")
    func cutBudget() throws {
        let page = Self.gapPage([
            ["江城港十月吞吐量创新高", "江城港务集团昨日发布十月生产数据。", "智慧码头建设提速，装卸效率明显提高",
             "今年以来，集团在二号码头", "投用了十二台自动化岸桥，", "单机作业效率比人工操作提高两成。"],
            ["临川新开一座图书馆", "临川新图书馆昨天上午正式开馆迎客。", "馆内藏书二十万册，其中", "地方文献三千余种，馆内还专门设有",
             "少儿阅览区和自习室。"],
            ["老城区公交线网优化", "江城市交通运输局昨日发布老城区公交线网优化方案。"],
        ])
        // Lines of many lengths, as a page's columns cut them (not text wrapped at one width).
        let articles = try Importer().importPages([(file: "01.txt", bytes: page)]).issue.sections.flatMap(\.articles)
        #expect(articles.first?.paragraphs == ["江城港务集团昨日发布十月生产数据。", "智慧码头建设提速，装卸效率明显提高",
                                               "今年以来，集团在二号码头投用了十二台自动化岸桥，单机作业效率比人工操作提高两成。"])
        // Three lines that end mid-sentence may be one paragraph cut twice: they stay one.
        #expect(articles.dropFirst().first?.paragraphs == ["临川新图书馆昨天上午正式开馆迎客。",
                                                           "馆内藏书二十万册，其中地方文献三千余种，馆内还专门设有少儿阅览区和自习室。"])
    }

    @Test("a subhead the run of cut lines under it proves vouches for another of its item as long")
    func subheadsAsLongAsAProvenOne() throws {
        let page = Self.gapPage([
            ["江城港十月吞吐量创新高", "江城港务集团昨日发布十月生产数据。", "智慧码头建设全面提速见实效", "今年以来，集团在二号码头陆续",
             "投用了十二台自动化岸桥和轨道吊，", "单机作业效率比人工操作提高两成。", "海铁联运班列开行越来越密了", "港口与内陆城市合作开行",
             "的海铁联运班列已达每周三十列。"],
            ["老城区公交线网优化", "江城市交通运输局昨日发布老城区公交线网优化方案，新开和调整线路二十二条。",
             "调整后，老城区公交站点五百米覆盖率达到百分之百。", "新线路将于下月一日起运营。"],
            ["临川新开一座图书馆", "临川新图书馆昨天上午正式开馆迎客，首日接待读者三千余人次。",
             "馆内藏书二十万册，设有少儿阅览区、自习室和地方文献室，每天开放十二个小时。"],
            ["江城冬季长跑赛鸣枪", "两千名跑者昨日参赛。", "赛道沿江而设，全长十公里。", "年龄最大的选手七十六岁，已连续十年参赛。",
             "组委会在沿途设了八个补给站和六个医疗点，全程未发生意外。", "下届比赛将增设半程马拉松项目，报名下月开始。"],
        ])
        // Lines of many lengths, as a page's columns cut them: no width is the page's.
        let articles = try Importer().importPages([(file: "01.txt", bytes: page)]).issue.sections.flatMap(\.articles)
        #expect(articles.first?.paragraphs == ["江城港务集团昨日发布十月生产数据。", "智慧码头建设全面提速见实效",
                                               "今年以来，集团在二号码头陆续投用了十二台自动化岸桥和轨道吊，单机作业效率比人工操作提高两成。",
                                               "海铁联运班列开行越来越密了", "港口与内陆城市合作开行的海铁联运班列已达每周三十列。"])
    }

    @Test("a short bare line above a quote, a year or a date opening the next line is a subhead")
    func subheadsOverOpeners() throws {
        let page = Self.gapPage([
            ["江城港十月吞吐量创新高", "江城港务集团昨日发布十月生产数据。", "码头工人的新年心愿", "“今年最大的愿望，是多陪陪家人。”老张说。",
             "新港区建设按下快进键", "2019年，新港区完成投资三十亿元。", "一批新航线陆续开通运营", "11月1日，首条远洋航线开通。"],
            ["老城区公交线网优化", "江城市交通运输局昨日发布老城区公交线网优化方案，新开和调整线路二十二条。"],
        ])
        let articles = try Importer().importPages([(file: "01.txt", bytes: page)]).issue.sections.flatMap(\.articles)
        #expect(articles.first?.paragraphs == ["江城港务集团昨日发布十月生产数据。", "码头工人的新年心愿", "“今年最大的愿望，是多陪陪家人。”老张说。",
                                               "新港区建设按下快进键", "2019年，新港区完成投资三十亿元。", "一批新航线陆续开通运营",
                                               "11月1日，首条远洋航线开通。"])
        #expect(ChunkParser.opensParagraph("“今年…") && ChunkParser.opensParagraph("2019年，…") && ChunkParser.opensParagraph("1月11日，…"))
        #expect(!ChunkParser.opensParagraph("2019") && !ChunkParser.opensParagraph("12个项目") && !ChunkParser.opensParagraph("近年来，…"))
    }

    @Test("a line that opens with 的, 了, 们… goes on the line above, however short that is")
    func lineOpensWithParticle() throws {
        let page = Self.gapPage([
            ["江城港十月吞吐量创新高", "江城港务集团昨日发布十月生产数据。", "海铁联运班列", "的开行量比去年翻了一番。"],
            ["老城区公交线网优化", "江城市交通运输局昨日发布老城区公交线网优化方案，新开和调整线路二十二条。"],
        ])
        let articles = try Importer().importPages([(file: "01.txt", bytes: page)]).issue.sections.flatMap(\.articles)
        #expect(articles.first?.paragraphs == ["江城港务集团昨日发布十月生产数据。", "海铁联运班列的开行量比去年翻了一番。"])
    }

    @Test("a headline's line under a kicker's dash, over a summary's label or naming who attended is the headline's")
    func headlineLinesWithCommas() throws {
        let page = Self.gapPage([
            ["搭建平台引才聚智，江城高新区——", "留住人才，让创新有了底气", "走进江城高新区的人才公寓，三百套房间已住满。"],
            ["江城 港口焕新颜（经济聚焦）", "前十个月集装箱吞吐量增长一成，航线达到四十条", "核心阅读",
             "江城港加快智慧码头建设，集装箱业务增长明显。"],
            ["江城市委召开全会强调", "奋力谱写高质量发展新篇章", "王江李河出席", "全会听取并讨论了市委常委会工作报告。"],
        ])
        let articles = try Importer().importPages([(file: "01.txt", bytes: page)]).issue.sections.flatMap(\.articles)
        #expect(articles.map(\.kicker) == ["搭建平台引才聚智，江城高新区——", "", "江城市委召开全会强调"])
        #expect(articles.map(\.title) == ["留住人才，让创新有了底气", "江城 港口焕新颜（经济聚焦）", "奋力谱写高质量发展新篇章"])
        #expect(articles.map(\.subtitle) == ["", "前十个月集装箱吞吐量增长一成，航线达到四十条", "王江李河出席"])
        #expect(articles.map { $0.paragraphs.first } == ["走进江城高新区的人才公寓，三百套房间已住满。", "核心阅读",
                                                       "全会听取并讨论了市委常委会工作报告。"])
    }

    @Test("a line that opens with a closing mark goes on the line above, even a numbered one")
    func closingMarkAtLineStart() throws {
        let page = Self.gapPage([
            ["老人冬季出行提示", "江城疾控中心提醒老人注意以下几点。", "1.外出时戴好帽子和围巾", "。早晚气温低，尽量少出门。",
             "2.雪天路滑，尽量不要骑车。"],
            ["老城区公交线网优化", "江城市交通运输局昨日发布老城区公交线网优化方案。"],
            ["临川新开一座图书馆", "临川新图书馆昨天开馆，馆内藏书二十万册。"],
        ])
        let articles = try Importer().importPages([(file: "01.txt", bytes: page)]).issue.sections.flatMap(\.articles)
        #expect(articles.first?.paragraphs == ["江城疾控中心提醒老人注意以下几点。", "1.外出时戴好帽子和围巾。早晚气温低，尽量少出门。",
                                               "2.雪天路滑，尽量不要骑车。"])
    }

    @Test("第七章 heads a chapter; 第一节课 and 第一编辑部 begin sentences")
    func chapterHeadings() {
        #expect(HeadlineBlock.isSubheading("第七章党内民主和监督"))
        #expect(HeadlineBlock.isSubheading("第二部分 主要任务"))
        #expect(!HeadlineBlock.isSubheading("第一节课上孩子们围坐在一起"))
        #expect(!HeadlineBlock.isSubheading("第一编辑部的同事们"))
    }

    @Test("pages dated by their folders' names, two days apart, are refused naming the folder")
    func foldersOfTwoDays() throws {
        let page = Array("江城新开三条公交线\n\n本报讯　三条新线今天开通。\n".utf8)
        #expect {
            try Importer().importPages([(file: "d/2020-01-05/04.txt", bytes: page), (file: "d/2020-01-06/04.txt", bytes: page)])
        } throws: { error in
            let failure = error as? Importer.Failure
            return failure?.file == "d/2020-01-06" && "\(failure!)".contains("2020-01-05 gives 2020-01-05")
        }
    }

    @Test("the sample embedded in the binary loads, every page of SampleData in it")
    func shippedSample() throws {
        let sample = try SampleLibrary()
        #expect(sample.issue.sections.map(\.name) == ["要闻", "经济", "城事", "文化"])
        #expect(sample.issue == (try Importer().importPaths([TestPaths.sampleData]).issue))
    }

    static var fixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixtures)) ?? []
        return names.filter { $0.hasSuffix(".expected.json") }.sorted()
    }

    static func pageFile(for expectation: String) -> String? {
        let stem = String(expectation.dropLast(".expected.json".count))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixtures)) ?? []
        return names.filter { $0.hasPrefix(stem + ".") && !$0.hasSuffix(".json") }.sorted().first
            .map { TestPaths.fixtures + "/" + $0 }
    }

    @Test("every fixture page imports as its .expected.json says", arguments: fixtureNames)
    func fixture(_ name: String) throws {
        let expected = try JSONDecoder().decode(ExpectedPage.self,
                                                from: Data(contentsOf: URL(fileURLWithPath: TestPaths.fixtures + "/" + name)))
        let page = try #require(Self.pageFile(for: name), "no page file beside \(name)")
        if let error = expected.expectError {
            #expect(throws: Importer.Failure.self, "\(name) must fail (\(error))") {
                try Importer().importPaths([page])
            }
            return
        }
        let result = try Importer().importPaths([page])
        PageComparison.check(result, against: expected, page: name)
    }

    static var allPages: [String] {
        var pages = ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.sampleData)) ?? [])
            .filter { $0.hasSuffix(".txt") }.map { TestPaths.sampleData + "/" + $0 }
        for name in fixtureNames { if let p = pageFile(for: name) { pages.append(p) } }
        return pages.sorted()
    }

    @Test("lossless: every non-blank character lands in one field, in order", arguments: allPages)
    func lossless(_ path: String) throws {
        let bytes = try Self.load(path)
        let importer = Importer()
        guard let result = try? importer.importPages([(path, bytes)]) else { return }  // error fixtures
        let text = try importer.pageText(bytes)
        #expect(Lossless.nonBlank(result.issue.sections) == Lossless.nonBlank(text), "\(path)")
    }
}
