import DubaoModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a synthetic archive of raw pages with a fixed seed: one file per section per issue,
/// with the quirks of real pages (page headers, kickers, 本报讯 leads with half- and full-width
/// brackets, bylines on their own line, column-cut paragraphs, mixed punctuation, footers).
struct ArchiveGenerator {
    var issues: Int
    var sectionsPerIssue = 12
    var articlesPerSection = 6
    var seed: UInt64 = 20_261_127

    static let sectionNames = ["要闻", "经济", "城事", "文化", "体育", "国际", "科技", "教育", "健康", "副刊", "法治", "乡村"]
    /// Common characters, in no order that means anything; text built from them reads like
    /// nonsense but has the statistics that matter here: widths, punctuation, line lengths.
    static let han = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞")
    static let latin = ["App", "5G", "GDP", "AI", "CPI", "12.6万吨", "9.2%", "2026年", "3月", "160万平方米", "1+10+13+N"]
    static let surnames = Array("王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")

    struct Generated {
        var folder: String
        var files: [String]
        var bytes: Int
        var articles: Int
        var dates: [IssueDate]
    }

    func write(to folder: String) throws -> Generated {
        var rng = SplitMix(seed: seed)
        var files: [String] = []
        var bytes = 0
        var dates: [IssueDate] = []
        var date = IssueDate(year: 2025, month: 1, day: 1)!
        for _ in 0..<issues {
            dates.append(date)
            let dir = "\(folder)/\(date)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for s in 0..<sectionsPerIssue {
                let name = Self.sectionNames[s % Self.sectionNames.count]
                let page = page(number: s + 1, name: name, date: date, rng: &rng)
                let path = "\(dir)/\(String(format: "%02d", s + 1))-\(name).txt"
                // Plain write(2): Foundation's writers flush every file, and ten years are 43,800 pages.
                let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                let utf8 = Array(page.utf8)
                guard fd >= 0, utf8.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == utf8.count, close(fd) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
                files.append(path)
                bytes += page.utf8.count
            }
            date = date.next
        }
        return Generated(folder: folder, files: files, bytes: bytes, articles: issues * sectionsPerIssue * articlesPerSection,
                         dates: dates)
    }

    func page(number: Int, name: String, date: IssueDate, rng: inout SplitMix) -> String {
        var out = "第\(String(format: "%02d", number))版：\(name)　　\(date.year)年\(date.month)月\(date.day)日　　江城晨报\n\n"
        for a in 0..<articlesPerSection {
            if rng.next(4) == 0 { out += phrase(4...8, rng: &rng) + " " + phrase(4...8, rng: &rng) + "\n\n" }
            out += phrase(10...20, rng: &rng) + "\(a)\n\n"
            let reporters = "\(person(&rng)) \(person(&rng))"
            let total = 800 + rng.next(2201)
            var written = 0
            var first = true
            while written < total {
                var paragraph = sentence(&rng)
                while paragraph.count < 100 + rng.next(200) { paragraph += sentence(&rng) }
                written += paragraph.count
                if first {
                    let open = rng.next(2) == 0 ? "(" : "（", close = open == "(" ? ")" : "）"
                    if rng.next(5) == 0 {
                        out += "本报记者 \(reporters)\n\n"
                    } else {
                        paragraph = "本报讯\(open)记者\(reporters)\(close)" + paragraph
                    }
                    first = false
                }
                // Some paragraphs are cut in two by the page's columns.
                if rng.next(6) == 0, paragraph.count > 40 {
                    var cut = paragraph.index(paragraph.startIndex, offsetBy: 20 + rng.next(paragraph.count - 30))
                    while cut < paragraph.endIndex, "，。、；：？！”）,;:".contains(paragraph[cut]) {
                        cut = paragraph.index(after: cut)
                    }
                    out += paragraph[..<cut] + "\n\n" + paragraph[cut...] + "\n\n"
                } else {
                    out += paragraph + "\n\n"
                }
            }
        }
        out += "责任编辑:\(person(&rng))\n"
        return out
    }

    func phrase(_ length: ClosedRange<Int>, rng: inout SplitMix) -> String {
        let n = length.lowerBound + rng.next(length.count)
        return String((0..<n).map { _ in Self.han[rng.next(Self.han.count)] })
    }

    func person(_ rng: inout SplitMix) -> String {
        String(Self.surnames[rng.next(Self.surnames.count)]) + phrase(1...2, rng: &rng)
    }

    func sentence(_ rng: inout SplitMix) -> String {
        var s = ""
        let clauses = 1 + rng.next(4)
        for c in 0..<clauses {
            s += phrase(4...14, rng: &rng)
            if rng.next(8) == 0 { s += Self.latin[rng.next(Self.latin.count)] + phrase(2...5, rng: &rng) }
            if rng.next(12) == 0 { s += "“" + phrase(2...6, rng: &rng) + "”" }
            if c < clauses - 1 { s += ["，", "，", "、", ",", "；"][rng.next(5)] }
        }
        return s + ["。", "。", "。", "！", "？"][rng.next(5)]
    }
}

/// A small, fast, seeded generator: the same archive on every machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next64() % UInt64(bound)) }
}

extension IssueDate {
    var next: IssueDate {
        if let d = IssueDate(year: year, month: month, day: day + 1) { return d }
        if let d = IssueDate(year: year, month: month + 1, day: 1) { return d }
        return IssueDate(year: year + 1, month: 1, day: 1)!
    }
}
