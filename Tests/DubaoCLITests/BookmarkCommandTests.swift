import Foundation
import Testing

@Suite("dubao bookmarks on the command line")
struct BookmarkCommandTests {
    func library() throws -> (String, [String]) {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        let list = try DubaoProcess.run(["list", "--json"], library: lib)
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        return (lib, rows.compactMap { $0["id"] as? String })
    }

    func bookmarks(_ lib: String) throws -> [[String: Any]] {
        let out = try DubaoProcess.run(["bookmarks", "--json"], library: lib)
        #expect(out.status == 0, "\(out.stderr)")
        return try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test("bookmark, list as JSON with the stable keys, unbookmark")
    func roundTrip() throws {
        let (lib, ids) = try library()
        #expect(try DubaoProcess.run(["bookmark", ids[0]], library: lib).status == 0)
        #expect(try DubaoProcess.run(["bookmark", ids[3]], library: lib).status == 0)
        let rows = try bookmarks(lib)
        #expect(rows.map { $0["id"] as? String } == [ids[3], ids[0]], "newest first")
        for row in rows {
            for key in ["id", "title", "date", "section", "added"] { #expect(row[key] is String, "\(key)") }
        }
        #expect(try DubaoProcess.run(["unbookmark", ids[3]], library: lib).status == 0)
        #expect(try bookmarks(lib).count == 1)
        let again = try DubaoProcess.run(["unbookmark", ids[3]], library: lib)
        #expect(again.status == 1 && again.stderr.contains("not bookmarked"))
    }

    @Test("each bookmark shows its paper: in the list and in its JSON")
    func paper() throws {
        let (lib, ids) = try library()
        let dir = DubaoProcess.temporaryFolder("paperInput")
        try "第02版：经济\n\n另一家报纸的稿件\n\n本报讯（记者 乙）正文。\n".write(toFile: dir + "/p.txt", atomically: true, encoding: .utf8)
        #expect(try DubaoProcess.run(["import", dir + "/p.txt", "--date", "2026-11-27", "--paper", "河畔日报"], library: lib).status == 0)
        let list = try DubaoProcess.run(["list", "--paper", "河畔日报", "--json"], library: lib)
        let other = try #require((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])?.first?["id"] as? String)
        #expect(try DubaoProcess.run(["bookmark", ids[0]], library: lib).status == 0)
        #expect(try DubaoProcess.run(["bookmark", other], library: lib).status == 0)
        let text = try DubaoProcess.run(["bookmarks"], library: lib)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines == ["★ 2026-11-27  河畔日报  经济  另一家报纸的稿件  \(other)",
                          "★ 2026-11-27  江城晨报  要闻  江城港前十月货物吞吐量同比增长9.2%  \(ids[0])"], "\(text.stdout)")
        #expect(try bookmarks(lib).map { $0["paper"] as? String } == ["河畔日报", "江城晨报"])
    }

    @Test("bookmarking an article twice says so and changes nothing: not its time, not its order")
    func bookmarkTwice() throws {
        let (lib, ids) = try library()
        #expect(try DubaoProcess.run(["bookmark", ids[0]], library: lib).status == 0)
        #expect(try DubaoProcess.run(["bookmark", ids[3]], library: lib).status == 0)
        let before = try bookmarks(lib)
        let again = try DubaoProcess.run(["bookmark", ids[0]], library: lib)
        #expect(again.status == 0 && again.stdout.contains("already bookmarked"))
        let after = try bookmarks(lib)
        #expect(after.map { $0["id"] as? String } == before.map { $0["id"] as? String })
        #expect(after.map { $0["added"] as? String } == before.map { $0["added"] as? String })
    }

    @Test("export as markdown and JSON, with the first paragraph, to a file")
    func export() throws {
        let (lib, ids) = try library()
        #expect(try DubaoProcess.run(["bookmark", ids[1]], library: lib).status == 0)
        let md = try DubaoProcess.run(["bookmarks", "export", "--format", "markdown"], library: lib)
        #expect(md.stdout.contains("## 城际铁路江临段全线铺轨贯通"))
        #expect(md.stdout.contains("> 随着最后一组"))
        let file = DubaoProcess.temporaryFolder() + "/b.json"
        #expect(try DubaoProcess.run(["bookmarks", "export", "--format", "json", "-o", file], library: lib).status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [[String: Any]]
        #expect((rows?.first?["firstParagraph"] as? String)?.hasPrefix("随着最后一组") == true)
    }

    @Test("export quotes the first paragraph that reads as text, past a label such as 核心阅读")
    func exportSkipsALabel() throws {
        let lib = DubaoProcess.temporaryFolder()
        let page = DubaoProcess.temporaryFolder() + "/01.txt"
        try "江城推进老旧小区改造\n\n核心阅读\n\n今年江城共改造老旧小区一百二十个，惠及居民四万余户。\n\n本报讯 江城市住建局昨日介绍了今年的改造进展。\n"
            .write(toFile: page, atomically: true, encoding: .utf8)
        #expect(try DubaoProcess.run(["import", page, "--date", "2026-11-27"], library: lib).status == 0)
        let list = try DubaoProcess.run(["list", "--json"], library: lib)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let id = try #require(rows.first?["id"] as? String)
        #expect(try DubaoProcess.run(["bookmark", id], library: lib).status == 0)
        let md = try DubaoProcess.run(["bookmarks", "export"], library: lib)
        #expect(md.stdout.contains("> 今年江城共改造老旧小区一百二十个"), "\(md.stdout)")
    }

    @Test("export to a file that exists is refused, the file untouched, unless --force; a .json file gets JSON")
    func exportKeepsFiles() throws {
        let (lib, ids) = try library()
        #expect(try DubaoProcess.run(["bookmark", ids[1]], library: lib).status == 0)
        let file = DubaoProcess.temporaryFolder() + "/notes.json"
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: file))
        let refused = try DubaoProcess.run(["bookmarks", "export", "-o", file], library: lib)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("notes.json") && refused.stderr.contains("--force"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "mine\n")
        #expect(try DubaoProcess.run(["bookmarks", "export", "-o", file, "--force"], library: lib).status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [[String: Any]]
        #expect(rows?.count == 1)
        let markdown = DubaoProcess.temporaryFolder() + "/notes.md"
        #expect(try DubaoProcess.run(["bookmarks", "export", "-o", markdown], library: lib).status == 0)
        #expect(try String(contentsOfFile: markdown, encoding: .utf8).contains("## 城际铁路江临段全线铺轨贯通"))
    }

    @Test("two processes bookmarking different articles at once both keep theirs")
    func concurrent() throws {
        let (lib, ids) = try library()
        for round in 0..<3 {
            let a = try DubaoProcess.start(["bookmark", ids[2 * round]], library: lib)
            let b = try DubaoProcess.start(["bookmark", ids[2 * round + 1]], library: lib)
            a.waitUntilExit()
            b.waitUntilExit()
            #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        }
        #expect(try bookmarks(lib).count == 6)
    }

    @Test("a bookmark whose article disappeared is listed as missing with its saved title")
    func missingArticle() throws {
        let lib = DubaoProcess.temporaryFolder()
        let dir = DubaoProcess.temporaryFolder("missingInput")
        try "第02版：经济\n\n会被删掉的稿件\n\n本报讯（记者 乙）正文。\n".write(toFile: dir + "/p.txt", atomically: true, encoding: .utf8)
        #expect(try DubaoProcess.run(["import", dir + "/p.txt", "--date", "2026-11-27"], library: lib).status == 0)
        let list = try DubaoProcess.run(["list", "--json"], library: lib)
        let id = try #require((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])?.first?["id"] as? String)
        #expect(try DubaoProcess.run(["bookmark", id], library: lib).status == 0)
        try "第02版：经济\n\n换了标题的稿件\n\n本报讯（记者 乙）正文。\n".write(toFile: dir + "/p.txt", atomically: true, encoding: .utf8)
        #expect(try DubaoProcess.run(["import", dir + "/p.txt", "--date", "2026-11-27"], library: lib).status == 0)
        let rows = try bookmarks(lib)
        #expect(rows.count == 1)
        #expect(rows.first?["missing"] as? Bool == true)
        #expect(rows.first?["title"] as? String == "会被删掉的稿件")
        let text = try DubaoProcess.run(["bookmarks"], library: lib)
        #expect(text.stdout.contains("missing"))
    }

    @Test("a damaged bookmarks file: one line naming it, and it is left as it was")
    func damaged() throws {
        let (lib, ids) = try library()
        try Data("{\"schema\":1,\"format\":\"dubao-bookmarks\",\"bookmarks\":[{".utf8)
            .write(to: URL(fileURLWithPath: lib + "/bookmarks.json"))
        let before = try Data(contentsOf: URL(fileURLWithPath: lib + "/bookmarks.json"))
        for args in [["bookmarks"], ["bookmark", ids[0]], ["unbookmark", ids[0]]] {
            let out = try DubaoProcess.run(args, library: lib)
            #expect(out.status == 1)
            #expect(out.stderr.split(separator: "\n").count == 1)
            #expect(out.stderr.contains(lib + "/bookmarks.json"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: lib + "/bookmarks.json")) == before)
    }
}
