import DubaoLayout
import DubaoTerminal
import DubaoUI
import Foundation
import Testing

/// Text snapshots of screens: `Tests/DubaoUITests/Snapshots/NAME.txt`, one row per line, each row
/// closed by `│`-free marker `¶` so trailing blanks are visible in review. Under a row that has
/// them, a `↳` line gives the columns of its selected, unread, bookmarked and highlighted cells
/// and of the terminal's cursor,
/// so a styling mistake fails a test as surely as a wrong character. Re-record with
/// `DUBAO_RECORD_SNAPSHOTS=1 swift test`, then read the diff before committing.
enum Snapshot {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.path + "/Snapshots"
    }()

    static func text(_ grid: ScreenGrid) -> String {
        (0..<grid.height).map { y in
            grid.row(y) + "¶" + (styleRuns(grid, row: y).map { "\n" + $0 } ?? "")
        }.joined(separator: "\n") + "\n"
    }

    /// The styles a reader tells rows apart by, as the snapshot names them.
    static let marked: [(StyleRole, String)] = [
        (.selection, "selected"), (.selectionUnfocused, "selected, pane unfocused"), (.unread, "unread"),
        (.bookmark, "bookmarked"), (.match, "match"),
    ]

    /// `    ↳ selected 16-36 · unread 18`: the cells of row `y` in each of the `marked` styles.
    static func styleRuns(_ grid: ScreenGrid, row y: Int) -> String? {
        var parts: [String] = []
        for (role, name) in marked {
            var runs: [String] = []
            var x = 0
            while x < grid.width {
                guard grid[x, y].style == role else {
                    x += 1
                    continue
                }
                let start = x
                while x < grid.width, grid[x, y].style == role { x += 1 }
                runs.append(start == x - 1 ? "\(start)" : "\(start)-\(x - 1)")
            }
            if !runs.isEmpty { parts.append(name + " " + runs.joined(separator: ",")) }
        }
        if let cursor = grid.cursor, cursor.y == y { parts.append("cursor \(cursor.x)") }
        return parts.isEmpty ? nil : "    ↳ " + parts.joined(separator: " · ")
    }

    /// Every line that differs, expected above actual, numbered as in the snapshot file.
    static func diff(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for i in 0..<max(e.count, a.count) {
            let x = i < e.count ? String(e[i]) : nil, y = i < a.count ? String(a[i]) : nil
            guard x != y else { continue }
            lines.append("line \(i + 1):")
            lines.append("  - " + (x ?? "(none)"))
            lines.append("  + " + (y ?? "(none)"))
        }
        return lines.joined(separator: "\n")
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
            let lines = diff(expected: expected, actual: actual)
            Issue.record(Comment(rawValue: "screen \(name) differs from its snapshot (- expected, + actual):\n\(lines)"),
                         sourceLocation: sourceLocation)
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
