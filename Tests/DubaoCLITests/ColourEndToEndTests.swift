import DubaoTestSupport
import Foundation
import Testing

/// Themes on terminals without colours, and NO_COLOR, in the real reader: what tmux records of
/// the attributes drawn (`capture-pane -e`).
@Suite("Colours end to end in tmux", .enabled(if: ReaderSession.available, "skipped: tmux is not installed (apt-get install tmux)"))
struct ColourEndToEndTests {
    /// The screen as characters with whether each is drawn in reverse video, and whether any
    /// colour was set.
    struct Attributed {
        var rows: [[(character: Character, reverse: Bool)]] = []
        var usesColour = false

        init(capture: String) {
            var reverse = false
            for line in capture.split(separator: "\n", omittingEmptySubsequences: false) {
                var row: [(Character, Bool)] = []
                var rest = Substring(line)
                while let c = rest.first {
                    if c == "\u{1B}", rest.dropFirst().first == "[", let end = rest.firstIndex(where: { $0.isLetter }) {
                        let parameters = rest[rest.index(rest.startIndex, offsetBy: 2)..<end]
                        if rest[end] == "m" {
                            let codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                            var i = 0
                            while i < codes.count {
                                switch codes[i] {
                                case 0: reverse = false
                                case 7: reverse = true
                                case 27: reverse = false
                                case 38, 48:
                                    usesColour = true
                                    i += codes.dropFirst(i + 1).first == 5 ? 2 : 4
                                case 30...37, 40...47, 90...97, 100...107: usesColour = true
                                default: break
                                }
                                i += 1
                            }
                        }
                        rest = rest[rest.index(after: end)...]
                        continue
                    }
                    row.append((c, reverse))
                    rest = rest.dropFirst()
                }
                rows.append(row)
            }
        }

        /// Whether `text` shows on screen, all in reverse (true), none (false); nil when absent
        /// or mixed.
        func reverse(of text: String) -> Bool? {
            let wanted = Array(text)
            for row in rows where row.count >= wanted.count {
                for start in 0...(row.count - wanted.count) where row[start..<start + wanted.count].map(\.character) == wanted {
                    let flags = Set(row[start..<start + wanted.count].map(\.reverse))
                    return flags.count == 1 ? flags.first : nil
                }
            }
            return nil
        }
    }

    func screen(arguments: [String] = [], environment: [String: String], configTheme: String? = nil) throws -> Attributed {
        let lib = DubaoProcess.temporaryFolder()
        if let configTheme {
            let folder = lib + "-config/dubao"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "theme = \"\(configTheme)\"\n".write(toFile: folder + "/config.toml", atomically: true, encoding: .utf8)
        }
        let t = try ReaderSession.start(width: 120, height: 40, library: lib, arguments: arguments, environment: environment)
        try t.waitFor("本报讯（记者林晓 周南）")
        return Attributed(capture: try t.run(["capture-pane", "-p", "-e", "-t", t.name]))
    }

    @Test("a terminal without colours gets the monochrome theme whatever the theme: text plain, the selection reversed",
          arguments: [(["--theme", "paper"], nil), (["--theme", "high-contrast"], nil), ([], "paper")] as [([String], String?)])
    func noColourTerminal(_ arguments: [String], _ configTheme: String?) throws {
        let s = try screen(arguments: arguments, environment: ["TERM": "vt100"], configTheme: configTheme)
        #expect(s.reverse(of: "本报讯（记者林晓 周南）") == false, "body text is not in reverse video")
        #expect(s.reverse(of: "城际铁路江临段") == false, "an unselected row is not in reverse video")
        #expect(s.reverse(of: "• 江城港前十月货物吞吐量同比") == true, "the selected row is")
        let colours = s.usesColour
        #expect(!colours)
    }

    @Test("NO_COLOR: the config's theme gives way to monochrome; a --theme on the command line keeps its colours")
    func noColorVariable() throws {
        let mono = try screen(environment: ["NO_COLOR": "1"], configTheme: "paper")
        let monoColours = mono.usesColour
        #expect(!monoColours)
        #expect(mono.reverse(of: "本报讯（记者林晓 周南）") == false)
        #expect(mono.reverse(of: "• 江城港前十月货物吞吐量同比") == true)
        let chosen = try screen(arguments: ["--theme", "paper"], environment: ["NO_COLOR": "1"])
        let colours = chosen.usesColour
        #expect(colours, "no-color.org: an explicit command-line choice wins over NO_COLOR")
        #expect(chosen.reverse(of: "本报讯（记者林晓 周南）") == false)
    }
}
