import DubaoTestSupport
import Foundation
import Testing

/// Pages with known answers, built from a month of real 人民日报 articles (one file per article,
/// `YYYYMMDD/YYYYMMDD-PP-NN.txt`, described in ../shared/corpora/README.md). The month is read
/// at test time from ../shared/corpora and never copied into the project.
///
/// The pages follow the conventions of ../shared/tools/rmrb_pages.py (which the tests do not
/// run): the same forms, the same answer key, the same scoring. The print form's column cuts
/// come from a generator of our own, so its pages are not byte for byte the script's.
enum RealPages {
    static let archive = TestPaths.rmrbMonth
    static var available: Bool { TestPaths.rmrbMonthAvailable }

    /// The two forms a page is built in.
    enum Form: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// A page's article files joined byte for byte, in NN order: what a reader saves from the
        /// electronic edition (CRLF, U+3000 indents, NBSPs in datelines).
        case eedition
        /// As a printed page's text is copied out: no indents, a blank line after every line,
        /// some paragraphs cut by column breaks, ASCII `,():;!?` on every other page.
        case print
        /// The electronic edition as other tools save it: LF line ends, a tab before each
        /// paragraph, and no blank line between articles, so only indentation and the lines
        /// themselves part them.
        case retabbed

        var testDescription: String { rawValue }
    }

    /// One article of the answer key: its headline lines and body paragraphs, trimmed.
    struct Article: Sendable {
        var source: String
        var headline: [String]
        var body: [String]
    }

    /// One page of the month: its articles, in NN order, and their raw bytes joined.
    struct Page: Sendable {
        var name: String
        /// Day of the month, 1…31.
        var day: Int
        /// Place among all the month's pages, empty ones included (the script's page count,
        /// which decides which pages of the print form get ASCII punctuation).
        var index: Int
        var articles: [Article]
        var eedition: [UInt8]
    }

    /// The month, extracted once per test run into the scratch folder and read into memory.
    /// Read only where the archive is present (the suite is skipped otherwise); a failure to
    /// extract it is an error, not a skip.
    static let month: Swift.Result<[Page], MonthError> = folder.map { pages(in: $0) }

    /// The month's folder of one-article files (`YYYYMMDD/YYYYMMDD-PP-NN.txt`), extracted once.
    static let folder: Swift.Result<String, MonthError> = extract()

    struct MonthError: Error, CustomStringConvertible {
        var description: String
    }

    private static func extract() -> Swift.Result<String, MonthError> {
        let folder = ScratchFolder.make("rmrb")
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "xJf", archive, "-C", folder]
        let errors = Pipe()
        tar.standardError = errors
        do {
            try tar.run()
        } catch {
            return .failure(MonthError(description: "could not run tar: \(error)"))
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        tar.waitUntilExit()
        guard tar.terminationStatus == 0 else {
            return .failure(MonthError(description: "tar xJf \(archive) failed: \(String(decoding: message, as: UTF8.self))"))
        }
        return .success(folder + "/rmrb-2020-01")
    }

    /// The pages of a month folder, in (date, page) order, each with its articles in NN order.
    static func pages(in month: String) -> [Page] {
        let fm = FileManager.default
        var byPage: [String: [(place: Int, path: String, name: String)]] = [:]
        for day in (try? fm.contentsOfDirectory(atPath: month)) ?? [] {
            for file in (try? fm.contentsOfDirectory(atPath: month + "/" + day)) ?? [] {
                // YYYYMMDD-PP-NN.txt
                let parts = file.split(separator: "-")
                guard file.hasSuffix(".txt"), parts.count == 3, parts[0].count == 8,
                      parts[0].allSatisfy(\.isASCII), Int(parts[0]) != nil, Int(parts[1]) != nil,
                      let place = Int(parts[2].dropLast(4)) else { continue }
                byPage[parts[0] + "-" + parts[1], default: []].append((place, month + "/" + day + "/" + file, file))
            }
        }
        var pages: [Page] = []
        for (index, key) in byPage.keys.sorted().enumerated() {
            var articles: [Article] = []
            var bytes: [UInt8] = []
            for file in byPage[key]!.sorted(by: { $0.place < $1.place }) {
                let raw = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: file.path))) ?? Data())
                let article = read(raw, source: file.name)
                // An article file with no text at all is left out of the page, as the script does.
                if article.headline.isEmpty && article.body.isEmpty { continue }
                articles.append(article)
                bytes += raw
            }
            if articles.isEmpty { continue }
            let day = Int(key.prefix(8).suffix(2))!
            pages.append(Page(name: key + ".txt", day: day, index: index, articles: articles, eedition: bytes))
        }
        return pages
    }

    /// An article file: blank lines skipped; unindented lines before the first indented one are
    /// the headline, the rest is the body, one paragraph a line.
    static func read(_ raw: [UInt8], source: String) -> Article {
        var headline: [String] = []
        var body: [String] = []
        for line in lines(String(decoding: raw, as: UTF8.self)) {
            let trimmed = strip(line)
            if trimmed.isEmpty { continue }
            if !body.isEmpty || line.hasPrefix("\u{3000}") || line.hasPrefix("  ") {
                body.append(trimmed)
            } else {
                headline.append(trimmed)
            }
        }
        return Article(source: source, headline: headline, body: body)
    }

    /// Lines split at LF, a CR before the LF dropped (by scalars: Swift counts CRLF as one character).
    static func lines(_ text: String) -> [String] {
        var out: [String] = []
        var line = String.UnicodeScalarView()
        var pendingCR = false
        for s in text.unicodeScalars {
            if s == "\n" {
                out.append(String(line))
                line = String.UnicodeScalarView()
                pendingCR = false
                continue
            }
            if pendingCR { line.append("\r") }
            pendingCR = s == "\r"
            if !pendingCR { line.append(s) }
        }
        if pendingCR { line.append("\r") }
        out.append(String(line))
        return out
    }

    /// Python's `str.isspace`: Unicode White_Space and the four separators U+001C…U+001F.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || (0x1C...0x1F).contains(s.value)
    }

    /// Python's `str.strip()`.
    static func strip(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }

    // MARK: The print form

    /// Scalars after which a column cut is never made: a cut there could not be told from a
    /// paragraph's end.
    static let terminal: Set<Unicode.Scalar> = Set("。！？…”’）；：!?;:)」』》".unicodeScalars)

    static let asciiPunctuation: [Unicode.Scalar: Unicode.Scalar] = [
        "，": ",", "（": "(", "）": ")", "：": ":", "；": ";", "！": "!", "？": "?",
    ]

    /// A page as a printed page's text is copied out. `generator` decides the column cuts: about
    /// one position in fifty from the 8th to the 5th-last of a paragraph, never after terminal
    /// punctuation, at most two a paragraph.
    static func printForm(_ page: Page, _ generator: inout SeededGenerator) -> [UInt8] {
        var out: [String] = []
        for article in page.articles {
            out.append("")
            for h in article.headline { out += [h, ""] }
            for paragraph in article.body {
                let p = Array(paragraph.unicodeScalars.map { $0 == "\u{A0}" ? " " : $0 })
                var cuts: [Int] = []
                if p.count - 4 > 8 {
                    for i in 8..<(p.count - 4) where !terminal.contains(p[i - 1]) && generator.nextDouble() < 0.02 {
                        cuts.append(i)
                    }
                }
                var start = 0
                for c in cuts.prefix(2) {
                    out += [string(p[start..<c]), ""]
                    start = c
                }
                out += [string(p[start...]), ""]
            }
        }
        var text = out.joined(separator: "\n") + "\n"
        if page.index % 2 == 1 {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { asciiPunctuation[$0] ?? $0 }))
        }
        return Array(text.utf8)
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static func retabbed(_ eedition: [UInt8]) -> [UInt8] {
        // (A String's "\r\n" is one Character, not a "\r" and a "\n".)
        let lines = String(decoding: eedition, as: UTF8.self)
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .filter { !$0.unicodeScalars.allSatisfy(isSpace) }
            .map { $0.hasPrefix("\u{3000}\u{3000}") ? "\t" + $0.dropFirst(2) : String($0) }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The month's pages in one form, as (file name, bytes). The print form's cuts are drawn
    /// from one seeded generator across the month, so the pages are the same on every run.
    static func build(_ pages: [Page], form: Form, seed: UInt64 = 7) -> [[UInt8]] {
        switch form {
        case .eedition:
            return pages.map(\.eedition)
        case .retabbed:
            return pages.map { retabbed($0.eedition) }
        case .print:
            var generator = SeededGenerator(seed: seed)
            return pages.map { printForm($0, &generator) }
        }
    }
}
