import DubaoRuntime
import DubaoStore
import Foundation
import DubaoText
@testable import DubaoUI
import Foundation
import Testing

/// dubao speaks English or Chinese, each from one table: every phrase in both, with the same
/// values, and the locale or the config choosing.
@Suite("Languages: the phrase tables and the choice of language")
struct LanguageTests {
    @Test("every phrase is in both tables, with the same {n} values")
    func tablesAreComplete() {
        let english = Texts.table(.english), chinese = Texts.table(.chinese)
        for phrase in Phrase.allCases {
            let en = english[phrase], zh = chinese[phrase]
            #expect(en != nil && en?.isEmpty == false, "\(phrase) is missing from the English table")
            #expect(zh != nil && zh?.isEmpty == false, "\(phrase) is missing from the Chinese table")
            if let en, let zh {
                #expect(Texts.placeholders(en) == Texts.placeholders(zh), "\(phrase): \(en) / \(zh)")
                #expect(Texts.placeholders(en) == Set(1..<(1 + Texts.placeholders(en).count)), "\(phrase): values run {1}, {2}…")
            }
        }
        #expect(english.count == Phrase.allCases.count && chinese.count == Phrase.allCases.count)
    }

    @Test("the Chinese table is Chinese: every phrase with words has a Chinese character")
    func chineseIsChinese() {
        for (phrase, text) in Texts.table(.chinese) where text.contains(where: \.isLetter) {
            #expect(text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(phrase): \(text)")
        }
        // And the English one has no phrase left in Chinese, but for the paper's own words (版面).
        for (phrase, text) in Texts.table(.english) {
            let han = text.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }
            #expect(han.isEmpty || text.contains("版面"), "\(phrase): \(text)")
        }
    }

    @Test("every phrase is said somewhere: the tables hold no leftover")
    func everyPhraseIsUsed() throws {
        var sources = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { sources.deleteLastPathComponent() }
        sources.appendPathComponent("Sources")
        var text = ""
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.path.contains("/DubaoText/Phrase") else { continue }
            text += try String(contentsOf: file, encoding: .utf8)
        }
        for phrase in Phrase.allCases {
            let used = text.range(of: "\\.\(phrase.rawValue)\\b", options: .regularExpression) != nil
            #expect(used, "\(phrase) is in the tables but nothing says it")
        }
    }

    @Test("every command has its help line in both languages")
    func commandsHaveSummaries() {
        for command in Command.allCases {
            #expect(Texts.english[command.summary] != Texts.chinese[command.summary], "\(command)")
        }
    }

    @Test("values are put in their places, in any order, and a stray brace is kept")
    func filling() {
        #expect(Texts.english(.newIssue, "江城晨报", "2026-11-28", "> opens it") == "new issue 江城晨报 2026-11-28: > opens it")
        #expect(Texts.chinese(.markedReadCount, "01 要闻", 3) == "01 要闻：3 篇标为已读——按 u 撤销")
        #expect(Texts.fill("{2} then {1}", ["a", "b"]) == "b then a")
        #expect(Texts.fill("a {x} {9}", ["v"]) == "a {x} {9}")
    }

    @Test("the locale chooses: LC_ALL, then LC_MESSAGES, then LANG; zh… is Chinese")
    func locale() {
        #expect(Language.fromLocale([:]) == .english)
        #expect(Language.fromLocale(["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(Language.fromLocale(["LANG": "zh_TW.UTF-8"]) == .chinese)
        #expect(Language.fromLocale(["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"]) == .chinese)
        #expect(Language.fromLocale(["LC_ALL": "C.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"]) == .english)
        #expect(Language.fromLocale(["LC_ALL": "", "LANG": "zh_HK.UTF-8"]) == .chinese, "an empty variable is not set")
        #expect(Language(setting: "zh") == .chinese && Language(setting: "EN") == .english && Language(setting: "zh_CN") == .chinese)
        #expect(Language(setting: "fr") == nil)
    }

    @Test("in Chinese the hints, messages and help speak Chinese")
    func chineseScreen() throws {
        let r = try SampleRuntime.start(120, 40, language: .chinese)
        let screen = Screen.render(r.state).text
        #expect(screen.contains("? 帮助  q 返回  b 书签"), "\(screen.suffix(120))")
        #expect(screen.contains("★ 书签"))
        r.keys("b")
        #expect(r.state.status.message?.text == "★ 已加书签")
        r.keys("?")
        #expect(Screen.render(r.state).text.contains("下移 / 向下滚动"))
    }

    @Test("a sentence is said in the language asked, the sentences among its values too")
    func sentences() {
        let sentence = Sentence(.settingsNotBool, "mouse", Sentence(.settingsString))
        #expect(Texts.english(sentence) == "mouse is a string; use true or false")
        #expect(Texts.chinese(sentence) == "mouse 是字符串；请用 true 或 false")
        #expect(sentence.description == Texts.english(sentence))
        #expect(Texts.chinese(.settingsUnknownName, Sentence(.settingsSetting), "\"thme\"", "") == "未知的设置项 \"thme\"")
    }

    @Test("a file that cannot be saved is told in the status line in the reader's language")
    func userDataFailure() {
        let error = StoreError.io(path: "/lib/reading/2026.json", errno: ENOSPC, doing: .write)
        #expect(UserDataPart.reading.failed(error, .chinese)
                == .userDataFailed(.reading, "无法写入 reading/2026.json：磁盘已满：阅读位置未能保存；请腾出空间"))
        #expect(UserDataPart.reading.failed(error, .english)
                == .userDataFailed(.reading, "cannot write reading/2026.json: disk full: its reading places not saved; free space"))
        #expect(error.message(.chinese) == "无法写入 /lib/reading/2026.json：磁盘已满；请腾出空间后重试（未做任何更改）")
    }
}
