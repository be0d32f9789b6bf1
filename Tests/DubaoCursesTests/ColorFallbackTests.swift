import CNcursesw
import DubaoTerminal
import Testing
@testable import DubaoCurses

@Suite struct ColorFallbackTests {
    @Test func paletteSizes() {
        #expect(ColorFallback.paletteSize(terminalColors: 0) == 0)
        #expect(ColorFallback.paletteSize(terminalColors: 2) == 0)
        #expect(ColorFallback.paletteSize(terminalColors: 8) == 8)
        #expect(ColorFallback.paletteSize(terminalColors: 16) == 16)
        #expect(ColorFallback.paletteSize(terminalColors: 88) == 16)
        #expect(ColorFallback.paletteSize(terminalColors: 256) == 256)
        #expect(ColorFallback.paletteSize(terminalColors: 0x1000000) == 256)
    }

    @Test func xtermPaletteRGB() {
        #expect(ColorFallback.rgb(ofIndexed: 1) == (205, 0, 0))
        #expect(ColorFallback.rgb(ofIndexed: 16) == (0, 0, 0))
        #expect(ColorFallback.rgb(ofIndexed: 196) == (255, 0, 0))
        #expect(ColorFallback.rgb(ofIndexed: 231) == (255, 255, 255))
        #expect(ColorFallback.rgb(ofIndexed: 24) == (0, 95, 135))
        #expect(ColorFallback.rgb(ofIndexed: 232) == (8, 8, 8))
        #expect(ColorFallback.rgb(ofIndexed: 255) == (238, 238, 238))
    }

    @Test func nearestKeepsWhatThePaletteHas() {
        for n in 0..<256 { #expect(ColorFallback.nearest(n, paletteSize: 256) == n) }
        for n in 0..<16 { #expect(ColorFallback.nearest(n, paletteSize: 16) == n) }
        for n in 0..<8 { #expect(ColorFallback.nearest(n, paletteSize: 8) == n) }
    }

    @Test func nearestNeverLeavesThePalette() {
        for palette in [8, 16] {
            for n in 0..<256 {
                let mapped = try! #require(ColorFallback.nearest(n, paletteSize: palette))
                #expect((0..<palette).contains(mapped), "colour \(n) → \(mapped) on \(palette) colours")
            }
        }
    }

    @Test func nearestByRGBDistance() {
        #expect(ColorFallback.nearest(196, paletteSize: 16) == 9)   // pure red → bright red
        #expect(ColorFallback.nearest(196, paletteSize: 8) == 1)    // → red
        #expect(ColorFallback.nearest(231, paletteSize: 16) == 15)  // white
        #expect(ColorFallback.nearest(231, paletteSize: 8) == 7)
        #expect(ColorFallback.nearest(16, paletteSize: 8) == 0)     // cube black
        #expect(ColorFallback.nearest(244, paletteSize: 16) == 8)   // mid grey → bright black
        #expect(ColorFallback.nearest(235, paletteSize: 8) == 0)    // dark grey → black
        #expect(ColorFallback.nearest(166, paletteSize: 8) == 1)    // orange (215, 95, 0) → red
        #expect(ColorFallback.nearest(9, paletteSize: 8) == 1)      // bright red → red
        #expect(ColorFallback.nearest(12, paletteSize: 8) == 4)     // bright blue → blue
        #expect(ColorFallback.nearest(226, paletteSize: 16) == 11)  // yellow
    }

    @Test func greysStayGrey() {
        // Mid grey (128) is nearer yellow (205, 205, 0) than white (229) by plain RGB distance.
        #expect(ColorFallback.nearest(244, paletteSize: 8) == 7)
        #expect(ColorFallback.nearest(240, paletteSize: 8) == 0)
        #expect(ColorFallback.nearest(250, paletteSize: 16) == 7)
        #expect(ColorFallback.nearest(102, paletteSize: 16) == 8)   // cube grey (135, 135, 135)
        for n in 232..<256 {
            #expect([0, 7].contains(ColorFallback.nearest(n, paletteSize: 8)!), "grey \(n)")
            #expect([0, 7, 8, 15].contains(ColorFallback.nearest(n, paletteSize: 16)!), "grey \(n)")
        }
    }

    @Test func darkGreyTextOnTheTerminalBackgroundIsNotBlack() {
        let border = TextStyle(foreground: .indexed(240))
        #expect(ColorFallback.pair(for: border, terminalColors: 8, defaultColors: true) == (-1, -1))
        #expect(ColorFallback.pair(for: border, terminalColors: 16, defaultColors: true) == (8, -1))
        #expect(ColorFallback.pair(for: border, terminalColors: 256, defaultColors: true) == (240, -1))
        // Without default colours the background is black, and the clash rule gives white.
        #expect(ColorFallback.pair(for: border, terminalColors: 8, defaultColors: false) == (7, 0))
        // Black asked for is black.
        #expect(ColorFallback.pair(for: TextStyle(foreground: .indexed(0)), terminalColors: 8, defaultColors: true) == (0, -1))
        #expect(ColorFallback.pair(for: TextStyle(foreground: .indexed(16)), terminalColors: 8, defaultColors: true) == (0, -1))
        // On a background of its own, black text stays.
        let onPaper = TextStyle(foreground: .indexed(236), background: .indexed(230))
        #expect(ColorFallback.pair(for: onPaper, terminalColors: 8, defaultColors: true) == (0, 7))
    }

    @Test func nearestRejectsNonsense() {
        #expect(ColorFallback.nearest(-1, paletteSize: 256) == nil)
        #expect(ColorFallback.nearest(256, paletteSize: 256) == nil)
        #expect(ColorFallback.nearest(3, paletteSize: 0) == nil)
    }

    @Test func pairWithDefaultColours() {
        let style = TextStyle(foreground: .indexed(220), background: .terminalDefault)
        #expect(ColorFallback.pair(for: style, terminalColors: 256, defaultColors: true) == (220, -1))
        #expect(ColorFallback.pair(for: style, terminalColors: 8, defaultColors: true) == (3, -1))
        #expect(ColorFallback.pair(for: style, terminalColors: 16, defaultColors: true) == (11, -1))
        #expect(ColorFallback.pair(for: TextStyle(), terminalColors: 256, defaultColors: true) == (-1, -1))
    }

    @Test func pairWithoutDefaultColoursIsWhiteOnBlack() {
        #expect(ColorFallback.pair(for: TextStyle(), terminalColors: 8, defaultColors: false) == (7, 0))
        let style = TextStyle(foreground: .indexed(1))
        #expect(ColorFallback.pair(for: style, terminalColors: 8, defaultColors: false) == (1, 0))
    }

    @Test func pairOutOfRangeIndexIsTheDefault() {
        let style = TextStyle(foreground: .indexed(300), background: .indexed(-2))
        #expect(ColorFallback.pair(for: style, terminalColors: 256, defaultColors: true) == (-1, -1))
    }

    @Test func pairNeverDrawsTwoThemeColoursAsOne() {
        // 252 on 236 is light grey on dark grey; on 8 colours both would be… 7 and 0, fine;
        // but 236 on 235 both become black, and the text would vanish.
        let dark = TextStyle(foreground: .indexed(236), background: .indexed(235))
        #expect(ColorFallback.pair(for: dark, terminalColors: 8, defaultColors: true) == (7, 0))
        let light = TextStyle(foreground: .indexed(255), background: .indexed(254))
        #expect(ColorFallback.pair(for: light, terminalColors: 8, defaultColors: true) == (0, 7))
        // On 256 colours they stay apart.
        #expect(ColorFallback.pair(for: dark, terminalColors: 256, defaultColors: true) == (236, 235))
        // A theme that asks for the same colour twice gets it.
        let same = TextStyle(foreground: .indexed(4), background: .indexed(4))
        #expect(ColorFallback.pair(for: same, terminalColors: 8, defaultColors: true) == (4, 4))
    }

    @Test func everyMonochromeAndPairIsInRange() {
        for colors in [8, 16, 256] {
            for role in StyleRole.allCases {
                for fg in stride(from: 0, to: 256, by: 7) {
                    let style = TextStyle(foreground: .indexed(fg), background: .indexed((fg * 13) % 256))
                    let (f, b) = ColorFallback.pair(for: style, terminalColors: colors, defaultColors: true)
                    #expect(f >= -1 && Int(f) < colors && b >= -1 && Int(b) < colors, "\(role) \(fg)")
                }
            }
        }
    }
}

@Suite struct AttributeTests {
    let all = dubao_A_BOLD() | dubao_A_DIM() | dubao_A_UNDERLINE() | dubao_A_REVERSE() | dubao_A_ITALIC()

    @Test func attributesTheTerminalHas() {
        let style = TextStyle(bold: true, underline: true)
        #expect(ColorFallback.attributes(for: style, supported: all, colorsInUse: true) == dubao_A_BOLD() | dubao_A_UNDERLINE())
        #expect(ColorFallback.attributes(for: TextStyle(), supported: all, colorsInUse: true) == dubao_A_NORMAL())
    }

    @Test func dimAndItalicAreDroppedWhereMissing() {
        // vt100: bold, underline, reverse; no dim, no italic.
        let vt100 = dubao_A_BOLD() | dubao_A_UNDERLINE() | dubao_A_REVERSE()
        let style = TextStyle(bold: true, dim: true, italic: true)
        #expect(ColorFallback.attributes(for: style, supported: vt100, colorsInUse: false) == dubao_A_BOLD())
        #expect(ColorFallback.attributes(for: TextStyle(dim: true), supported: vt100, colorsInUse: true) == dubao_A_NORMAL())
    }

    @Test func backgroundOnlyRoleTurnsReverseWithoutColour() {
        let selection = TextStyle(foreground: .indexed(231), background: .indexed(24))
        #expect(ColorFallback.attributes(for: selection, supported: all, colorsInUse: false) == dubao_A_REVERSE())
        #expect(ColorFallback.attributes(for: selection, supported: all, colorsInUse: true) == dubao_A_NORMAL())
        // One that has attributes of its own keeps them.
        let bold = TextStyle(background: .indexed(24), bold: true)
        #expect(ColorFallback.attributes(for: bold, supported: all, colorsInUse: false) == dubao_A_BOLD())
    }

    @Test func monochromeThemeKeepsEveryRoleVisibleOnVT100() {
        let vt100 = dubao_A_BOLD() | dubao_A_UNDERLINE() | dubao_A_REVERSE()
        let selection = Theme.monochrome.style(.selection)
        #expect(ColorFallback.attributes(for: selection, supported: vt100, colorsInUse: false) == dubao_A_REVERSE())
        let status = Theme.monochrome.style(.status)
        #expect(ColorFallback.attributes(for: status, supported: vt100, colorsInUse: false) == dubao_A_REVERSE())
    }
}

@Suite struct ThemeWithoutColoursTests {
    @Test("a colour theme gives way to the monochrome one when colours are off; an attributes-only theme stays")
    func colourThemesGiveWay() {
        let paper = Theme(name: "paper", styles: [
            .normal: TextStyle(foreground: .indexed(236), background: .indexed(230)),
            .selection: TextStyle(foreground: .indexed(231), background: .indexed(24)),
        ])
        #expect(ColorFallback.themeWithoutColours(paper) == Theme.monochrome)
        let mine = Theme(name: "mine", styles: [.normal: TextStyle(), .selection: TextStyle(bold: true, underline: true)])
        #expect(ColorFallback.themeWithoutColours(mine) == mine)
        #expect(ColorFallback.themeWithoutColours(.monochrome) == .monochrome)
    }

    @Test("without colours the selection stands out from the text around it, even on vt100")
    func selectionVisibleOnVT100() {
        let vt100 = dubao_A_BOLD() | dubao_A_UNDERLINE() | dubao_A_REVERSE()
        let paper = Theme(name: "paper", styles: [
            .normal: TextStyle(foreground: .indexed(236), background: .indexed(230)),
            .body: TextStyle(foreground: .indexed(236), background: .indexed(230)),
            .selection: TextStyle(foreground: .indexed(231), background: .indexed(24)),
        ])
        let plain = ColorFallback.themeWithoutColours(paper)
        let look = { (role: StyleRole) in ColorFallback.attributes(for: plain.style(role), supported: vt100, colorsInUse: false) }
        #expect(look(.normal) == dubao_A_NORMAL() && look(.body) == dubao_A_NORMAL())
        #expect(look(.selection) == dubao_A_REVERSE())
    }
}

@Suite struct EnvironmentTests {
    @Test func noColor() {
        #expect(!CursesTerminal.noColorRequested(nil))
        #expect(!CursesTerminal.noColorRequested(""))
        #expect(CursesTerminal.noColorRequested("1"))
        #expect(CursesTerminal.noColorRequested("0"))   // any non-empty value, per no-color.org
    }

    @Test func utf8Codesets() {
        #expect(CursesTerminal.isUTF8Codeset("UTF-8"))
        #expect(CursesTerminal.isUTF8Codeset("utf8"))
        #expect(CursesTerminal.isUTF8Codeset("UTF_8"))
        #expect(!CursesTerminal.isUTF8Codeset("ANSI_X3.4-1968"))
        #expect(!CursesTerminal.isUTF8Codeset("GB18030"))
        #expect(!CursesTerminal.isUTF8Codeset(""))
    }

    @Test func errorsAreOneLineEach() {
        let errors: [TerminalError] = [
            .notATerminal(stream: .standardInput), .noUTF8Locale(codeset: "ANSI_X3.4-1968"),
            .termNotSet, .unknownTerminal("nosuchterm"), .cannotAddressCursor("dumb"), .inputClosed,
        ]
        for error in errors {
            #expect(!error.message.isEmpty)
            #expect(!error.message.contains("\n"))
            #expect(error.description == error.message)
        }
        #expect(TerminalError.unknownTerminal("nosuchterm").message.contains("'nosuchterm'"))
    }
}

@Suite("Colour fallback: bars that lose their background")
struct BackgroundCollapseTests {
    @Test("a dark-grey selection on 8 colours collapses to black over the default background: drawn reversed")
    func darkGreyOnEight() {
        let normal = TextStyle()
        let unfocused = TextStyle(foreground: .indexed(252), background: .indexed(237))
        #expect(ColorFallback.backgroundCollapses(unfocused, normal: normal, terminalColors: 8, defaultColors: true))
        #expect(!ColorFallback.backgroundCollapses(unfocused, normal: normal, terminalColors: 256, defaultColors: true))
    }

    @Test("a light bar on a light page: both fall onto white on 8 colours")
    func paperOnEight() {
        let page = TextStyle(foreground: .indexed(236), background: .indexed(230))
        let status = TextStyle(foreground: .indexed(236), background: .indexed(187))
        #expect(ColorFallback.backgroundCollapses(status, normal: page, terminalColors: 8, defaultColors: true))
        #expect(!ColorFallback.backgroundCollapses(status, normal: page, terminalColors: 256, defaultColors: true))
    }

    @Test("a blue selection stays blue on 8 colours")
    func blueStays() {
        let selection = TextStyle(foreground: .indexed(231), background: .indexed(24))
        #expect(!ColorFallback.backgroundCollapses(selection, normal: TextStyle(), terminalColors: 8, defaultColors: true))
    }
}
