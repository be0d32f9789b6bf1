import DubaoModel

/// Verse set line by line with its punctuation: each line a paragraph of its own.
extension ChunkParser {
    /// The numbers of the lines of a rhymed verse with punctuation, which end their paragraph.
    ///
    /// A paper closes a picture story or a column with a few lines of five or seven characters
    /// (`这正是：` / `春风吹绿江南岸，` / `游人踏青兴致浓。`), one a line. The first ends in a comma, so
    /// on a page that does not indent it reads as a column's cut: joined to the next, the verse
    /// becomes prose. Two or more lines in a row, each the same number of Chinese characters with
    /// one mark after them, a comma among the marks and a sentence end too, are verse: a column
    /// cutting a paragraph into two equal clauses of that form is too rare to weigh against it.
    static func verseCoupletEnds(_ lines: [PagePartLine]) -> Set<Int> {
        var ends = Set<Int>()
        var run: [Int] = []
        var runLength = 0
        for (i, line) in lines.enumerated() {
            let k = verseLineLength(line.text)
            if let k, k == runLength, !line.breakAbove {
                run.append(i)
            } else {
                close()
                if let k { run = [i]; runLength = k } else { runLength = 0 }
            }
        }
        close()
        return ends

        func close() {
            defer { run = [] }
            guard run.count >= 2 else { return }
            let marks = run.compactMap { lines[$0].text.unicodeScalars.last }
            guard marks.contains(where: { $0 == "，" || $0 == "," }), marks.contains(where: ChineseText.endsSentence) else { return }
            for k in run { ends.insert(lines[k].number) }
        }
    }

    /// Five to seven Chinese characters and one mark of punctuation after them: a verse's line.
    static func verseLineLength(_ text: Substring) -> Int? {
        // Asked of every line, paragraphs too: read no further than a verse's line can go.
        var count = 0
        var marked = false
        for s in text.unicodeScalars {
            if marked { return nil }
            if Scalars.isHan(s) {
                count += 1
                if count > 7 { return nil }
            } else if s == "，" || s == "," || ChineseText.endsSentence(s) {
                marked = true
            } else {
                return nil
            }
        }
        return marked && count >= 5 ? count : nil
    }
}
