import DubaoImport
import DubaoStore
import DubaoModel
import DubaoTestSupport
import DubaoTerminal
import DubaoRuntime
import DubaoUI
import Foundation
import Testing

@Suite("Runtime: reading changes are written just after the frame that shows them")
struct SaveAfterFrameTests {
    func start(_ data: MemoryUserData) throws -> AppRuntime {
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: try SampleLibrary(), userData: data,
                           savesReadingAfterFrame: true)
        r.start(isSample: true)
        r.dispatch(.key(.enter))     // into the reader: opening an article marks it and keeps the place
        r.saveReadingAfterFrame()
        return r
    }

    @Test("keys only gather the changes; one write after the frame saves them all, in order")
    func gatheredThenSaved() throws {
        let data = MemoryUserData()
        let r = try start(data)
        let before = data.applyCalls.count
        for key: Character in ["J", "J", "K"] { r.dispatch(.key(.character(key))) }
        #expect(data.applyCalls.count == before, "nothing written before the frame")
        let shown = try #require(r.state.reader?.article.id)
        #expect(r.saveReadingAfterFrame() == false, "saved without a failure to show")
        #expect(data.applyCalls.count == before + 1, "one write for the three keys")
        #expect(try data.readingState().last?.article == shown)
        #expect(r.saveReadingAfterFrame() == false)
        #expect(data.applyCalls.count == before + 1, "nothing left to write")
    }

    @Test("quitting writes what is gathered at once: no frame comes after it")
    func quitSaves() throws {
        let data = MemoryUserData()
        let r = try start(data)
        r.dispatch(.key(.character("J")))
        let shown = try #require(r.state.reader?.article.id)
        let effects = r.dispatch(.key(.character("Q")))
        #expect(effects.contains(.quit))
        #expect(try data.readingState().last?.article == shown)
    }

    @Test("a write that fails after the frame is reported, and the caller told to draw again")
    func failureShown() throws {
        let data = MemoryUserData()
        let r = try start(data)
        data.failingReading = true
        r.dispatch(.key(.character("J")))
        #expect(r.saveReadingAfterFrame() == true)
        let shown = Screen.render(r.state).text
        #expect(shown.contains("NOT SAVING") || (r.state.status.message?.text.contains("2026.json") ?? false), "\(shown)")
    }
}
