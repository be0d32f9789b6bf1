import Foundation
import Testing

/// `dubao import -`: a page from standard input, read as a file is and named `standard input`.
@Suite("dubao import - reads a page from standard input")
struct ImportStdinTests {
    func page(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: name))
    }

    /// The articles of `import --dry-run --json`: what the page parsed to, whatever its file was called.
    func articles(_ out: DubaoProcess.Output) throws -> [NSDictionary] {
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let sections = try #require(json["sections"] as? [[String: Any]])
        return sections.flatMap { ($0["articles"] as? [[String: Any]] ?? []).map { NSDictionary(dictionary: $0) } }
    }

    @Test("a page piped in is stored as the same file would be, its date found on the page", arguments: [
        DubaoProcess.sampleData + "/01-要闻.txt",
        DubaoProcess.fixtures + "/encoding-gb18030.txt",
        DubaoProcess.fixtures + "/encoding-utf16le-bom.txt",
    ])
    func sameAsTheFile(_ file: String) throws {
        let lib = DubaoProcess.temporaryFolder()
        let piped = try DubaoProcess.run(["import", "-", "--dry-run", "--json"], library: lib, input: try page(file))
        let read = try DubaoProcess.run(["import", file, "--dry-run", "--json"], library: lib)
        #expect(try articles(piped) == articles(read), "the encoding is detected as for a file")
        #expect(try !articles(piped).isEmpty)
        #expect(DubaoProcess.snapshot(lib).isEmpty, "a dry run stores nothing")
    }

    @Test("import - stores the page, and says where its date came from")
    func stores() throws {
        let lib = DubaoProcess.temporaryFolder()
        let out = try DubaoProcess.run(["import", "-"], library: lib, input: try page(DubaoProcess.sampleData + "/01-要闻.txt"))
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("imported: 江城晨报 2026-11-27 — 1 section, 3 articles\ndate from the page (standard input line 1)\n"))
        let list = try DubaoProcess.run(["list", "--json"], library: lib)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3 && rows.allSatisfy { $0["section"] as? String == "要闻" })
    }

    @Test("--date, --section and --paper name a page without a header, as for a file")
    func options() throws {
        let lib = DubaoProcess.temporaryFolder()
        let text = Data("江边新栈道开放\n\n本报讯（记者 乙）正文一段。\n".utf8)
        let out = try DubaoProcess.run(["import", "-", "--date", "2026-01-02", "--section", "城事", "--paper", "河畔日报"],
                                       library: lib, input: text)
        #expect(out.status == 0, "\(out.stderr)")
        let list = try DubaoProcess.run(["list", "--json"], library: lib)
        let row = try #require((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(row["title"] as? String == "江边新栈道开放")
        #expect(row["section"] as? String == "城事" && row["paper"] as? String == "河畔日报" && row["date"] as? String == "2026-01-02")
    }

    @Test("what the import warns about is named `standard input`")
    func warningsNameIt() throws {
        let lib = DubaoProcess.temporaryFolder()
        let text = Data("第02版：经济\n\n标题\u{07}一则\n\n本报讯（记者 乙）正文。\n".utf8)
        let out = try DubaoProcess.run(["import", "-", "--dry-run"], library: lib, input: text)
        #expect(out.status == 0)
        #expect(out.stderr.contains("dubao: warning: standard input:3: 1 control character(s)"), "\(out.stderr)")
    }

    @Test("bytes arriving in pieces, with a pause between, are one page")
    func inPieces() throws {
        let lib = DubaoProcess.temporaryFolder()
        let file = DubaoProcess.sampleData + "/03-城事.txt"
        let whole = try articles(try DubaoProcess.run(["import", file, "--dry-run", "--json"], library: lib))
        // Cut mid-character: the bytes are decoded once all have come.
        let script = "(head -c 1001 \"$1\"; sleep 0.3; tail -c +1002 \"$1\") | \"$2\" import - --dry-run --json"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script, "sh", file, DubaoProcess.binary]
        p.environment = DubaoProcess.environment(library: lib)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let piped = DubaoProcess.Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                                        stderr: String(decoding: e, as: UTF8.self))
        #expect(try articles(piped) == whole)
    }

    /// A library with the sample paper in it, then `arguments` fed `input`: one line, status 1,
    /// nothing on stdout, and the library as it was.
    func expectRefused(_ arguments: [String], input: Data, says: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let lib = DubaoProcess.temporaryFolder()
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        let before = DubaoProcess.snapshot(lib)
        let out = try DubaoProcess.run(arguments, library: lib, input: input)
        #expect(out.status == 1, sourceLocation: sourceLocation)
        #expect(out.stderr == "dubao: \(says)\n", sourceLocation: sourceLocation)
        #expect(out.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(DubaoProcess.snapshot(lib) == before, "nothing stored", sourceLocation: sourceLocation)
    }

    @Test("an empty standard input, or one of blanks: one line, nothing stored", arguments: ["", " \n\r\n\t\n"])
    func empty(_ text: String) throws {
        try expectRefused(["import", "-"], input: Data(text.utf8),
                          says: "standard input is empty: nothing to import; pipe a page to it, e.g. dubao import - < page.txt")
    }

    @Test("a page without a header needs --section: standard input has no name to give its section")
    func headerless() throws {
        try expectRefused(["import", "-", "--date", "2026-01-02"], input: Data("江边新栈道开放\n\n本报讯（记者 乙）正文一段。\n".utf8),
                          says: "standard input: the page has no page header (第03版：经济) to name its section; pass --section NAME (nothing was imported)")
    }

    @Test("- beside files, with --each or with --articles is refused before anything is read")
    func refusedCombinations() throws {
        let text = try page(DubaoProcess.sampleData + "/01-要闻.txt")
        try expectRefused(["import", "-", DubaoProcess.sampleData + "/02-经济.txt"], input: text,
                          says: "- (standard input) is imported on its own: import the files with another `dubao import`")
        try expectRefused(["import", "--each", "-"], input: text,
                          says: "--each cannot be used with - (standard input): it is one page, one issue; drop --each")
        try expectRefused(["import", "--articles", "-"], input: text,
                          says: "--articles cannot be used with - (standard input): it is read as a page; save the article to a file and import that")
    }

    @Test("a binary standard input is named as a binary file would be")
    func binary() throws {
        // The start of an ELF program, as `cat /bin/ls |` would send.
        let elf = Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01] + [UInt8](repeating: 0, count: 57))
        try expectRefused(["import", "-"], input: elf,
                          says: "standard input: this is a binary file (NUL byte at offset 7), not a text page (nothing was imported)")
    }
}
