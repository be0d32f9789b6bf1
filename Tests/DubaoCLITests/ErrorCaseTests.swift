import Foundation
import Testing

/// Bad input: one clear line on stderr, a non-zero exit, and the library exactly as it was.
@Suite("dubao errors leave the library untouched")
struct ErrorCaseTests {
    /// A library with the sample paper in it, and its files' bytes.
    func filledLibrary(_ name: String = #function) throws -> (String, [String: Data]) {
        let lib = DubaoProcess.temporaryFolder(name)
        let out = try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib)
        #expect(out.status == 0)
        return (lib, DubaoProcess.snapshot(lib))
    }

    func expectCleanFailure(_ arguments: [String], mentions: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (lib, before) = try filledLibrary()
        let out = try DubaoProcess.run(arguments, library: lib)
        #expect(out.status != 0, "\(arguments) must fail", sourceLocation: sourceLocation)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr, got: \(out.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("dubao: ") == true, sourceLocation: sourceLocation)
        for word in mentions {
            #expect(out.stderr.contains(word), "stderr names \(word): \(out.stderr)", sourceLocation: sourceLocation)
        }
        #expect(out.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(DubaoProcess.snapshot(lib) == before, "the library is unchanged", sourceLocation: sourceLocation)
    }

    @Test func missingFile() throws {
        try expectCleanFailure(["import", "/nonexistent/page.txt"], mentions: ["/nonexistent/page.txt", "no such file"])
    }

    @Test func emptyFile() throws {
        let dir = DubaoProcess.temporaryFolder()
        _ = FileManager.default.createFile(atPath: dir + "/empty.txt", contents: Data())
        try expectCleanFailure(["import", dir + "/empty.txt"], mentions: ["empty.txt", "empty"])
    }

    @Test func binaryFile() throws {
        try expectCleanFailure(["import", "/bin/ls"], mentions: ["/bin/ls", "binary"])
    }

    @Test("a page saved compressed is named as an archive to unpack, not an encoding to force")
    func compressedFile() throws {
        let dir = DubaoProcess.temporaryFolder()
        // A gzip stream's first bytes (magic, deflate, no flags), then anything: only the start is read.
        _ = FileManager.default.createFile(atPath: dir + "/01.txt.gz", contents: Data([0x1F, 0x8B, 0x08, 0x00, 0xE5, 0x9B, 0xAD, 0xC3]))
        try expectCleanFailure(["import", dir + "/01.txt.gz"], mentions: ["01.txt.gz", "gzip", "gunzip"])
    }

    @Test func pageWithoutArticles() throws {
        let dir = DubaoProcess.temporaryFolder()
        try "第05版：体育\n\n责任编辑:某某\n".write(toFile: dir + "/furniture.txt", atomically: true, encoding: .utf8)
        try expectCleanFailure(["import", dir + "/furniture.txt"], mentions: ["furniture.txt", "no article"])
    }

    @Test("one bad file among good ones imports nothing")
    func oneBadAmongGood() throws {
        try expectCleanFailure(["import", DubaoProcess.sampleData + "/01-要闻.txt", "/bin/ls"], mentions: ["/bin/ls"])
    }

    @Test func badDateOption() throws {
        try expectCleanFailure(["import", DubaoProcess.sampleData, "--date", "2026-13-45"], mentions: ["2026-13-45", "YYYY-MM-DD"])
    }

    @Test func badEncodingOption() throws {
        try expectCleanFailure(["import", DubaoProcess.sampleData, "--encoding", "latin9"], mentions: ["latin9", "gb18030"])
    }

    @Test func unknownArticle() throws {
        try expectCleanFailure(["show", "20261127-0000000000"], mentions: ["20261127-0000000000", "dubao list"])
    }

    @Test func malformedID() throws {
        try expectCleanFailure(["show", "../../etc/passwd"], mentions: ["not an article ID"])
    }

    @Test func unknownSection() throws {
        try expectCleanFailure(["list", "--section", "体育"], mentions: ["体育", "要闻"])
    }

    @Test("a damaged library.json is named, never overwritten, and stops imports")
    func corruptIndex() throws {
        let (lib, _) = try filledLibrary()
        let damaged = Data("{\"schema\":1,\"format\":\"dubao-library\",\"issues\":[{\"pap".utf8)
        try damaged.write(to: URL(fileURLWithPath: lib + "/library.json"))
        let before = DubaoProcess.snapshot(lib)
        for args in [["import", DubaoProcess.fixtures + "/kicker-title.txt"], ["list"], ["issues"]] {
            let out = try DubaoProcess.run(args, library: lib)
            #expect(out.status != 0)
            #expect(out.stderr.contains(lib + "/library.json"), "\(out.stderr)")
            #expect(out.stderr.contains("damaged"))
        }
        #expect(DubaoProcess.snapshot(lib) == before)
    }

    @Test("a library from a newer dubao is refused, not rewritten")
    func newerSchema() throws {
        let (lib, _) = try filledLibrary()
        let path = lib + "/library.json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"schema\" : 2", with: "\"schema\" : 99")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let before = DubaoProcess.snapshot(lib)
        let out = try DubaoProcess.run(["import", DubaoProcess.fixtures + "/kicker-title.txt"], library: lib)
        #expect(out.status != 0)
        #expect(out.stderr.contains("schema version 99, newer than this dubao understands (2)"), "\(out.stderr)")
        #expect(DubaoProcess.snapshot(lib) == before)
    }

    @Test("a library path that cannot be created gives one clear line")
    func unwritableLibrary() throws {
        let dir = DubaoProcess.temporaryFolder()
        _ = FileManager.default.createFile(atPath: dir + "/file", contents: Data("x".utf8))
        let out = try DubaoProcess.run(["import", DubaoProcess.sampleData], library: dir + "/file/library")
        #expect(out.status != 0)
        let errors = out.stderr.split(separator: "\n").filter { !$0.hasPrefix("dubao: warning:") }
        #expect(errors.count == 1, "\(out.stderr)")
        #expect(out.stderr.contains(dir + "/file"))
        #expect(out.stderr.contains("--library"), "says what to do")
    }
}

@Suite("dubao import refuses what is not a page file")
struct NotAPageTests {
    @Test("a device never ends: /dev/zero is refused at once, not read")
    func device() throws {
        let lib = DubaoProcess.temporaryFolder()
        let out = try DubaoProcess.run(["import", "/dev/zero"], library: lib)
        #expect(out.status == 1)
        #expect(out.stderr.contains("not a regular file"))
    }
}
