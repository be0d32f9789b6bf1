import Foundation
import Testing

/// The store's promises, tested with real processes: concurrent writers keep each other's work,
/// and a kill -9 at any moment leaves either the old or the new library, never a broken one.
@Suite("Library store: concurrency and crashes")
struct StoreSafetyTests {
    static let page = DubaoProcess.fixtures + "/kicker-title.txt"

    func sectionNames(_ lib: String) throws -> Set<String> {
        let out = try DubaoProcess.run(["list", "--json"], library: lib)
        #expect(out.status == 0, "\(out.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
        return Set(rows.compactMap { $0["section"] as? String })
    }

    @Test("two processes importing different sections at once both keep theirs")
    func concurrentImports() throws {
        for round in 0..<4 {
            let lib = DubaoProcess.temporaryFolder("concurrent\(round)")
            // Pages without headers take their section name from --section.
            let page = DubaoProcess.fixtures + "/no-header.txt"
            var processes: [Process] = []
            for name in ["甲版", "乙版", "丙版"] {
                processes.append(try DubaoProcess.start(["import", page, "--section", name, "--date", "2026-11-27", "--paper", "测试报"],
                                                        library: lib))
            }
            for p in processes { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
            #expect(try sectionNames(lib) == ["甲版", "乙版", "丙版"], "round \(round)")
        }
    }

    @Test("kill -9 during imports never leaves a library that cannot be read")
    func killDuringImport() throws {
        let lib = DubaoProcess.temporaryFolder()
        let first = try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib)
        #expect(first.status == 0)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<12 {
            // Alternate two versions of a section so every import really rewrites files.
            let args = ["import", Self.page, "--section", "经济", "--date", "2026-11-27", "--paper", "江城晨报"]
                + (round % 2 == 0 ? ["--encoding", "utf-8"] : [])
            let p = try DubaoProcess.start(args, library: lib)
            usleep(UInt32.random(in: 0...40_000, using: &generator))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let list = try DubaoProcess.run(["list", "--json"], library: lib)
            #expect(list.status == 0, "round \(round): \(list.stderr)")
            let issues = try DubaoProcess.run(["issues"], library: lib)
            #expect(issues.status == 0, "round \(round): \(issues.stderr)")
        }
        // The next clean import sweeps away temporary files a killed writer left behind.
        let last = try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib)
        #expect(last.status == 0)
        let leftovers = DubaoProcess.snapshot(lib).keys.filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("files a writer killed before its commit wrote into a new issue's folder are swept by the next import")
    func killedWriterOrphans() throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<10 {
            // A new date each round: its folder is nobody's until the commit.
            let p = try DubaoProcess.start(["import", DubaoProcess.sampleData, "--date", "2026-10-\(10 + round)"], library: lib)
            usleep(UInt32.random(in: 0...60_000, using: &generator))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
        }
        // Also exactly what a kill between writing and committing leaves, should the kills above
        // all have missed that moment: a new issue's files, and its folder named in .pending.
        let folder = "issues/测试报/2026-08-01"
        try FileManager.default.createDirectory(atPath: "\(lib)/\(folder)", withIntermediateDirectories: true)
        for name in ["s-000000-0123456789abcdef.json", "issue-0123456789abcdef.json", "text-0123456789abcdef.txt"] {
            try Data("{}".utf8).write(to: URL(fileURLWithPath: "\(lib)/\(folder)/\(name)"))
        }
        let sample = try #require(DubaoProcess.snapshot(lib).keys.first { $0.hasPrefix("issues/") && $0.contains("/s-") })
        let stale = lib + "/" + sample.split(separator: "/").dropLast().joined(separator: "/") + "/s-000000-fedcba9876543210.json"
        try Data("{}".utf8).write(to: URL(fileURLWithPath: stale))
        let samplesFolder = sample.split(separator: "/").dropLast().joined(separator: "/")
        // Added to what the killed writers above noted, as one more of them would.
        let notes = (try? Data(contentsOf: URL(fileURLWithPath: lib + "/.pending"))) ?? Data()
        try (notes + Data("\(folder)\n\(samplesFolder)\n".utf8)).write(to: URL(fileURLWithPath: lib + "/.pending"))
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData, "--date", "2026-09-01"], library: lib).status == 0)
        #expect(!FileManager.default.fileExists(atPath: "\(lib)/\(folder)"))
        #expect(!FileManager.default.fileExists(atPath: stale))
        // Every file in an issue folder is one its catalog names, and every folder is an issue's.
        let listed = try DubaoProcess.run(["issues"], library: lib).stdout
        let files = DubaoProcess.snapshot(lib).keys.filter { $0.hasPrefix("issues/") }
        var byFolder: [String: [String]] = [:]
        for f in files {
            let parts = f.split(separator: "/")
            byFolder[parts.dropLast().joined(separator: "/"), default: []].append(String(parts.last!))
        }
        for (folder, names) in byFolder {
            let date = String(folder.split(separator: "/").last!)
            #expect(listed.contains(date), "\(folder) is no issue's: \(names)")
            let catalogs = names.filter { $0.hasPrefix("issue-") }
            #expect(catalogs.count == 1, "\(folder): \(names)")
            guard let catalog = catalogs.first else { continue }
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(lib)/\(folder)/\(catalog)")))
            let sections = ((json as? [String: Any])?["sections"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
            let expected = Set(sections + [catalog]).union(names.filter { $0.hasPrefix("text") && $0.hasSuffix(".txt") })
            #expect(Set(names) == expected, "\(folder) holds files nothing refers to: \(Set(names).subtracting(expected))")
        }
        #expect(!FileManager.default.fileExists(atPath: lib + "/.pending"))
    }

    @Test("an import that must wait for another writer says so, then imports")
    func waitsAloud() throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [lib + "/.lock", "sleep", "1"]
        try holder.run()
        usleep(200_000)
        let out = try DubaoProcess.run(["import", Self.page, "--date", "2026-11-28"], library: lib)
        holder.waitUntilExit()
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("another dubao is writing the library; waiting"), "\(out.stderr)")
    }

    @Test("a half-written temporary file from a crash is ignored and then removed")
    func strayTemporaryFile() throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        let catalog = try #require(DubaoProcess.snapshot(lib).keys.first { $0.contains("/issue-") })
        let stray = lib + "/" + catalog + ".tmp-999-1"
        try Data("{\"schema\":1,\"for".utf8).write(to: URL(fileURLWithPath: stray))
        let list = try DubaoProcess.run(["list"], library: lib)
        #expect(list.status == 0)
        #expect(list.stdout.contains("江城港"))
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stray))
    }

    @Test("re-importing a changed page replaces its section and keeps unchanged titles' IDs")
    func changedPage() throws {
        let lib = DubaoProcess.temporaryFolder()
        let dir = DubaoProcess.temporaryFolder("changedPageInput")
        let v1 = "第02版：经济\n\n旧标题保持不变\n\n本报讯（记者 甲）第一篇的正文。\n\n将被删除的稿件\n\n本报讯（记者 乙）第二篇的正文。\n"
        let v2 = "第02版：经济\n\n旧标题保持不变\n\n本报讯（记者 甲）第一篇的正文，改过了。\n\n新加的一篇稿件\n\n本报讯（记者 丙）第三篇的正文。\n"
        try v1.write(toFile: dir + "/p.txt", atomically: true, encoding: .utf8)
        #expect(try DubaoProcess.run(["import", dir + "/p.txt", "--date", "2026-11-27"], library: lib).status == 0)
        let before = try DubaoProcess.run(["list", "--json"], library: lib).stdout
        try v2.write(toFile: dir + "/p.txt", atomically: true, encoding: .utf8)
        let again = try DubaoProcess.run(["import", dir + "/p.txt", "--date", "2026-11-27"], library: lib)
        #expect(again.stdout.contains("replaced: 1 kept, 1 gone"), "\(again.stdout)")
        let after = try DubaoProcess.run(["list", "--json"], library: lib).stdout
        func ids(_ json: String) throws -> [String: String] {
            let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["title"] as! String, $0["id"] as! String) })
        }
        let old = try ids(before), new = try ids(after)
        #expect(new.count == 2)
        #expect(old["旧标题保持不变"] == new["旧标题保持不变"])
        #expect(new["将被删除的稿件"] == nil)
    }
}
