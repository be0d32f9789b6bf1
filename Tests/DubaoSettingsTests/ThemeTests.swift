import DubaoTerminal
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
        #expect(ThemeCatalog.builtInNames.contains(ThemeCatalog.defaultThemeName(background: .dark)))
        #expect(ThemeCatalog.builtInNames.contains(ThemeCatalog.defaultThemeName(background: .light)))
    }

    /// README's "The reader" says how the focused pane's title is drawn; every shipped theme
    /// must draw it so.
    @Test("the focused pane's title, in every built-in theme, is as the README says: bold, in its own colour (mono: reversed)",
          arguments: ["dark", "high-contrast", "mono", "paper"])
    func focusedTitleAsTheREADMESays(name: String) throws {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        #expect(readme.contains("title is marked `▶` and bold, in the theme's accent colour (reversed in `mono`)"))
        let theme = try ThemeCatalog.builtIn.theme(named: name)
        let focused = theme.style(.paneTitleFocused), unfocused = theme.style(.paneTitle)
        #expect(focused.bold && !unfocused.bold, "\(name): bold, and only when focused")
        if name == "mono" {
            #expect(focused.reverse && !unfocused.reverse)
        } else {
            #expect(!focused.reverse, "\(name): a colour of its own, not reversed")
            #expect(focused.foreground != unfocused.foreground && focused.foreground != theme.style(.normal).foreground,
                    "\(name): in a colour of its own")
        }
    }

    @Test("every theme in Themes/ is built in: a new one needs its line in ThemeCatalog")
    func everyThemeFileIsBuiltIn() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Themes")
        let names = files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(".toml".count)) }.sorted()
        #expect(names == ThemeCatalog.builtInNames)
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

/// WCAG contrast between a role's text and background, with xterm's standard palette and, for
/// `default`, a dark terminal (#1c1c1c on #d0d0d0).
func contrast(_ style: TextStyle) -> Double {
    func rgb(_ colour: ThemeColor, background: Bool) -> (Double, Double, Double) {
        guard case .indexed(let i) = colour else { return background ? (28, 28, 28) : (208, 208, 208) }
        let basic: [(Double, Double, Double)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if i < 16 { return basic[i] }
        if i < 232 {
            let levels: [Double] = [0, 95, 135, 175, 215, 255]
            let n = i - 16
            return (levels[n / 36], levels[n / 6 % 6], levels[n % 6])
        }
        let v = Double(8 + 10 * (i - 232))
        return (v, v, v)
    }
    func luminance(_ c: (Double, Double, Double)) -> Double {
        func channel(_ x: Double) -> Double { let x = x / 255; return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
    let a = luminance(rgb(style.foreground, background: false)), b = luminance(rgb(style.background, background: true))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
}

@Suite struct ContrastTests {
    /// Text read for hours, and what must be found at a glance, stay well readable; only borders
    /// and deliberately quiet roles may go lower, and never below 2:1.
    @Test(arguments: ["dark", "high-contrast", "paper"])
    func readingTextHasEnoughContrast(name: String) throws {
        let theme = try ThemeCatalog.builtIn.theme(named: name)
        for role in [StyleRole.normal, .body, .title, .subtitle, .selection, .selectionUnfocused, .match, .helpText, .unread] {
            #expect(contrast(theme.style(role)) >= 7, "\(name).\(role.rawValue): \(contrast(theme.style(role)))")
        }
        for role in StyleRole.allCases {
            let minimum = [.border, .continuation, .statusDim].contains(role) ? 2.0 : 4.5
            #expect(contrast(theme.style(role)) >= minimum, "\(name).\(role.rawValue): \(contrast(theme.style(role)))")
        }
    }
}
