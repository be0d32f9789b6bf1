import DubaoTerminal
import Testing

/// Telling a light terminal from a dark one: `COLORFGBG`'s forms and the OSC 11 answer's.
@Suite("Terminal background: COLORFGBG and the OSC 11 answer")
struct TerminalBackgroundTests {
    @Test("COLORFGBG: the last field is the background, a colour of xterm's palette")
    func colorFGBG() {
        #expect(TerminalBackground(colorFGBG: "0;15") == .light, "dark text on white")
        #expect(TerminalBackground(colorFGBG: "15;0") == .dark)
        #expect(TerminalBackground(colorFGBG: "0;7") == .light, "light grey")
        #expect(TerminalBackground(colorFGBG: "15;8") == .dark, "mid grey")
        #expect(TerminalBackground(colorFGBG: "0;default;15") == .light, "rxvt's three fields")
        #expect(TerminalBackground(colorFGBG: "15;default;0") == .dark)
        #expect(TerminalBackground(colorFGBG: "0;231") == .light && TerminalBackground(colorFGBG: "0;16") == .dark, "the 256-colour cube")
        #expect(TerminalBackground(colorFGBG: "0;255") == .light && TerminalBackground(colorFGBG: "15;232") == .dark, "its greys")
        for unknown in [nil, "", "15", "default;default", "0;", "0;x", "0;256", "0;-1"] {
            #expect(TerminalBackground(colorFGBG: unknown) == nil, "\(String(describing: unknown))")
        }
    }

    func reply(_ body: String, _ end: String = "\u{07}") -> [UInt8] { Array("\u{1B}]11;\(body)\(end)".utf8) }

    @Test("OSC 11: rgb:R/G/B with 1 to 4 hex digits a channel, closed by BEL or ST")
    func osc11() {
        #expect(TerminalBackground(osc11Reply: reply("rgb:ffff/ffff/ffff")) == .light)
        #expect(TerminalBackground(osc11Reply: reply("rgb:0000/0000/0000", "\u{1B}\\")) == .dark, "closed by ST")
        #expect(TerminalBackground(osc11Reply: reply("rgb:f/f/f")) == .light)
        #expect(TerminalBackground(osc11Reply: reply("rgb:fd/f6/e3")) == .light, "Solarized light")
        #expect(TerminalBackground(osc11Reply: reply("rgb:000/02b/036")) == .dark, "Solarized dark, three digits")
        #expect(TerminalBackground(osc11Reply: reply("rgb:7f7f/7f7f/7f7f")) == .dark, "mid grey is dark")
        #expect(TerminalBackground(osc11Reply: reply("rgb:e5e5/e5e5/e5e5")) == .light)
        #expect(TerminalBackground(osc11Reply: reply("rgba:ffff/ffff/ffff/0000")) == .light)
        let withDA1 = Array("\u{1B}[?1;2c".utf8) + reply("rgb:ffff/ffff/ffff") + Array("\u{1B}[?6c".utf8)
        #expect(TerminalBackground(osc11Reply: withDA1) == .light, "among other answers")
        for bad in [reply("rgb:ffff/ffff"), reply("rgb:fffff/0/0"), reply("rgb:gg/00/00"), reply("#ffffff"),
                    Array(reply("rgb:ffff/ffff/ffff").dropLast()), Array("\u{1B}[?1;2c".utf8), []] {
            #expect(TerminalBackground(osc11Reply: bad) == nil, "\(String(decoding: bad, as: UTF8.self).debugDescription)")
        }
    }

    @Test("the answer to DA1 ends the wait")
    func deviceAttributes() {
        #expect(TerminalBackground.containsDeviceAttributes(Array("\u{1B}[?1;2c".utf8)))
        #expect(TerminalBackground.containsDeviceAttributes(reply("rgb:0/0/0") + Array("\u{1B}[?62;22c".utf8)))
        #expect(!TerminalBackground.containsDeviceAttributes(Array("\u{1B}[?1;2".utf8)), "not whole yet")
        #expect(!TerminalBackground.containsDeviceAttributes(reply("rgb:0/0/0")))
    }

    @Test("the threshold: luma over a half is light")
    func threshold() {
        #expect(TerminalBackground(red: 1, green: 1, blue: 1) == .light)
        #expect(TerminalBackground(red: 0.5, green: 0.5, blue: 0.5) == .dark)
        #expect(TerminalBackground(red: 0.51, green: 0.51, blue: 0.51) == .light)
        #expect(TerminalBackground(red: 1, green: 1, blue: 0) == .light, "yellow")
        #expect(TerminalBackground(red: 0, green: 0, blue: 1) == .dark, "blue")
    }
}
