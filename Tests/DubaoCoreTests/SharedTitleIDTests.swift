@testable import DubaoCore
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

    func store(_ items: [String], in library: Library) throws -> (ids: [String: String], renamed: [String: String]) {
        var result = try Importer().importPages([("05.txt", Self.page(items))])
        let report = try library.store(result.issue)
        result.issue.renameIDs(report.renamedIDs)
        var ids: [String: String] = [:]
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
        func id(_ ids: [String: String], _ caption: String) -> String? {
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
