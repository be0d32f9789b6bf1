import DubaoModel

/// Recognises the lines of a page that belong to the page, not to an article:
/// headers such as `第03版：经济`, `责任编辑:…` footers and lines that only carry a date.
enum PageFurniture {
    struct Header: Equatable {
        /// `第03版`
        var page: String
        /// `经济`, or empty when the header names no section.
        var name: String
        var date: IssueDateFound?
        var paper: String
    }

    struct IssueDateFound: Equatable {
        var year: Int, month: Int, day: Int
    }

    static let editorRoles = ["本期值班副总编", "值班副总编", "值班总编", "本版责编", "责任编辑", "本版编辑", "美术编辑", "图片编辑", "值班编辑", "版式设计", "视觉设计",
                              "责任校对", "责编", "美编", "校对", "版式", "编辑", "制图", "排版"]

    /// `第03版：经济`, `第4版 城事`, `2026年11月27日 星期五 江城晨报 第A01版·要闻`.
    ///
    /// Besides the page number, the line may carry only a section name, dates, a weekday and
    /// the paper's name: anything more and it is prose that mentions a page.
    static func header(_ line: Substring) -> Header? {
        guard ChineseText.fits(line, within: 100), !line.unicodeScalars.contains(where: ChineseText.isProsePunctuation)
        else { return nil }
        var scalars = Array(line.unicodeScalars)
        // `【第03版：经济】`: the bracket frames the whole header.
        if let f = scalars.first, let l = scalars.last, scalars.count > 2, (f == "【" && l == "】") || (f == "[" && l == "]") {
            scalars = Array(scalars.dropFirst().dropLast())
        }
        for i in scalars.indices where (i == 0 || ChineseText.isBlank(scalars[i - 1])) && mayStartPageNumber(scalars[i]) {
            guard let (end, pageText) = pageNumber(scalars, from: i) else { continue }
            // `03版：经济`, `A03版 要闻`: without 第 the number must stand alone (not `5版本`).
            if scalars[i] != "第", end < scalars.count, !ChineseText.isBlank(scalars[end]),
               !":：·・|｜-—".unicodeScalars.contains(scalars[end]) { continue }
            let before = String(String.UnicodeScalarView(scalars[..<i]))
            var rest = String(String.UnicodeScalarView(scalars[end...]))[...]
            rest = rest.drop { ":：·・-—|｜/／ \u{3000}".contains($0) }
            var header = Header(page: pageText, name: "", date: nil, paper: "")
            // Kept apart from `header` until the end: two inout parts of one struct at once
            // are overlapping accesses.
            var foundDate: IssueDateFound?
            var paper = ""
            func furniture(_ token: Substring) -> Bool { isFurniture(token, date: &foundDate, paper: &paper) }
            // `第03版 经济 | 江城晨报`: bars and dots only separate the parts.
            let separators: Set<Character> = [" ", "\u{3000}", "|", "｜", "·", "・"]
            for token in before.split(whereSeparator: { separators.contains($0) }) where !furniture(token) {
                return nil
            }
            for (n, token) in rest.split(whereSeparator: { separators.contains($0) }).enumerated() {
                // The word right after the page number names the section (`副刊` is not a paper).
                if n == 0, date(in: token) == nil, !isWeekday(token), token.count <= 12 {
                    // `经济（责任编辑：于洋）`: the note in brackets is the page's, not the name's.
                    header.name = String(token.prefix { $0 != "（" && $0 != "(" })
                    if header.name.isEmpty { header.name = String(token) }
                } else if n > 0, header.name.count == 1, token.count == 1, token.unicodeScalars.allSatisfy(Scalars.isHan) {
                    // `第4版　经　济`: a name set with spaces between its characters.
                    header.name += token
                } else if !furniture(token) {
                    return nil
                }
            }
            header.date = foundDate
            header.paper = paper
            return header
        }
        return nil
    }

    /// A line of a masthead that carries no date: `江城晨报`, `星期五`, `农历十月初八`,
    /// `江城晨报 农历十月初八`. Returns the paper's name, or "" when it names none.
    static func mastheadLine(_ line: Substring) -> String? {
        guard ChineseText.fits(line, within: 40), !line.unicodeScalars.contains(where: ChineseText.isProsePunctuation)
        else { return nil }
        var paper = ""
        var found: IssueDateFound?
        for token in line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" })
        where !isFurniture(token, date: &found, paper: &paper) {
            return nil
        }
        // A line with a date is a date line, not one beside it.
        return found == nil ? paper : nil
    }

    /// One word of what stands around a page number or on a date line: a date, a weekday, a
    /// lunar date or the paper's name. The first date and the first paper's name are kept;
    /// false for any other word.
    static func isFurniture(_ token: Substring, date found: inout IssueDateFound?, paper: inout String) -> Bool {
        if let d = date(in: token), token.count <= 12 {
            found = found ?? d
        } else if isWeekday(token) || token.hasPrefix("农历") {
        } else if isPaperName(token) {
            if paper.isEmpty { paper = String(token.filter { $0 != "《" && $0 != "》" }) }
        } else {
            return false
        }
        return true
    }

    /// `今日导读` and the lines of the box under it, `城际铁路全线贯通 （第2版）`: a front page's
    /// table of contents, which points at articles and is none.
    static let indexHeadings: Set<String> = ["导读", "今日导读", "本期导读", "本版导读", "要闻导读", "今日看点", "本期看点", "今日要目"]

    static let indexHeadingInitials: Set<Unicode.Scalar> = Set(indexHeadings.compactMap(\.unicodeScalars.first))

    static func isIndexLine(_ line: Substring) -> Bool {
        // Asked of every short line: turned away by its last or first scalar, without graphemes.
        guard let first = line.unicodeScalars.first, let final = line.unicodeScalars.last else { return false }
        if indexHeadingInitials.contains(first), line.utf8.count <= 16 {
            return indexHeadings.contains(String(line.filter { $0 != " " && $0 != "\u{3000}" }))
        }
        if final == "版", ChineseText.fits(line, within: 80) {
            // `城际铁路全线贯通　　　　第2版`: the page set apart by a run of blanks.
            let scalars = Array(line.unicodeScalars)
            guard let blank = scalars.lastIndex(where: { ChineseText.isBlank($0) }), blank > 1,
                  let (end, _) = pageNumber(scalars, from: blank + 1), end == scalars.count else { return false }
            let gap = scalars[..<(blank + 1)].reversed().prefix { ChineseText.isBlank($0) }
            return (gap.count >= 2 || gap.contains("\u{3000}"))
                && !scalars[..<blank].contains(where: ChineseText.isProsePunctuation)
        }
        guard final == "）" || final == ")", ChineseText.fits(line, within: 80) else { return false }
        // Ends in a page reference in brackets, with words before it.
        let scalars = Array(line.unicodeScalars)
        guard let last = scalars.last, last == "）" || last == ")",
              let open = scalars.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 1 else { return false }
        let inner = Array(scalars[(open + 1)..<(scalars.count - 1)]).filter { $0 != " " }
        guard let (end, _) = pageNumber(inner, from: 0), end == inner.count else { return false }
        return !scalars[..<open].contains(where: ChineseText.isProsePunctuation)
    }

    static func isPaperName(_ token: Substring) -> Bool {
        guard token.count >= 2, token.count <= 12 else { return false }
        return token.hasSuffix("报") || token.hasSuffix("刊") || (token.hasPrefix("《") && token.hasSuffix("》"))
    }

    /// `第03版` starting at `start`; returns where it ends and the normalised label.
    static func mayStartPageNumber(_ s: Unicode.Scalar) -> Bool {
        s == "第" || Scalars.isDigit(s) || ("A"..."Z").contains(s) || ("Ａ"..."Ｚ").contains(s)
    }

    /// `第03版`, `03版`, `A3版` starting at `start`; returns where it ends and the label,
    /// always written `第…版`.
    static func pageNumber(_ s: [Unicode.Scalar], from start: Int) -> (Int, String)? {
        guard start < s.count else { return nil }
        var i = s[start] == "第" ? start + 1 : start
        // `第 04 版`: blanks may stand around the number.
        if s[start] == "第" { while i < s.count, s[i] == " " || s[i] == "\u{3000}" { i += 1 } }
        var label = "第"
        if i < s.count, ("A"..."Z").contains(s[i]) || ("Ａ"..."Ｚ").contains(s[i]) { label.unicodeScalars.append(s[i]); i += 1 }
        let digitsStart = i
        while i < s.count, Scalars.isDigit(s[i]) || "零〇一二三四五六七八九十".unicodeScalars.contains(s[i]) {
            if let d = ChineseText.digitValue(s[i]) { label += String(d) } else { label.unicodeScalars.append(s[i]) }
            i += 1
        }
        let digitsEnd = i
        if s[start] == "第" { while i < s.count, s[i] == " " || s[i] == "\u{3000}" { i += 1 } }
        guard digitsEnd > digitsStart, digitsEnd - digitsStart <= 3, i < s.count, s[i] == "版" else { return nil }
        return (i + 1, label + "版")
    }

    static func isWeekday(_ token: Substring) -> Bool {
        (token.hasPrefix("星期") || token.hasPrefix("周") || token.hasPrefix("礼拜")) && token.count <= 3
    }

    /// `2026年11月27日` (also with full-width digits) anywhere in the text.
    static func date(in text: Substring) -> IssueDateFound? {
        let s = Array(text.unicodeScalars)
        var i = 0
        func number(_ maxDigits: Int) -> Int? {
            var n = 0, count = 0
            while i < s.count, let d = ChineseText.digitValue(s[i]), count < maxDigits {
                n = n * 10 + d; count += 1; i += 1
            }
            return count > 0 ? n : nil
        }
        while i < s.count {
            let start = i
            if let y = number(4), i - start == 4, i < s.count, s[i] == "年" {
                i += 1
                if let m = number(2), i < s.count, s[i] == "月" {
                    i += 1
                    if let d = number(2), i < s.count, s[i] == "日", IssueDate(year: y, month: m, day: d) != nil {
                        return IssueDateFound(year: y, month: m, day: d)
                    }
                }
            }
            i = start + 1
        }
        return nil
    }

    /// `责任编辑:赵磊`, `责任编辑：甲 美术编辑：乙`.
    static let editorInitials: Set<Unicode.Scalar> = Set(editorRoles.compactMap(\.unicodeScalars.first))
    static let editorOrnaments: Set<Unicode.Scalar> = Set("□■◎●○◇◆☆★·（(【[".unicodeScalars)

    static func isEditorLine(_ line: Substring) -> Bool {
        guard ChineseText.fits(line, within: 80) else { return false }
        // Most lines start with none of the roles' first characters: no prefix compared at all.
        guard let first = line.unicodeScalars.first, editorInitials.contains(first) || editorOrnaments.contains(first)
        else { return false }
        let stripped = Substring(line.unicodeScalars.drop { editorOrnaments.contains($0) })
        guard let initial = stripped.unicodeScalars.first, editorInitials.contains(initial) else { return false }
        for role in editorRoles where stripped.hasPrefix(role) {
            let after = stripped.dropFirst(role.count)
            guard let next = after.first else { return role.count >= 3 }
            if next == ":" || next == "：" || next == " " || next == "\u{3000}" || next == "/" || next == "／" {
                return !after.unicodeScalars.contains { $0 == "。" || $0 == "，" }
            }
        }
        return false
    }

    /// A line that is only a date, a weekday and perhaps the paper's name; returns the date and the name.
    static func dateLine(_ line: Substring) -> (date: IssueDateFound, paper: String)? {
        guard ChineseText.fits(line, within: 60), let found = date(in: line),
              !line.unicodeScalars.contains(where: ChineseText.isProsePunctuation) else { return nil }
        var paper = ""
        var first: IssueDateFound?
        for token in line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" })
        where !isFurniture(token, date: &first, paper: &paper) {
            return nil
        }
        return (found, paper)
    }
}
