import DubaoUI
import Foundation
import Testing
import DubaoSettings

/// The checkout's root, for the Themes folder.
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

@Suite struct BuiltInThemeTests {
    @Test func theFourThemesAreBuiltIn() {
        #expect(ThemeCatalog.builtInNames == ["dark", "high-contrast", "mono", "paper"])
        #expect(ThemeCatalog.builtIn.names == ThemeCatalog.builtInNames)
        #expect(ThemeCatalog.builtInNames.contains(ThemeCatalog.defaultThemeName))
    }

    @Test(arguments: ["dark", "high-contrast", "mono", "paper"])
    func everyBuiltInThemeParsesAndDefinesEveryRole(name: String) throws {
        let text = try #require(ThemeCatalog.builtInSource(named: name))
        // No base: a built-in theme spells out every role itself.
        #expect(!text.contains("base ="))
        let definition = try ThemeCatalog.builtIn.definition(named: name)
        #expect(definition.name == name)
        #expect(!definition.description.isEmpty)
        #expect(definition.theme.name == name)
        for role in StyleRole.allCases {
            #expect(definition.theme.styles[role] != nil, "\(name) has no style for \(role.rawValue)")
        }
    }

    @Test func monoIsTheMonochromeFallbackAndHasNoColours() throws {
        let mono = try ThemeCatalog.builtIn.theme(named: "mono")
        #expect(mono == Theme.monochrome)
        for style in mono.styles.values {
            #expect(style.foreground == .terminalDefault && style.background == .terminalDefault)
        }
    }

    @Test(arguments: ["dark", "high-contrast", "paper"])
    func rolesThatMustStandApartDo(name: String) throws {
        let theme = try ThemeCatalog.builtIn.theme(named: name)
        let s = theme.style
        #expect(s(.selection) != s(.selectionUnfocused))
        #expect(s(.selection).background != s(.normal).background)
        #expect(s(.border) != s(.borderFocused))
        #expect(s(.paneTitle) != s(.paneTitleFocused))
        #expect(s(.kicker) != s(.title))
        #expect(s(.title).bold && !s(.kicker).bold, "the kicker is quieter than the title")
        // A match is readable on a selected row: its own background, differing from the selection's.
        #expect(s(.match).background != s(.selection).background)
        #expect(s(.match).background != s(.normal).background)
        #expect(s(.match).foreground != s(.match).background)
        #expect(s(.statusKey) != s(.status))
        #expect(s(.statusKey).background == s(.status).background, "keys sit on the status bar")
    }

    @Test(arguments: ["high-contrast", "paper"])
    func themesThatPaintTheirBackgroundPaintItEverywhere(name: String) throws {
        // A light or black theme cannot leave any role on the terminal's own background.
        let theme = try ThemeCatalog.builtIn.theme(named: name)
        for role in StyleRole.allCases {
            #expect(theme.style(role).background != .terminalDefault, "\(name).\(role.rawValue)")
            #expect(theme.style(role).foreground != .terminalDefault, "\(name).\(role.rawValue)")
        }
    }

    @Test func embeddedThemesMatchTheThemesFolder() throws {
        let folder = packageRoot + "/Themes"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".toml") }.sorted()
        let onDisk = try files.map { (String($0.dropLast(5)), try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) }
        #expect(onDisk.map(\.0) == ThemeCatalog.builtInNames, "run python3 Scripts/embed-themes.py after changing Themes/")
        for (name, text) in onDisk {
            #expect(text == ThemeCatalog.builtInSource(named: name), "\(name).toml differs from its embedded copy: run python3 Scripts/embed-themes.py")
        }
    }

    @Test func theReadmeDescribesEveryRole() throws {
        let readme = try String(contentsOfFile: packageRoot + "/Themes/README.md", encoding: .utf8)
        for role in StyleRole.allCases {
            #expect(readme.contains("`\(role.rawValue)`"), "Themes/README.md does not mention \(role.rawValue)")
        }
    }
}

@Suite struct ColourTests {
    @Test func namesAreTheSixteenXtermColours() {
        #expect(ThemeLoader.colour(named: "default") == .terminalDefault)
        #expect(ThemeLoader.colour(named: "black") == .indexed(0))
        #expect(ThemeLoader.colour(named: "red") == .indexed(1))
        #expect(ThemeLoader.colour(named: "white") == .indexed(7))
        #expect(ThemeLoader.colour(named: "bright-black") == .indexed(8))
        #expect(ThemeLoader.colour(named: "bright-white") == .indexed(15))
        #expect(ThemeLoader.colourNames.count == 16)
        #expect(ThemeLoader.colour(named: "Red") == nil)
        #expect(ThemeLoader.colour(named: "purple") == nil)
    }

    @Test func stylesTakeNamesIndicesAndAttributes() throws {
        let text = themeText(roles: [
            "normal": "{}",
            "title": #"{ fg = "bright-yellow", bg = 17, bold = true, italic = true }"#,
            "match": #"{ fg = 0, bg = 255, reverse = true, underline = true, dim = false }"#,
            "kicker": #"{ fg = "default", bg = "blue", dim = true }"#,
        ])
        let theme = try ThemeLoader.parse(text, file: "t.toml").theme
        #expect(theme.style(.normal) == TextStyle())
        #expect(theme.style(.title) == TextStyle(foreground: .indexed(11), background: .indexed(17), bold: true, italic: true))
        #expect(theme.style(.match) == TextStyle(foreground: .indexed(0), background: .indexed(255), underline: true, reverse: true))
        #expect(theme.style(.kicker) == TextStyle(foreground: .terminalDefault, background: .indexed(4), dim: true))
    }

    @Test func aStyleMayBeAStandardTable() throws {
        var text = themeText(roles: [:])
        text += "\n[styles.title]\nfg = 1\nbold = true\n"
        let theme = try ThemeLoader.parse(text.replacingOccurrences(of: "\ntitle = {}\n", with: "\n"), file: "t.toml").theme
        #expect(theme.style(.title) == TextStyle(foreground: .indexed(1), bold: true))
    }

    @Test func baseTakesMissingRolesFromABuiltInTheme() throws {
        let text = """
        name = "mine"
        description = "dark with red titles"
        base = "dark"
        [styles]
        title = { fg = "red", bold = true }
        """
        let theme = try ThemeLoader.parse(text, file: "mine.toml").theme
        let dark = try ThemeCatalog.builtIn.theme(named: "dark")
        #expect(theme.style(.title) == TextStyle(foreground: .indexed(1), bold: true))
        for role in StyleRole.allCases where role != .title {
            #expect(theme.styles[role] == dark.styles[role])
        }
    }
}

/// A theme text defining every role as `{}` except those given.
func themeText(name: String = "test", roles: [String: String], extra: String = "") -> String {
    var text = "name = \"\(name)\"\ndescription = \"a test theme\"\n\(extra)[styles]\n"
    for role in StyleRole.allCases {
        text += "\(role.rawValue) = \(roles[role.rawValue] ?? "{}")\n"
    }
    return text
}
