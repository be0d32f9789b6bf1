import DubaoImport
import DubaoStore
import DubaoModel
import Foundation
import Testing

@Suite("Bookmarks and reading state on disk")
struct UserDataStoreTests {
    func bookmark(_ n: Int, added: String? = nil) -> Bookmark {
        Bookmark(id: ArticleID(stored: "20261127-\(String(format: "%010x", n))"), title: "标题\(n)", paper: "江城晨报",
                 date: IssueDate("2026-11-27")!, section: "要闻", added: added ?? "2026-11-27T08:00:\(String(format: "%02d", n))Z")
    }

    @Test("add, list newest first, remove; adding twice keeps one")
    func roundTrip() throws {
        let store = BookmarkStore(root: TestPaths.temporaryFolder())
        #expect(try store.all().isEmpty)
        #expect(try store.add(bookmark(1)))
        #expect(try store.add(bookmark(2)))
        #expect(try !store.add(bookmark(1)))
        #expect(try store.all().map(\.title) == ["标题2", "标题1"])
        #expect(try store.remove(id: bookmark(2).id)?.title == "标题2")
        #expect(try store.remove(id: bookmark(2).id) == nil)
        #expect(try store.all().map(\.title) == ["标题1"])
    }

    @Test("adding a bookmark that exists changes nothing: not its time, not its place, not the file")
    func addingTwiceChangesNothing() throws {
        let root = TestPaths.temporaryFolder()
        let store = BookmarkStore(root: root)
        try store.add(bookmark(1))
        try store.add(bookmark(2))
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        #expect(try !store.add(bookmark(1, added: "2030-01-01T00:00:00Z")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
        #expect(try store.all().map(\.title) == ["标题2", "标题1"])
    }

    @Test("writers on many threads at once keep every bookmark")
    func concurrentWriters() throws {
        let store = BookmarkStore(root: TestPaths.temporaryFolder())
        DispatchQueue.concurrentPerform(iterations: 24) { n in
            _ = try? store.add(bookmark(n))
        }
        #expect(try store.all().count == 24)
    }

    @Test("a crash between writing the temporary file and renaming it leaves the old file whole")
    func crashBeforeRename() throws {
        let root = TestPaths.temporaryFolder()
        let store = BookmarkStore(root: root)
        try store.add(bookmark(1))
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        // What a writer killed before its rename leaves: a complete or half temporary file.
        try Data("{\"schema\":1,\"format\":\"dubao-bookmarks\",\"bookm".utf8)
            .write(to: URL(fileURLWithPath: store.path + ".tmp-4242-1"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
        #expect(try store.all().map(\.title) == ["标题1"])
        try store.add(bookmark(2))
        #expect(try store.all().count == 2)
    }

    @Test("a damaged bookmarks file is named, never rewritten")
    func damaged() throws {
        let store = BookmarkStore(root: TestPaths.temporaryFolder())
        try store.add(bookmark(1))
        let damaged = Data("[{\"id\": 3".utf8)
        try damaged.write(to: URL(fileURLWithPath: store.path))
        #expect { try store.all() } throws: { ($0 as? StoreError)?.description.contains(store.path) == true }
        #expect(throws: StoreError.self) { try store.add(bookmark(2)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == damaged)
    }

    @Test("reading state: changes merge with what another process wrote meanwhile")
    func readingStateMerges() throws {
        let root = TestPaths.temporaryFolder()
        let a = ReadingStateStore(root: root), b = ReadingStateStore(root: root)
        try a.apply([.markRead("x", true), .position("x", .init(paragraph: 2, offset: 30))])
        try b.apply([.markRead("y", true)])
        let place = ReadingState.Place(paper: "江城晨报", date: IssueDate("2026-11-27")!, section: "要闻", article: "y")
        try a.apply([.last(place), .markRead("x", false)])
        let state = try a.load()
        #expect(state.read == ["y"])
        #expect(state.positions["x"] == .init(paragraph: 2, offset: 30))
        #expect(state.last == place)
    }

    @Test("a damaged year is left alone while the other years and the last place are still saved")
    func damagedYearSavesTheRest() throws {
        let store = ReadingStateStore(root: TestPaths.temporaryFolder())
        let old: ArticleID = "20250301-aaaaaaaaaa", new: ArticleID = "20260301-bbbbbbbbbb"
        try store.apply([.markRead(old, true), .markRead(new, true)])
        let oldFile = store.partPath(for: old)
        let damaged = Data("{\"format\":\"dubao-reading\",\"positions\":{".utf8)
        try damaged.write(to: URL(fileURLWithPath: oldFile))
        let place = ReadingState.Place(paper: "江城晨报", date: IssueDate("2026-03-01")!, section: "要闻", article: new)
        #expect(throws: StoreError.self) {
            try store.apply([.position(new, .init(paragraph: 3, offset: 0)), .markRead(old, false), .last(place)])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: oldFile)) == damaged, "the damaged year is not written")
        let healthy = try store.load(years: ["2026"])
        #expect(healthy.positions[new] == .init(paragraph: 3, offset: 0), "the healthy year is saved")
        #expect(healthy.last == place, "and so is the last place")

        // A damaged state.json: the years are still saved, state.json is not touched.
        let stateBytes = Data("{\"format\":\"dubao-state\",".utf8)
        try stateBytes.write(to: URL(fileURLWithPath: store.path))
        #expect(throws: StoreError.self) { try store.apply([.markRead(new, false), .last(place)]) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == stateBytes)
        try FileManager.default.removeItem(atPath: store.path)
        #expect(try !store.load(years: ["2026"]).read.contains(new), "the 2026 mark was removed all the same")
    }

    @Test("a state file of the wrong type is damaged, and stays as it was")
    func stateWrongType() throws {
        let store = ReadingStateStore(root: TestPaths.temporaryFolder())
        try store.apply([.markRead("x", true)])
        let file = store.partPath(for: "x")
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\"x\"", with: "42")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.self) { try store.load() }
        #expect(throws: StoreError.self) { try store.apply([.markRead("z", true)]) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
    }

    @Test("a year file from a newer dubao, or cut short, is named and left as it is")
    func readingPartDamage() throws {
        let store = ReadingStateStore(root: TestPaths.temporaryFolder())
        let id: ArticleID = "20260101-abcdef0123"
        try store.apply([.markRead(id, true)])
        let file = store.partPath(for: id)
        let whole = try String(contentsOfFile: file, encoding: .utf8)
        for damaged in [whole.replacingOccurrences(of: "\"schema\":1", with: "\"schema\":7"), String(whole.prefix(30))] {
            try damaged.write(toFile: file, atomically: true, encoding: .utf8)
            #expect {
                try store.load()
            } throws: { error in
                guard let error = error as? StoreError else { return false }
                return error.description.contains(file)
                    && (damaged.contains("\"schema\":7") ? error.description.contains("schema version 7") : true)
            }
            #expect(throws: StoreError.self) { try store.apply([.markRead(id, false)]) }
            #expect(try String(contentsOfFile: file, encoding: .utf8) == damaged)
        }
    }

    @Test("marks are kept a year a file: a change rewrites its own year's only")
    func readingYears() throws {
        let root = TestPaths.temporaryFolder()
        let store = ReadingStateStore(root: root)
        let old: ArticleID = "20251231-0123456789", new: ArticleID = "20260101-abcdef0123"
        try store.apply([.markRead(old, true), .markRead(new, true), .position(new, .init(paragraph: 1, offset: 6))])
        let before = try Data(contentsOf: URL(fileURLWithPath: store.partPath(for: old)))
        try store.apply([.markRead(new, false), .position(new, .init(paragraph: 3, offset: 0))])
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.partPath(for: old))) == before)
        let state = try store.load()
        #expect(state.read == [old])
        #expect(state.positions == [new: .init(paragraph: 3, offset: 0)])
        #expect(store.partPath(for: old).hasSuffix("/reading/2025.json"))
    }

    @Test("a state.json that still holds its marks (before the years were split) is read, and moves them out on the next change")
    func legacyState() throws {
        let root = TestPaths.temporaryFolder()
        let store = ReadingStateStore(root: root)
        let legacy = #"{"format":"dubao-state","schema":1,"state":{"read":["20251231-0123456789","x"],"#
            + #""positions":{"20251231-0123456789":{"paragraph":2,"offset":9}}}}"#
        try legacy.write(toFile: store.path, atomically: true, encoding: .utf8)
        #expect(try store.load().read == ["20251231-0123456789", "x"])
        try store.apply([.markRead("20260101-abcdef0123", true)])
        let state = try store.load()
        #expect(state.read == ["20251231-0123456789", "x", "20260101-abcdef0123"])
        #expect(state.positions["20251231-0123456789"] == .init(paragraph: 2, offset: 9))
        #expect(!(try String(contentsOfFile: store.path, encoding: .utf8)).contains("20251231"), "moved out of state.json")
    }

    @Test("a year file laid out by another tool is still read; the line scanner reads what is written as JSONDecoder does")
    func readingPartLayouts() throws {
        let root = TestPaths.temporaryFolder()
        let store = ReadingStateStore(root: root)
        let ids = (0..<300).map { ArticleID(stored: "20260101-\(String(format: "%010d", $0))") }
        try store.apply(ids.map { .markRead($0, true) } + ids.prefix(40).map { .position($0, .init(paragraph: -1, offset: 3)) })
        let file = store.partPath(for: ids[0])
        let expected = try store.load()
        #expect(expected.read.count == 300 && expected.positions.count == 40)
        // Re-laid out by hand (indented, keys in another order): read through JSONDecoder.
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file)))
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: file))
        #expect(try store.load() == expected)
    }

    @Test("queries searched for are kept in state.json, newest first, each once; a key the reader does not know is passed over")
    func queries() throws {
        let store = ReadingStateStore(root: TestPaths.temporaryFolder())
        let place = ReadingState.Place(paper: "江城晨报", date: IssueDate("2026-01-01")!, section: "要闻", article: "x")
        try store.apply([.last(place)])
        #expect(!(try String(contentsOfFile: store.path, encoding: .utf8)).contains("queries"),
                "no queries: the file as a dubao from before them writes it")
        try store.apply([.searched("渡口"), .searched("夜校 开课"), .searched("渡口")])
        #expect(try store.load().queries == ["渡口", "夜校 开课"])
        let text = try String(contentsOfFile: store.path, encoding: .utf8)
        #expect(text.contains(#""queries":["#) && text.contains(#""paper":"江城晨报""#))
        // A key from a newer dubao, as an older one meets `queries`: read past, the rest kept.
        try text.replacingOccurrences(of: #""queries":"#, with: #""future":{"a":[1]},"queries":"#)
            .write(toFile: store.path, atomically: true, encoding: .utf8)
        #expect(try store.load().queries == ["渡口", "夜校 开课"] && store.load().last == place)
    }

    @Test("the focused pane is kept with the last place; a file without it, or with a name not known, still reads")
    func placeFocus() throws {
        let store = ReadingStateStore(root: TestPaths.temporaryFolder())
        let place = ReadingState.Place(paper: "江城晨报", date: IssueDate("2026-11-27")!, section: "要闻", article: "x",
                                       focus: "reader")
        try store.apply([.last(place)])
        #expect(try store.load().last == place)
        let text = try String(contentsOfFile: store.path, encoding: .utf8)
        #expect(text.contains(#""focus":"reader""#))
        for (replacement, expected) in [("", nil), (#""focus":7,"#, nil), (#""focus":"sidebar","#, "sidebar")] as [(String, String?)] {
            try text.replacingOccurrences(of: #""focus":"reader","#, with: replacement)
                .write(toFile: store.path, atomically: true, encoding: .utf8)
            let last = try #require(try store.load().last)
            #expect(last.focus == expected && last.article == "x")
        }
    }
}
