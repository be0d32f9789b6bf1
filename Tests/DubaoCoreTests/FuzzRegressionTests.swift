import DubaoImport
import DubaoStore
import DubaoModel
import Foundation
import Testing

/// Inputs the fuzzers (Scripts/fuzz.sh) found, each kept as a test once fixed.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    func expectLossless(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> DubaoModel.Issue {
        let importer = Importer()
        let result = try importer.importPages([("fuzz.txt", bytes)])
        #expect(Lossless.nonBlank(result.issue.sections) == Lossless.nonBlank(try importer.pageText(bytes)),
                sourceLocation: sourceLocation)
        return result.issue
    }

    @Test("text after a 责任编辑 footer is not glued to the article above it (order is kept)")
    func textAfterFooter() throws {
        let bytes = Array("第02版：经济\n\n一条标题\n\n本报讯（记者 甲）正文一段。\n\n责任编辑:乙\n又一段没有标题的文字。\n\n责任编辑:乙\n".utf8)
        let issue = try expectLossless(bytes)
        let articles = issue.sections[0].articles
        #expect(articles.count == 2)
        #expect(articles[0].paragraphs == ["正文一段。"])
    }

    @Test("a byline above a 本报讯 lead: the lead stays text, so the page's order is kept")
    func bylineAboveLead() throws {
        let bytes = Array("第02版：经济\n\n镇上年货大集开市\n\n□本报记者 甲\n\n本报讯(记者乙)今天开市，摊位摆满了街。\n".utf8)
        let issue = try expectLossless(bytes)
        let article = try #require(issue.sections.first?.articles.first)
        #expect(article.credit == "□本报记者 甲")
        #expect(article.dateline.isEmpty)
        #expect(article.paragraphs == ["本报讯(记者乙)今天开市，摊位摆满了街。"])
    }

    @Test("a 上接 marker under a byline-like line starts an item of its own, so the page's order is kept")
    func markerUnderByline() throws {
        let bytes = [UInt8](Data(base64Encoded: "56ysMDPniYjvvJrln47kuosKCuiejeWqkuiusOiAheaxn+WfjuiAgeWtl+WPt+KAnOeZvuW5tOezleWbouKAnemHjeaWsOW8gOW8oAoK77yI5LiK5o6l56ysMeeJiO+8iQoK5bqX6YeM55qE5oub54mM5qGC6Iqx57OV5LuN5oyJ6ICB5pa55a2Q5Yi25L2c77yM57Ov57Gz6KaB5o+Q5YmN5rW45rOh5LiA5pW05aSc77yM5qGC6Iqx5YiZ5p2l6Ieq5Z+O6YOK55qE6ICB5qGC5qCR44CCCgrnrKzlm5vku6PkvKDkurrmsojluIjlgoXor7TvvIzogIHlupfph43lvIDvvIzmnIDmg7PnlZnkvY/nmoTlsLHmmK/ogIHooZflnYrku6znhp/mgonnmoTpgqPkuIDlj6PnlJzjgIIKCuaWsOiDvea6kOWFrOS6pOW5tOW6leWJjeWFqOmdouS4iue6vwoK5pys5oql6K6v77yI6K6w6ICFIOiLl+mdku+8ieS7iuW5tOW5tOW6leWJje+8jOWfjuWMuuWFrOS6pOi9puWwhuWFqOmDqOabtOaNouS4uuaWsOiDvea6kOi9pui+hu+8jOWFqOW5tOiuoeWIkuaKleaUvuaWsOi9pjQwMOi+hu+8jOWFtuS4ree6r+eUteWKqOi9puWNoOavlOi2hei/h+S5neaIkCjkuIvovaznrKw054mIKQo=")!)
        _ = try expectLossless(bytes)
        _ = try expectLossless(Array("第03版：城事\n\n本报记者 甲\n\n（上接第1版）\n\n店里的糕点仍按老方子做。\n".utf8))
    }

    @Test("a damaged byte inside a lead's credit keeps the page's order (found after the importer learnt new headline forms)")
    func damagedCredit() throws {
        let bytes = [UInt8](Data(base64Encoded: "56ysMDPniYjvvJrln47kuosKCuaxn+WfjuiAgeWtl+WPt+KAnOeZvuW5tOezleWbouKAnemHjeaWsOW8gOW8oAoK77yI5LiK5o6l56ysMeeJiO+8iQoK5bqX6YeM55qE5oub54mM5qGC6Iqx57OV5LuN5oyJ6ICB5pa55a2Q5Yi25L2c77yM57Ov57Gz6KaB5o+Q5YmN5rW45rOh5LiA5pW05aSc77yM5qGC6Iqx5YiZ5p2lOoeq5Z+O6YOK55qE6ICB5qGC5qCR44CCCgrnrKzlm5vku6PkvKDkurrmsojluIjlgoXor7TvvIzogIHlupfph43lvIDvvIzmnIDmg7PnlZnkvY/nmoTlsLHmmK/ogIHooZflnYrku6znhp/mgonnmoTpgqPkuIDlj6PnlJzjgIIKCuaWsOiDvea6kOWFrOS6pOW5tOW6leWJjeWFqOmdouS4iue6vwoK5pys5oql6K6v77yI6K6w6ICFIOiLl+mdku+8ieS7iuW5tOW5tOW6leWJje+8jOWfjuWMuuWFrOS6pOi9puWwhuWFqOmDqOabtOaNouS4uuaWsOiDvea6kOi9pui+hu+8jOWFqOW5tOiuoeWIkuaKleaUvuaWsOi9pjQwMOi+hu+8jOWFtuS4ree6r+eUteWKqOi9puWNoOavlOi2hei/h+S5neaIkCjkuIvovaznrKw054mIKQqo5pu05o2i5Li65paw6IO95rqQ6L2m6L6G77yM5YWo5bm06K6h5YiS5oqV5pS+5paw6L2mNDAw6L6G77yM5YW25Lit57qv55S15Yqo")!)
        _ = try expectLossless(bytes)
    }
}
