import Foundation
import Testing

@Suite("dubao show --json")
struct ShowCommandTests {
    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("the article as `import --json` gives it, with paper, date, section and page as `list --json` names them")
    func article() throws {
        let lib = DubaoProcess.temporaryFolder()
        let parsed = try DubaoProcess.run(["import", DubaoProcess.sampleData, "--json"], library: lib)
        #expect(parsed.status == 0)
        let report = try #require(try json(parsed.stdout) as? [String: Any])
        let sections = try #require(report["sections"] as? [[String: Any]])
        let listed = try #require(try json(try DubaoProcess.run(["list", "--json"], library: lib).stdout) as? [[String: Any]])
        #expect(listed.count > 3)
        for row in listed {
            let id = try #require(row["id"] as? String)
            let out = try DubaoProcess.run(["show", id, "--json"], library: lib)
            #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
            var shown = try #require(try json(out.stdout) as? [String: Any])
            for key in ["paper", "date", "section", "page"] {
                #expect(shown[key] as? String == row[key] as? String, "\(key) of \(id)")
                shown[key] = nil
            }
            let imported = sections.flatMap { $0["articles"] as? [[String: Any]] ?? [] }.first { $0["id"] as? String == id }
            #expect(NSDictionary(dictionary: shown) == NSDictionary(dictionary: try #require(imported)), "\(id)")
        }
    }

    @Test("without --width, lines are the terminal's width at most the config's reader_width, as the reader sets them")
    func readerWidth() throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        let listed = try #require(try json(try DubaoProcess.run(["list", "--json"], library: lib).stdout) as? [[String: Any]])
        let id = try #require(listed.first(where: { ($0["paragraphCount"] as? Int ?? 0) > 1 })?["id"] as? String)
        try FileManager.default.createDirectory(atPath: lib + "-config/dubao", withIntermediateDirectories: true)
        try "reader_width = 12\n".write(toFile: lib + "-config/dubao/config.toml", atomically: true, encoding: .utf8)
        let narrow = try DubaoProcess.run(["show", id], library: lib, environment: ["COLUMNS": "100"])
        #expect(narrow.status == 0 && narrow.stderr.isEmpty, "\(narrow.stderr)")
        let lines = narrow.stdout.split(separator: "\n")
        // Every character of the sample's text is two cells wide at most: 24 cells hold 12 or more.
        #expect(lines.count > 10 && lines.allSatisfy { $0.count <= 24 }, "\(narrow.stdout)")
        #expect(lines.contains { $0.count >= 11 })
        let wide = try DubaoProcess.run(["show", id, "--width", "100"], library: lib, environment: ["COLUMNS": "100"])
        #expect(wide.stdout.split(separator: "\n").contains { $0.count > 24 })
        // A measure wider than the default is set as wide.
        try "reader_width = 60\n".write(toFile: lib + "-config/dubao/config.toml", atomically: true, encoding: .utf8)
        let measured = try DubaoProcess.run(["show", id], library: lib, environment: ["COLUMNS": "200"])
        let body = measured.stdout.split(separator: "\n").dropFirst(2)
        // Cells: two a Chinese character, one a Latin letter or space.
        let cells = { (line: Substring) in line.unicodeScalars.reduce(0) { $0 + ($1.value < 0x1100 ? 1 : 2) } }
        #expect(body.contains { cells($0) > 90 } && body.allSatisfy { cells($0) <= 120 },
                "\(measured.stdout)")
    }

    @Test("list, search and show set a page's half-width punctuation as the reader does, unless the config says not to")
    func punctuation() throws {
        let lib = DubaoProcess.temporaryFolder()
        let page = Data("江城新开三条公交线,市民出行更方便\n\n本报讯(记者 乙)据悉,三条新线今天开通。\n".utf8)
        #expect(try DubaoProcess.run(["import", "-", "--date", "2026-11-20", "--section", "城事"], library: lib, input: page).status == 0)
        let list = try DubaoProcess.run(["list"], library: lib)
        #expect(list.stdout.contains("江城新开三条公交线，市民出行更方便"), "\(list.stdout)")
        let search = try DubaoProcess.run(["search", "新线"], library: lib)
        #expect(search.stdout.contains("公交线，市民") && search.stdout.contains("据悉，三条新线"), "\(search.stdout)")
        let id = try #require(search.stdout.split(separator: " ").last.map { String($0.dropLast()) })
        #expect(try DubaoProcess.run(["show", id], library: lib).stdout.contains("据悉，三条新线"))
        try FileManager.default.createDirectory(atPath: lib + "-config/dubao", withIntermediateDirectories: true)
        try "normalize_punctuation = false\n".write(toFile: lib + "-config/dubao/config.toml", atomically: true, encoding: .utf8)
        #expect(try DubaoProcess.run(["list"], library: lib).stdout.contains("江城新开三条公交线,市民出行更方便"))
        #expect(try DubaoProcess.run(["show", id], library: lib).stdout.contains("据悉,三条新线"))
        // Scripts read the library's own text.
        #expect(try DubaoProcess.run(["search", "新线", "--json"], library: lib).stdout.contains("据悉,三条新线"))
    }

    @Test("an unknown ID and --width beside --json: one line, exit 1, nothing on stdout")
    func refusals() throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        let missing = try DubaoProcess.run(["show", "20261127-0000000000", "--json"], library: lib)
        #expect(missing.status == 1 && missing.stdout.isEmpty && missing.stderr.contains("no article 20261127-0000000000"))
        let width = try DubaoProcess.run(["show", "20261127-0000000000", "--json", "--width", "40"], library: lib)
        #expect(width.status == 1 && width.stdout.isEmpty)
        #expect(width.stderr == "dubao: --width sets the text for a terminal and --json prints it unset: use one or the other\n")
    }
}
