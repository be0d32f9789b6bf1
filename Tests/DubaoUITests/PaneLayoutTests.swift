import DubaoTerminal
import DubaoUI
import Testing

/// What the layout promises: three panes from 120 columns with an article list wide enough to
/// read headlines in, a reader that gives way for it down to 34 characters a line and no
/// further, and the room beyond the reader's measure given to the lists.
@Suite("Pane layout")
struct PaneLayoutTests {
    static func layout(_ width: Int, _ height: Int = 40, focus: Pane = .articles, measure: Int = 80) -> PaneLayout {
        PaneLayout.compute(width: width, height: height, focus: focus, zoomed: false, measure: measure)
    }

    @Test("from 120 columns: three panes, the article list at least 29 cells, the reader at least 34 characters")
    func threePanes() {
        for width in 120...260 {
            let l = Self.layout(width)
            #expect(l.mode == .threePanes, "\(width)")
            #expect((l.readerText?.width ?? 0) >= 68, "\(width): the reader has \(l.readerText?.width ?? 0) cells")
            #expect((l.sections?.width ?? 0) >= 16 && (l.articles?.width ?? 0) >= 29, "\(width): \(l)")
            if width >= 128 { #expect(l.readerText?.width == 80, "\(width): the whole measure, and no more") }
        }
        let at120 = Self.layout(120)
        #expect(at120.readerText?.width == 72 && at120.articles?.width == 29 && at120.sections?.width == 16)
    }

    @Test("beyond the reader's measure the room goes to the lists")
    func wideWindowsWidenTheLists() {
        let l = Self.layout(200, 60)
        #expect(l.sections?.width == 28 && l.articles?.width == 89 && l.readerText?.width == 80)
        #expect((Self.layout(300).articles?.width ?? 0) > 150)
    }

    @Test("widening the window never narrows the reader, except where a pane unfolds beside it")
    func readerNeverShrinksAsTheWindowWidens() {
        for measure in [80, 60, 120] {
            var previous = (mode: PaneLayout.Mode.tooSmall, text: 0)
            for width in 80...260 {
                let l = Self.layout(width, measure: measure)
                let text = l.readerText?.width ?? 0
                if l.mode == previous.mode {
                    #expect(text >= min(previous.text, measure), "measure \(measure): \(width) columns give \(text) cells, \(width - 1) gave \(previous.text)")
                }
                if l.mode != .stacked { #expect(text >= min(measure, 68), "measure \(measure) at \(width): \(text)") }
                previous = (l.mode, text)
            }
        }
    }

    @Test("a measure wider than three panes allow gives way, down to 34 characters")
    func wideMeasureGivesWay() {
        let l = Self.layout(130, measure: 100)
        #expect(l.mode == .threePanes)
        #expect(l.readerText?.width == 82 && l.articles?.width == 29)
    }

    @Test("99 to 119 columns: the sections pane folds away, the list keeps 29 cells beside the reader")
    func twoPanes() {
        #expect(Self.layout(98).mode == .stacked)
        for width in 99...119 {
            let l = Self.layout(width)
            #expect(l.mode == .twoPanes && (l.articles?.width ?? 0) >= 29 && (l.readerText?.width ?? 0) >= 68, "\(width)")
        }
        #expect(Self.layout(100, 30).readerText?.width == 69)
    }

    @Test("at 80x24 the article list and the reader share the screen, the reader at 40 characters")
    func eightyColumnsStackListAndReader() {
        for focus in Pane.allCases {
            let l = Self.layout(80, 24, focus: focus)
            #expect(l.mode == .stacked)
            let list = try! #require(focus == .sections ? l.sections : l.articles)
            let reader = try! #require(l.reader)
            #expect(list.width == 80 && reader.width == 80)
            #expect(list.y == 0 && reader.y == list.height && reader.y + reader.height == 23)
            #expect(l.contentHeight(of: focus == .sections ? .sections : .articles) >= 5)
            #expect(l.readerText?.width == 80 && (l.readerText?.height ?? 0) >= 14)
        }
    }

    @Test("too short to stack: one pane at a time")
    func shortWindowsShowOnePane() {
        #expect(Self.layout(80, 12).mode == .onePane)
        #expect(Self.layout(80, 12, focus: .reader).readerText?.width == 80)
    }
}
