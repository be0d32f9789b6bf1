import DubaoImport
import DubaoModel
import DubaoRuntime
import DubaoStore
import DubaoTerminal
import DubaoUI
import Testing

/// `d`: the list of issues opens only when there is an issue to choose.
@Suite("Issue list: d on one issue or none")
struct IssuePickerTests {
    func keys(_ r: AppRuntime, _ text: String) {
        r.keys(text)
    }

    @Test("on the sample paper d says it is the only issue, and the next keys still work")
    func sampleHasOneIssue() throws {
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: try SampleLibrary())
        r.start(isSample: true)
        #expect(r.state.navigation.issues.count == 1)
        keys(r, "d")
        #expect(r.state.overlay == nil, "no box that holds the keys after it")
        let message = try #require(r.state.status.message?.text)
        #expect(message.contains("sample") && message.contains("dubao import"), "\(message)")
        #expect(Screen.render(r.state).text.contains("dubao import"), "the message is on the screen")
        keys(r, "j")
        #expect(r.state.navigation.articles.selection == 1, "j moves in the article list, as before d")
        keys(r, "J")
        #expect(r.state.navigation.articles.selection == 2)
    }

    @Test("one imported issue, or none: d says so; two: the box opens")
    func oneOrNone() throws {
        let one = try SampleLibrary().issue
        let r = AppRuntime(state: AppState(width: 120, height: 40), library: MemoryLibrary(issues: [one]))
        r.start(isSample: false)
        keys(r, "d")
        #expect(r.state.overlay == nil)
        #expect(r.state.status.message?.text == "江城晨报 2026-11-27 is the only issue in the library")
        let empty = AppRuntime(state: AppState(width: 120, height: 40), library: MemoryLibrary(issues: []))
        empty.start(isSample: false)
        keys(empty, "d")
        #expect(empty.state.overlay == nil)
        #expect(empty.state.status.message?.text.contains("dubao import") == true)
        var older = one
        older.date = IssueDate("2026-11-20")!
        let two = AppRuntime(state: AppState(width: 120, height: 40), library: MemoryLibrary(issues: [older, one]))
        two.start(isSample: false)
        keys(two, "d")
        #expect(two.state.overlay == .issues(ListState(selection: 0)))
        #expect(Screen.render(two.state).text.contains("2026-11-20  江城晨报"))
    }
}
