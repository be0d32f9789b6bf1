import DubaoLayout
import DubaoTerminal
import DubaoUI
import Foundation
import Testing

/// Text snapshots of screens: `Tests/DubaoUITests/Snapshots/NAME.txt`, one row per line, each row
/// closed by `│`-free marker `¶` so trailing blanks are visible in review. Re-record with
/// `DUBAO_RECORD_SNAPSHOTS=1 swift test`, then read the diff before committing.
enum Snapshot {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.path + "/Snapshots"
    }()

    static func text(_ grid: ScreenGrid) -> String {
        (0..<grid.height).map { grid.row($0) + "¶" }.joined(separator: "\n") + "\n"
    }

    static func check(_ grid: ScreenGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + "/" + name + ".txt"
        let actual = text(grid)
        if ProcessInfo.processInfo.environment["DUBAO_RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("no snapshot \(name).txt: record it with DUBAO_RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            Issue.record("""
                screen \(name) differs from its snapshot at row \(first + 1):
                  expected: \(first < e.count ? String(e[first]) : "(none)")
                  actual:   \(first < a.count ? String(a[first]) : "(none)")
                """, sourceLocation: sourceLocation)
        }
    }

    /// Every row is exactly the screen's width in cells, and rules between panes stand in the
    /// same columns on every row of the pane area.
    static func checkGeometry(_ grid: ScreenGrid, separators: [Int], paneRows: Int,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<grid.height {
            #expect(DisplayWidth.of(grid.row(y)) == grid.width, "row \(y) is \(DisplayWidth.of(grid.row(y))) cells wide",
                    sourceLocation: sourceLocation)
        }
        for x in separators {
            for y in 0..<paneRows {
                #expect(grid[x, y].text == "│", "rule at column \(x) missing on row \(y)", sourceLocation: sourceLocation)
            }
        }
    }
}
