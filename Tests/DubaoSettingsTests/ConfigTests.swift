import DubaoText
import DubaoTestSupport
import DubaoTerminal
import DubaoUI
import Foundation
import Testing
import DubaoSettings

func configError(_ text: String, file: String = "config.toml", themes: ThemeCatalog = .builtIn) -> SettingsError? {
    do {
        _ = try ConfigLoader.parse(text, file: file, themes: themes)
        return nil
    } catch {
        return error
    }
}

@Suite struct ConfigTests {
    @Test func defaults() {
        let config = Config()
        #expect(config.theme == nil, "no theme named: the terminal's background chooses")
        #expect(config.readerWidth == 40)
        #expect(config.mouse)
        #expect(config.normalizePunctuation)
        #expect(config.saveFolder == nil)
        #expect(config.keys.isEmpty)
    }

    @Test func defaultPath() {
        #expect(Config.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/home/a"]) == "/x/conf/dubao/config.toml")
        #expect(Config.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/conf/", "HOME": "/home/a"]) == "/x/conf/dubao/config.toml")
        #expect(Config.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.config/dubao/config.toml")
        #expect(Config.defaultPath(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/a"]) == "/home/a/.config/dubao/config.toml")
        // The XDG spec: a relative path is ignored.
        #expect(Config.defaultPath(environment: ["XDG_CONFIG_HOME": "conf", "HOME": "/home/a"]) == "/home/a/.config/dubao/config.toml")
        #expect(Config.defaultPath(environment: [:]) == nil)
    }

    @Test func aMissingFileMeansTheDefaults() throws {
        let folder = ScratchFolder.path("missing")
        #expect(try ConfigLoader.load(environment: ["XDG_CONFIG_HOME": folder]) == Config())
        #expect(try ConfigLoader.load(environment: ["HOME": folder]) == Config())
        #expect(try ConfigLoader.load(environment: [:]) == Config())
        let settings = try Settings.load(environment: ["XDG_CONFIG_HOME": folder])
        #expect(settings.config == Config())
        #expect(settings.theme == (try ThemeCatalog.builtIn.theme(named: "dark")))
    }

    @Test("a config naming no theme gets paper on a light background, dark otherwise; one naming a theme keeps it")
    func themeForTheBackground() throws {
        let folder = ScratchFolder.make("background")
        let env = ["XDG_CONFIG_HOME": folder]
        let paper = try ThemeCatalog.builtIn.theme(named: "paper"), dark = try ThemeCatalog.builtIn.theme(named: "dark")
        #expect(try Settings.load(environment: env) { .light }.theme == paper)
        #expect(try Settings.load(environment: env) { .dark }.theme == dark)
        #expect(try Settings.load(environment: env) { nil }.theme == dark, "not known: dark, as before")
        try FileManager.default.createDirectory(atPath: folder + "/dubao", withIntermediateDirectories: true)
        try "theme = \"high-contrast\"\n".write(toFile: folder + "/dubao/config.toml", atomically: true, encoding: .utf8)
        var asked = false
        let named = try Settings.load(environment: env) { asked = true; return .light }
        #expect(named.theme == (try ThemeCatalog.builtIn.theme(named: "high-contrast")))
        #expect(!asked, "the terminal is not asked when the config decides")
        #expect(try Settings.load(environment: env.merging(["NO_COLOR": "1"]) { $1 }) { .light }.theme == .monochrome)
    }

    @Test func aFullConfig() throws {
        let text = """
        # my settings
        theme = "paper"
        reader_width = 36
        mouse = false
        normalize_punctuation = false
        save_folder = "~/papers"

        [keys]
        next-article = ["J", "C-n"]
        previous-article = "K"
        quit = []
        help = ["?", "F1", "?"]
        """
        let config = try ConfigLoader.parse(text, file: "config.toml")
        #expect(config == Config(theme: "paper", readerWidth: 36, mouse: false, normalizePunctuation: false,
                                 saveFolder: "~/papers", keys: [
            .nextArticle: [.character("J"), .control("n")],
            .previousArticle: [.character("K")],
            .quit: [],
            .help: [.character("?"), .function(1)],
        ]))
        #expect(try ConfigLoader.parse("", file: "config.toml") == Config())
        #expect(try ConfigLoader.parse("keys = { top = \"g\" }", file: "config.toml").keys == [.top: [.character("g")]])
        #expect(try ConfigLoader.parse("reader_width = 10", file: "c").readerWidth == 10)
        #expect(try ConfigLoader.parse("reader_width = 200", file: "c").readerWidth == 200)
    }

    @Test func aBindingReplacesThatCommandsDefaultsAndTakesTheKey() throws {
        let config = try ConfigLoader.parse("[keys]\nnext-article = [\"J\", \"n\"]\nquit = []\n", file: "c")
        let base = Keymap(bindings: [
            .character("N"): .nextArticle,
            .character("n"): .nextIssue, .character("]"): .nextIssue,
            .character("Q"): .quit,
            .character("?"): .help,
        ])
        let keymap = config.keymap(base: base)
        #expect(keymap == Keymap(bindings: [
            .character("J"): .nextArticle, .character("n"): .nextArticle,
            .character("]"): .nextIssue,
            .character("?"): .help,
        ]))
        #expect(keymap.keys(for: .quit).isEmpty)
        #expect(Config().keymap() == .standard)
        let standard = try ConfigLoader.parse("[keys]\nquit = \"x\"\n", file: "c").keymap()
        #expect(standard.keys(for: .quit) == [.character("x")])
        #expect(standard.command(for: .character("j")) == .moveDown)
    }

    @Test func theConfigFileIsReadFromXDGConfigHome() throws {
        let folder = ScratchFolder.path("xdg")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/dubao/themes", withIntermediateDirectories: true)
        try "theme = \"evening\"\nreader_width = 30\n".write(toFile: folder + "/dubao/config.toml", atomically: true, encoding: .utf8)
        try themeText(name: "evening", roles: ["body": "{ fg = 250 }"]).write(toFile: folder + "/dubao/themes/evening.toml", atomically: true, encoding: .utf8)
        let env = ["XDG_CONFIG_HOME": folder]
        let config = try ConfigLoader.load(environment: env)
        #expect(config.theme == "evening")
        #expect(config.readerWidth == 30)
        let settings = try Settings.load(environment: env)
        #expect(settings.theme.style(.body).foreground == .indexed(250))
        #expect(!settings.colourDisabled)
        let noColour = try Settings.load(environment: env.merging(["NO_COLOR": "1"]) { $1 })
        #expect(noColour.theme == .monochrome)
        #expect(noColour.colourDisabled)
        #expect(try Settings.load(environment: env.merging(["NO_COLOR": ""]) { $1 }).theme == settings.theme)

        // A bad config names its full path.
        try "reader_width = 5\n".write(toFile: folder + "/dubao/config.toml", atomically: true, encoding: .utf8)
        #expect(throws: SettingsError.self) { try ConfigLoader.load(environment: env) }
        do {
            _ = try Settings.load(environment: env)
        } catch {
            #expect(error.message.hasPrefix(folder + "/dubao/config.toml:1:16: reader_width 5 is out of range"), "\(error.message)")
        }
    }
}

@Suite struct ConfigDocumentationTests {
    @Test("the README stays under 20 KB: detail goes to docs/")
    func readmeIsShort() throws {
        let size = try FileManager.default.attributesOfItem(atPath: packageRoot + "/README.md")[.size] as? Int ?? 0
        #expect(size < 20_000, "README.md is \(size) bytes")
    }

    @Test func theReadmeListsEveryCommandAndSetting() throws {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "## Configuration\n"))
        let section = readme[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        let text = section[..<end]
        for command in Command.allCases {
            #expect(text.contains("`\(command.rawValue)`"), "README's Configuration does not list \(command.rawValue)")
        }
        for setting in ConfigLoader.topLevelKeys where setting != "keys" {
            #expect(text.contains("\(setting) = "), "README's Configuration does not show \(setting)")
        }
    }
}

@Suite struct ConfigErrorTests {
    /// (the config text, the message it must give)
    static let cases: [(String, String)] = [
        // syntax
        ("theme = \"paper\"\nreader_width = \n", "config.toml:2:16: not valid TOML: error in key-value pair"),
        ("theme = \"paper\n", "config.toml:1:"),
        ("[keys]\nquit = \"q\"\nquit = \"Q\"\n", "config.toml:3:"),
        // unknown keys
        ("theme = \"dark\"\ncolour = true\n", #"config.toml:2:1: unknown setting "colour"; use one of theme, reader_width, mouse, normalize_punctuation, save_folder, language, keys"#),
        ("readerwidth = 40\n", #"config.toml:1:1: unknown setting "readerwidth"; did you mean "reader_width"?"#),
        ("[reader]\nwidth = 40\n", #"config.toml:1:1: unknown setting "reader""#),
        // wrong types
        ("theme = 3\n", "config.toml:1:9: theme is an integer; it must be a string"),
        ("reader_width = \"40\"\n", "config.toml:1:16: reader_width is a string; give a whole number of Chinese characters, 10–200"),
        ("reader_width = 40.5\n", "config.toml:1:16: reader_width is a number with a fraction"),
        ("mouse = \"yes\"\n", "config.toml:1:9: mouse is a string; use true or false"),
        ("\n\nnormalize_punctuation = 1\n", "config.toml:3:25: normalize_punctuation is an integer; use true or false"),
        ("keys = \"vim\"\n", "config.toml:1:8: keys is a string; it must be a table"),
        ("save_folder = 3\n", "config.toml:1:15: save_folder is an integer; it must be a string, a folder, such as save_folder = \"~/papers\""),
        ("save_folder = \"\"\n", "config.toml:1:15: save_folder is empty; name a folder"),
        ("[keys]\nquit = 113\n", "config.toml:2:8: keys.quit is an integer; give a key or a list of keys"),
        ("[keys]\nquit = [\"q\", 113]\n", "config.toml:2:14: keys.quit has an integer in its list; write each key as a string"),
        // out of range
        ("reader_width = 9\n", "config.toml:1:16: reader_width 9 is out of range; use 10–200 (Chinese characters per line)"),
        ("reader_width = 201\n", "config.toml:1:16: reader_width 201 is out of range"),
        ("reader_width = -40\n", "config.toml:1:16: reader_width -40 is out of range"),
        // unknown theme
        ("theme = \"papr\"\n", #"config.toml:1:9: unknown theme "papr"; did you mean "paper"?"#),
        ("theme = \"sepia\"\n", #"config.toml:1:9: unknown theme "sepia"; use one of dark, high-contrast, mono, paper"#),
        // unknown command
        ("[keys]\nnext-artcle = \"J\"\n", #"config.toml:2:1: unknown command "next-artcle"; did you mean "next-article"?"#),
        ("[keys]\nfrobnicate = \"J\"\n", #"config.toml:2:1: unknown command "frobnicate"; use one of down, up, top, bottom"#),
        // unknown key names
        ("[keys]\nnext-article = [\"J\", \"Ctrl-n\"]\n", #"config.toml:2:22: unknown key "Ctrl-n": write Ctrl keys as "C-n" (for next-article)"#),
        ("[keys]\nhelp = \"Hlep\"\n", #"config.toml:2:8: unknown key "Hlep"; use a single character, C-x, or one of Tab"#),
        ("[keys]\nhelp = \"F13\"\n", #"config.toml:2:8: unknown key "F13": function keys are F1–F12 (for help)"#),
        ("[keys]\nhelp = \"\"\n", "config.toml:2:8: an empty key name"),
        // a key bound twice
        ("[keys]\nnext-article = [\"J\", \"n\"]\nnext-issue = [\"]\", \"n\"]\n",
         #"config.toml:3:20: key "n" is bound to both next-article and next-issue; bind each key to one command"#),
        ("[keys]\nquit = \"Space\"\nopen = \" \"\n", #"config.toml:3:8: key "Space" is bound to both quit and open"#),
    ]

    @Test(arguments: 0..<cases.count)
    func eachBadConfigGivesItsClearError(index: Int) throws {
        let (text, expected) = Self.cases[index]
        let error = try #require(configError(text), "\(text.debugDescription) gave no error")
        #expect(error.message.hasPrefix(expected), "\(error.message)")
        #expect(error.file == "config.toml")
        #expect(error.line != nil)
        #expect(!error.message.contains("\n"))
    }

    @Test func aUserThemeNameIsAccepted() throws {
        let folder = ScratchFolder.path("usertheme")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try themeText(name: "sepia", roles: [:]).write(toFile: folder + "/sepia.toml", atomically: true, encoding: .utf8)
        let themes = ThemeCatalog(userThemesDirectory: folder)
        #expect(try ConfigLoader.parse("theme = \"sepia\"", file: "c", themes: themes).theme == "sepia")
        let error = try #require(configError("theme = \"noir\"", themes: themes))
        #expect(error.message.contains("use one of dark, high-contrast, mono, paper, sepia (or write your own in \(folder)/noir.toml)"), "\(error.message)")
    }

    @Test func anUnreadableConfigFile() throws {
        let folder = ScratchFolder.path("unreadable")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/dubao/config.toml", withIntermediateDirectories: true)
        #expect(throws: SettingsError(file: folder + "/dubao/config.toml", problem: Sentence(.settingsIsFolder))) {
            try ConfigLoader.load(environment: ["XDG_CONFIG_HOME": folder])
        }
    }
}

@Suite struct ErrorPositionTests {
    @Test func multiLineArraysCommentsAndQuotedKeys() throws {
        let text = """
        [keys]
        # a comment with "quotes", [brackets] and = signs
        "next-article" = [
          "J",   # first
          'C-n',
          "Ctrl-x",
        ]
        """
        let error = try #require(configError(text))
        #expect(error.message.hasPrefix(#"config.toml:6:3: unknown key "Ctrl-x""#), "\(error.message)")
    }

    @Test func dottedKeysAndInlineTables() throws {
        #expect(configError("theme = \"dark\"\nkeys.quit = 5\n")?.message.hasPrefix("config.toml:2:13: keys.quit is an integer") == true)
        #expect(configError("keys = { quit = \"q\", open = \"q\" }\n")?.message.hasPrefix(#"config.toml:1:29: key "q" is bound to both"#) == true)
    }

    @Test func multiLineStringsBeforeTheError() throws {
        let text = "name = \"mine\"\ndescription = \"\"\"\nA theme\nwith [styles] = { fg = 1 } in its text\n\"\"\"\nbase = \"dark\"\n[styles]\ntitle = { fg = 300 }\n"
        let error = try #require(themeError(text))
        #expect(error.message.hasPrefix("mine.toml:8:16: colour 300 for title.fg is out of range"), "\(error.message)")
    }

    @Test func aByteOrderMarkAndWindowsLineEnds() throws {
        let error = try #require(configError("\u{FEFF}theme = \"dark\"\r\nmouse = \"no\"\r\n"))
        #expect(error.message.hasPrefix("config.toml:2:9: mouse is a string"), "\(error.message)")
    }
}
