import DubaoModel
import CByteScan

/// Character classes the importer needs to read a Chinese page.
///
/// These work on scalars, not `Character`s: the importer runs over whole archives and
/// grapheme breaking is far slower than anything these questions need.
enum ChineseText {
    /// Whitespace that is layout on a page: ASCII blanks, U+3000, NBSP and other spaces.
    static func isBlank(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000, 0x2000...0x200A, 0x202F, 0x205F, 0xFEFF: return true
        default: return false
        }
    }

    /// A word that waits for the words after it — a structural particle, a preposition, a
    /// conjunction, an adverb (`的`, `把`, `从`, `而`, `最`, `各`…): a heading or a verse never ends
    /// in one, so a line that does is a paragraph a column cut. Only characters that end no
    /// common word are here: `在` ends `存在`, `和` ends `祥和`, `都` ends `成都`, `得` ends `难得`.
    /// (On a month of 人民日报, of the short lines ending in one of these after a finished
    /// paragraph, 346 were a column's cut and none a subhead.)
    static func waitsForMore(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "的", "把", "被", "从", "而", "但", "很", "又", "最", "每", "该", "也", "于", "以", "各", "这", "那":
            return true
        default:
            return false
        }
    }

    /// A preposition or conjunction that usually waits for more but also ends common words
    /// (`在` `存在`, `和` `祥和`, `为` `作为`): a hint against a subhead where another sign points
    /// to one, never proof of a cut. (On a month of 人民日报 set as printed pages, 1,024 column
    /// cuts ended in one and 18 paragraphs.)
    static func probablyWaitsForMore(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "在", "对", "和", "及", "将", "是", "让", "使", "并", "由", "还", "与", "为", "向", "给": return true
        default: return false
        }
    }

    /// A line ending in this cannot end there: a word that waits for more (`waitsForMore`), an
    /// opening mark, or a comma (`，` `、` `,`). Subheads, cut-line prices and parallel shapes all ask it.
    static func leadsOn(_ s: Unicode.Scalar) -> Bool {
        waitsForMore(s) || isOpeningMark(s) || s == "，" || s == "、" || s == ","
    }

    /// A line ending in this ends bare, a phrase that may stand alone as a subhead or a title
    /// does: no sentence's end, nothing that leads on (`leadsOn`), no preposition that probably
    /// waits for its object (`…能力为`).
    static func endsBare(_ s: Unicode.Scalar) -> Bool {
        !endsSentence(s) && !leadsOn(s) && !probablyWaitsForMore(s)
    }

    /// A line that opens with a word no sentence opens with — a structural or aspect particle, a
    /// suffix, a postposition, the copula (`的` `了` `们` `着` `得` `性` `者` `等` `后` `里` `是`): the
    /// rest of a sentence a column cut. (On a month of 人民日报 set as printed pages, 1,059 lines
    /// after a cut started with one on days 1–21 and 281 on days 22–31, and none after a
    /// paragraph's end.) Not the words that begin with one of them and do open sentences:
    /// `着力`, `得益于`, `后来`, `是否`, `的确`, `了解`, `等到`… Nor does a sentence open with its
    /// last word (`opensWithStub`: `运行。…`, `村，…`).
    static func opensNothing(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if opensWithStub(text) { return true }
        switch first {
        case "的", "了", "们", "着", "得", "性", "者", "等", "后", "里", "是":
            return !sentenceOpeners.contains(where: { text.hasPrefix($0) })
        default:
            return false
        }
    }

    /// `方式。“一国”是…`, `运行。风险…`, `增，…`: a line whose first sentence (or clause before a
    /// `；`) ends within three characters, or whose first clause is a single character, as no
    /// paragraph opens: the last word of a sentence a column cut. (On the month of 人民日报 set as
    /// printed pages, 2,514 lines after a cut opened so, and none after a paragraph's end.) Not
    /// `一，` or `1，`, which count.
    static func opensWithStub(_ text: Substring) -> Bool {
        var count = 0
        var first: Unicode.Scalar?
        for s in text.unicodeScalars {
            switch s {
            case "。", "！", "？", "!", "?", "；", ";":
                return count > 0
            case "，", ",":
                guard count == 1, let first, Scalars.isHan(first) else { return false }
                return !"一二三四五六七八九十".unicodeScalars.contains(first)
            default:
                guard Scalars.isHan(s) || Scalars.isDigit(s) else { return false }
                if first == nil { first = s }
                count += 1
                if count > 3 { return false }
            }
        }
        return false
    }

    static let sentenceOpeners = ["着力", "着眼", "着手", "着重", "得益", "得到", "得知", "后来", "后续", "后者", "后期",
                                  "是否", "是的", "的确", "了解", "了不起", "等到", "等待", "里程", "性格", "者也"]

    /// A mark that closes what came before it (`，`, `。`, `）`, `”`…): no paragraph or headline opens
    /// with one, so a line that does is a column's cut. (A `.` may open `.com`: not here.)
    static func isClosingMark(_ s: Unicode.Scalar) -> Bool {
        "，。、；：？！）」』》”’,;:?!)".unicodeScalars.contains(s)
    }

    /// A mark that opens what comes after it (`（`, `“`, `《`…): no line that ends in one is whole.
    static func isOpeningMark(_ s: Unicode.Scalar) -> Bool {
        "（(“《「『【".unicodeScalars.contains(s)
    }

    /// Punctuation that can close a paragraph: a paragraph ending in anything else was cut by a column.
    static func endsSentence(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "!", "?", "…", "”", "’", "」", "』", "）", ")", "》", "】", "；", ";", "：", ":",
             ".", "\"", "'", "〕", "〉", "．", "｡":
            return true
        default:
            return false
        }
    }

    /// Punctuation that only occurs inside running prose, never in a headline.
    static func isProsePunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "，", "；", ",", ";", "．", "｡": return true
        default: return false
        }
    }

    static func digitValue(_ s: Unicode.Scalar) -> Int? {
        if (0x30...0x39).contains(s.value) { return Int(s.value - 0x30) }
        if (0xFF10...0xFF19).contains(s.value) { return Int(s.value - 0xFF10) }
        return nil
    }

    /// Cells the text takes in a terminal, roughly: what the importer uses to tell a
    /// headline (short) from a paragraph (long). Exact widths belong to the layout layer.
    /// Counted on UTF-8 bytes: ASCII one cell, a scalar from U+1000 up (three or four bytes) two.
    static func roughWidth(_ text: Substring) -> Int {
        var w = 0
        for b in text.utf8 { w += cells(leadByte: b) }
        return w
    }

    static func roughWidth(_ text: String) -> Int { roughWidth(text[...]) }

    /// `roughWidth(text) <= limit`, stopping as soon as the text is known to be wider: most
    /// lines of a page are long paragraphs and every recognizer asks this first.
    static func fits(_ text: Substring, within limit: Int) -> Bool {
        // A character takes at least half a cell a byte and at most one, so the byte count
        // settles most lines without looking at them.
        let bytes = text.utf8.count
        if bytes <= limit { return true }
        if bytes > 2 * limit { return false }
        if let counted = text.utf8.withContiguousStorageIfAvailable({ b -> Int in
            var w = 0
            // A table look-up a byte: every recognizer asks this of most lines.
            cellTable.withUnsafeBufferPointer { table in
                for byte in b { w &+= Int(table[Int(byte)]) }
            }
            return w
        }) {
            return counted <= limit
        }
        var w = 0
        for b in text.utf8 {
            w += cells(leadByte: b)
            if w > limit { return false }
        }
        return true
    }

    /// `cells(leadByte:)` for every byte value.
    static let cellTable: [UInt8] = (0..<256).map { UInt8(cells(leadByte: UInt8($0))) }

    @inline(__always)
    static func cells(leadByte b: UInt8) -> Int {
        if b < 0x80 { return 1 }
        if b < 0xC0 { return 0 }           // continuation byte
        if b < 0xE1 { return 1 }           // U+0080–U+0FFF
        return 2
    }

    /// Whether `needle`'s bytes occur in the text (by `dubao_find`, not Foundation's `contains`).
    static func contains(_ text: Substring, _ needle: [UInt8]) -> Bool {
        var copy = text
        return copy.withUTF8 { b in
            needle.withUnsafeBytes { n in dubao_find(b.baseAddress, b.count, n.baseAddress, n.count) != nil }
        }
    }

    /// Text without leading and trailing layout whitespace.
    static func trimmed(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isBlank(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isBlank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return Substring(scalars[start..<end])
    }

    /// Width of the leading layout whitespace, to tell an indented paragraph start. A tab goes to
    /// the next stop of eight, as a terminal shows it: pages saved by other tools indent each
    /// paragraph with one tab where 人民日报's electronic edition has two U+3000.
    static func indentation(_ text: Substring) -> Int {
        var w = 0
        for s in text.unicodeScalars {
            guard isBlank(s) else { break }
            switch s.value {
            case 0x3000: w += 2
            case 0x09: w += 8 - w % 8
            default: w += 1
            }
        }
        return w
    }

    /// Parses a number written with ASCII, full-width or Chinese digits (`03`, `３`, `十二`).
    static func number(_ text: Substring) -> Int? {
        if text.isEmpty { return nil }
        var value = 0
        var allDigits = true
        for s in text.unicodeScalars {
            guard let d = digitValue(s) else { allDigits = false; break }
            value = value * 10 + d
            if value > 100_000 { return nil }
        }
        if allDigits { return value }
        let numerals: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                                           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var total = 0
        var current = 0
        for c in text {
            if let n = numerals[c] {
                current = n
            } else if c == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else {
                return nil
            }
        }
        return total + current
    }
}

extension Substring {
    var firstScalar: Unicode.Scalar? { unicodeScalars.first }
    var lastScalar: Unicode.Scalar? { unicodeScalars.last }
}

extension String {
    var firstScalar: Unicode.Scalar? { unicodeScalars.first }
    var lastScalar: Unicode.Scalar? { unicodeScalars.last }
}
