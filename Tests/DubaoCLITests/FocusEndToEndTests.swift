import DubaoTestSupport
import Foundation
import Testing

/// The focused pane outlasts a restart, in the real reader.
@Suite("Focus after a restart, end to end in tmux", .enabled(if: ReaderSession.available, "skipped: tmux is not installed (apt-get install tmux)"))
struct FocusEndToEndTests {
    @Test("the reader focused, quit, started again: the reader has the focus (its title marked ▶)")
    func readerFocusComesBack() throws {
        let library = DubaoProcess.temporaryFolder()
        var t = try ReaderSession.start(width: 120, height: 40, library: library)
        try t.waitFor("江城港前十月")
        try t.sendKeys("j", "Enter")
        try t.waitFor("│▶城际铁路江临段全线铺轨贯通")
        try t.sendKeys("Q")
        try t.waitFor("EXITED 0")

        t = try ReaderSession.start(width: 120, height: 40, library: library)
        let screen = try t.waitFor("│▶城际铁路江临段全线铺轨贯通")
        #expect(!screen[0].contains("│▶01 要闻"), "the article list's title is not marked: \(screen[0])")
    }
}
