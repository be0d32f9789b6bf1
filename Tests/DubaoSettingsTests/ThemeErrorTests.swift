import DubaoText
import DubaoTestSupport
import DubaoTerminal
import DubaoUI
import Foundation
import Testing
import DubaoSettings

/// Parses `text` as a theme and returns the error it must give.
func themeError(_ text: String, file: String = "mine.toml", expectedName: String? = nil) -> SettingsError? {
    do {
        _ = try ThemeLoader.parse(text, file: file, expectedName: expectedName)
        return nil
    } catch {
        return error
    }
}

@Suite struct ThemeErrorTests {
    static let head = "name = \"mine\"\ndescription = \"mine\"\nbase = \"dark\"\n[styles]\n"  // lines 1–4

    /// (what is on line 5, the message it must give, the column)
    static let cases: [(String, String, Int)] = [
        (#"title = { fg = "purpel" }"#, #"mine.toml:5:16: unknown colour "purpel" for title.fg; use "default", 0–255 or a colour name"#, 16),
        (#"title = { fg = "bright-rde" }"#, #"did you mean "bright-red"?"#, 16),
        ("title = { bg = 256 }", "colour 256 for title.bg is out of range; use 0–255", 16),
        ("title = { bg = -1 }", "colour -1 for title.bg is out of range", 16),
        (#"title = { bg = "17" }"#, "write the number without quotes: 17", 16),
        ("title = { fg = 1.5 }", "title.fg is a number with a fraction", 16),
        (#"title = { bold = "yes" }"#, "styles.title.bold is a string; use true or false", 18),
        ("title = { bold = 1 }", "styles.title.bold is an integer; use true or false", 18),
        ("title = { blink = true }", #"unknown style key "blink"; use one of fg, bg, bold, dim, underline, reverse, italic"#, 11),
        ("title = { fgg = 1 }", #"unknown style key "fgg"; did you mean "fg"?"#, 11),
        ("titel = { fg = 1 }", #"unknown role "titel"; did you mean "title"?"#, 1),
        ("title = 3", "styles.title is an integer; it must be a table", 9),
    ]

    @Test(arguments: 0..<cases.count)
    func semanticErrorsNameFileLineAndColumn(index: Int) throws {
        let (line, expected, column) = Self.cases[index]
        let error = try #require(themeError(Self.head + line + "\n"))
        #expect(error.file == "mine.toml")
        #expect(error.line == 5)
        #expect(error.column == column, "\(error.message)")
        #expect(error.message.hasPrefix("mine.toml:5:"))
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(!error.message.contains("\n"))
    }

    @Test func errorsInAStandardStyleTableNameTheirLine() throws {
        let text = Self.head + "\n[styles.caption]\nitalic = true\nfg = \"grene\"\n"
        let error = try #require(themeError(text))
        #expect(error.message.hasPrefix("mine.toml:8:6: unknown colour \"grene\" for caption.fg"), "\(error.message)")
    }

    @Test func theSameKeyInAnotherTableIsNotConfused() throws {
        // `fg` first appears on line 5; the bad one is on line 6.
        let text = Self.head + "title = { fg = 1 }\nkicker = { fg = 999 }\n"
        let error = try #require(themeError(text))
        #expect(error.message.hasPrefix("mine.toml:6:17: colour 999 for kicker.fg"), "\(error.message)")
    }

    @Test func syntaxErrorsComeWithLineAndColumn() throws {
        let error = try #require(themeError(Self.head + "title = { fg = 1\n"))
        #expect(error.line == 5)
        #expect(error.column != nil)
        #expect(error.message.hasPrefix("mine.toml:5:"))
        #expect(error.message.contains("not valid TOML"))
    }

    @Test func unknownTopLevelKey() throws {
        let error = try #require(themeError("name = \"mine\"\ndescription = \"d\"\ncolours = 256\n[styles]\n"))
        #expect(error.message.hasPrefix(#"mine.toml:3:1: unknown key "colours"; use one of name, description, base, styles"#), "\(error.message)")
    }

    @Test func missingRolesAreNamed() throws {
        let error = try #require(themeError("name = \"mine\"\ndescription = \"d\"\n\n[styles]\nnormal = {}\ntitle = { bold = true }\n"))
        #expect(error.message.hasPrefix("mine.toml:4:1: no style for dim, border,"), "\(error.message)")
        #expect(error.message.contains(#"add base = "dark""#))
        #expect(!error.message.contains(" title,"))
    }

    @Test func missingNameDescriptionOrStyles() throws {
        #expect(themeError("description = \"d\"\n[styles]\n")?.message.hasPrefix("mine.toml:1: the theme has no name") == true)
        #expect(themeError("name = \"mine\"\n[styles]\n")?.message.hasPrefix("mine.toml:1: the theme has no description") == true)
        #expect(themeError("name = \"mine\"\ndescription = \"d\"\n")?.message.hasPrefix("mine.toml:1: the theme has no [styles] table") == true)
    }

    @Test func nameMustMatchTheFile() throws {
        let error = try #require(themeError(Self.head, expectedName: "evening"))
        #expect(error.message == #"mine.toml:1:8: the theme is named "mine" but its file is evening.toml; make the two the same"#)
    }

    @Test func badBaseAndBadName() throws {
        let base = try #require(themeError("name = \"mine\"\ndescription = \"d\"\nbase = \"drak\"\n[styles]\n"))
        #expect(base.message.hasPrefix(#"mine.toml:3:8: base "drak" is not a built-in theme; use one of dark, high-contrast, mono, paper"#), "\(base.message)")
        let name = try #require(themeError("name = \"../x\"\ndescription = \"d\"\n[styles]\n"))
        #expect(name.message.hasPrefix(#"mine.toml:1:8: theme name "../x" may use only"#), "\(name.message)")
        let styles = try #require(themeError("name = \"mine\"\ndescription = \"d\"\nstyles = \"all\"\n"))
        #expect(styles.message.hasPrefix("mine.toml:3:10: styles is a string; it must be a table"), "\(styles.message)")
    }
}

@Suite struct UserThemeTests {
    static func folder(_ name: String = #function) -> String {
        let path = ScratchFolder.path(name)
        try? FileManager.default.createDirectory(atPath: path + "/dubao/themes", withIntermediateDirectories: true)
        return path
    }

    @Test func userThemesAreListedAndOverrideBuiltIns() throws {
        let config = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: config) }
        let themes = config + "/dubao/themes"
        try themeText(name: "evening", roles: ["title": "{ fg = 208 }"]).write(toFile: themes + "/evening.toml", atomically: true, encoding: .utf8)
        try themeText(name: "paper", roles: ["title": "{ fg = 52 }"]).write(toFile: themes + "/paper.toml", atomically: true, encoding: .utf8)
        try "not a theme".write(toFile: themes + "/notes.txt", atomically: true, encoding: .utf8)

        let catalog = ThemeCatalog(environment: ["XDG_CONFIG_HOME": config, "HOME": "/nonexistent"])
        #expect(catalog.userThemesDirectory == themes)
        #expect(catalog.names == ["dark", "evening", "high-contrast", "mono", "paper"])
        #expect(try catalog.theme(named: "evening").style(.title).foreground == .indexed(208))
        #expect(try catalog.theme(named: "paper").style(.title).foreground == .indexed(52))
        #expect(try catalog.theme(named: "dark") == ThemeCatalog.builtIn.theme(named: "dark"))
        #expect(try ThemeCatalog.builtIn.theme(named: "paper").style(.title).foreground == .indexed(16))
    }

    @Test func aBrokenUserThemeNamesItsPath() throws {
        let config = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: config) }
        let path = config + "/dubao/themes/evening.toml"
        try themeText(name: "evening", roles: ["kicker": #"{ fg = "orange" }"#]).write(toFile: path, atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(userThemesDirectory: config + "/dubao/themes")
        let line = 4 + StyleRole.allCases.firstIndex(of: .kicker)!
        #expect(throws: SettingsError.self) { try catalog.theme(named: "evening") }
        do {
            _ = try catalog.theme(named: "evening")
        } catch {
            #expect(error.message.hasPrefix("\(path):\(line):"), "\(error.message)")
            #expect(error.message.contains(#"unknown colour "orange" for kicker.fg"#))
        }
    }

    @Test func unknownThemeNamesTheChoices() throws {
        do {
            _ = try ThemeCatalog.builtIn.theme(named: "sepia")
            Issue.record("no error")
        } catch {
            #expect(error.message.contains(#"no theme "sepia"; use one of dark, high-contrast, mono, paper"#), "\(error.message)")
        }
    }

    @Test func aFolderOrAnUndecodableFileInsteadOfATheme() throws {
        let config = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: config) }
        let themes = config + "/dubao/themes"
        try FileManager.default.createDirectory(atPath: themes + "/odd.toml", withIntermediateDirectories: true)
        try Data([0x6E, 0x61, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: themes + "/latin.toml"))
        let catalog = ThemeCatalog(userThemesDirectory: themes)
        #expect(throws: SettingsError(file: themes + "/odd.toml", problem: Sentence(.settingsIsFolder))) {
            try catalog.theme(named: "odd")
        }
        #expect(throws: SettingsError(file: themes + "/latin.toml", problem: Sentence(.settingsNotUTF8))) {
            try catalog.theme(named: "latin")
        }
    }
}
