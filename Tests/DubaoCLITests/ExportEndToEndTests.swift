import DubaoImport
import DubaoLayout
import DubaoModel
import DubaoStore
import DubaoTestSupport
import Foundation
import Testing

/// The real reader in tmux getting an article out: `y` into tmux's paste buffer through OSC 52,
/// `|` through a pager and back to the same screen, `s` into a folder of the config's.
@Suite("Copy, pager and save end to end in tmux", .enabled(if: ReaderSession.available, "skipped: tmux is not installed (apt-get install tmux)"),
       .serialized)
struct ExportEndToEndTests {
    static let title = "江城港前十月货物吞吐量同比增长9.2%"

    /// The sample paper's first article, which the reader opens on.
    static func firstArticle() throws -> Article {
        let sample = try SampleLibrary()
        let issue = try #require(try sample.issues().first)
        let section = try #require(try sample.catalog(of: issue).sections.first)
        let article = try #require(try sample.articles(of: section, in: issue).first)
        #expect(article.title == title)
        return article
    }

    @Test("y: with set-clipboard external tmux drops OSC 52 and the status line says so; with it on, tmux's paste buffer holds the article")
    func copyIntoTmuxBuffer() throws {
        let library = DubaoProcess.temporaryFolder()
        let t = try ReaderSession.start(width: 120, height: 40, library: library)
        try t.waitFor(Self.title)
        try t.sendKeys("y")
        try t.waitFor("not copied: tmux's set-clipboard is external")
        #expect(try t.run(["list-buffers"]).isEmpty)

        try t.run(["set", "-s", "set-clipboard", "on"])
        try t.sendKeys("y")
        let expected = ArticlePlainText.text(of: PunctuationNormalizer.normalize(try Self.firstArticle()))
        let screen = try t.waitFor("copied 《\(Self.title)》: \(expected.count) characters")
        #expect(!screen.contains { $0.contains("OSC 52 (") }, "no doubt is voiced inside tmux with set-clipboard on")
        var buffer = try t.run(["show-buffer"])
        if buffer.hasSuffix("\n") && !expected.hasSuffix("\n") { buffer.removeLast() }
        #expect(buffer == expected)
        #expect(buffer.hasPrefix("稳中有进 向新而行\n江城港前十月货物吞吐量同比增长9.2%\n\n本报讯（记者林晓 周南）\n\n记者昨日从江城港务集团获悉，"),
                "as the reader shows it, unwrapped: \(buffer.prefix(80))")
        #expect(buffer.split(separator: "\n", omittingEmptySubsequences: false).count
                == expected.split(separator: "\n", omittingEmptySubsequences: false).count, "one line a paragraph")
    }

    @Test("|: the pager gets the article's text and the reader comes back to the same screen, keys working")
    func pagerAndBack() throws {
        let library = DubaoProcess.temporaryFolder()
        let folder = DubaoProcess.temporaryFolder("pager")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = folder + "/pager.sh"
        try "#!/bin/sh\ncat > '\(folder)/paged.txt'\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let t = try ReaderSession.start(width: 80, height: 24, library: library, environment: ["PAGER": script])
        try t.waitFor(Self.title)
        let top = try t.capture()
        try t.sendKeys("l", "j", "j", "j")
        // Scrolled: the status line's percentage moved on.
        let before = try #require(try t.waitForSettled { $0 != top && $0.last != top.last })

        try t.sendKeys("|")
        var paged: String?
        waitUntil(interval: 50_000) {
            if let text = try? String(contentsOfFile: folder + "/paged.txt", encoding: .utf8), text.hasSuffix("\n") { paged = text }
            return paged != nil
        }
        #expect(paged == ArticlePlainText.text(of: PunctuationNormalizer.normalize(try Self.firstArticle())) + "\n")
        let after = try t.waitForSettled { $0 == before }
        #expect(after == before, "the screen as it was: \((try? t.capture())?.joined(separator: "\n") ?? "")")
        try t.sendKeys("k")
        #expect(try t.waitForSettled { $0 != before } != nil, "keys move the reader again")
    }

    @Test("|: a pager that is not there gives one line in the status line and the reader goes on")
    func pagerMissing() throws {
        let library = DubaoProcess.temporaryFolder()
        let t = try ReaderSession.start(width: 120, height: 40, library: library, environment: ["PAGER": "/nonexistent/pager"])
        try t.waitFor(Self.title)
        try t.sendKeys("|")
        try t.waitFor("the pager /nonexistent/pager was not found")
        try t.sendKeys("j")
        try t.waitForAbsence("the pager /nonexistent/pager was not found")
    }

    @Test("s: the article as Markdown in save_folder, a second save beside it; the status line says where")
    func saveIntoFolder() throws {
        let library = DubaoProcess.temporaryFolder()
        let folder = DubaoProcess.temporaryFolder("saved")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: library + "-config/dubao", withIntermediateDirectories: true)
        try "save_folder = \"\(folder)\"\n".write(toFile: library + "-config/dubao/config.toml", atomically: true, encoding: .utf8)
        let t = try ReaderSession.start(width: 120, height: 40, library: library)
        try t.waitFor(Self.title)
        try t.sendKeys("s")
        try t.waitFor("saved to")
        let name = "2026-11-27-\(Self.title).md"
        let saved = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        #expect(saved == ArticleMarkdown.document(of: PunctuationNormalizer.normalize(try Self.firstArticle()), source: "江城晨报 2026-11-27 第01版 要闻"))
        try t.sendKeys("j")
        try t.waitForAbsence("saved to")
        try t.sendKeys("k", "s")
        try t.waitFor("saved to")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                == [name, "2026-11-27-\(Self.title)-2.md"].sorted())
    }

    @Test("s: a read-only or full folder gives one message and leaves nothing behind",
          .enabled(if: SmallDisk.canMount, "skipped: mounting a tmpfs needs root"))
    func saveFails() throws {
        let disk = try SmallDisk(kilobytes: 16)
        defer { disk.unmount() }
        let library = DubaoProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: library + "-config/dubao", withIntermediateDirectories: true)
        try "save_folder = \"\(disk.path)\"\n".write(toFile: library + "-config/dubao/config.toml", atomically: true, encoding: .utf8)
        // Full: all but a few bytes taken.
        let filler = disk.path + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        if let handle = FileHandle(forWritingAtPath: filler) {
            while (try? handle.write(contentsOf: Data(count: 1024))) != nil {}
            try? handle.close()
        }
        let t = try ReaderSession.start(width: 120, height: 40, library: library)
        try t.waitFor(Self.title)
        try t.sendKeys("s")
        try t.waitFor("not saved: cannot write in \(disk.path): no space left on device")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["filler"])

        try FileManager.default.removeItem(atPath: filler)
        try disk.remountReadOnly()
        try t.sendKeys("s")
        try t.waitFor("not saved: cannot write in \(disk.path): read-only file system")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).isEmpty)
    }
}
