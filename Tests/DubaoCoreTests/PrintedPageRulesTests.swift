@testable import DubaoImport
import DubaoModel
import Testing

/// The rules that read a printed page's paragraphs and headline lines, on the texts where each
/// could go wrong: wrapped text, verse, lists, words that open sentences, prepositions.
@Suite("Importer: printed pages' paragraphs and headline lines, where the rules could go wrong")
struct PrintedPageRulesTests {
    static func articles(_ items: [[String]]) throws -> [Article] {
        try Importer().importPages([(file: "01.txt", bytes: ImporterPageTests.gapPage(items))]).issue.sections.flatMap(\.articles)
    }

    /// The paragraphs the importer makes of an item whose headline is `title` and whose lines are
    /// `body`, a paragraph a line, on a page with two other items.
    static func paragraphs(under title: String, _ body: [String]) throws -> [String]? {
        try articles([[title] + body] + otherItems).first?.paragraphs
    }

    /// An article's kicker, title and subtitle that are there, in sorted order: the headline's
    /// lines, whatever roles they were given.
    static func headlineLines(_ article: Article?) -> [String] {
        [article?.kicker, article?.title, article?.subtitle].compactMap { $0 }.filter { !$0.isEmpty }.sorted()
    }

    static let otherItems = [
        ["老城区公交线网优化", "江城市交通运输局昨日发布老城区公交线网优化方案，新开和调整线路二十二条。",
         "调整后，老城区公交站点五百米覆盖率达到百分之百。", "新线路将于下月一日起运营。"],
        ["临川新开一座图书馆", "临川新图书馆昨天上午正式开馆迎客，首日接待读者三千余人次。"],
    ]

    @Test("text wrapped at one display width, half-width figures and all, keeps its paragraph whole")
    func wrappedWithFigures() throws {
        // Wrapped at 32 cells: the lines hold 15 to 20 characters, as wide as each other.
        let lines = ["规模以上工业增加值同比增长7.8%，", "其中高技术制造业增长15.6%，新能", "源汽车产量达到12.3万辆，增长48.9",
                     "%，锂电池产量增长36.2%。"]
        let got = try Self.articles([["江城工业生产稳中有升", "市统计局昨日发布十月数据。"] + lines] + Self.otherItems)
        #expect(got.first?.paragraphs == ["市统计局昨日发布十月数据。", lines.joined()])
    }

    @Test("text wrapped with Chinese line breaking (a character given to the next line, a comma hung) keeps its paragraph whole")
    func wrappedWithLineBreakingRules() throws {
        let lines = ["江城市今年以来持续推进老旧小区改造工", "作，截至目前已完成改造小区一百二十个，", "惠及居民三万余户，改造内容包括加装电",
                     "梯、更新管网和完善无障碍设施等方", "面。"]
        let got = try Self.articles([["江城老旧小区改造惠及三万户", "市住建局昨日通报改造进展。"] + lines] + Self.otherItems)
        #expect(got.first?.paragraphs == ["市住建局昨日通报改造进展。", lines.joined()])
    }

    @Test("two pieces cut just after a comma are no parallel subheads, however alike; two whole phrases are")
    func cutAfterAComma() throws {
        let got = try Self.articles([["江城开展理论宣讲", "宣讲团走进社区和企业。", "抓好新时代的理论武装工作，既要", "学原文，也要悟原理。",
                                      "讲好发生在身边的暖心故事，就要", "走进群众，用好家常话。"],
                                     ["江城冬季长跑赛鸣枪", "两千名跑者昨日参赛。", "坚持年年都有进步，争取年年登高", "赛道沿江而设，全长十公里。",
                                      "坚持每天强身健体，享受欢畅奔跑", "年龄最大的选手七十六岁，已连续十年参赛。"],
                                     // Lines of many lengths: no width is the page's.
                                     ["江城港十月吞吐量创新高", "江城港务集团昨日发布十月生产数据。", "集装箱吞吐量同比增长一成，创历年同期新高。",
                                      "港口新开通国际航线四条，通达四十多个国家和地区的一百多个港口。",
                                      "下一步将继续深化与内陆城市的合作，开通更多海铁联运班列，把港口服务延伸到内陆腹地。"]] + Self.otherItems)
        #expect(got.first?.paragraphs == ["宣讲团走进社区和企业。", "抓好新时代的理论武装工作，既要学原文，也要悟原理。",
                                          "讲好发生在身边的暖心故事，就要走进群众，用好家常话。"])
        #expect(got.dropFirst().first?.paragraphs == ["两千名跑者昨日参赛。", "坚持年年都有进步，争取年年登高", "赛道沿江而设，全长十公里。",
                                                       "坚持每天强身健体，享受欢畅奔跑", "年龄最大的选手七十六岁，已连续十年参赛。"])
    }

    @Test("a roundup's label (财经短波) is its item's whole headline; the briefs' titles are its text")
    func roundupLabel() throws {
        let got = try Self.articles([["财经短波", "江城举办第三届跨境电商博览会", "本报电 第三届江城跨境电商博览会昨日开幕，三百余家企业参展。",
                                      "江城港开通首条冷链班列", "本报电 江城港首条冷链班列昨日发车，满载进口水果。"]] + Self.otherItems)
        #expect(got.first?.title == "财经短波")
        #expect(got.first?.paragraphs.first == "江城举办第三届跨境电商博览会")
        // A brief's title cut in two, over its own lead, inside the roundup: still the roundup's text.
        let cut = try Self.articles([["资讯速递", "江城港开通首条冷链班列", "本报电 江城港首条冷链班列昨日发车，满载进口水果。", "（海 军）",
                                      "我国羽绒年产量达", "40万吨左右", "本报电 在日前举行的羽绒博览会上，行业协会发布了这一数据。"]] + Self.otherItems)
        #expect(cut.count == 3)
        #expect(cut.first?.paragraphs.suffix(2) == ["我国羽绒年产量达40万吨左右", "本报电 在日前举行的羽绒博览会上，行业协会发布了这一数据。"])
        #expect(!HeadlineBlock.isRoundupLabel("短波通信技术新进展") && HeadlineBlock.isRoundupLabel("新闻速递")
                && HeadlineBlock.isRoundupLabel("来论·春运"))
    }

    @Test("a line under a title that says 日前, 近日 or 昨日 is the text's first line, not a subtitle")
    func leadTimeWordUnderTitle() throws {
        let got = try Self.articles([["江城经济增长显露韧性", "市统计局日前公布的前三季度经济", "运行数据显示，全市经济稳中有进。"]] + Self.otherItems)
        #expect(got.first?.title == "江城经济增长显露韧性")
        #expect(got.first?.subtitle == "")
        #expect(got.first?.paragraphs == ["市统计局日前公布的前三季度经济运行数据显示，全市经济稳中有进。"])
    }

    @Test("a photo caption a column cut mid-sentence goes on in the next line, not in a paragraph")
    func captionCutInTwo() throws {
        let got = try Self.articles([["开训！", "新年开训以来，江城支队紧贴任务开展训练。", "图为1月6日，江城支队特战",
                                      "队员进行课目训练。", "本报记者 林晓摄"]] + Self.otherItems)
        #expect(got.first?.paragraphs == ["新年开训以来，江城支队紧贴任务开展训练。"])
        #expect(got.first?.captions.first?.text == "图为1月6日，江城支队特战队员进行课目训练。")
    }

    @Test("a photo credit that ends without a full stop keeps the next item's headline out, on a page without gaps")
    func creditThenHeadline() throws {
        let lines = ["江城冬季长跑赛鸣枪", "本报江城1月5日电（记者林晓）两千名跑者昨日参赛。", "图为选手们沿江奔跑。林晓摄影报道",
                     "老城区公交线网优化", "本报江城1月5日电（记者丁一）江城市交通运输局昨日发布老城区公交线网优化方案。"]
        let page = Array(lines.joined(separator: "\n\n").utf8) + [0x0A]
        let got = try Importer().importPages([(file: "01.txt", bytes: page)]).issue.sections.flatMap(\.articles)
        #expect(got.map(\.title) == ["江城冬季长跑赛鸣枪", "老城区公交线网优化"])
    }

    @Test("on a page of two items, one gap is enough: a feature's story with its own headline and byline stays in it")
    func onePageTwoItems() throws {
        let got = try Self.articles([["新春走基层", "江城港的年夜饭", "本报记者 林晓", "除夕夜，江城港的码头上依旧灯火通明。",
                                      "守护平安是我们的职责", "本报记者 丁一", "凌晨两点，派出所的值班室里还亮着灯。"],
                                     ["老城区公交线网优化", "江城市交通运输局昨日发布老城区公交线网优化方案，新开和调整线路二十二条。"]])
        #expect(got.count == 2)
        #expect(got.first?.paragraphs.contains("守护平安是我们的职责") == true)
    }

    @Test("a poem whose lines are as long as each other stays verse, a line each")
    func longVerse() throws {
        let verse = ["春天来到江城的时候我总是想起故乡那条河", "那条河从村口流过一直流到很远很远的地方",
                     "河边的柳树每年都发芽每年都被风吹得很低", "母亲在河边洗衣服的背影我至今还记得清楚"]
        let got = try Self.articles([["春天里的江城", "林晓"] + verse] + Self.otherItems)
        #expect(got.first?.paragraphs == verse)
    }

    @Test("a list of items as long as each other stays a line each")
    func equalLengthList() throws {
        let items = ["一是加强组织领导和统筹协调力度", "二是完善就业政策体系和服务机制", "三是强化就业资金保障和监督管理"]
        let got = try Self.articles([["江城出台措施稳就业", "江城市人社局昨日出台稳就业十条措施。", "各区要抓好落实工作"] + items] + Self.otherItems)
        #expect(got.first?.paragraphs == ["江城市人社局昨日出台稳就业十条措施。", "各区要抓好落实工作"] + items)
    }

    @Test("着力, 后来, 是否 open sentences: a short subhead above one stands alone")
    func wordsThatOpenSentences() throws {
        let got = try Self.articles([["江城港十月吞吐量创新高", "江城港务集团昨日发布十月生产数据。", "坚持创新驱动",
                                      "着力推进智慧码头建设，集团今年投用了十二台自动化岸桥。", "回望来时路",
                                      "后来，老张当上了码头班组长，带出了一批技术骨干。"]] + Self.otherItems)
        #expect(got.first?.paragraphs == ["江城港务集团昨日发布十月生产数据。", "坚持创新驱动", "着力推进智慧码头建设，集团今年投用了十二台自动化岸桥。",
                                          "回望来时路", "后来，老张当上了码头班组长，带出了一批技术骨干。"])
    }

    @Test("a line ending in a preposition goes on into a quote; wrapped text keeps a quote that a line opens with")
    func quotesThatOpenNoParagraph() throws {
        let got = try Self.articles([["江城港十月吞吐量创新高", "江城港务集团昨日发布十月生产数据。", "据介绍，新码头的设计年通过能力为",
                                      "“两百万标箱”，将于明年投入使用。"]] + Self.otherItems)
        #expect(got.first?.paragraphs == ["江城港务集团昨日发布十月生产数据。", "据介绍，新码头的设计年通过能力为“两百万标箱”，将于明年投入使用。"])
        let wrapped = ["记者昨日从江城港务集团获悉，今年", "一至十月江城港累计完成货物吞吐量", "一点三八亿吨。", "港务集团负责人介绍说今年以来集团",
                       "“智慧港口”建设全面提速，装卸效", "率提高了两成。", "集装箱业务表现亮眼全年有望突破二", "百五十万标箱，港口新开通国际航线",
                       "四条。"]
        // The whole page wrapped at sixteen characters, as a text dump of a column gives it.
        let page = try Self.articles([["江城港前十月货物吞吐量同比增长"] + wrapped,
                                      ["老城区公交线网优化", "江城市交通运输局昨日发布老城区公", "交线网优化方案。"]])
        #expect(page.first?.paragraphs == ["记者昨日从江城港务集团获悉，今年一至十月江城港累计完成货物吞吐量一点三八亿吨。",
                                           "港务集团负责人介绍说今年以来集团“智慧港口”建设全面提速，装卸效率提高了两成。",
                                           "集装箱业务表现亮眼全年有望突破二百五十万标箱，港口新开通国际航线四条。"])
    }

    @Test("a headline's line that a word or a particle ties to the text below, or that runs as long as a dash's prose, is text")
    func headlineLinesThatAreText() throws {
        let got = try Self.articles([
            ["江城召开防汛工作会议", "市委书记张三出席", "会议并讲话。各区负责同志出席会议。", "会议要求，要压实防汛责任。"],
            ["有些镜头，将永远铭刻在人们的记忆中——", "洪水退去，村民们回到家园，开始清理淤泥", "重建工作随即展开，志愿者们也纷纷赶来帮忙。"],
        ] + Self.otherItems)
        #expect(got.first?.title == "江城召开防汛工作会议")
        #expect(got.first?.paragraphs.first == "市委书记张三出席会议并讲话。各区负责同志出席会议。")
        #expect(got.dropFirst().first?.paragraphs.first?.hasPrefix("洪水退去") == true)
    }

    @Test("a paragraph a column cut inside a word of the dictionary, which the page writes nowhere else, goes on, a numbered point and all")
    func cutInsideADictionaryWord() throws {
        let got = try Self.articles([["江城部署明年经济工作", "市委经济工作会议昨日召开。", "（一）坚持稳中求进，守住安全底线。", "（二）推动全市经济高质",
                                      "量发展，提升城市能级。", "会议要求各部门抓好落实。"]] + Self.otherItems)
        #expect(got.first?.paragraphs == ["市委经济工作会议昨日召开。", "（一）坚持稳中求进，守住安全底线。", "（二）推动全市经济高质量发展，提升城市能级。",
                                          "会议要求各部门抓好落实。"])
    }

    @Test("ICU's dictionary finds a word across two lines the page's own pairs miss, and no word across a subhead's end")
    func dictionaryWordsAcrossLines() {
        let pairs = AdjacentPairs(["江城港今年吞吐量创新高。"])
        #expect(pairs.joins("推动全市经济高质", "量发展，提升城市能级。"))
        #expect(pairs.joins("面向全体市民开展垃圾分", "类宣传"))
        #expect(!pairs.joins("用汗水浇灌收获", "在独龙江公路巡逻执勤间隙，"))
        #expect(!pairs.joins("更好的日子还在后头", "群山环绕的大湾村，茶园生机勃勃。"))
    }

    @Test("a title with a comma under its kicker, over a line opening with a quote, is the headline's, not the text's")
    func titleWithACommaOverAQuote() throws {
        let got = try Self.articles([["早预警、早处置，江城公安整治非法集资", "靠前一步，守好群众钱袋子", "“投入少、收益高”……广告里的投资项目看上去十分诱人。",
                                      "民警提醒，承诺高额回报的项目尤需警惕。"]] + Self.otherItems)
        #expect(Self.headlineLines(got.first)
                == ["早预警、早处置，江城公安整治非法集资", "靠前一步，守好群众钱袋子"].sorted())
        #expect(got.first?.paragraphs.first?.hasPrefix("“投入少") == true)
        // A paragraph's first words a column cut, wider than the title above them, stay text
        // though a quote opens the next line.
        let cut = try Self.articles([["江城公安整治非法集资", "经过深入调研，专案组盯上", "“养龟致富”项目，随即展开侦查。"]] + Self.otherItems)
        #expect(cut.first?.title == "江城公安整治非法集资")
        #expect(cut.first?.paragraphs == ["经过深入调研，专案组盯上“养龟致富”项目，随即展开侦查。"])
    }

    @Test("subheads of two lines, a short one over a longer, stand apart from the paragraphs they head")
    func twoLineSubheads() throws {
        let body = ["临港新城建设三年来，城市面貌焕然一新。",
                    "港口更繁忙", "航线密度更高货物吞吐更大", "新开国际航线九条，集装箱吞吐量增长两成。",
                    "产业添活力", "老旧厂房改造新兴业态聚集", "一批旧厂房改成了创意园区，入驻企业两百余家。",
                    "生活更便利", "学校医院超市样样全都配齐", "新城居民如今出门十分钟就能办好日常事务。"]
        #expect(try Self.paragraphs(under: "临港新城三年变了模样", body) == body)
    }

    @Test("the second lines of a set of subheads, opened alike under each, stand apart from the paragraphs below them")
    func secondLinesOpenedAlike() throws {
        let body = ["江城回望刚刚过去的一年，成绩来之不易。",
                    "港口物流建设迈上新的台阶", "这一年，江城港新开国际航线九条，集装箱吞吐量增长两成", "码头上的龙门吊日夜不停，货轮一艘接一艘靠港卸货。",
                    "城乡人居环境变得焕然一新", "这一年，老旧小区改造惠及三万户居民，公园绿地又添十处", "走在老城区的街巷里，处处能看到新变化。",
                    "民生保障水平变得更加有力", "这一年，新建学校六所，社区医院实现街道全覆盖", "居民们说，日子过得越来越舒心了。"]
        #expect(try Self.paragraphs(under: "江城这一年", body) == body)
    }

    @Test("a reply that ends a sentence is no subhead: the paragraph under it stays whole")
    func replyIsNoSubhead() throws {
        let body = ["江城回望刚刚过去的一年，成绩来之不易。", "“行！”", "我们马上就去办，争取在月底之前完成全部的审批工作。",
                    "“好！”", "我们一定把这件事办好，让全村的老人孩子都能过上一个安心年。"]
        let page = [["江城这一年", body[0], body[1], "我们马上就去办，争取在月底之前", "完成全部的审批工作。", body[3],
                     "我们一定把这件事办好，让全村的老人孩子", "都能过上一个安心年。"]]
        let got = try Self.articles(page + Self.otherItems)
        #expect(got.first?.paragraphs == body)
    }

    @Test("a sign-off in brackets (（本报记者某某整理）) is a line of its own under a line that ends without a full stop")
    func bracketedSignOff() throws {
        let body = ["发展是第一要务，人才是第一资源，创新是第一动力。", "——江城市委书记张三在市委全会上说", "（本报记者林晓整理）"]
        #expect(try Self.paragraphs(under: "把创新摆在发展全局的核心位置", body) == body)
    }

    @Test("a lead's credit cut onto a line of its own, in brackets, stays the lead's")
    func leadCreditOnItsOwnLine() throws {
        let got = try Self.articles([["江城港吞吐量创新高", "本报江城1月2日电", "（记者林晓）", "江城港去年完成货物吞吐量一点四亿吨。"]] + Self.otherItems)
        #expect(got.first?.paragraphs == ["江城港去年完成货物吞吐量一点四亿吨。"])
        #expect(got.first?.dateline == "本报江城1月2日电")
        #expect(got.first?.credit.contains("林晓") == true)
    }

    @Test("a number alone on a line (an interview's questions counted) is a paragraph of its own")
    func numberedQuestions() throws {
        let body = ["市交通局负责人就公交线网优化回答了记者的提问。", "1", "问：这次优化的重点是什么？", "答：重点是打通老城区的断头路和公交盲区。",
                    "2", "问：新线路什么时候开通？", "答：新线路将于下月一日起陆续开通。"]
        #expect(try Self.paragraphs(under: "江城公交线网优化答记者问", body) == body)
    }

    @Test("two lines as long as each other that open a quote and leave it open are someone's words going on, not parallel subheads")
    func openQuotesAreNoSubheads() throws {
        let body = ["江城一家养殖场去年扩大了规模。", "“后来我们又去找生产企业商量，终于把饲料价格谈了下来。”场长说。",
                    "“刚开始大伙儿都有些担心销路，后来慢慢都放心了。”一位村民说。"]
        let page = [["江城养殖场扩大规模", body[0], "“后来我们又去找生产企业", "商量，终于把饲料价格谈了下来。”场长说。",
                     "“刚开始大伙儿都有些担心", "销路，后来慢慢都放心了。”一位村民说。"]]
        let got = try Self.articles(page + Self.otherItems)
        #expect(got.first?.paragraphs == body)
    }

    @Test("a law's articles (第一条…) cut by a column, as long as each other, are no parallel subheads; its chapters stand alone")
    func lawArticlesAreNoSubheads() throws {
        let body = ["第一章  总则", "第一条  为了加强江城公园管理工作，制定本条例。", "第二条  本条例适用于江城各类公园及其附属设施。",
                    "第三条  本市园林绿化主管部门负责全市公园的监督管理工作。", "第四条  公园管理应当坚持公益属性，方便市民游览和休憩，保护公园的自然和人文资源。"]
        let page = [["江城市公园管理条例", body[0], body[1], "第二条  本条例适用于江城各类公园", "及其附属设施。", "第三条  本市园林绿化主管部门负责",
                     "全市公园的监督管理工作。", body[4]]]
        let got = try Self.articles(page + Self.otherItems)
        #expect(got.first?.paragraphs == body)
    }

    @Test("where every short subhead of an item has a short bare line under it, each is its subhead's second line")
    func linesUnderShortSubheads() throws {
        let body = ["江城儿童福利院去年集中养育了一百二十名困境儿童。",
                    "为何集中养育", "提供更好的照顾和教育", "这些孩子大多来自偏远山村，过去由年迈的祖辈照看。",
                    "集体生活咋样", "培养好习惯，学习有人管", "福利院里有图书室、活动室，老师每天辅导孩子们做功课。",
                    "如何更好帮扶", "推进专业化规范化建设", "福利院与两所高校合作，引入社工和心理咨询服务。"]
        #expect(try Self.paragraphs(under: "江城困境儿童有了温暖的家", body) == body)
        // Not where one subhead stands over a whole sentence: the bare line under the other is
        // its paragraph's first words, a column cut.
        let mixed = try Self.articles([["江城困境儿童有了温暖的家", "江城儿童福利院去年集中养育了一百二十名困境儿童。", "为何集中养育",
                                        "这些孩子大多来自偏远", "山村，过去由年迈的祖辈照看。", "集体生活咋样", "福利院里有图书室和活动室。"]] + Self.otherItems)
        #expect(mixed.first?.paragraphs == ["江城儿童福利院去年集中养育了一百二十名困境儿童。", "为何集中养育", "这些孩子大多来自偏远山村，过去由年迈的祖辈照看。",
                                            "集体生活咋样", "福利院里有图书室和活动室。"])
    }

    @Test("a verse of seven-character lines with their commas and full stops keeps a line a paragraph; two clauses a column cut do not")
    func punctuatedVerseLines() throws {
        let body = ["江城湿地公园今年新添了十二种越冬候鸟，观鸟的市民络绎不绝。", "这正是：",
                    "芦花飞白水云间，", "候鸟归来落浅滩。", "莫惊沙头双白鹭，", "湿地留得四时安。"]
        #expect(try Self.paragraphs(under: "候鸟飞回江城湿地", body) == body)
        // Lines of unequal length, or without a sentence end among them, are a paragraph's pieces.
        let prose = ["江城湿地公园今年新添了十二种越冬候鸟，", "观鸟的市民络绎不绝，公园延长了开放时间。"]
        #expect(try Self.paragraphs(under: "候鸟飞回江城湿地", prose) == [prose.joined()])
        let commas = ["江城湿地公园今年新添了十二种越冬候鸟。", "芦苇丛中白鹭飞，", "浅滩上野鸭成群，", "观鸟的市民络绎不绝，公园延长了开放时间。"]
        #expect(try Self.paragraphs(under: "候鸟飞回江城湿地", commas) == [commas[0], commas[1...].joined()])
    }

    @Test("a title of two phrases round a comma, fewer characters than the kicker over it, is the headline's whatever the line under it opens with")
    func balancedTitleUnderAKicker() throws {
        let got = try Self.articles([["2021年江城冬季运动会第二次彩排", "冰雪激情，全民共享", "开幕式将于下周六晚在江城体育中心举行，彩排持续了三个小时。",
                                      "组委会介绍，本届运动会设十二个大项。"]] + Self.otherItems)
        #expect(Self.headlineLines(got.first)
                == ["2021年江城冬季运动会第二次彩排", "冰雪激情，全民共享"].sorted())
        #expect(got.first?.paragraphs.first?.hasPrefix("开幕式") == true)
        // A paragraph's first words, longer than the title above them, or opening with a time, stay text.
        let longer = try Self.articles([["江城冬泳", "冬日清晨，江城市民在运河里", "冬泳，岸边围满了加油的观众。"]] + Self.otherItems)
        #expect(longer.first?.title == "江城冬泳")
        #expect(longer.first?.paragraphs == ["冬日清晨，江城市民在运河里冬泳，岸边围满了加油的观众。"])
        let timed = try Self.articles([["江城冬泳比赛昨天热闹开赛了", "今年冬天，江城的市民们", "纷纷走进运河冬泳，岸边围满了加油的观众。"]] + Self.otherItems)
        #expect(timed.first?.title == "江城冬泳比赛昨天热闹开赛了")
        #expect(timed.first?.paragraphs == ["今年冬天，江城的市民们纷纷走进运河冬泳，岸边围满了加油的观众。"])
    }

    @Test("a title of two phrases parted by a space stays in the headline though the page writes its last character and the text's first side by side, across two words")
    func spacedTitleOverAPairAcrossWords() throws {
        // `业发`: the page writes it in `产业发展`, across two words.
        let body = ["发展改革委日前公布了临港新区的三年规划。", "规划提出，临港产业发展要突出绿色低碳。"]
        let got = try Self.articles([["借通江达海的区位优势", "江城临港 做大做强临港产业"] + body] + Self.otherItems)
        #expect(Self.headlineLines(got.first)
                == ["借通江达海的区位优势", "江城临港 做大做强临港产业"].sorted())
        #expect(got.first?.paragraphs == body)
    }

    @Test("a clause cut just before a quoted term (…专门引进 / “智能分拣”系统…) is one paragraph; a subhead over someone's words stands alone")
    func cutBeforeAQuotedTerm() throws {
        let body = ["江城去年新建了三座垃圾分类处理站。", "为了提高分拣效率，市城管局专门引进“智能分拣”系统，每天可处理垃圾两百吨。"]
        let got = try Self.articles([["江城垃圾分类见成效", body[0], "为了提高分拣效率，市城管局专门引进", "“智能分拣”系统，每天可处理垃圾两百吨。"]] + Self.otherItems)
        #expect(got.first?.paragraphs == body)
        let quoted = ["江城去年新建了三座垃圾分类处理站。", "分拣效率翻了一番", "“现在一天能处理两百吨垃圾。”站长说。"]
        #expect(try Self.paragraphs(under: "江城垃圾分类见成效", quoted) == quoted)
    }

    @Test("three bare lines whose last a column cut from the prose under it are a paragraph's pieces, not verse")
    func bareLinesCutFromTheProseBelow() throws {
        let body = ["江城社区服务中心今年新开了四个服务点。", "服务到家门口", "退休教师赵老师每周都到社区图书室给孩子们辅导功课，很受居民欢迎。"]
        let got = try Self.articles([["江城社区服务开到家门口", body[0], body[1], "退休教师赵老师每周都到社区图书室", "给孩子们辅导功",
                                      "课，很受居民欢迎。"]] + Self.otherItems)
        #expect(got.first?.paragraphs == body)
    }

    @Test("a closing credit in brackets a column cut (（本报江城1月5日电 / 记者林晓、 / 王芳）) stays one paragraph")
    func closingCreditCutInPieces() throws {
        let body = ["江城港今年集装箱吞吐量突破三百万标箱。", "“明年还要再开两条航线。”港务集团负责人说。", "（本报江城1月5日电  记者林晓、王芳）"]
        let got = try Self.articles([["江城港吞吐量创新高", body[0], body[1], "（本报江城1月5日电", "  记者林晓、", "王芳）"]] + Self.otherItems)
        #expect(got.first?.paragraphs.map { $0.replacingOccurrences(of: " ", with: "") } == body.map { $0.replacingOccurrences(of: " ", with: "") })
    }

    @Test("a paragraph's first words opening with a date, as long as an item's subheads, are no subhead of the set")
    func newsOpeningIsNoParallelSubhead() throws {
        // The date's piece is as long as the two subheads (fifteen characters): three lines of an
        // item as long as each other are subheads by their length alone. (The other lines' lengths
        // are kept apart from it: a quarter of the page's lines as long reads as text wrapped.)
        let body = ["江城今年以来推出了十多项便民利民的新措施。", "让群众办事变得更加方便快捷高效", "市政务中心全面推行一窗受理，办事时间缩短了一半。",
                    "12月2日，江城市政务服务大厅新增了二十个自助窗口，市民可以随时办理业务。", "让企业经营变得更加安心放心舒心", "市里为企业开辟了绿色通道，审批时限压缩到三天。"]
        let page = [["江城便民措施见实效", body[0], body[1], body[2], "12月2日，江城市政务服务大厅", "新增了二十个自助窗口，市民可以随时办理业务。", body[4], body[5]]]
        let got = try Self.articles(page + Self.otherItems)
        #expect(got.first?.paragraphs == body)
    }

    @Test("a piece too short to open a paragraph, cut from the line below too, is a paragraph's middle: the line above goes on into it")
    func middlePieceJoinsTheLineAbove() throws {
        let body = ["江城去年新建了三座垃圾分类处理站。", "市城管局为提高效率专门引进“智能分拣”系统，每天可处理垃圾两百吨。"]
        let got = try Self.articles([["江城垃圾分类见成效", body[0], "市城管局为提高效率专门引进", "“智", "能分拣”系统，每天可处理垃圾两百吨。"]] + Self.otherItems)
        #expect(got.first?.paragraphs == body)
    }

    @Test("a subhead with its comma where a proven subhead of the set has it, a few characters longer or shorter, is one of the set")
    func subheadSharingTheSetsComma() throws {
        let body = ["江城市纪委今年围绕作风建设推出了一系列新举措。", "抓理论学习，提升党员干部政治素养", "全市党员干部每月集中学习一次，学习内容涵盖政策法规。",
                    "抓日常监督，坚守廉洁从业纪律底线", "市纪委对重点领域开展专项检查，发现问题立即整改。", "抓为民服务，当好群众贴心人", "各级党组织深入社区走访群众，帮助解决实际困难。"]
        let got = try Self.paragraphs(under: "江城作风建设有新举措", body)
        #expect(got == body)
    }

    @Test("a line matching a proven subhead stays one though the page writes its seam's pair elsewhere, across two words")
    func subheadOverAPairAcrossWords() throws {
        let body = ["江城市纪委今年围绕作风建设推出了一系列新举措。", "抓理论学习，提升党员干部政治素养", "全市党员干部每月集中学习一次，学习内容涵盖政策法规。",
                    "抓日常监督，坚守廉洁从业纪律底线", "市纪委开展专项检查，许多人在检查中主动说明了问题。", "抓为民服务，当好群众贴心人",
                    "在社区走访中，各级党组织帮助群众解决了实际困难。"]
        let got = try Self.paragraphs(under: "江城作风建设有新举措", body)
        #expect(got == body)
    }

    @Test("subheads of two lines whose second lines are parallel are subheads, though the first of them is no shorter than a column")
    func parallelSecondLines() throws {
        let body = ["江城老旧小区改造今年全面铺开，惠及居民三万户。", "小区有了议事会", "居民议事定规矩，大事小情一起商量", "“以前停车乱糟糟，现在划了车位。”居民老张说。",
                    "小区物业服务变得更加规范", "服务标准上墙面，收费明细全部公开", "小区物业每月公布收支明细，接受居民监督。"]
        let got = try Self.paragraphs(under: "江城老旧小区焕新颜", body)
        #expect(got == body)
    }

    @Test("where every short label ending in a dash in an item has a bare line under it, those lines are subheads")
    func linesUnderDashLabels() throws {
        let body = ["江城地铁三号线开通一个月，沿线变化不小。", "市民——", "出行更方便了，再也不用像以前那样绕远路去换乘两趟公交车", "家住城东的王先生每天坐地铁上班，单程节省了二十分钟。",
                    "商户——", "客流多了，店里的生意也比以前好做了不少，营业额翻了一番", "地铁站旁的一家面馆，每天中午都要排起长队。"]
        let got = try Self.paragraphs(under: "地铁开通一个月", body)
        #expect(got == body)
    }

    @Test("a title with an exclamation before its column's tag (…，关！（基层观察）) is the headline's line, not a sentence")
    func exclamationBeforeColumnTag() throws {
        let got = try Self.articles([["江城为基层干部减负", "会议文件过多，减！（基层观察）", "今年以来，江城市精简会议文件三成以上。",
                                      "基层干部有了更多时间走访群众。"]] + Self.otherItems)
        #expect(Self.headlineLines(got.first)
                == ["江城为基层干部减负", "会议文件过多，减！（基层观察）"].sorted())
        #expect(got.first?.paragraphs == ["今年以来，江城市精简会议文件三成以上。", "基层干部有了更多时间走访群众。"])
    }

    @Test("a line whose first sentence ends within three characters (懂。…) finishes the line above, however short that line is")
    func stubOpensNoParagraph() throws {
        let got = try Self.articles([["江城小学开设农耕课", "江城实验小学本学期开设了农耕课。", "城里的孩子",
                                      "懂。他们在校园菜地里种下了青菜和萝卜。"]] + Self.otherItems)
        #expect(got.first?.paragraphs == ["江城实验小学本学期开设了农耕课。", "城里的孩子懂。他们在校园菜地里种下了青菜和萝卜。"])
        #expect(ChineseText.opensWithStub("运行。风险多样"))
        #expect(ChineseText.opensWithStub("村，村民们"))
        #expect(!ChineseText.opensWithStub("一，坚持"))
        #expect(!ChineseText.opensWithStub("“好！”他说"))
        #expect(!ChineseText.opensWithStub("近年来，"))
    }

    @Test("a line under a title that the next line finishes, as no text opens (，… or 村，…), is the text's first line")
    func textsFirstLineUnderTitle() throws {
        let got = try Self.articles([["老有所医的新办法", "上了年纪以后最怕的就是生病", "，社区医院今年开设了家庭病床，医生定期上门。",
                                      "老人们说，这下看病方便多了。"]] + Self.otherItems)
        #expect(Self.headlineLines(got.first) == ["老有所医的新办法"])
        #expect(got.first?.paragraphs.first == "上了年纪以后最怕的就是生病，社区医院今年开设了家庭病床，医生定期上门。")
        let stub = try Self.articles([["山村新貌", "走进大山深处的詹家坳", "村，村民们正忙着修路。"]] + Self.otherItems)
        #expect(Self.headlineLines(stub.first) == ["山村新貌"])
        #expect(stub.first?.paragraphs.first == "走进大山深处的詹家坳村，村民们正忙着修路。")
        let tagged = try Self.articles([["山里的快递站", "山货网上卖（走基层）", "车，沿着山路开了两个小时才到村里。"]] + Self.otherItems)
        #expect(Self.headlineLines(tagged.first) == ["山货网上卖（走基层）", "山里的快递站"])
    }

    @Test("a commentary's opening summary, one long sentence ending bare, is a paragraph of its own; a news story's first line under another column's tag goes on")
    func commentarySummary() throws {
        let summary = "老街改造既要让居民住得舒心，也要守住一座城市的记忆和温度"
        let text = "江城的老街有三百多年历史。去年开始的改造，先问居民想要什么。"
        let got = try Self.articles([["让老街留住乡愁（人民时评）", summary, text, "改造后的老街，游客多了，老住户也没有搬走。"]] + Self.otherItems)
        #expect(got.first?.paragraphs.prefix(2) == [summary, text])
        let opening = "在江城老街的一家茶馆里，记者见到了正在门口忙碌的店主"
        let story = try Self.articles([["老街茶馆又热闹起来（新春走基层）", opening, "王师傅正在擦拭桌椅，他说老街的生意越来越好了。",
                                        "茶馆里坐满了来喝早茶的老街坊。"]] + Self.otherItems)
        #expect(story.first?.paragraphs.first == opening + "王师傅正在擦拭桌椅，他说老街的生意越来越好了。")
        // A first line no longer than a subhead is no summary.
        let short = try Self.articles([["让老街留住乡愁（人民时评）", "老街改造既要让居民住得舒心", "也要守住一座城市的记忆。", "改造后的老街，游客多了。"]] + Self.otherItems)
        #expect(short.first?.paragraphs.first == "老街改造既要让居民住得舒心也要守住一座城市的记忆。")
    }

    @Test("two lines that each open with a label and its colon are fields of a list, a paragraph each, however the first ends")
    func fieldsOfAList() throws {
        let body = ["江城市政协委员今年提交了一批关于老旧小区的提案。", "提案人：市政协委员李明", "案由：老旧小区加装电梯进展不一，居民意见较多。"]
        let got = try Self.paragraphs(under: "委员提案选登", body)
        #expect(got == body)
        // A label over prose a column cut stays one paragraph.
        let cut = try Self.paragraphs(under: "委员提案选登", ["江城市政协委员今年提交了一批提案。", "说起这件事，委员们都十分", "感慨：“老百姓的事就是大事。”"])
        #expect(cut == ["江城市政协委员今年提交了一批提案。", "说起这件事，委员们都十分感慨：“老百姓的事就是大事。”"])
    }

    @Test("a line under a title ending in a figure that the next line goes on (…1 / 月13日…) is the text's first line")
    func figureCutUnderTitle() throws {
        let got = try Self.articles([["英国经济意外收缩", "英国国家统计局（ONS）1", "月13日发布的数据显示，英国经济环比收缩0.3%。",
                                      "分析人士认为，不确定性拖累了经济。"]] + Self.otherItems)
        #expect(Self.headlineLines(got.first) == ["英国经济意外收缩"])
        #expect(got.first?.paragraphs.first == "英国国家统计局（ONS）1月13日发布的数据显示，英国经济环比收缩0.3%。")
    }

    @Test("a line opening with an item's number (第一章, 21., （2）) starts a paragraph, however the line above ends; not 1.5万")
    func numberedItemsStartParagraphs() throws {
        let law = ["江城市人民政府令第十二号公布，自公布之日起施行。", "江城市人民政府", "2020年1月3日", "第一章 总 则", "第一条 为了规范养犬行为，保障市民健康和人身安全，制定本规定。"]
        #expect(try Self.paragraphs(under: "江城市文明养犬规定", law) == law)
        let programme = ["市民新春联欢会今晚七点在江城大剧院举行。", "表演：江城歌舞团、青年合唱团", "2.小品《回家过年》", "表演：王小明、李红"]
        #expect(try Self.paragraphs(under: "新春联欢会节目单", programme) == programme)
        let figure = try Self.paragraphs(under: "江城港吞吐量创新高", ["江城港生产形势持续向好。", "江城港去年完成集装箱吞吐量", "1.5万标准箱，同比增长两成。"])
        #expect(figure == ["江城港生产形势持续向好。", "江城港去年完成集装箱吞吐量1.5万标准箱，同比增长两成。"])
        // An address a column cut, and a `第二条` in a sentence, go on.
        let mail = try Self.paragraphs(under: "读者来信", ["欢迎读者来信。", "来信请寄编辑部，邮箱：duzhe@1", "63.com。"])
        #expect(mail == ["欢迎读者来信。", "来信请寄编辑部，邮箱：duzhe@163.com。"])
        let prose = try Self.paragraphs(under: "返乡创业记", ["大学毕业那年，他面临两种选择。", "留在城市还是回乡，他最终选择了", "第二条路，回到家乡创业。"])
        #expect(prose == ["大学毕业那年，他面临两种选择。", "留在城市还是回乡，他最终选择了第二条路，回到家乡创业。"])
        #expect(ChunkParser.opensNumberedItem("（三）违法限制"))
        #expect(ChunkParser.opensNumberedItem("第一百零五条 外商投资企业"))
        #expect(!ChunkParser.opensNumberedItem("一、外交工作"))
    }

    @Test("a speech's salutation of several lines, and a notice's addressees, stay in the headline; an agency's dateline in brackets closes the text on a line of its own")
    func salutationsAndAddressees() throws {
        let body = ["很高兴来到美丽的江城，同各位朋友相聚。", "江城与我们的友谊源远流长。"]
        let speech = try Self.articles([["在江城友好城市大会上的致辞", "（2020年1月8日，江城）", "尊敬的市长先生，", "尊敬的各位来宾，",
                                         "女士们，先生们，朋友们："] + body] + Self.otherItems)
        #expect(speech.first?.paragraphs == body)
        let text = ["为弘扬志愿服务精神，市政府决定对一批优秀志愿者予以表彰。", "江城市人民政府", "2020年1月7日", "（新华社北京1月10日电）"]
        let notice = try Self.articles([["江城市人民政府关于表彰优秀志愿者的决定", "各区人民政府，市政府各委、办、局："] + text] + Self.otherItems)
        #expect(notice.first?.paragraphs == text)
        #expect(Self.headlineLines(notice.first).contains("各区人民政府，市政府各委、办、局："))
    }

    @Test("a title under a kicker ending in a dash stays in the headline when it is two characters shorter, however wide the kicker's figures are")
    func titleShorterThanAKickerWithFigures() throws {
        let got = try Self.articles([["三项举措惠及1200户困难家庭——", "江城取暖，补贴送进“暖心包”", "入冬以来，江城为困难家庭送去取暖补贴。",
                                      "社区干部逐户上门，把补贴送到老人手中。"]] + Self.otherItems)
        #expect(Self.headlineLines(got.first) == ["三项举措惠及1200户困难家庭——", "江城取暖，补贴送进“暖心包”"].sorted())
        #expect(got.first?.paragraphs.first == "入冬以来，江城为困难家庭送去取暖补贴。")
    }

    @Test("a line too short for a column under one of an item's parallel subheads is that subhead's last words")
    func parallelSubheadsTail() throws {
        let body = ["江城市纪委今年围绕作风建设推出了一系列新举措。", "抓理论学习，提升党员干部政治素养", "全市党员干部每月集中学习一次，学习内容涵盖政策法规。",
                    "抓日常监督，坚守廉洁从业纪律底线", "市纪委对重点领域开展专项检查，发现问题立即整改。", "抓为民服务，当好群众贴心人", "各级党组织深入社区走访群众，帮助解决实际困难。",
                    "抓制度建设，扎牢不敢腐的制度笼子", "市纪委今年修订完善了十二项制度，堵塞了一批管理漏洞。"]
        let lines = Array(body[0...2]) + ["抓日常监督，坚守廉洁从业纪律", "底线"] + Array(body[4...])
        let got = try Self.paragraphs(under: "江城作风建设有新举措", lines)
        #expect(got == body)
    }

    @Test("a numbered item cut by a column over a line that ends as an item ends (；) goes on; a numbered subheading over its text stands alone")
    func numberedItemCut() throws {
        let body = ["条例规定，物业服务企业不得有下列行为：", "（一）违法限制业主使用共有部分、共有设施设备；", "（二）擅自提高收费标准；"]
        let got = try Self.paragraphs(under: "江城物业管理条例施行", [body[0], "（一）违法限制业主使用", "共有部分、共有设施设备；", body[2]])
        #expect(got == body)
        let heading = try Self.paragraphs(under: "江城物业管理条例施行", ["条例共分五章。", "（一）业主的权利", "业主有权监督物业服务企业的工作。"])
        #expect(heading == ["条例共分五章。", "（一）业主的权利", "业主有权监督物业服务企业的工作。"])
    }

    @Test("a line ending in a figure over one that goes on with a figure (…逾1 / 200亿元) goes on, however much it looks like a subhead")
    func figureCutUnderOrnament() throws {
        let got = try Self.paragraphs(under: "江城减税降费成效明显", ["江城去年减税降费工作成效显著。", "●去年为企业降低用能、物流等费用逾1", "200亿元",
                                                              "市财政局介绍，今年将继续落实各项减税政策。"])
        #expect(got == ["江城去年减税降费工作成效显著。", "●去年为企业降低用能、物流等费用逾1200亿元", "市财政局介绍，今年将继续落实各项减税政策。"])
    }

    @Test("a line that opens a bracket or a quote and leaves it open has no subhead's shape")
    func openBracketHasNoSubheadShape() {
        #expect(ChunkParser.Shape(bareLine: "（新华社北京1月5日电") == nil)
        #expect(ChunkParser.Shape(bareLine: "“后来，我们与生产企业沟通") == nil)
        #expect(ChunkParser.Shape(bareLine: "让群众办事不再跑腿") != nil)
        #expect(ChunkParser.Shape(bareLine: "（本报记者）留住乡愁") != nil)
    }
}
