import DubaoLayout
import Foundation
import Testing

/// `--help` reads as prose: a paragraph's lines are wrapped by the width, never cut short
/// mid-sentence by line breaks in the source — in Chinese too, whose lines dubao breaks itself.
@Suite("Help texts")
struct HelpTextTests {
    static let commands = [[], ["read"], ["import"], ["issues"], ["list"], ["show"], ["search"], ["bookmarks"],
                           ["bookmarks", "export"], ["bookmark"], ["unbookmark"], ["remove"]]

    /// The locale: English, or Chinese.
    static let locales = ["C.UTF-8", "zh_CN.UTF-8"]

    func help(_ command: [String], locale: String, columns: Int? = nil) throws -> DubaoProcess.Output {
        var environment = ["LANG": locale, "LC_MESSAGES": ""]
        if let columns { environment["COLUMNS"] = String(columns) }
        return try DubaoProcess.run(command + ["--help"], library: DubaoProcess.temporaryFolder(), environment: environment)
    }

    @Test("every command's overview wraps into full lines", arguments: commands, locales)
    func overviewsWrapCleanly(_ command: [String], locale: String) throws {
        let out = try help(command, locale: locale)
        #expect(out.status == 0)
        let overview = out.stdout.components(separatedBy: "\nUSAGE:").first ?? ""
        let paragraphs = overview.components(separatedBy: "\n\n")
        for paragraph in paragraphs {
            let lines = paragraph.split(separator: "\n").map(String.init)
            // All but a paragraph's last line reach well into the 80 columns help is set to.
            for line in lines.dropLast() {
                #expect(DisplayWidth.of(line) >= 60, "a line cut short in `dubao \(command.joined(separator: " ")) --help`: “\(line)”")
            }
        }
    }

    /// ArgumentParser counts a character as one column; a Chinese one takes two.
    @Test("Chinese help keeps within the terminal's width, narrow or not", arguments: commands, [80, 50])
    func chineseFitsTheWidth(_ command: [String], columns: Int) throws {
        let out = try help(command, locale: "zh_CN.UTF-8", columns: columns)
        #expect(out.status == 0)
        // ArgumentParser never breaks the usage line, nor its own pointer to `dubao help`.
        for line in out.stdout.split(separator: "\n") where !line.hasPrefix("USAGE:") && !line.hasPrefix("  See 'dubao help") {
            #expect(DisplayWidth.of(String(line)) <= columns, "`dubao \(command.joined(separator: " ")) --help`: “\(line)”")
        }
    }
}
