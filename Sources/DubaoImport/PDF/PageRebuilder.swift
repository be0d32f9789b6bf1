/// Rebuilds a page's stories from its geometry: which runs are headlines (by their type size),
/// which body text stands under which headline, what is the page's own furniture, and each
/// story's text in reading order, as rows and paragraphs.
///
/// - The body size is the size most characters on the page are set in; a run set at least a
///   quarter larger is a headline's.
/// - Headline runs that touch, one under another, form one headline block.
/// - A body run belongs to the lowest headline block above it that stands over it, the block
///   widened first to the columns that start right under it (a commentary's headline is set
///   narrower than its three columns), and to the free columns beside those, across a gutter.
/// - A headline with no body under it is a story of its own, told by its headline alone.
/// - What stands above the highest headline that has a body is the masthead and date band;
///   rows at the foot of the page that read as an editors' footer or a page band are the footer.
struct PageRebuilder {
    struct Story {
        /// The headline's rows, top to bottom, with their roles by size.
        var headline: [(role: HeadlineBlock.Role, text: String)]
        var paragraphs: [Paragraph]
    }

    struct Paragraph: Equatable {
        var text: String
        /// The paragraph is a block of its own (a caption under a picture, a name under a story).
        var standsApart: Bool
    }

    struct Rebuilt {
        var top: [String]
        var stories: [Story]
        var bottom: [String]
    }

    let runs: [TextRun]
    let boxes: [Box]
    let bodySize: Double
    /// The white between two lines of one column, as the page's body is set.
    let lineWhite: Double

    init(_ page: PageGeometry) {
        runs = page.runs.filter { !$0.text.unicodeScalars.allSatisfy(ChineseText.isBlank) }
        boxes = runs.map(\.box)
        bodySize = Self.bodySize(runs)
        lineWhite = Self.lineWhite(runs, bodySize: bodySize)
    }

    /// The size that most characters are set in.
    static func bodySize(_ runs: [TextRun]) -> Double {
        var counts: [Double: Int] = [:]
        for run in runs { counts[(run.size * 2).rounded() / 2, default: 0] += run.text.unicodeScalars.count }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 10
    }

    /// The white between two body lines that stand one under the other in a column, the most
    /// common to half a point: a page set solid has almost none, one set in the open leading
    /// Chinese columns often take (10 pt on 16.5) more than half a character.
    static func lineWhite(_ runs: [TextRun], bodySize: Double) -> Double {
        let body = runs.indices.filter { abs(runs[$0].size - bodySize) < 0.5 }.sorted { runs[$0].box.top < runs[$1].box.top }
        var counts: [Double: Int] = [:]
        for (n, k) in body.enumerated() {
            let b = runs[k].box
            // The first body run below that stands across this one: the next line of its column.
            guard let next = body[(n + 1)...].first(where: { runs[$0].box.top > b.middleY && runs[$0].box.overlapAcross(b) > 0 })
            else { continue }
            let white = runs[next].box.top - b.bottom
            if white >= 0, white < 1.5 * bodySize { counts[(white * 2).rounded() / 2, default: 0] += 1 }
        }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 0
    }

    /// White across a set of runs wider than this parts it into bands: more than a column's
    /// leading, whatever the page's leading is.
    var gapDown: Double { max(0.6 * bodySize, lineWhite + 0.4 * bodySize) }
    var gapAcross: Double { 0.5 * bodySize }

    func rebuild() -> Rebuilt {
        let isHeadline = runs.map { $0.size >= bodySize * 1.25 }
        let blocks = headlineBlocks(isHeadline)
        let footer = Set(footerRuns())
        var owner = [Int?](repeating: nil, count: runs.count)
        let spans = blocks.map { widened($0, blocks, isHeadline, footer) }
        for k in runs.indices where !isHeadline[k] && !footer.contains(k) {
            owner[k] = ownerBlock(of: k, blocks, spans)
        }
        // The pieces of one line go together, to the block that owns most of its characters: a
        // caption's `摄` at the edge of a headline's span, a byline's `□` left of it.
        for chain in lineChains(isHeadline, footer) where chain.count > 1 {
            var characters: [Int: Int] = [:]
            for k in chain { if let o = owner[k] { characters[o, default: 0] += runs[k].text.unicodeScalars.count } }
            guard let most = characters.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else { continue }
            for k in chain { owner[k] = most }
        }
        // The masthead and date band: everything above the highest headline that has a body.
        let owning = Set(owner.compactMap { $0 })
        let firstTop = owning.map { blocks[$0].box.top }.min() ?? .infinity
        var top: [Int] = []
        func isTop(_ k: Int) -> Bool { boxes[k].bottom <= firstTop + 0.5 * bodySize }
        // A headline below the masthead with no text under it (a story told by its title alone,
        // or one whose text is on another page) is a story of its own, as the text importer
        // reads a title with no body.
        let bare = blocks.indices.filter { b in
            !owning.contains(b) && blocks[b].members.allSatisfy { !isTop($0) && !footer.contains($0) }
        }
        var stories: [(block: Int?, runs: [Int])] = blocks.indices.filter { owning.contains($0) || bare.contains($0) }
            .map { ($0, blocks[$0].members) }
        var orphans: [Int] = []
        for k in runs.indices where !footer.contains(k) {
            if isTop(k) {
                top.append(k)
            } else if isHeadline[k] {
                if let b = blocks.firstIndex(where: { $0.members.contains(k) }), !owning.contains(b), !bare.contains(b) { orphans.append(k) }
            } else if let o = owner[k], let s = stories.firstIndex(where: { $0.block == o }) {
                stories[s].runs.append(k)
            } else {
                orphans.append(k)
            }
        }
        // A story's text before any headline on the page (its headline is on another page) comes first.
        if !orphans.isEmpty { stories.insert((nil, orphans), at: 0) }
        // Stories in the order an XY cut of the whole page meets their first runs.
        var rank = [Int](repeating: 0, count: runs.count)
        for (n, leaf) in ReadingOrder.leaves(stories.flatMap(\.runs), boxes, gapDown: gapDown, gapAcross: gapAcross).enumerated() {
            for k in leaf { rank[k] = n }
        }
        let ordered = stories.enumerated().sorted { a, b in
            if (a.element.block == nil) != (b.element.block == nil) { return a.element.block == nil }
            let ra = a.element.runs.map { rank[$0] }.min() ?? 0, rb = b.element.runs.map { rank[$0] }.min() ?? 0
            return (ra, a.offset) < (rb, b.offset)
        }.map(\.element)
        return Rebuilt(top: rowTexts(top),
                       stories: ordered.map { s in
                           guard let b = s.block else { return story(headline: [], body: s.runs) }
                           return story(headline: blocks[b].members, body: s.runs.filter { !isHeadline[$0] })
                       },
                       bottom: rowTexts(Array(footer)))
    }

    // MARK: Headlines

    struct Block {
        var members: [Int]
        var box: Box
    }

    /// Headline runs grouped: one under another and overlapping across, or side by side on
    /// one line in the same size.
    func headlineBlocks(_ isHeadline: [Bool]) -> [Block] {
        let heads = runs.indices.filter { isHeadline[$0] }
        var parent = Dictionary(uniqueKeysWithValues: heads.map { ($0, $0) })
        func root(_ k: Int) -> Int {
            var k = k
            while parent[k]! != k { k = parent[k]! }
            return k
        }
        for (n, a) in heads.enumerated() {
            for b in heads[(n + 1)...] {
                let x = boxes[a], y = boxes[b]
                let small = min(runs[a].size, runs[b].size)
                let stacked = -x.overlapDown(y) <= 0.9 * small && x.overlapAcross(y) > 0
                let sideBySide = x.overlapDown(y) > 0.5 * min(x.height, y.height) && abs(runs[a].size - runs[b].size) < 0.5
                    && -x.overlapAcross(y) <= 0.6 * small
                if stacked || sideBySide { parent[root(a)] = root(b) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for k in heads { groups[root(k), default: []].append(k) }
        return groups.values.map { members in
            Block(members: members.sorted(), box: members.dropFirst().reduce(boxes[members[0]]) { $0.union(boxes[$1]) })
        }.sorted { ($0.box.top, $0.box.left) < ($1.box.top, $1.box.left) }
    }

    /// The block's span across the page, widened to the body runs that start right under it
    /// and overlap it, and to those that overlap them, a few lines down; then across a gutter
    /// to the columns beside that start level with the story's first line (a short title over
    /// a story of three columns), where those columns are free (`startsFreeColumn`).
    func widened(_ block: Block, _ blocks: [Block], _ isHeadline: [Bool], _ footer: Set<Int>) -> (left: Double, right: Double) {
        var left = block.box.left, right = block.box.right
        let reach = block.box.bottom + 5 * 1.25 * bodySize
        let body = runs.indices.filter { k in
            !isHeadline[k] && !footer.contains(k) && boxes[k].top >= block.box.bottom - 0.2 * bodySize && boxes[k].top <= reach
        }
        var changed = true
        while changed {
            changed = false
            for k in body {
                let b = boxes[k]
                guard min(right, b.right) - max(left, b.left) > 0, b.left < left || b.right > right else { continue }
                left = min(left, b.left)
                right = max(right, b.right)
                changed = true
            }
        }
        let under = body.filter { min(right, boxes[$0].right) - max(left, boxes[$0].left) > 0 }
        guard let firstLine = under.map({ boxes[$0].top }).min() else { return (left, right) }
        let gutter = 2 * bodySize
        changed = true
        while changed {
            changed = false
            for k in body {
                let b = boxes[k]
                guard abs(b.top - firstLine) <= 0.5 * bodySize,
                      (b.left > right && b.left - right <= gutter) || (b.right < left && left - b.right <= gutter),
                      startsFreeColumn(k, under: block, blocks, isHeadline, footer)
                else { continue }
                // The column's lines under it come along, as those under the block did.
                for m in body where boxes[m].overlapAcross(b) > 0 {
                    left = min(left, boxes[m].left)
                    right = max(right, boxes[m].right)
                }
                left = min(left, b.left)
                right = max(right, b.right)
                changed = true
            }
        }
        return (left, right)
    }

    /// Whether the run beside the block starts a column the block's story may take: no text
    /// stands above it in its column as high up as the block's top (it is the column's first
    /// line, not a line in the middle of another story), no headline beside the block stands
    /// over it, and every headline higher up that stands over it has had its story's text in
    /// that column already (else the column is the rest of that story, under a picture).
    func startsFreeColumn(_ k: Int, under block: Block, _ blocks: [Block], _ isHeadline: [Bool], _ footer: Set<Int>) -> Bool {
        let b = boxes[k]
        func textAbove(from top: Double) -> Bool {
            runs.indices.contains { m in
                m != k && !isHeadline[m] && !footer.contains(m) && boxes[m].overlapAcross(b) > 0
                    && boxes[m].bottom <= b.top && boxes[m].bottom > top
            }
        }
        if textAbove(from: block.box.top) { return false }
        for other in blocks where other.box != block.box && other.box.bottom <= b.top + 0.5 * b.height && other.box.overlapAcross(b) > 0 {
            if other.box.bottom >= block.box.top { return false }
            let storyRan = runs.indices.contains { m in
                !isHeadline[m] && !footer.contains(m) && boxes[m].overlapAcross(b) > 0
                    && boxes[m].top >= other.box.bottom && boxes[m].bottom <= block.box.top
            }
            if !storyRan { return false }
        }
        return true
    }

    /// Body runs that stand on one line with less than a character's white between them: the
    /// pieces poppler cut a line into where its face changed or its spacing widened. A column's
    /// gutter is wider.
    func lineChains(_ isHeadline: [Bool], _ footer: Set<Int>) -> [[Int]] {
        let body = runs.indices.filter { !isHeadline[$0] && !footer.contains($0) }.sorted { boxes[$0].left < boxes[$1].left }
        var chains: [[Int]] = []
        var chainOf: [Int: Int] = [:]
        for k in body {
            let b = boxes[k]
            let joined = chains.indices.last { c in
                guard let last = chains[c].last else { return false }
                let l = boxes[last]
                let gap = b.left - l.right
                return l.overlapDown(b) > 0.5 * min(l.height, b.height) && gap < min(runs[last].size, runs[k].size) && gap > -runs[k].size
            }
            if let c = joined {
                chains[c].append(k)
                chainOf[k] = c
            } else {
                chains.append([k])
                chainOf[k] = chains.count - 1
            }
        }
        return chains
    }

    /// The lowest block above the run that stands over it.
    func ownerBlock(of k: Int, _ blocks: [Block], _ spans: [(left: Double, right: Double)]) -> Int? {
        let b = boxes[k]
        var best: Int?
        for (n, block) in blocks.enumerated() where block.box.bottom <= b.top + 0.5 * b.height {
            let overlap = min(spans[n].right, b.right) - max(spans[n].left, b.left)
            guard overlap > 0.25 * min(b.width, spans[n].right - spans[n].left) else { continue }
            if best == nil || block.box.bottom > blocks[best!].box.bottom { best = n }
        }
        return best
    }

    // MARK: Furniture

    /// The rows at the foot of the page, from the last up, while each reads as an editors'
    /// footer, a page band or a date line.
    func footerRuns() -> [Int] {
        let all = ReadingOrder.rows(Array(runs.indices), boxes)
        var out: [Int] = []
        for row in all.reversed() {
            let text = RowText.joined(row, runs)[...]
            let isFurniture = PageFurniture.isEditorLine(text) || PageFurniture.header(text) != nil
                || PageFurniture.dateLine(text) != nil
            guard isFurniture else { break }
            out += row
        }
        return out
    }

    /// Furniture runs as the rows of their blocks, in reading order: a band that spans the
    /// width (a masthead with the date at its right, a page band, a footer) is a row, read
    /// before the blocks under it, however little white the page leaves between bands.
    func rowTexts(_ indices: [Int]) -> [String] {
        ReadingOrder.leaves(indices, boxes, gapDown: gapDown, gapAcross: gapAcross, rowsSpanningFirst: true).flatMap { leaf in
            ReadingOrder.rows(leaf, boxes).map { RowText.joined($0, runs, partsApart: true) }
        }
    }

    // MARK: One story

    func story(headline: [Int], body: [Int]) -> Story {
        let rows = ReadingOrder.rows(headline, boxes)
        let sizes = rows.map { row in row.map { runs[$0].size }.max() ?? 0 }
        let biggest = sizes.max() ?? 0
        let firstTitle = sizes.firstIndex { $0 >= biggest - 0.5 } ?? 0
        let lastTitle = sizes.lastIndex { $0 >= biggest - 0.5 } ?? 0
        let lines: [(role: HeadlineBlock.Role, text: String)] = rows.enumerated().map { n, row in
            (n < firstTitle ? .kicker : n > lastTitle ? .subtitle : .title, RowText.joined(row, runs))
        }
        return Story(headline: lines, paragraphs: paragraphs(body))
    }

    /// The body's paragraphs, column by column. A row set in from its column's left edge starts
    /// a paragraph; a row that stops short of the right edge ends one; a paragraph that fills
    /// its column's last row goes on at the top of the next.
    func paragraphs(_ body: [Int]) -> [Paragraph] {
        var out: [Paragraph] = []
        var open = false
        for leaf in ReadingOrder.leaves(body, boxes, gapDown: gapDown, gapAcross: gapAcross) {
            let rows = ReadingOrder.rows(leaf, boxes)
            let lefts = rows.map { r in r.map { boxes[$0].left }.min()! }
            let rights = rows.map { r in r.map { boxes[$0].right }.max()! }
            let left = Self.usual(lefts, preferring: <), right = Self.usual(rights, preferring: >)
            let startCount = out.count
            var startedNew = false
            for (n, row) in rows.enumerated() {
                let size = row.map { runs[$0].size }.max() ?? bodySize
                let text = RowText.joined(row, runs)
                let indented = rows.count >= 2 && lefts[n] - left >= 0.9 * size
                if !open || indented || out.isEmpty {
                    out.append(Paragraph(text: text, standsApart: false))
                    if n == 0 { startedNew = true }
                } else {
                    out[out.count - 1].text += text
                    // Gone on from the column before: not a block of its own.
                    out[out.count - 1].standsApart = false
                }
                open = rows.count >= 2 && right - rights[n] <= size
            }
            if rows.count == 1 { open = false }
            // A paragraph that is its block, whole: a caption, a signature.
            if startedNew, out.count == startCount + 1 {
                out[out.count - 1].standsApart = true
            }
        }
        return out
    }

    /// The edge most rows share, to half a point: a row that hangs an opening quote out to the
    /// left, or a short last row, does not move it.
    /// Between edges shared by as many rows, `preferring` chooses (the leftmost left edge, the
    /// rightmost right one).
    static func usual(_ edges: [Double], preferring: (Double, Double) -> Bool) -> Double {
        var counts: [Double: Int] = [:]
        for e in edges { counts[(e * 2).rounded() / 2, default: 0] += 1 }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && preferring($1.key, $0.key)) }?.key ?? 0
    }
}
