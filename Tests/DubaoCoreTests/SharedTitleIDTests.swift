@testable import DubaoImport
@testable import DubaoStore
import DubaoModel
import Foundation
import Testing

@Suite("Article IDs of items that share a title, across re-imports")
struct SharedTitleIDTests {
    static func page(_ items: [String]) -> [UInt8] {
        var text = "第05版：城事　2026年2月1日\n\n"
        for body in items { text += "图片新闻\n\n\(body)本报记者 黎川 摄\n\n" }
        text += "冰雕节开幕\n\n本报讯（记者 黎川）第十届冰雕节昨天在江心岛开幕。\n"
        return Array(text.utf8)
    }

    func store(_ items: [String], in library: Library) throws -> (ids: [String: ArticleID], renamed: [ArticleID: ArticleID]) {
        var result = try Importer().importPages([("05.txt", Self.page(items))])
        let report = try library.store(result.issue)
        result.issue.renameIDs(report.renamedIDs)
        var ids: [String: ArticleID] = [:]
        for a in try library.articles(of: library.catalog(of: library.issues()[0]).sections[0], in: library.issues()[0]) {
            ids[a.paragraphs.first ?? a.captions.first?.text ?? a.title] = a.id
        }
        // What the import prints is what was stored.
        #expect(Set(result.issue.sections[0].articles.map(\.id)) == Set(ids.values))
        return (ids, report.renamedIDs)
    }

    @Test("an item added above two of the same title leaves their IDs with them, not with their neighbours")
    func insertAbove() throws {
        let library = Library(root: TestPaths.temporaryFolder())
        let snow = "▲孩子们在江滨公园堆雪人。", sweep = "▲环卫工人连夜清扫主干道积雪。", ice = "▲冰雕师傅在江心岛赶工。"
        let first = try store([snow, sweep], in: library).ids
        let second = try store([ice, snow, sweep], in: library)
        #expect(second.ids.count == 4)
        func id(_ ids: [String: ArticleID], _ caption: String) -> ArticleID? {
            ids.first { $0.key.hasPrefix(caption) }?.value
        }
        #expect(id(second.ids, snow) == id(first, snow))
        #expect(id(second.ids, sweep) == id(first, sweep))
        #expect(id(second.ids, ice) != id(first, snow) && id(second.ids, ice) != id(first, sweep))
        #expect(!second.renamed.isEmpty, "the importer numbered them by place; the store kept theirs")
        // The same page once more changes nothing.
        let third = try store([ice, snow, sweep], in: library)
        #expect(third.ids == second.ids)
    }

    @Test("a lone item joined by a second of its title keeps its ID; an item whose text was corrected keeps its")
    func loneThenShared() throws {
        let library = Library(root: TestPaths.temporaryFolder())
        let snow = "▲孩子们在江滨公园堆雪人。", sweep = "▲环卫工人连夜清扫主干道积雪。"
        let first = try store([snow], in: library).ids
        let second = try store([sweep, snow], in: library).ids
        #expect(second.first { $0.key.hasPrefix(snow) }?.value == first.first { $0.key.hasPrefix(snow) }?.value)
        let corrected = try store(["▲环卫工人连夜清扫城区主干道积雪。", snow], in: library).ids
        #expect(Set(corrected.values) == Set(second.values))
    }
}

@Suite("Article IDs of an issue with two pages of one name, imported whole and page by page")
struct RepeatedSectionIDTests {
    static func page(_ number: Int, _ items: [String], story: String) -> [UInt8] {
        var text = "第0\(number)版：要闻　2026年2月1日\n\n"
        for body in items { text += "图片新闻\n\n\(body)本报记者 黎川 摄\n\n" }
        text += "\(story)\n\n本报讯（记者 黎川）\(story)的消息昨天传来，市民奔走相告。\n"
        return Array(text.utf8)
    }

    /// Every stored article of the issue: its first text and its ID.
    func stored(_ library: Library) throws -> [(text: String, id: ArticleID)] {
        let issue = try library.issues()[0]
        return try library.catalog(of: issue).sections.flatMap { section in
            try library.articles(of: section, in: issue).map { ($0.paragraphs.first ?? $0.captions.first?.text ?? $0.title, $0.id) }
        }
    }

    func id(_ rows: [(text: String, id: ArticleID)], _ prefix: String) -> ArticleID? {
        rows.first { $0.text.hasPrefix(prefix) }?.id
    }

    @Test("re-importing the second page with one more photo gives no two articles one ID, and keeps the others'")
    func insertOnSecondPage() throws {
        let library = Library(root: TestPaths.temporaryFolder())
        let a = "▲早市上的年货摊位。", b = "▲社区志愿者写春联。", c = "▲江边的灯会试灯。", d = "▲老街的糖画摊。"
        let e = "▲新开通的公交线路。"
        let whole = try Importer().importPages([("01.txt", Self.page(1, [a, b], story: "新桥通车")),
                                                ("02.txt", Self.page(2, [c, d], story: "地铁延伸"))])
        _ = try library.store(whole.issue)
        let before = try stored(library)
        #expect(Set(before.map(\.id)).count == before.count)

        var again = try Importer().importPages([("02.txt", Self.page(2, [e, c, d], story: "地铁延伸"))])
        let report = try library.store(again.issue)
        again.issue.renameIDs(report.renamedIDs)
        let after = try stored(library)
        #expect(after.count == before.count + 1)
        #expect(Set(after.map(\.id)).count == after.count, "two articles were given one ID")
        for text in [a, b, c, d, "本报讯"] {
            #expect(id(after, text) == id(before, text), "\(text) changed its ID")
        }
        // What the import prints is what was stored.
        #expect(Set(again.issue.sections.flatMap { $0.articles.map(\.id) }).isSubset(of: Set(after.map(\.id))))
    }

    @Test("the second page imported again unchanged, alone, keeps every ID; so does a whole import after it")
    func secondPageAlone() throws {
        let library = Library(root: TestPaths.temporaryFolder())
        let one = Self.page(1, ["▲早市上的年货摊位。"], story: "新桥通车")
        let two = Self.page(2, ["▲江边的灯会试灯。"], story: "地铁延伸")
        _ = try library.store(Importer().importPages([("01.txt", one), ("02.txt", two)]).issue)
        let before = try stored(library)
        _ = try library.store(Importer().importPages([("02.txt", two)]).issue)
        #expect(try stored(library).map(\.id) == before.map(\.id))
        _ = try library.store(Importer().importPages([("01.txt", one), ("02.txt", two)]).issue)
        #expect(try stored(library).map(\.id) == before.map(\.id))
    }

    @Test("pages imported one by one, the second first, give every article an ID of its own")
    func secondPageFirst() throws {
        let library = Library(root: TestPaths.temporaryFolder())
        _ = try library.store(Importer().importPages([("02.txt", Self.page(2, ["▲江边的灯会试灯。"], story: "地铁延伸"))]).issue)
        _ = try library.store(Importer().importPages([("01.txt", Self.page(1, ["▲早市上的年货摊位。"], story: "新桥通车"))]).issue)
        let rows = try stored(library)
        #expect(rows.count == 4)
        #expect(Set(rows.map(\.id)).count == rows.count)
    }
}
