#if canImport(Glibc)
import Glibc
#endif

/// The page as lines: what the parser and the article-file importer walk.
extension PageParser {
    struct Line {
        var number: Int
        var text: Substring
        var indent: Int
        /// How many blank lines stand right above this one.
        var blanksAbove = 0
        /// More blank lines stand above this one than the page puts between its lines: a break
        /// between items (`PageParser.markBreaks`).
        var breakAbove = false
        /// Set where the page's type, not the line's words, makes it a headline line: a PDF's
        /// large type. Such lines are a headline block in these roles, whatever they say.
        var headlineRole: HeadlineBlock.Role?
    }

    /// The lines that are not blank, trimmed, with their 1-based numbers, indentation and the
    /// blank lines above them.
    static func splitLines(_ text: String) -> [Line] {
        var lines: [Line] = []
        var number = 0
        // Split on the newline byte, found by memchr: grapheme breaking a whole page is slow, and
        // so was the generic split over the UTF-8 view.
        var offsets: [Int] = []
        var copy = text
        copy.withUTF8 { b in
            guard let base = b.baseAddress else { return }
            var at = 0
            while at < b.count, let hit = memchr(base + at, 0x0A, b.count - at) {
                let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                offsets.append(k)
                at = k + 1
            }
        }
        offsets.append(text.utf8.count)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var startOffset = 0
        var blankAbove = 0
        for end in offsets {
            number += 1
            let endIndex = utf8.index(start, offsetBy: end - startOffset)
            let raw = text[start..<endIndex]
            if endIndex < utf8.endIndex {
                start = utf8.index(after: endIndex)
                startOffset = end + 1
            }
            let trimmed = ChineseText.trimmed(raw)
            if trimmed.isEmpty {
                blankAbove += 1
                continue
            }
            lines.append(Line(number: number, text: trimmed, indent: ChineseText.indentation(raw), blanksAbove: blankAbove))
            blankAbove = 0
        }
        return lines
    }

    /// Marks the lines with more blank lines above them than the page usually has between two
    /// lines. An electronic edition saved an article a file has a blank line above each headline
    /// and none inside the text; a page copied out with a blank line after every line has two
    /// between items. A page with no usual gap (too few lines, or gaps of every size) has no breaks.
    static func markBreaks(_ lines: inout [Line]) {
        guard lines.count >= 6 else { return }
        var counts: [Int: Int] = [:]
        for line in lines.dropFirst() { counts[min(line.blanksAbove, 3), default: 0] += 1 }
        guard let (usual, seen) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
              seen * 3 >= (lines.count - 1) * 2, usual < 3 else { return }
        for k in lines.indices.dropFirst() where lines[k].blanksAbove > usual { lines[k].breakAbove = true }
        // The top of a page that has breaks starts an item as a break does.
        if lines.dropFirst().contains(where: \.breakAbove) { lines[0].breakAbove = true }
    }

    /// Whether the page marks paragraph starts by indentation (half its long lines indented, at
    /// least two columns): an indented line then starts a paragraph even when the one before it
    /// ends mid-sentence. On such a page, one indented by two U+3000 or more (four columns, as
    /// the common indentation of its long lines says), a line indented by less than three columns
    /// is set back to none: a site that sets off its headlines with one U+3000 still sets them
    /// apart (the month's e-edition so set read 2% of its articles right, and reads 99.8% with
    /// this). Not from half a tab's width: a sign-off set in by four spaces under tab-indented
    /// paragraphs is text. The answer is the page's as levelled, from one look at its lines.
    @discardableResult
    static func levelIndents(_ lines: inout [Line]) -> Bool {
        var long = 0
        // The long lines indented two columns or more, by their indentation.
        var indented: [Int: Int] = [:]
        for line in lines where !ChineseText.fits(line.text, within: 60) {
            long += 1
            if line.indent >= 2 { indented[line.indent, default: 0] += 1 }
        }
        func indents(from threshold: Int) -> Bool {
            long >= 3 && indented.filter { $0.key >= threshold }.values.reduce(0, +) * 2 >= long
        }
        guard indents(from: 2),
              let unit = indented.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else { return false }
        let threshold = unit >= 4 ? 3 : 2
        for k in lines.indices where lines[k].indent < threshold { lines[k].indent = 0 }
        return indents(from: threshold)
    }
}

typealias PagePartLine = PageParser.Line
