/// What each line of a page is, and the furniture at the top of a page and under a notice
/// that a line by line look cannot tell.
extension ChunkParser {
    enum Kind {
        case header
        case editor
        case dateLine(PageFurniture.IssueDateFound, paper: String)
        case marker(ContinuationMarker.Direction)
        case caption
        case byline(Credits.Byline)
        case lead(Credits.Lead)
        /// The paper's name, a weekday or a lunar date beside the date at the top of a page.
        case masthead(paper: String)
        /// `江城市人民政府` / `2025年10月20日` under a notice: its signature, part of its text.
        case signature
        /// A line of a front page's table of contents (`今日导读`, `…（第2版）`).
        case index
        case text
    }

    static func kind(of text: Substring) -> Kind {
        // Most lines are long paragraphs: of all the furniture, only a lead or a caption can be that long.
        if !ChineseText.fits(text, within: 100) {
            if let lead = Credits.lead(text) { return .lead(lead) }
            return Credits.isCaption(text) ? .caption : .text
        }
        if PageFurniture.header(text) != nil { return .header }
        if PageFurniture.isEditorLine(text) { return .editor }
        if PageFurniture.isIndexLine(text) { return .index }
        if let d = PageFurniture.dateLine(text) { return .dateLine(d.date, paper: d.paper) }
        if let m = ContinuationMarker.whole(text) { return .marker(m) }
        if let lead = Credits.lead(text) { return .lead(lead) }
        if let byline = Credits.byline(text) { return .byline(byline) }
        if Credits.isCaption(text) { return .caption }
        return .text
    }

    /// The lines at the top of a page, around a date line, that only give the paper's name,
    /// the weekday or the lunar date: page furniture, never a headline.
    static func markMasthead(_ lines: [PagePartLine], _ kinds: inout [Kind]) {
        var start = 0
        while start < lines.count, case .header = kinds[start] { start += 1 }
        var end = start
        var sawDate = false
        var masthead: [(Int, String)] = []
        while end < lines.count {
            if case .dateLine = kinds[end] {
                sawDate = true
            } else if case .text = kinds[end], let paper = PageFurniture.mastheadLine(lines[end].text) {
                masthead.append((end, paper))
            } else if case .header = kinds[end] {
            } else {
                break
            }
            end += 1
        }
        guard sawDate else { return }
        for (k, paper) in masthead { kinds[k] = .masthead(paper: paper) }
    }

    /// A date line after the page's prose has begun signs the text above it; so does a short
    /// line right above such a date (the office that signed). Neither dates the issue.
    static func markSignatures(_ lines: [PagePartLine], _ kinds: inout [Kind]) {
        var sawProse = false
        for k in kinds.indices {
            switch kinds[k] {
            case .lead:
                sawProse = true
            case .text:
                if !sawProse, looksLikeProse(lines[k].text) { sawProse = true }
            case .dateLine where sawProse:
                kinds[k] = .signature
                if k > 0, case .text = kinds[k - 1], ChineseText.fits(lines[k - 1].text, within: 40),
                   !looksLikeProse(lines[k - 1].text), k > 1, case .text = kinds[k - 2], looksLikeProse(lines[k - 2].text) {
                    kinds[k - 1] = .signature
                }
            default:
                break
            }
        }
    }
}
