import Foundation
import Testing

@Suite("dubao search on the command line")
struct SearchCommandTests {
    @Test("one line per hit; JSON objects; exit 1 and no output when nothing matches")
    func search() throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        let out = try DubaoProcess.run(["search", "调解"], library: lib)
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("2026-11-27  ") && $0.contains("20261127-") })
        let json = try DubaoProcess.run(["search", "APP", "--json"], library: lib)
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(!rows.isEmpty)
        for row in rows { for key in ["id", "title", "date", "section", "snippet"] { #expect(row[key] is String) } }
        let none = try DubaoProcess.run(["search", "火星探测器"], library: lib)
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr.isEmpty)
        let limited = try DubaoProcess.run(["search", "江城", "--limit", "2"], library: lib)
        #expect(limited.stdout.split(separator: "\n").count == 2)
        let section = try DubaoProcess.run(["search", "江城", "--section", "文化"], library: lib)
        #expect(section.stdout.split(separator: "\n").allSatisfy { $0.contains("  文化  ") })
        // A day with no issue and a section no issue has are said, not taken for a miss.
        let dated = try DubaoProcess.run(["search", "江城", "--date", "2026-11-26"], library: lib)
        #expect(dated.status == 1 && dated.stdout.isEmpty)
        #expect(dated.stderr.contains("no issue dated 2026-11-26") && dated.stderr.split(separator: "\n").count == 1, "\(dated.stderr)")
        let datedJSON = try DubaoProcess.run(["search", "江城", "--date", "2026-11-26", "--json"], library: lib)
        #expect(datedJSON.status == 1 && datedJSON.stdout == "[]\n" && datedJSON.stderr.contains("no issue dated"))
        let nowhere = try DubaoProcess.run(["search", "江城", "--section", "nope"], library: lib)
        #expect(nowhere.status == 1 && nowhere.stdout.isEmpty)
        #expect(nowhere.stderr.contains("no issue searched has a section “nope”"), "\(nowhere.stderr)")
        let missing = try DubaoProcess.run(["search", "火星探测器", "--section", "文化"], library: lib)
        #expect(missing.status == 1 && missing.stderr.isEmpty, "a section that exists: nothing matched, as grep says it")
        // A query that starts with a dash is read as an option: the line says how to search for it.
        let dashed = try DubaoProcess.run(["search", "-6℃"], library: lib)
        #expect(dashed.status == 64 && dashed.stdout.isEmpty)
        #expect(dashed.stderr == "dubao: “-6℃” reads as an option; to search for it, put -- before it: dubao search -- -6℃\n",
                "\(dashed.stderr)")
        let quoted = try DubaoProcess.run(["search", "--", "-6℃"], library: lib)
        #expect(quoted.status == 0 && quoted.stdout.contains("-6℃"))
        // A library that holds nothing yet: the sample paper is searched, and that is said.
        let empty = try DubaoProcess.run(["search", "江城"], library: DubaoProcess.temporaryFolder())
        #expect(empty.status == 0 && !empty.stdout.isEmpty && empty.stderr.contains("sample"), "\(empty.stderr)")
        let bad = try DubaoProcess.run(["search", "江城", "--from", "yesterday"], library: lib)
        #expect(bad.status == 1 && bad.stderr.contains("YYYY-MM-DD"))
        let backwards = try DubaoProcess.run(["search", "江城", "--from", "2024-03-02", "--to", "2024-03-01"], library: lib)
        #expect(backwards.status == 1 && backwards.stderr.contains("--from 2024-03-02 is after --to 2024-03-01"),
                "a reversed range is an error, not a silent miss")
    }

    @Test("a damaged search filter is named in a warning, and the hits are the same as with a sound one")
    func damagedFilter() throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        let sound = try DubaoProcess.run(["search", "江城"], library: lib)
        #expect(sound.status == 0 && sound.stderr.isEmpty)
        let folder = lib + "/filters"
        let packs = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".bin") }
        #expect(packs.count == 1)
        for pack in packs { try Data("damaged".utf8).write(to: URL(fileURLWithPath: folder + "/" + pack)) }
        let damaged = try DubaoProcess.run(["search", "江城"], library: lib)
        #expect(damaged.stdout == sound.stdout)
        #expect(damaged.stderr.contains("warning: ") && damaged.stderr.contains(packs[0]) && damaged.stderr.contains("damaged"))
        let json = try DubaoProcess.run(["search", "江城", "--json"], library: lib)
        #expect(json.status == 0 && json.stderr.contains(packs[0]))
    }

    @Test("--json with no hit prints `[]` and still exits 1, as without --json")
    func jsonWithoutHits() throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        let none = try DubaoProcess.run(["search", "火星探测器", "--json"], library: lib)
        #expect(none.status == 1)
        #expect(none.stdout == "[]\n")
        #expect(none.stderr.isEmpty)
    }

    @Test("searches the seed page: 巡回审判 is found without any word segmentation",
          .enabled(if: DubaoProcess.seedAvailable, "skipped: ../shared/seeds is absent beside the checkout"))
    func seed() throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.seed, "--date", "2023-03-25"], library: lib).status == 0)
        let out = try DubaoProcess.run(["search", "巡回审判", "--json"], library: lib)
        let rows = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count == 1)
        #expect((rows.first?["matches"] as? Int ?? 0) >= 3)
    }
}
