import DubaoModel

/// How many times a column may cut one paragraph.
extension ChunkParser {
    /// The numbers of the lines that must end their paragraph, though they end mid-sentence.
    ///
    /// A page copied out column by column cuts a paragraph only where a column ends, so a
    /// paragraph comes in one, two or at most three pieces. Four or more lines in a row that each
    /// end mid-sentence are not one paragraph: some of them end one, enough that no paragraph is
    /// left with more than three lines. Which ones: those the least likely to be cut, since a line
    /// ending in a comma, in a word that waits for more (`的`) or inside a word the page writes
    /// elsewhere (`AdjacentPairs`) goes on, and one above a lead or byline, which starts something
    /// new, ends one for nothing; of the rest, the earliest, since what such a run most
    /// often holds is a subhead over a paragraph cut twice (`用汗水浇灌收获，以实干笃定前行` /
    /// `在独龙江公路巡逻…`): on the month of 人民日报 set as printed pages, the first line ends a
    /// paragraph in 545 of the 572 runs of four lines on the first three weeks.
    ///
    /// Not where the text was wrapped at a fixed width (half the page's lines as long,
    /// `PageLineLength`, or all but the last of a run), where a paragraph takes
    /// as many lines as it needs, nor where the page indents its paragraphs, which says where each
    /// starts.
    static func cutBudgetEnds(_ lines: [PagePartLine], _ kinds: [Kind], adjacent: AdjacentPairs, known: Set<Int> = [],
                              lineLength: PageLineLength? = nil) -> Set<Int> {
        var ends = Set<Int>()
        var start = 0
        // Counted only once a run asks: most pages have none.
        let lineLength = lineLength ?? PageLineLength(lines)
        for (i, line) in lines.enumerated() {
            // The first line after a gap is most often a headline: not one of a paragraph's pieces.
            if line.breakAbove { close(start..<i); start = i + 1; continue }
            let scalars = line.text.unicodeScalars
            let endsOpen = scalars.last.map { !ChineseText.endsSentence($0) && !($0 == "—" && scalars.suffix(2).elementsEqual("——".unicodeScalars)) } ?? false
            if !endsOpen { close(start..<(i + 1)); start = i + 1 }
        }
        close(start..<lines.count)
        return ends

        /// Picks the ends in a run of lines whose last may end a sentence: the cheapest set that
        /// leaves no paragraph longer than three lines, by dynamic programming over the run.
        func close(_ run: Range<Int>) {
            guard run.count >= 4 else { return }
            let first = run.lowerBound
            // The price of ending a paragraph after the run's line k - 1; its last line ends one
            // for nothing.
            var price = [Double](repeating: 0, count: run.count + 1)
            for k in 1..<run.count { price[k] = endCost(first + k - 1, position: k - 1) }
            // cost[k]: the least cost of ending a paragraph after line first + k - 1, with every
            // paragraph before it at most three lines; from[k] the end before that one.
            var cost = [Double](repeating: .infinity, count: run.count + 1)
            var from = [Int](repeating: 0, count: run.count + 1)
            cost[0] = 0
            for k in 1...run.count {
                for length in 1...3 where k - length >= 0 && cost[k - length] + price[k] < cost[k] {
                    cost[k] = cost[k - length] + price[k]
                    from[k] = k - length
                }
            }
            var chosen: [Int] = []
            var k = from[run.count]
            while k > 0 {
                chosen.append(k)
                k = from[k]
            }
            // Ends above a lead or byline cost nothing and stand whatever the page's layout; the
            // others are the rule's own, and not for text wrapped at a width (asked only now:
            // counting the page's line lengths is not free).
            if chosen.contains(where: { price[$0] > 0 }) {
                if lineLength.width(share: 2) != nil || Self.wrappedAlike(run.dropLast().map { lines[$0].text }) {
                    chosen.removeAll { price[$0] > 0 }
                }
            }
            for k in chosen { ends.insert(lines[first + k - 1].number) }
        }

        /// What it costs to believe line `i` ends its paragraph: much where the line shows it was
        /// cut, a little more the later it stands in the run.
        func endCost(_ i: Int, position: Int) -> Double {
            let text = lines[i].text
            let last = text.unicodeScalars.last!
            // A lead or byline below starts something new whatever this line says; a subhead
            // over a paragraph's opening (`subheadsOverOpeners`) is known to end one.
            if i + 1 < lines.count, case .text = kinds[i + 1] {} else { return 0 }
            if known.contains(lines[i].number) { return 0 }
            let cut = ChineseText.leadsOn(last) || Scalars.isDigit(last) || last == "—"
                || i + 1 < lines.count && (adjacent.joins(text, lines[i + 1].text) || ChineseText.opensNothing(lines[i + 1].text))
            if cut { return 10 + Double(position) / 100 }
            // `●加强知识产权保护…`: a line led by an ornament is a subhead, however it ends.
            if let first = text.unicodeScalars.first, Credits.ornaments.contains(first) { return 0.1 }
            return 1 + Double(position) / 100
        }
    }

    /// Lines wrapped at one width, however few: two within a cell of the widest (a half-width
    /// character may not fit), the others at most two characters narrower (Chinese wrapping gives
    /// a character to the next line rather than start it with a closing mark), a hanging mark at a
    /// line's end not counted. A column cuts where it happens to be full, so its pieces are seldom
    /// as wide as each other.
    static func wrappedAlike(_ texts: [Substring]) -> Bool {
        let widths = texts.map { text -> Int in
            var width = ChineseText.roughWidth(text)
            if let last = text.unicodeScalars.last, ChineseText.endsSentence(last) || last == "，" || last == "、" {
                width -= ChineseText.roughWidth(String(last))
            }
            return width
        }
        guard let widest = widths.max() else { return false }
        return widths.filter { $0 >= widest - 1 }.count >= 2 && widths.allSatisfy { $0 >= widest - 4 }
    }
}
