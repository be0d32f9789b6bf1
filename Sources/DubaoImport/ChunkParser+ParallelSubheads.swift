import DubaoModel

/// Subheads an article sets in parallel, told from a paragraph's first words a column cut off.
extension ChunkParser {
    /// The numbers of the lines that are one of an item's parallel subheads.
    ///
    /// A bare short line after a finished sentence is as often a subhead (`给黔货出山找通道`) as the
    /// first words of a paragraph a column cut (`经过深入调研，杨亮盯上`): on a month of
    /// 人民日报 the two come about equally often, and nothing in the line tells them apart. But an
    /// article's subheads are written as a set: `给黔货出山找通道` / `给山里瓦屋找主顾`,
    /// `…，降准有利于保持流动性合理充裕` / `…，缓解民营、小微企业融资难融资贵`. A column cuts
    /// where its line happens to be full, so two cut pieces of one article rarely match. Two such lines of an item
    /// with as many characters and the same first or last character, or a comma at the same
    /// place, or three with as many characters, are subheads. On a month of 人民日报 set as
    /// printed pages (columns cutting at random), 449 of the 579 lines the rule picks on the
    /// first three weeks, where it was chosen, are subheads, and 131 of 153 on the last ten days.
    /// A line picked wrongly costs its article a paragraph cut in two; one left alone costs a
    /// subhead run into its paragraph, which is as wrong. A subhead proven by the run of cut lines
    /// under it (`anchors`, from `cutBudgetEnds`) needs no twin alike in its characters: a line of
    /// its item as long, with or without a comma as it is, is one too (a handful more articles'
    /// paragraphs right on the month's pages, in either half).
    ///
    /// A subhead may take two lines: a longer one under a short one (`港口更大气` /
    /// `发展高效益生态高颜值`), or under each subhead of a set a line opened alike (`这一年，…`);
    /// those second lines are subheads too (`secondLines`).
    ///
    /// Only where the page parts its items by a wider gap, which says where an item ends (and not
    /// where it indents its paragraphs, which says where each starts): without it, two articles'
    /// lines would be compared. Lines as
    /// long as the page's most common length are left out: a page whose text was wrapped at a
    /// fixed width (a column's lines, as a PDF's text dump gives them) has most of its lines that
    /// long, and a paragraph's first line is not a subhead for it.
    static func parallelSubheads(_ lines: [PagePartLine], adjacent: AdjacentPairs, anchors: Set<Int> = [],
                                 lineLength: PageLineLength? = nil) -> Set<Int> {
        var found = Set<Int>()
        var item: [(number: Int, shape: Shape)] = []
        // Lines whose end and the next line's start the page writes side by side only across two
        // words (`…前行` / `在独龙江…`, `行在`): too weak a sign of a cut to keep out a line that
        // matches a proven subhead, though enough to keep it from proving one.
        // (Kept with their line's index and asked about ICU only when one matches: most never do.)
        var weak: [(number: Int, shape: Shape, index: Int)] = []
        var cleared: [Int: Bool] = [:]
        func clears(_ index: Int) -> Bool {
            if let known = cleared[index] { return known }
            let answer = !adjacent.joinsInsideWord(lines[index].text, lines[index + 1].text)
            cleared[index] = answer
            return answer
        }
        let column = (lineLength ?? PageLineLength(lines)).width(share: 4)
        // Not as wide as the page's common width, within one: text wrapped at a width.
        func clearOfColumn(_ shape: Shape) -> Bool { column.map { abs($0 - shape.count) > 1 } ?? true }
        var itemStart = 0
        func compare(upTo end: Int) {
            defer { itemStart = end }
            for a in item where item.lazy.filter({ $0.shape.count == a.shape.count }).count >= 3 {
                found.insert(a.number)
            }
            // A subhead the run of cut lines below it proves (`cutBudgetEnds`) vouches for a line
            // as long, with a comma or without one as it has.
            let anchored = item.filter { anchors.contains($0.number) }
            for a in item where anchored.contains(where: { $0.number != a.number && $0.shape.isLengthMatch(for: a.shape) }) {
                found.insert(a.number)
            }
            for (k, a) in item.enumerated() {
                for b in item[(k + 1)...] where a.shape.isParallel(to: b.shape) {
                    found.insert(a.number)
                    found.insert(b.number)
                }
            }
            // `增速放缓，经济社会总体发展平稳` / `寻求突破，未来政府拼经济指向明确`: a set's subheads
            // are written to one pattern, not to one length. A line with its comma where a
            // proven subhead of the item has it, within three characters of its length (or,
            // without a comma, within two and sharing its first or last character), is one of
            // the set, and vouches in turn for the next. On the month of 人民日报 set as printed
            // pages this put 13 more articles' paragraphs right on days 1–21 (8 with the other
            // seed) and none fewer on days 22–31 (3 more with the other seed); letting the comma
            // stand one place off lost as much as it gained.
            var grew = true
            while grew {
                grew = false
                let proven = item.filter { found.contains($0.number) || anchors.contains($0.number) }
                for a in item where !found.contains(a.number)
                    && proven.contains(where: { $0.number != a.number && $0.shape.sharesClauses(with: a.shape) }) {
                    found.insert(a.number)
                    grew = true
                }
                for w in weak where !found.contains(w.number)
                    && proven.contains(where: { $0.shape.sharesClauses(with: w.shape) || $0.shape.isParallel(to: w.shape) }) && clears(w.index) {
                    found.insert(w.number)
                    grew = true
                }
            }
            // `美国——` / `向中东地区增兵约750人，以应对…`, `伊拉克——` / `空袭行动是…`: where every
            // short label ending in a dash in an item has a bare line under it, those lines are
            // subheads, each a label's point. (On the month of 人民日报 set as printed pages, one more
            // article's paragraphs right with either seed on days 1–21; none on days 22–31.)
            let labels = (itemStart..<end).filter { k in
                let text = lines[k].text
                return text.hasSuffix("——") && text.unicodeScalars.count <= 14 && k + 1 < end && !lines[k + 1].breakAbove
            }
            if labels.count >= 2 {
                let under = labels.compactMap { k -> Int? in
                    let number = lines[k + 1].number
                    if item.contains(where: { $0.number == number }) { return number }
                    return weak.contains(where: { $0.number == number }) && clears(k + 1) ? number : nil
                }
                if under.count == labels.count { found.formUnion(under) }
            }
            item.removeAll(keepingCapacity: true)
            weak.removeAll(keepingCapacity: true)
            secondLines(itemStart..<end)
        }
        // `复兴之光扬帆远航` / `这一年，秉承以人民为中心的理念，…` / `全国扶贫开发工作会议…`: the
        // subheads of a set may each carry a second line, a sentence's length, opened alike under
        // each (`这一年，`, `——`). A column's cut pieces under the subheads of an item seldom all
        // open with the same three characters.
        func secondLines(_ range: Range<Int>) {
            var opened: [String: [Int]] = [:]
            // `为何集中养育` / `提供更好照顾和教育`, `集体生活咋样` / `培养好习惯，学习有人管`: where
            // every short subhead of an item has a short bare line under it, each is the second
            // line of its subhead.
            var shortSubheads = 0
            var underShort: [Int] = []
            // `小区有了党支部` / `党员报到亮身份，参与治理发挥模范作用`, `业委会主体地位明确` /
            // `小区的事小区管，热情服务赢得居民信任`: subheads of two lines, in a set. Where the
            // lines under two subheads, or under two bare lines after a finished sentence, are
            // parallel (`isParallel`), both pairs are subheads. For the pairs under two bare
            // lines the pattern outweighs a pair the page writes across two words at their seams
            // (a word across one still rules them out); under a proven subhead the stricter test
            // has already been asked. Lines as wide as the page's common width are left out, as
            // in the main pass: text wrapped at a width gives every paragraph's first two lines
            // that width. (On the month of 人民日报 set as printed pages, an article's paragraphs
            // right more in each of the four sets of pages.)
            var pairs: [(above: Int, number: Int, shape: Shape, index: Int?)] = []
            // A pair's seams, above and below its second line, asked of ICU only when the pair
            // matches another (`index` set where they are still to be asked), and once (`clears`).
            func holds(_ index: Int?) -> Bool {
                guard let i = index else { return true }
                return clears(i - 1) && clears(i)
            }
            for i in range where i > 0 && i + 1 < lines.count && !lines[i].breakAbove && !lines[i + 1].breakAbove {
                let short = isShortSubhead(i - 1)
                if short { shortSubheads += 1 }
                if !short, i >= 2, !lines[i - 1].breakAbove, !found.contains(lines[i - 1].number),
                   lines[i - 2].text.unicodeScalars.last.map(ChineseText.endsSentence) == true {
                    // (A shape is a bare line's: no sentence's end, nothing leading on.)
                    let text = lines[i].text
                    if !ChineseText.opensNothing(lines[i + 1].text), !ChineseText.opensNothing(text),
                       let above = Shape(bareLine: lines[i - 1].text), clearOfColumn(above),
                       let shape = Shape(bareLine: text), clearOfColumn(shape) {
                        pairs.append((lines[i - 1].number, lines[i].number, shape, i))
                    }
                }
                guard found.contains(lines[i - 1].number) || short else { continue }
                let text = lines[i].text
                // A paragraph's length is no subhead's: told from its byte count (a hundred characters).
                guard text.utf8.count <= 300, let last = text.unicodeScalars.last, !ChineseText.endsSentence(last),
                      !ChineseText.leadsOn(last), last != "—", !HeadlineBlock.hasSentenceInside(text),
                      !adjacent.joins(text, lines[i + 1].text), !ChineseText.opensNothing(lines[i + 1].text) else { continue }
                if short, text.unicodeScalars.prefix(26).count <= 25 { underShort.append(lines[i].number) }
                if let shape = Shape(bareLine: text) { pairs.append((lines[i - 1].number, lines[i].number, shape, nil)) }
                // `——…` under each, or the same three characters (`这一年`): two lines opening
                // with `全国` or a year (`2019年7月` / `2019年8月`) are paragraphs as often.
                let scalars = text.unicodeScalars
                let opening: String
                if text.hasPrefix("——") {
                    opening = "——"
                } else {
                    let three = scalars.prefix(3)
                    guard three.count == 3, three.allSatisfy(Scalars.isHan) else { continue }
                    opening = String(String.UnicodeScalarView(three))
                }
                opened[opening, default: []].append(lines[i].number)
            }
            // Only where every such line opens alike: paragraphs under subheads may open with the
            // same words (a city's name) now and then, but not all of them.
            if opened.count == 1, let numbers = opened.values.first, numbers.count >= 2 { found.formUnion(numbers) }
            if shortSubheads >= 2, underShort.count == shortSubheads { found.formUnion(underShort) }
            for (k, a) in pairs.enumerated() {
                for b in pairs[(k + 1)...] where a.shape.isParallel(to: b.shape) && holds(a.index) && holds(b.index) {
                    found.formUnion([a.above, a.number, b.above, b.number])
                }
            }
        }
        func isShortSubhead(_ k: Int) -> Bool {
            guard k >= 1, !lines[k].breakAbove, let above = lines[k - 1].text.unicodeScalars.last, ChineseText.endsSentence(above) else { return false }
            // Not a line that ends a sentence (`“行！”` is a reply, and the text under it goes on)
            // or in a comma.
            let short = lines[k].text
            return tooShortForAColumn(short) && !ChineseText.leadsOn(short.unicodeScalars.last!)
                && !ChineseText.endsSentence(short.unicodeScalars.last!)
        }
        // `港口更大气` / `发展高效益生态高颜值` / `“…`: a subhead of two lines, a short one over a
        // longer; the second line stands after no finished sentence, but a line too short for a
        // column (`narrowestColumn`) after one.
        func underShortSubhead(_ i: Int) -> Bool { i >= 2 && isShortSubhead(i - 1) }
        for i in lines.indices {
            if lines[i].breakAbove { compare(upTo: i) }
            guard i > 0, i + 1 < lines.count, !lines[i].breakAbove, !lines[i + 1].breakAbove,
                  let before = lines[i - 1].text.unicodeScalars.last,
                  // `更便捷——` / `电子客票全面推广`: a dash ends a lead-in as a full stop ends a sentence.
                  ChineseText.endsSentence(before) || lines[i - 1].text.hasSuffix("——") || underShortSubhead(i),
                  let shape = Shape(bareLine: lines[i].text), clearOfColumn(shape),
                  !ChineseText.opensNothing(lines[i + 1].text) else { continue }
            if adjacent.joins(lines[i].text, lines[i + 1].text) {
                weak.append((lines[i].number, shape, i))
                continue
            }
            item.append((lines[i].number, shape))
        }
        compare(upTo: lines.count)
        return found
    }

    /// The length in characters a quarter (`share` 4) or more of the page's lines have (within
    /// one), when there are at least `atLeast` lines: the width its text was wrapped at.
    static func columnWidth(_ lines: [PagePartLine], share: Int = 4, atLeast: Int = 8) -> Int? {
        CommonLength(lines, atLeast: atLeast)?.width(share: share)
    }

    /// The length in characters the most of a set of lines have, within one, and how many have it.
    struct CommonLength {
        var width: Int
        var near: Int
        var lines: Int

        init?(_ lines: [PagePartLine], atLeast: Int = 8) {
            guard lines.count >= atLeast else { return nil }
            var counts: [Int: Int] = [:]
            // A paragraph's length is no width: told from its byte count, not counted scalar by scalar.
            for line in lines where line.text.utf8.count <= 400 { counts[line.text.unicodeScalars.count, default: 0] += 1 }
            func near(_ width: Int) -> Int { (counts[width - 1] ?? 0) + (counts[width] ?? 0) + (counts[width + 1] ?? 0) }
            // Of two as common, the narrower: the same width whatever order the counts come in.
            guard let width = counts.keys.max(by: { (near($0), -$0) < (near($1), -$1) }) else { return nil }
            self.width = width
            self.near = near(width)
            self.lines = lines.count
        }

        /// The width, where one line in `share` or more has it: the width the text was wrapped at.
        func width(share: Int) -> Int? {
            near * share >= lines && width >= 4 ? width : nil
        }
    }

    /// The page's common line length, counted on the first question: the run rule and the
    /// parallel subheads both ask it of the same lines.
    final class PageLineLength {
        private let lines: [PagePartLine]
        private var counted: CommonLength??

        init(_ lines: [PagePartLine]) {
            self.lines = lines
        }

        func width(share: Int) -> Int? {
            if counted == nil { counted = CommonLength(lines) }
            return counted!?.width(share: share)
        }
    }

    /// `12月2日，人民大会堂…`, `2018年2月，广东省河`, `一年来，…`, `据周新霞了解，…`: a line that
    /// opens as a news paragraph opens, with a date (not a date alone, `2020年1月1日`, which heads
    /// a timeline's entry), a time word or `在`, is no subhead of a set. On the month of 人民日报
    /// set as printed pages, 2 of the 24 such lines the parallel subheads picked on days 1–21
    /// were subheads (`今年有了年终奖`, `在应对风险挑战中推动制度日益完善`); the rest were a
    /// paragraph's first words. Without `在`, 2 articles fewer were right on each seed.
    static func opensAsNews(_ text: Substring) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return false }
        if Scalars.isDigit(first) {
            guard opensParagraph(text) else { return false }
            return !(scalars.last == "日" && scalars.allSatisfy { Scalars.isDigit($0) || "年月日".unicodeScalars.contains($0) })
        }
        // Asked of almost every line: the first character turns most away.
        guard newsOpenerFirsts.contains(first) else { return false }
        return newsOpeners.contains { text.hasPrefix($0) }
    }

    static let newsOpenerFirsts = Set(newsOpeners.compactMap(\.unicodeScalars.first))

    static let newsOpeners = ["一年来", "近年", "最近", "目前", "近日", "日前", "今年", "去年", "据", "原来", "此前", "近期", "在"]

    /// `第八条`, `第五十条`, `第12条`: a law's article number opening the line.
    static func opensLawArticle(_ text: Substring) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.first == "第" else { return false }
        let number = scalars.dropFirst().prefix(while: { Scalars.isDigit($0) || "一二三四五六七八九十百零〇".unicodeScalars.contains($0) })
        guard !number.isEmpty, number.count <= 5 else { return false }
        return scalars.dropFirst(1 + number.count).first == "条"
    }

    /// What two subheads of a set share: their length, first and last character, first comma.
    struct Shape {
        var count = 0
        var first: Unicode.Scalar = " "
        var last: Unicode.Scalar = " "
        var comma: Int?

        /// A bare line's shape, or nil for any other line: four to forty characters, no sentence
        /// inside or at its end, not a subtitle's `——`, three characters at least after its last
        /// comma.
        init?(bareLine text: Substring) {
            // Asked of almost every line: a paragraph's byte count turns it away unread.
            guard text.utf8.count <= 160, let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
                  !ChineseText.endsSentence(last), !ChineseText.leadsOn(last), !Scalars.isDigit(last), !(first == "—" && text.unicodeScalars.dropFirst().first == "—") else { return nil }
            var lastClause = 0
            // `“后来，我们与生产企业沟通`: a quote opened and not closed is someone's words going
            // on in the next line; a subhead quotes whole (`“一国两制”…`). So is a bracket
            // (`（新华社北京1月5日电` / `记者…）`).
            var openMarks = 0
            for s in text.unicodeScalars {
                switch s {
                case "。", "！", "？", "!", "?", "；", ";": return nil
                case "“", "‘", "「", "（", "(": openMarks += 1
                case "”", "’", "」", "）", ")": openMarks -= 1
                case "，", ",", "、":
                    if comma == nil, s != "、" { comma = count }
                    lastClause = -1
                default: break
                }
                count += 1
                lastClause += 1
                if count > 40 { return nil }
            }
            // `第十九条  严肃党的组织生活`: a law's article opens a paragraph of its text; its
            // chapters (`第二章  组织设置`) are the headings.
            if ChunkParser.opensLawArticle(text) { return nil }
            if ChunkParser.opensAsNews(text) { return nil }
            // `抓好理论武装，既要` / `不断加强学习…`: a subhead's clauses are whole phrases
            // (`年年进步，年年登高`); a column that cuts just after a comma leaves one or two words.
            guard count >= 4, lastClause >= 3, openMarks <= 0 else { return nil }
            self.first = first
            self.last = last
        }

        /// As long as a proven subhead, and with a comma if it has one: looser than `isParallel`,
        /// since the other line's being a subhead is known.
        func isLengthMatch(for other: Shape) -> Bool {
            count == other.count && (comma == nil) == (other.comma == nil)
        }

        /// Written to the same pattern as a proven subhead: a comma in the same place and a length
        /// within three, or no comma, a length within two and the same first or last character.
        func sharesClauses(with other: Shape) -> Bool {
            guard let comma, let theirs = other.comma else {
                return comma == nil && other.comma == nil && abs(count - other.count) <= 2 && (first == other.first || last == other.last)
            }
            return comma == theirs && abs(count - other.count) <= 3
        }

        func isParallel(to other: Shape) -> Bool {
            guard count == other.count else { return false }
            if first == other.first || last == other.last { return true }
            guard let comma, let theirs = other.comma else { return false }
            return comma == theirs
        }
    }
}
