import DubaoTerminal
import DubaoStore
import DubaoLayout
import DubaoModel
import DubaoText

/// The reader slice: the article shown, set for the pane it has, and scrolled.
extension Reducer {
    /// The effect that fetches the selected bookmark's or search result's article: straight from
    /// its issue when the issue list has it.
    static func loadArticle(_ id: ArticleID, _ state: AppState) -> Effect {
        let place = state.selectedBookmark.map { ($0.paper, $0.date, $0.section) }
            ?? state.selectedHit.map { ($0.paper, $0.date, $0.section) }
        guard let (paper, date, section) = place else { return .loadArticle(id: id, issue: nil, section: "") }
        let issue = state.navigation.issues.firstIndex(paper: paper, date: date).map { state.navigation.issues[$0] }
        return .loadArticle(id: id, issue: issue, section: section)
    }

    /// The reader follows the article list: the selected article is always the one shown, at the
    /// place it was left, and counts as read when the reader has the focus.
    static func showSelectedArticle(_ state: inout AppState) -> [Effect] {
        guard let id = state.selectedID else {
            state.reader = nil
            return []
        }
        let article: Article?
        if state.inSection {
            article = state.navigation.loaded?.articles.first { $0.id == id }
        } else if let inSection = state.navigation.loaded?.articles.first(where: { $0.id == id }) {
            article = inSection
        } else if state.navigation.missingArticles.contains(id) {
            article = nil
        } else {
            guard state.navigation.fetchedArticle?.id == id else {
                if state.reader?.article.id != id { state.reader = nil }
                return [loadArticle(id, state)]
            }
            article = state.navigation.fetchedArticle
        }
        guard let article else {
            state.reader = nil
            if !state.inSection {
                if let b = state.selectedBookmark {
                    state.status.message = StatusMessage(state.settings.texts(.missingBookmark, b.title))
                } else {
                    state.status.message = StatusMessage(state.settings.texts[.articleGone])
                }
            }
            return []
        }
        if state.reader?.article.id != article.id {
            let width = readerWidth(state)
            let lines = state.settings.typesetter.typeset(article, width: width)
            let anchor = anchor(at: state.userData.positions[article.id], in: lines, width: width)
            state.reader = ReaderState(article: article, lines: lines, layoutWidth: width, top: anchor.line, anchor: anchor)
            relayoutReader(&state)
        } else if var reader = state.reader, reader.article != article {
            // The same article imported again, its text corrected: set anew, at the place
            // the reader was (a blank row above a paragraph, say, stays above it).
            let shift = reader.anchor.line - line(for: reader.anchor.position, in: reader.lines)
            reader.article = article
            reader.lines = state.settings.typesetter.typeset(article, width: reader.layoutWidth)
            reader.anchor.line = max(0, line(for: reader.anchor.position, in: reader.lines) + shift)
            reader.anchor.chosenLine = reader.anchor.line
            reader.anchor.width = reader.layoutWidth
            if let find = reader.find {
                var found = ArticleFind(query: find.query, in: article)
                if let count = found?.matches.count { found?.current = min(find.current, count - 1) }
                reader.find = found
            }
            state.reader = reader
            relayoutReader(&state)
        }
        // A search result opens on its first match, every match highlighted.
        if let query = state.search.results?.query, state.reader?.find?.query != query {
            findInReader(&state, query: query, fromTop: false)
        }
        return markRead(&state)
    }

    static func readerWidth(_ state: AppState) -> Int {
        let layout = state.viewport.layout
        if let text = layout.readerText { return text.width }
        // The reader is hidden (one pane at a time): set it for the width it will have.
        let full = state.viewport.layout(focus: .reader)
        return full.readerText?.width ?? max(1, state.viewport.width)
    }

    static func readerHeight(_ state: AppState) -> Int {
        let full = state.viewport.layout(focus: .reader)
        return max(1, state.viewport.layout.readerText?.height ?? full.readerText?.height ?? state.viewport.height - 2)
    }

    /// Scrolls by `step` lines, within the article: what the reader then shows is the new anchor.
    static func scrollReader(_ state: inout AppState, by step: Int) {
        guard var reader = state.reader else { return }
        let maxTop = max(0, reader.extent - readerHeight(state))
        reader.top = min(max(0, ListState.adding(reader.top, step)), maxTop)
        reader.anchor = ReaderAnchor(position: position(atLine: reader.top, in: reader.lines), width: reader.layoutWidth,
                                     chosenLine: reader.top, line: reader.top)
        state.reader = reader
    }

    /// Sets the article again when the reader's width changed, and puts the anchor at the top
    /// as far as the pane's height allows. The anchor stays as it was: only the reader moves it.
    static func relayoutReader(_ state: inout AppState) {
        guard var reader = state.reader else { return }
        let width = readerWidth(state)
        if width != reader.layoutWidth {
            reader.lines = state.settings.typesetter.typeset(reader.article, width: width)
            reader.layoutWidth = width
            reader.anchor.line = width == reader.anchor.width
                ? reader.anchor.chosenLine : line(for: reader.anchor.position, in: reader.lines)
        }
        let maxTop = max(0, reader.extent - readerHeight(state))
        reader.top = min(max(0, reader.anchor.line), maxTop)
        state.reader = reader
    }

    /// The reader's anchor at a saved place: the line it falls on in `lines`, set `width` wide.
    static func anchor(at saved: ReadingState.Position?, in lines: [TypesetLine], width: Int) -> ReaderAnchor {
        let top = line(for: saved, in: lines)
        return ReaderAnchor(position: saved, width: width, chosenLine: top, line: top)
    }

    /// The line a saved position falls on in a new layout; the top for none or the headline.
    static func line(for position: ReadingState.Position?, in lines: [TypesetLine]) -> Int {
        guard let position else { return 0 }
        // A row of the headline block: as far down, but not past the text's first line.
        guard position.paragraph >= 0 else {
            let text = lines.firstIndex { $0.paragraph != nil } ?? max(0, lines.count - 1)
            return min(max(0, position.offset), text)
        }
        let index = lines.lineIndex(paragraph: position.paragraph, utf8Offset: max(0, position.offset)) ?? 0
        // The blank row above the paragraph (`position(atLine:)`), where there still is one.
        if position.offset < 0, index > 0, lines[index - 1].style == .blank { return index - 1 }
        return index
    }

    /// Where the reader is, as a paragraph and an offset into it: the anchor's, so a pane that
    /// shows the whole article saves the place chosen rather than the top.
    static func position(of reader: ReaderState) -> ReadingState.Position? {
        reader.anchor.position
    }

    /// The place of line `top` as a paragraph and an offset: the first line of text at or below
    /// it. The blank row right above a paragraph is that paragraph's, at offset -1, so a reader
    /// who left it at the top comes back to it rather than a row lower (a dubao that does not
    /// know the -1 reads the paragraph's start).
    static func position(atLine top: Int, in lines: [TypesetLine]) -> ReadingState.Position? {
        guard top > 0, lines.indices.contains(top) else { return nil }
        guard let index = lines[top...].firstIndex(where: { $0.paragraph != nil }) else {
            return ReadingState.Position(paragraph: -1, offset: 0)
        }
        let line = lines[index]
        if index == top + 1, lines[top].style == .blank, line.sourceRange.lowerBound == 0 {
            return ReadingState.Position(paragraph: line.paragraph!, offset: -1)
        }
        // Inside the headline block (the title's lines, the byline, the blanks between): its row,
        // as paragraph -1, which a dubao that does not know the row reads as the top.
        if !lines[..<top].contains(where: { $0.paragraph != nil }) {
            return ReadingState.Position(paragraph: -1, offset: top)
        }
        return ReadingState.Position(paragraph: line.paragraph!, offset: line.sourceRange.lowerBound)
    }

    /// Whether the reader shows the article's end: its last line and the `— 完 —` under it.
    static func atEnd(_ state: AppState) -> Bool {
        guard let reader = state.reader else { return false }
        return reader.top + readerHeight(state) >= reader.extent
    }

    /// Scrolls the reader, and counts the article read once a scroll forward shows its end
    /// (`atEnd`): read to its end, in the reader or in the preview beside the list (with the wheel).
    /// Selecting an article in the list does not count, so running down the headlines marks
    /// nothing; opening it does (`markRead`).
    static func scrollReaderReading(_ state: inout AppState, by step: Int) -> [Effect] {
        scrollReader(&state, by: step)
        guard step > 0, atEnd(state), let id = state.reader?.article.id, !state.userData.read.contains(id) else { return [] }
        state.userData.read.insert(id)
        return [.saveReading([.markRead(id, true)])]
    }
}
