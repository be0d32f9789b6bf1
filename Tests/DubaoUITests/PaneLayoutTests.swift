import DubaoTerminal
import DubaoUI
import Testing

/// What the issue asks of the layout: three panes from 120 columns, and a reader that keeps its
/// measure (40 characters, 80 cells) whenever the window can give it that.
@Suite("Pane layout")
struct PaneLayoutTests {
    static func layout(_ width: Int, _ height: Int = 40, focus: Pane = .articles, measure: Int = 80) -> PaneLayout {
        PaneLayout.compute(width: width, height: height, focus: focus, zoomed: false, measure: measure)
    }

    @Test("from 120 columns: three panes, and the reader sets its full 40-character measure")
    func threePanesKeepTheMeasure() {
        for width in 120...240 {
            let l = Self.layout(width)
            #expect(l.mode == .threePanes, "\(width)")
            #expect((l.readerText?.width ?? 0) >= 80, "\(width): the reader has \(l.readerText?.width ?? 0) cells")
            #expect((l.sections?.width ?? 0) >= 16 && (l.articles?.width ?? 0) >= 20, "\(width): \(l)")
        }
    }

    @Test("widening the window never narrows the reader")
    func readerNeverShrinksAsTheWindowWidens() {
        for measure in [80, 60, 120] {
            var previous = 0
            for width in 80...260 {
                let text = Self.layout(width, measure: measure).readerText?.width ?? 0
                #expect(text >= min(previous, measure), "measure \(measure): \(width) columns give \(text) cells, \(width - 1) gave \(previous)")
                previous = text
            }
        }
    }

    @Test("a wider measure than three panes allow: the sections pane folds away before the measure shrinks")
    func wideMeasureFoldsPanes() {
        let l = Self.layout(130, measure: 100)
        #expect(l.mode == .twoPanes)
        #expect((l.readerText?.width ?? 0) >= 100)
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
