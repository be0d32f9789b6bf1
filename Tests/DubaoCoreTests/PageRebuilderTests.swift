@testable import DubaoImport
import Testing

/// The layout rules on small pages built by hand: each run placed where a test wants it, set
/// `size` points high and a character a square of that size wide.
@Suite("PageRebuilder: columns, headlines and paragraphs from hand-built geometry")
struct PageRebuilderTests {
    static func run(_ text: String, x: Double, y: Double, size: Double = 10) -> TextRun {
        TextRun(box: Box(left: x, top: y, right: x + Double(text.count) * size, bottom: y + size),
                size: size, font: size > 10 ? "Headline" : "Body", colour: "#000000", text: text)
    }

    static func rebuilt(_ runs: [TextRun]) -> PageRebuilder.Rebuilt {
        PageRebuilder(PageGeometry(number: 1, width: 600, height: 800, runs: runs)).rebuild()
    }

    /// Two columns of 10-point type on 16.5-point lines (6.5 points of white between lines,
    /// more than half a character) at `top`, `x` and `x + 110`: the first paragraph indented,
    /// filling the first column and going on at the top of the second, where it ends short;
    /// the second indented, ending short.
    static func twoColumns(x: Double, top: Double) -> [TextRun] {
        let line = 16.5
        return [
            run("一一一一一一一一", x: x + 20, y: top),
            run("二二二二二二二二二二", x: x, y: top + line),
            run("三三三三三三三三三三", x: x, y: top + 2 * line),
            run("四四四四四四四四四四", x: x, y: top + 3 * line),
            run("五五五五五五五五五五", x: x + 110, y: top),
            run("六六六六", x: x + 110, y: top + line),
            run("七七七七七七七七", x: x + 130, y: top + 2 * line),
            run("八八八八八八", x: x + 110, y: top + 3 * line),
        ]
    }

    @Test("a story's two columns are read one after the other, not across, however open the leading")
    func columnsInOrder() {
        let page = Self.rebuilt([Self.run("标题标题标题标题", x: 0, y: -40, size: 26)] + Self.twoColumns(x: 0, top: 0))
        #expect(page.stories.count == 1)
        #expect(page.stories.first?.headline.map(\.text) == ["标题标题标题标题"])
        #expect(page.stories.first?.paragraphs.map(\.text) == [
            "一一一一一一一一二二二二二二二二二二三三三三三三三三三三四四四四四四四四四四五五五五五五五五五五六六六六",
            "七七七七七七七七八八八八八八",
        ])
    }

    @Test("a row set in starts a paragraph, a row that stops short ends one, a full last row goes on in the next column")
    func paragraphsByIndentAndLineEnd() {
        let paragraphs = Self.rebuilt([Self.run("标题标题标题标题", x: 0, y: -40, size: 26)] + Self.twoColumns(x: 0, top: 0))
            .stories.first?.paragraphs ?? []
        #expect(paragraphs.count == 2)
        #expect(paragraphs.allSatisfy { !$0.standsApart })
    }

    @Test("the largest rows are the title; smaller ones above are the kicker, below the subtitle")
    func headlineRolesBySize() {
        let page = Self.rebuilt([
            Self.run("引题引题", x: 0, y: -80, size: 15),
            Self.run("主标题主标题", x: 0, y: -60, size: 26),
            Self.run("副标题副标题", x: 0, y: -30, size: 16),
        ] + Self.twoColumns(x: 0, top: 0))
        let headline = page.stories.first?.headline ?? []
        #expect(headline.map(\.role) == [.kicker, .title, .subtitle])
        #expect(headline.map(\.text) == ["引题引题", "主标题主标题", "副标题副标题"])
    }

    @Test("a title narrower than its columns takes the column beyond the gutter, not the story above")
    func shortTitleTakesItsColumns() {
        let above = [Self.run("上面的标题上面的", x: 0, y: 0, size: 26)] + Self.twoColumns(x: 0, top: 40)
        let below = [Self.run("短标题", x: 0, y: 130, size: 26)] + Self.twoColumns(x: 0, top: 170)
        let page = Self.rebuilt(above + below)
        #expect(page.stories.count == 2)
        #expect(page.stories.map { $0.headline.map(\.text) } == [["上面的标题上面的"], ["短标题"]])
        #expect(page.stories.map { $0.paragraphs.count } == [2, 2])
        #expect(page.stories.last?.paragraphs.first?.text.hasSuffix("五五五五五五五五五五六六六六") == true)
    }

    @Test("a headline run and the page band's and footer's rows: the band above the stories, the footer below")
    func furniture() {
        let page = Self.rebuilt([
            Self.run("第02版：经济", x: 0, y: -120),
            Self.run("标题标题标题标题", x: 0, y: -40, size: 26),
        ] + Self.twoColumns(x: 0, top: 0) + [Self.run("责任编辑：顾明远", x: 0, y: 300)])
        #expect(page.top == ["第02版：经济"])
        #expect(page.bottom == ["责任编辑：顾明远"])
        #expect(page.stories.count == 1)
    }

    @Test("a headline with no text under it is a story of its own, not text before the page's first headline")
    func headlineWithoutText() {
        let page = Self.rebuilt([Self.run("标题标题标题标题", x: 0, y: -40, size: 26)] + Self.twoColumns(x: 0, top: 0)
                                + [Self.run("没有正文的标题", x: 260, y: -40, size: 26)])
        #expect(page.stories.map { $0.headline.map(\.text) } == [["标题标题标题标题"], ["没有正文的标题"]])
        #expect(page.stories.map(\.paragraphs.count) == [2, 0])
    }

    @Test("bands spanning the page's width are rows, read before the columns under them, however open the leading")
    func furnitureRowsBeforeColumns() {
        // A masthead with the date at its right and a page band under it, 9 points apart: less
        // white than parts two bands of this page's open leading, so only the rows part them.
        // (The masthead and the band's name are set large, as headlines are, but have no text
        // under them: they are furniture.)
        let page = Self.rebuilt([
            Self.run("江城晨报", x: 0, y: -160, size: 40),
            Self.run("2026年11月27日", x: 250, y: -135),
            Self.run("第02版：经济", x: 0, y: -111, size: 14),
            Self.run("江城晨报", x: 280, y: -111),
            Self.run("标题标题标题标题", x: 0, y: -40, size: 26),
        ] + Self.twoColumns(x: 0, top: 0) + [
            Self.run("责任编辑：顾明远", x: 0, y: 300), Self.run("美术编辑：唐小溪", x: 240, y: 300),
        ])
        #expect(page.top == ["江城晨报\u{3000}\u{3000}2026年11月27日", "第02版：经济\u{3000}\u{3000}江城晨报"])
        #expect(page.bottom == ["责任编辑：顾明远\u{3000}\u{3000}美术编辑：唐小溪"])
        #expect(page.stories.count == 1)
    }

    @Test("a tall masthead beside a box of small lines is no row: the box is read after it, whole, not its first line before it")
    func blockBesideMasthead() {
        let runs = [
            Self.run("导读导读导读", x: 300, y: 0),
            Self.run("江城晨报", x: 0, y: 12, size: 30),
            Self.run("第二条导读文", x: 300, y: 16),
            Self.run("第三条导读文", x: 300, y: 32),
        ]
        let leaves = ReadingOrder.leaves(Array(runs.indices), runs.map(\.box), gapDown: 10, gapAcross: 5, rowsSpanningFirst: true)
        #expect(leaves == [[1], [0], [2], [3]])
    }

    @Test("the spaces justified type leaves between characters go; a space between two names stays")
    func justifiedSpaces() {
        #expect(RowText.despaced("习 近 平 新 时 代") == "习近平新时代")
        #expect(RowText.despaced("10 月 14 日") == "10月14日")
        #expect(RowText.despaced("新开 3 条线路") == "新开3条线路")
        #expect(RowText.despaced("，今年 2024 年") == "，今年2024年")
        #expect(RowText.despaced("记者 徐昕联 田明") == "记者 徐昕联 田明")
        #expect(RowText.despaced("App Store") == "App Store")
        #expect(RowText.despaced("稳 步 推 进 乐 东 10- 1 气 田") == "稳步推进乐东10-1气田")
        #expect(RowText.despaced("pages 10 - 12") == "pages 10 - 12")
    }

    @Test("runs on one line are joined with a space only where their white is wider than a third of the type")
    func rowJoining() {
        let runs = [Self.run("十月", x: 0, y: 0), Self.run("14", x: 22, y: 0), Self.run("日", x: 45, y: 0),
                    Self.run("徐昕联", x: 100, y: 0), Self.run("田明", x: 140, y: 0)]
        #expect(RowText.joined([0, 1, 2], runs) == "十月14日")
        #expect(RowText.joined([3, 4], runs) == "徐昕联 田明")
    }
}
