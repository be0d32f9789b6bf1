import DubaoImport
import DubaoModel
import DubaoRuntime
import DubaoTerminal
import DubaoUI
import Testing

/// Counts before motions: where they land, and what they leave alone on the way.
@Suite("Counts: J and K, G and g")
struct CountedMotionTests {
    func start(_ width: Int = 120, _ height: Int = 40) throws -> AppRuntime {
        let r = AppRuntime(state: AppState(width: width, height: height), library: try SampleLibrary())
        r.start(isSample: true)
        return r
    }

    func keys(_ r: AppRuntime, _ text: String) {
        for c in text { r.dispatch(.key(.character(c))) }
    }

    func ids(_ r: AppRuntime, section: Int) -> [ArticleID] {
        r.state.sections[section].articles.map(\.id)
    }

    @Test("3J in the reader marks read the article it lands on, not the ones it passes over")
    func countedNextArticle() throws {
        let r = try start()
        let first = ids(r, section: 0), second = ids(r, section: 1)
        #expect(first.count == 3 && second.count == 3)
        r.dispatch(.key(.enter))
        #expect(r.state.viewport.focus == .reader && r.state.userData.read == [first[0]])
        keys(r, "3J")
        #expect(r.state.navigation.listing == .section(1) && r.state.navigation.articles.selection == 0)
        #expect(r.state.reader?.article.id == second[0])
        #expect(r.state.userData.read == [first[0], second[0]], "first[1] and first[2] were only passed over")
        keys(r, "2J")
        #expect(r.state.reader?.article.id == second[2])
        #expect(r.state.userData.read == [first[0], second[0], second[2]])
        keys(r, "4K")
        #expect(r.state.navigation.listing == .section(0) && r.state.reader?.article.id == first[1])
        #expect(r.state.userData.read == [first[0], first[1], second[0], second[2]])
    }

    @Test("a count running past the last article stops there and says so")
    func countPastTheEnd() throws {
        let r = try start()
        keys(r, "999J")
        let last = r.state.sections.count - 1
        #expect(r.state.navigation.listing == .section(last))
        #expect(r.state.navigation.articles.selection == r.state.sections[last].articles.count - 1)
        #expect(r.state.status.message?.text == "the last article of this issue")
        keys(r, "999K")
        #expect(r.state.navigation.listing == .section(0) && r.state.navigation.articles.selection == 0)
        #expect(r.state.status.message?.text == "the first article of this issue")
    }
}
