import Foundation
import Testing

/// `dubao import --each`: a backlog of issues, one folder a day, stored together or not at all.
@Suite("dubao import --each")
struct ImportEachTests {
    /// Three days of a small paper, one folder each; the middle one has no date on its page,
    /// so only its folder's name dates it.
    func backlog() throws -> (root: String, folders: [String]) {
        let root = DubaoProcess.temporaryFolder()
        let days = [
            ("2026-11-20", "第01版：要闻　2026年11月20日　星期五\n\n江城地铁五号线开通\n\n本报讯　五号线今天正式载客运营。\n"),
            ("2026-11-21", "江城图书馆延长开放时间\n\n本报讯　市图书馆从本周起每晚开放到十点。\n"),
            ("2026-11-22", "第01版：要闻　2026年11月22日　星期日\n\n江城举行冬季长跑\n\n本报讯　两万名市民参加了今天的长跑。\n"),
        ]
        var folders: [String] = []
        for (day, page) in days {
            let folder = root + "/" + day
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try page.write(toFile: folder + "/01-要闻.txt", atomically: true, encoding: .utf8)
            folders.append(folder)
        }
        return (root, folders)
    }

    @Test("every folder becomes an issue, dated by its page or its folder's name")
    func issuesFromFolders() throws {
        let lib = DubaoProcess.temporaryFolder()
        let (_, folders) = try backlog()
        let out = try DubaoProcess.run(["import", "--each"] + folders, library: lib)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("2026-11-20") && out.stdout.contains("2026-11-21") && out.stdout.contains("2026-11-22"))
        #expect(out.stdout.contains("date from the folder name 2026-11-21"))
        #expect(out.stdout.contains("1 article"))
        let issues = try DubaoProcess.run(["issues", "--json"], library: lib)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(issues.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["date"] as? String } == ["2026-11-22", "2026-11-21", "2026-11-20"])
        let list = try DubaoProcess.run(["list", "--date", "2026-11-21"], library: lib)
        #expect(list.stdout.contains("江城图书馆延长开放时间"))
    }

    @Test("one bad folder and nothing is stored; the error names the file")
    func allOrNothing() throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        let before = DubaoProcess.snapshot(lib)
        let (root, folders) = try backlog()
        try Data([0, 0, 0, 0, 0, 0, 0, 0]).write(to: URL(fileURLWithPath: folders[2] + "/02-坏.txt"))
        let out = try DubaoProcess.run(["import", "--each"] + folders, library: lib)
        #expect(out.status != 0)
        #expect(out.stderr.contains("02-坏.txt") && out.stderr.contains("nothing was imported"), "\(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count == 1)
        #expect(DubaoProcess.snapshot(lib) == before, "the two good issues written before the bad one are gone again")
        _ = root
    }

    @Test("--date with --each is refused before anything is read")
    func noDate() throws {
        let lib = DubaoProcess.temporaryFolder()
        let (_, folders) = try backlog()
        let out = try DubaoProcess.run(["import", "--each", "--date", "2026-11-20"] + folders, library: lib)
        #expect(out.status != 0)
        #expect(out.stderr.contains("--date cannot be used with --each"))
        #expect(DubaoProcess.snapshot(lib).isEmpty)
    }
}
