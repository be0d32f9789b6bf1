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
/// depends on the words around the seam and is not kept; it costs some microseconds, and ICU
/// loads its dictionary (about a millisecond and a half) on a process's first question.
final class AdjacentPairs {
    private let lines: [Substring]
    private var text: [UInt8]?
    private var answers: [UInt64: Bool] = [:]
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
        let found = text!.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { dubao_find(haystack.baseAddress, haystack.count, $0.baseAddress, $0.count) != nil }
        }
        answers[key] = found
        return found
    }
}
