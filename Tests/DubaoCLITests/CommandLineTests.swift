import Foundation
import Testing

/// The command line itself: the version, and a mistyped command.
@Suite("dubao's command line")
struct CommandLineTests {
    @Test("--version prints the version DubaoVersion.swift holds, and nothing else")
    func version() throws {
        let source = try String(contentsOfFile: DubaoProcess.packageRoot + "/Sources/dubao/DubaoVersion.swift", encoding: .utf8)
        let written = try #require(source.firstMatch(of: /static let current = "([0-9.]+)"/)?.1)
        let out = try DubaoProcess.run(["--version"], library: DubaoProcess.temporaryFolder())
        #expect(out.status == 0)
        #expect(out.stdout == "\(written)\n")
        #expect(out.stderr.isEmpty)
    }
}
