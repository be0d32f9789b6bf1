/// The order a reader takes a set of text runs in: recursive cuts along the white space that
/// crosses the whole set (an XY cut). A band of white across the set parts what is above from
/// what is below; a band of white down it parts columns, read left to right. What no band parts
/// is a leaf: a piece of one column, or a single line.
enum ReadingOrder {
    /// The leaves in reading order, each a list of indices into `boxes`.
    ///
    /// `gapDown` is the least white between two rows that parts them (more than a column's line
    /// spacing); `gapAcross` the least between two columns (less than a gutter). Bands across
    /// are cut first: a picture's caption above a story's columns is read before them, and a
    /// story that ends higher in one column than in another is still read column by column,
    /// because no band crosses the longer column.
    ///
    /// With `rowsSpanningFirst`, a row at the top or the foot of a set that spans the set's
    /// width, with white between it and the rest, is cut off as a band of its own before any
    /// columns are cut, whatever the leading: a masthead with the date at its right and a page
    /// band under it are two rows, not a left column and a right one. Only furniture is read
    /// so: the first lines of a story's columns span its width too, and are not a row.
    static func leaves(_ indices: [Int], _ boxes: [Box], gapDown: Double, gapAcross: Double,
                       rowsSpanningFirst: Bool = false) -> [[Int]] {
        var out: [[Int]] = []
        let cutter = Cutter(boxes: boxes, gapDown: gapDown, gapAcross: gapAcross, rowsSpanningFirst: rowsSpanningFirst)
        cutter.cut(indices, into: &out)
        return out
    }

    private struct Cutter {
        let boxes: [Box]
        let gapDown: Double
        let gapAcross: Double
        let rowsSpanningFirst: Bool

        func cut(_ indices: [Int], into out: inout [[Int]]) {
            guard indices.count > 1 else {
                if !indices.isEmpty { out.append(indices) }
                return
            }
            let across = ReadingOrder.bands(indices, gap: gapDown) { (boxes[$0].top, boxes[$0].bottom) }
            if across.count > 1 {
                for band in across { cut(band, into: &out) }
                return
            }
            if rowsSpanningFirst, let parts = spanningRowApart(indices) {
                for part in parts { cut(part, into: &out) }
                return
            }
            // One line alone is not cut into its words, however wide the white between them.
            let top = indices.map { boxes[$0].top }.max()!
            let bottom = indices.map { boxes[$0].bottom }.min()!
            if top < bottom {
                out.append(indices)
                return
            }
            let down = ReadingOrder.bands(indices, gap: gapAcross) { (boxes[$0].left, boxes[$0].right) }
            if down.count > 1 {
                for band in down { cut(band, into: &out) }
                return
            }
            out.append(indices)
        }

        /// The set's first row and the rest, or the rest and its last row, where that row is
        /// one line (every run of it level with every other: a tall masthead beside a box of
        /// small lines is no line), reaches from the set's left edge to its right one (within
        /// a column's gap), and no run of the rest comes down (or up) into it.
        func spanningRowApart(_ indices: [Int]) -> [[Int]]? {
            let all = ReadingOrder.rows(indices, boxes)
            guard all.count > 1 else { return nil }
            let left = indices.map { boxes[$0].left }.min()!, right = indices.map { boxes[$0].right }.max()!
            func spans(_ row: [Int]) -> Bool {
                row.map { boxes[$0].top }.max()! < row.map { boxes[$0].bottom }.min()!
                    && row.map { boxes[$0].left }.min()! - left <= gapAcross && right - row.map { boxes[$0].right }.max()! <= gapAcross
            }
            let first = all[0], last = all[all.count - 1]
            let belowFirst = Array(all.dropFirst().joined()), aboveLast = Array(all.dropLast().joined())
            if spans(first), first.map({ boxes[$0].bottom }).max()! < belowFirst.map({ boxes[$0].top }).min()! {
                return [first, belowFirst]
            }
            if spans(last), aboveLast.map({ boxes[$0].bottom }).max()! < last.map({ boxes[$0].top }).min()! {
                return [aboveLast, last]
            }
            return nil
        }
    }

    /// The indices grouped by the white between their extents along one axis: a new group
    /// starts where the next extent begins at least `gap` past the end of all before it.
    private static func bands(_ indices: [Int], gap: Double, _ extent: (Int) -> (Double, Double)) -> [[Int]] {
        let sorted = indices.sorted { extent($0).0 < extent($1).0 }
        var groups: [[Int]] = []
        var end = -Double.infinity
        for k in sorted {
            let (start, stop) = extent(k)
            if groups.isEmpty || start - end >= gap {
                groups.append([k])
            } else {
                groups[groups.count - 1].append(k)
            }
            end = max(end, stop)
        }
        return groups
    }

    /// A leaf's runs as rows, top to bottom, each row's runs left to right. A run joins the row
    /// it overlaps by more than half of the lower of the two heights.
    static func rows(_ leaf: [Int], _ boxes: [Box]) -> [[Int]] {
        let sorted = leaf.sorted { boxes[$0].top < boxes[$1].top }
        var rows: [(box: Box, members: [Int])] = []
        for k in sorted {
            let b = boxes[k]
            if let r = rows.indices.last(where: { rows[$0].box.overlapDown(b) > 0.5 * min(rows[$0].box.height, b.height) }) {
                rows[r].box = rows[r].box.union(b)
                rows[r].members.append(k)
            } else {
                rows.append((b, [k]))
            }
        }
        return rows.map { $0.members.sorted { boxes[$0].left < boxes[$1].left } }
    }
}
