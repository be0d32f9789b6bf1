import DubaoCore
import DubaoModel
import DubaoUI
import Foundation
import Testing

/// Bookmarks, read marks and reading positions in the reader: the cases an audit found lost,
/// hidden or hanging.
@Suite("Reader: user data kept, shown and never lost")
struct UserDataAuditTests {
    func start(_ data: MemoryUserData, width: Int = 120, height: Int = 40) throws -> AppRuntime {
        let r = AppRuntime(state: AppState(width: width, height: height), library: try SampleLibrary(), userData: data)
        r.start(isSample: true)
        return r
    }

    func gone(_ title: String = "一篇已被重新导入删掉的文章") throws -> Bookmark {
        let sample = try SampleLibrary().issue
        return Bookmark(id: sample.date.compact + "-0000000000", title: title, paper: sample.paper, date: sample.date,
                        section: "要闻", added: "2026-01-01T00:00:00.000Z")
    }

    @Test("a bookmark whose article is gone shows as missing with its title, and the reader stays responsive")
    func missingBookmark() throws {
        let data = MemoryUserData()
        try data.add(try gone())
        let r = try start(data)
        r.dispatch(.key(.character("h")))
        r.dispatch(.key(.character("g")))   // the bookmarks entry, onto the missing one
        #expect(r.state.inBookmarks)
        #expect(r.state.reader == nil)
        #expect(r.state.message?.text.contains("一篇已被重新导入删掉的文章") == true)
        #expect(r.state.message?.isError != true, "no internal error: it settled")
        let screen = Screen.render(r.state).text
        #expect(screen.contains("is no longer in the library"))
        r.dispatch(.key(.character("l")))
        r.dispatch(.key(.character("j")))
        #expect(r.state.inBookmarks, "keys still work")
        r.dispatch(.key(.character("b")))
        #expect(try data.bookmarks().isEmpty, "b removes the missing bookmark")
    }
}
