import DubaoTestSupport
import Foundation
import Testing

/// The real reader in a Chinese locale speaks Chinese; the config's `language` wins over the locale.
@Suite("The reader's language end to end in tmux", .enabled(if: ReaderSession.available, "skipped: tmux is not installed (apt-get install tmux)"))
struct LanguageEndToEndTests {
    @Test("LANG=zh_CN.UTF-8: hints, the bookmarks entry and messages in Chinese")
    func chineseLocale() throws {
        let t = try ReaderSession.start(width: 120, height: 40, library: DubaoProcess.temporaryFolder(),
                                        environment: ["LANG": "zh_CN.UTF-8", "LC_MESSAGES": ""])
        let screen = try t.waitFor("? 帮助")
        #expect(screen[39].contains("? 帮助  q 返回  b 书签"), "\(screen[39])")
        #expect(screen.contains { $0.contains("★ 书签") })
        try t.sendKeys("b")
        try t.waitFor("★ 已加书签")
        try t.sendKeys("x")
        try t.waitFor("x 键没有绑定命令")
    }

    @Test("language = \"en\" in config.toml keeps English in a Chinese locale; \"zh\" gives Chinese in an English one")
    func configWins() throws {
        for (setting, locale, expected) in [("en", "zh_CN.UTF-8", "? help"), ("zh", "C.UTF-8", "? 帮助")] {
            let library = DubaoProcess.temporaryFolder()
            let folder = library + "-config/dubao"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "language = \"\(setting)\"\n".write(toFile: folder + "/config.toml", atomically: true, encoding: .utf8)
            let t = try ReaderSession.start(width: 120, height: 40, library: library,
                                            environment: ["LC_ALL": locale, "LC_MESSAGES": ""])
            let screen = try t.waitFor(expected)
            #expect(screen[39].contains(expected))
        }
    }
}
