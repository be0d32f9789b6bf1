import DubaoImport
import DubaoStore
import DubaoLayout
@testable import DubaoUI
import DubaoRuntime
import Foundation
import Testing

/// The `?` screen is generated from the keymap in use, all of it: entries, title and footer.
@Suite("Help overlay")
struct HelpOverlayTests {
    static func helpScreen(width: Int, height: Int, keymap: Keymap = .standard) throws -> (AppRuntime, [String]) {
        let r = AppRuntime(state: AppState(width: width, height: height, keymap: keymap), library: try SampleLibrary())
        r.start(isSample: true)
        r.dispatch(.key(keymap.keys(for: .help).first!))
        let grid = Screen.render(r.state)
        return (r, (0..<grid.height).map { grid.row($0) })
    }

    @Test("in the help a page and half a page both move half the screen, as in the issue picker")
    func pagingInBoxes() throws {
        let (r, _) = try Self.helpScreen(width: 100, height: 16)
        let keymap = r.state.keymap
        r.dispatch(.key(keymap.keys(for: .pageDown).first!))
        #expect(r.state.overlay == .help(ListState(selection: 8, offset: 8)))
        r.dispatch(.key(keymap.keys(for: .halfPageUp).first!))
        #expect(r.state.overlay == .help(ListState(selection: 0, offset: 0)))
        r.dispatch(.key(keymap.keys(for: .halfPageDown).first!))
        #expect(r.state.overlay == .help(ListState(selection: 8, offset: 8)))
    }

    @Test("with down rebound to x, the footer says x, and x scrolls")
    func footerFollowsRebinding() throws {
        var keymap = Keymap.standard
        keymap.rebind(.moveDown, to: [.character("x"), .down])
        keymap.rebind(.back, to: [.character("c")])
        let (r, rows) = try Self.helpScreen(width: 80, height: 16, keymap: keymap)
        let screen = rows.joined(separator: "\n")
        #expect(screen.contains("↓ more: x, Space, G"), "\(screen)")
        #expect(!screen.contains("more: j"))
        #expect(screen.contains("c closes") && screen.contains("(5x)"), "the title names the keys in use too")
        r.dispatch(.key(.character("x")))
        #expect(r.state.overlay == .help(ListState(selection: 1, offset: 1)))
        let after = Screen.render(r.state)
        let text = (0..<after.height).map { after.row($0) }.joined(separator: "\n")
        #expect(text.contains("↓ more: x, Space, G"))
    }

    @Test("at the end, the footer names the keys back up")
    func footerAtTheEnd() throws {
        var keymap = Keymap.standard
        keymap.rebind(.moveUp, to: [.character("y")])
        let (r, _) = try Self.helpScreen(width: 80, height: 16, keymap: keymap)
        r.dispatch(.key(.character("G")))
        let grid = Screen.render(r.state)
        let text = (0..<grid.height).map { grid.row($0) }.joined(separator: "\n")
        #expect(text.contains("↑ y, g"), "\(text)")
    }

    @Test("at 40x12 a description cut at the box's edge ends in …")
    func cutDescriptionsSaySo() throws {
        let (_, rows) = try Self.helpScreen(width: 40, height: 12)
        let row = try #require(rows.first { $0.contains("move down / scroll") })
        #expect(row.contains("move down / scroll…") || row.contains("move down / scroll d…"), "\(row)")
    }

    @Test("the empty bookmarks list says so in a narrow pane, wrapped, never cut")
    func emptyBookmarksMessageWraps() throws {
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: try SampleLibrary())
        r.start(isSample: true)
        r.dispatch(.key(.character("h")))
        r.dispatch(.key(.character("g")))
        #expect(r.state.inBookmarks)
        let grid = Screen.render(r.state)
        let pane = try #require(r.state.viewport.layout.articles)
        let note = (pane.y + 1..<pane.y + 5).map { y in
            grid.row(y).split(separator: "│", omittingEmptySubsequences: false)[1].trimmingCharacters(in: .whitespaces)
        }
        #expect(note == ["no bookmarks yet: press b on", "an article", "", ""], "\(note)")
    }
}
