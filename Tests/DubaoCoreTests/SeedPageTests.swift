import DubaoImport
import DubaoStore
import DubaoModel
import Foundation
import Testing

/// The real page in ../shared/seeds. It is read at test time and never copied into the project;
/// where the folder is absent these tests are skipped and say so.
@Suite("Importer: the real seed page", .enabled(if: TestPaths.seedAvailable,
                                                 "skipped: ../shared/seeds/000_a0ce3d9deb04aa59.txt is absent beside the checkout"))
struct SeedPageTests {
    struct Want {
        var title: String
        var kicker: String
        var subtitle: String
        var reporters: [String]
        var paragraphs: Int
    }

    /// What issue 2 says the seed must import as (title / kicker / subtitle / reporters / paragraphs).
    static let wanted: [Want] = [
        Want(title: "推动长春新区高效率高质量发展", kicker: "党建领航 创新赋能", subtitle: "", reporters: ["徐雁秋", "高歌"], paragraphs: 5),
        Want(title: "长春市聚力提升企业研发投入", kicker: "激活创新第一动力", subtitle: "", reporters: ["孟凡明"], paragraphs: 4),
        Want(title: "长春经开区世纪街道扎实推进“幸福小区”创建", kicker: "", subtitle: "", reporters: ["王秋月"], paragraphs: 2),
        Want(title: "长春市九台区打通司法便民服务“最后一公里”", kicker: "", subtitle: "“巡回审判”解矛盾 服务群众“零距离”",
             reporters: ["孟凡明"], paragraphs: 7),
        Want(title: "中车宽城历史文化街区项目正式开工", kicker: "", subtitle: "", reporters: ["刘霄宇"], paragraphs: 5),
        Want(title: "长春市南关区“万人驻(助)万企”行动成果丰硕", kicker: "突出“四快四实” 确保有效推进", subtitle: "",
             reporters: ["刘霄宇"], paragraphs: 5),
        Want(title: "描绘乡村振兴新图景", kicker: "莲花山生态旅游度假区劝农山镇同心村:", subtitle: "", reporters: ["孙红丽"], paragraphs: 7),
        Want(title: "推动乡村振兴 建设幸福家园", kicker: "", subtitle: "", reporters: [], paragraphs: 0),
    ]

    func importSeed() throws -> Importer.Result {
        try Importer(options: .init(date: IssueDate("2023-03-25"))).importPaths([TestPaths.seed])
    }

    @Test("imports as the seven articles of the brief, then the headline without a body")
    func articles() throws {
        let result = try importSeed()
        #expect(result.issue.sections.count == 1)
        let articles = result.issue.sections.flatMap(\.articles)
        #expect(articles.count == Self.wanted.count)
        for (a, w) in zip(articles, Self.wanted) {
            #expect(a.title == w.title)
            #expect(a.kicker == w.kicker, "kicker of \(w.title)")
            #expect(a.subtitle == w.subtitle, "subtitle of \(w.title)")
            #expect(a.reporters == w.reporters, "reporters of \(w.title)")
            #expect(a.paragraphs.count == w.paragraphs, "paragraphs of \(w.title)")
        }
        #expect(articles.last!.isHeadlineOnly)
        #expect(result.warnings.contains { $0.message.contains("no body") }, "the bodiless headline is reported")
    }

    @Test("column-cut paragraphs are joined without a space")
    func columnCuts() throws {
        let articles = try importSeed().issue.sections[0].articles
        // The brief's example: `…懂市` / `场、善经营…` become one paragraph.
        #expect(articles[0].paragraphs.contains { $0.contains("懂市场、善经营") })
        #expect(!articles.flatMap(\.paragraphs).contains { $0.hasPrefix("场、") })
        for p in articles.flatMap(\.paragraphs) {
            #expect(!p.hasPrefix(" ") && !p.hasSuffix(" ") && !p.hasPrefix("\u{3000}"))
        }
    }

    @Test("datelines and credits are split from the lead")
    func leads() throws {
        let articles = try importSeed().issue.sections[0].articles
        #expect(articles[0].dateline == "本报讯")
        #expect(articles[0].credit == "(记者徐雁秋 高歌)")
        #expect(!articles[0].paragraphs[0].hasPrefix("本报讯"))
        #expect(articles[6].credit == "本报记者 孙红丽")
    }

    @Test("lossless: every non-blank character lands in one field, in order")
    func lossless() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: TestPaths.seed)))
        let importer = Importer()
        let result = try importer.importPages([(TestPaths.seed, bytes)])
        #expect(Lossless.nonBlank(result.issue.sections) == Lossless.nonBlank(try importer.pageText(bytes)))
    }

    @Test("re-importing gives the same article IDs")
    func stableIDs() throws {
        let a = try importSeed().issue.sections[0].articles.map(\.id)
        let b = try importSeed().issue.sections[0].articles.map(\.id)
        #expect(a == b)
        #expect(Set(a).count == a.count)
    }
}
