import DubaoLayout
import Foundation
import Testing

/// `--help` reads as prose: a paragraph's lines are wrapped by the width, never cut short
/// mid-sentence by line breaks in the source.
@Suite("Help texts")
struct HelpTextTests {
    @Test("every command's overview wraps into full lines",
          arguments: [[], ["read"], ["import"], ["issues"], ["list"], ["show"], ["search"], ["bookmarks"],
                      ["bookmarks", "export"], ["bookmark"], ["unbookmark"]])
    func overviewsWrapCleanly(_ command: [String]) throws {
        let out = try DubaoProcess.run(command + ["--help"], library: DubaoProcess.temporaryFolder())
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
}
