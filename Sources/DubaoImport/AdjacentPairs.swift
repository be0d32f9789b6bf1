import CByteScan
import CWordBreak
import DubaoModel
import Synchronization

/// Whether two lines meet inside a word: the pairs of Chinese characters that stand side by side
/// inside the lines of one page, and ICU's dictionary.
///
/// A column cuts a paragraph wherever the line is full, so about a third of its cuts fall inside
/// a word (`…平均年龄|…`, `…基础研` / `究领域…`). When a line's last character and the next
/// line's first make a pair the page writes elsewhere inside a line, the two lines are one
/// paragraph's: a subheading's end and the next paragraph's start make such a pair only by
/// chance (on a month of 人民日报: 4 in 100 subheading ends, against half of all column cuts).
/// The page is its own dictionary, so this holds for any paper, month or subject. Where the
/// page does not write the pair, ICU's dictionary is asked (`wordAcross`); it knows the common
/// words a page is too short to write twice.
///
/// Asked only where a line's end is in doubt: each question is a search of the page's text,
/// copied once into one buffer on the first question (a page that never asks pays nothing),
/// rather than a table of every pair, which cost as much as the rest of the parse. An answer is
/// kept, so a pair asked again costs a look-up, however odd the page. The dictionary's answer
/// depends on the words around the seam and is not kept (`joinsInsideWord` keeps its answer for
/// a pair: it reads the page's own places for the pair, not the seam); it costs some microseconds, and ICU
/// loads its dictionary (about a millisecond and a half) on a process's first question.
final class AdjacentPairs {
    private let lines: [Substring]
    private var text: [UInt8]?
    private var answers: [UInt64: Bool] = [:]
    /// `joinsInsideWord`'s answers for pairs the page writes.
    private var insideWordAnswers: [UInt64: Bool] = [:]
    /// ICU's word breaker, taken on the first pair the page does not write (`wordAcross`).
    private var breaker: OpaquePointer?
    private var breakerTaken = false
    /// The seam's characters in UTF-16, as ICU reads them; kept to be filled again.
    private var units: [UInt16] = []

    /// Breakers no page holds: a month's import parses thousands of pages, and opening one
    /// costs more than the questions a page asks. One for each page parsed at once, at most.
    /// (Kept as addresses: a pointer is not `Sendable`, and only one page holds a breaker at a time.)
    private static let idle = Mutex<[UInt]>([])

    init(_ lines: [Substring]) {
        self.lines = lines
    }

    deinit {
        if let breaker {
            let address = UInt(bitPattern: Int(bitPattern: UnsafeMutableRawPointer(breaker)))
            Self.idle.withLock { $0.append(address) }
        }
    }

    /// Does `first`'s last character, then `second`'s first, stand side by side in a line of the
    /// page, or make one word of the dictionary with the characters around them?
    func joins(_ first: some StringProtocol, _ second: some StringProtocol) -> Bool {
        guard let a = first.unicodeScalars.last, let b = second.unicodeScalars.first,
              Scalars.isHan(a), Scalars.isHan(b) else { return false }
        return pageWrites(a, b) || wordAcross(first, second)
    }

    /// Does a word of ICU's dictionary run across the seam of `first` and `second` (`…高质` /
    /// `量发展…`)? A page is too short to write most of its words twice, so the pairs alone find
    /// half of a column's cuts; the dictionary finds a fifth of the rest. It speaks for the words a
    /// paper writes, not for one page or month: on the month of 人民日报, 3 in 2,047 ends of a
    /// paragraph without a sentence's end (a subhead's) run into the next paragraph's first
    /// word, against 2,494 of the 12,705 column cuts the page's own pairs miss.
    private func wordAcross(_ first: some StringProtocol, _ second: some StringProtocol) -> Bool {
        if !breakerTaken {
            breakerTaken = true
            breaker = Self.idle.withLock { $0.popLast() }.flatMap { OpaquePointer(bitPattern: $0) } ?? dubao_word_breaker_open()
        }
        guard let breaker else { return false }
        // A dozen characters on either side settle how ICU splits the words at the seam.
        units.removeAll(keepingCapacity: true)
        for s in first.unicodeScalars.suffix(12) { units.append(contentsOf: UTF16.encode(s)!) }
        let seam = Int32(units.count)
        for s in second.unicodeScalars.prefix(12) { units.append(contentsOf: UTF16.encode(s)!) }
        return !dubao_word_boundary_at(breaker, units, Int32(units.count), seam)
    }

    /// Like `joins`, but a pair the page writes counts only where, in one of the places the page
    /// writes it, ICU reads the two characters inside one word (`高质量发展`), not across two
    /// (`经济|工作`). Asked of a headline's line of two phrases (`南京溧水 做优做强枢纽经济` over
    /// `工业机器人…`) and of a line written to the pattern of a proven subhead: a common pair
    /// across two words is good evidence of a column's cut in a paragraph, where most seams are
    /// cuts, and poor evidence under such a line. In the text
    /// itself the stricter test lost more cuts (ICU does not know every name) than it saved
    /// subheads: 17 fewer articles' paragraphs right on the month's first three weeks.
    func joinsInsideWord(_ first: some StringProtocol, _ second: some StringProtocol) -> Bool {
        guard let a = first.unicodeScalars.last, let b = second.unicodeScalars.first,
              Scalars.isHan(a), Scalars.isHan(b) else { return false }
        if wordAcross(first, second) { return true }
        guard pageWrites(a, b) else { return false }
        // Without ICU's dictionary every pair the page writes counts, as in `joins`.
        guard breaker != nil else { return true }
        let key = UInt64(a.value) << 32 | UInt64(b.value)
        if let known = insideWordAnswers[key] { return known }
        let aBytes = Array(String(a).utf8)
        let needle = aBytes + Array(String(b).utf8)
        let text = self.text!
        var found = false
        var from = 0
        // A handful of places settle it; a pair written a hundred times is not read a hundred times.
        for _ in 0..<8 {
            guard let at = place(of: needle, from: from) else { break }
            // A dozen characters or so either side, within the line, on character boundaries.
            var start = at
            while start > 0, at - start < 40, text[start - 1] != 0x0A { start -= 1 }
            while start < at, text[start] & 0xC0 == 0x80 { start += 1 }
            var end = at + needle.count
            while end < text.count, end - at < 40, text[end] != 0x0A { end += 1 }
            while end > at + needle.count, end < text.count, text[end] & 0xC0 == 0x80 { end -= 1 }
            let seam = at + aBytes.count
            if wordAcross(String(decoding: text[start..<seam], as: UTF8.self), String(decoding: text[seam..<end], as: UTF8.self)) {
                found = true
                break
            }
            from = at + needle.count
        }
        insideWordAnswers[key] = found
        return found
    }

    private func pageWrites(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let key = UInt64(a.value) << 32 | UInt64(b.value)
        if let known = answers[key] { return known }
        if text == nil {
            // Lines end in a newline, so a pair found in the buffer stands inside one line.
            var buffer: [UInt8] = []
            buffer.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
            for line in lines {
                // A byte at a time through the view would cost more than the searches.
                if line.utf8.withContiguousStorageIfAvailable({ buffer.append(contentsOf: $0) }) == nil {
                    buffer.append(contentsOf: Array(line.utf8))
                }
                buffer.append(0x0A)
            }
            text = buffer
        }
        var needle = Array(String(a).utf8)
        needle += String(b).utf8
        let found = place(of: needle, from: 0) != nil
        answers[key] = found
        return found
    }

    /// Where `needle` first stands in the page's buffer at or after byte `from`, as a byte offset.
    private func place(of needle: [UInt8], from: Int) -> Int? {
        text!.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { n in
                dubao_find(haystack.baseAddress! + from, haystack.count - from, n.baseAddress, n.count)
                    .map { $0 - UnsafeRawPointer(haystack.baseAddress!) }
            }
        }
    }
}
