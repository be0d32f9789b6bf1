import Foundation

/// The text a typeset page prints, in the reading order the tests state for the PDF pages
/// without asking dubao how it reads them: the furniture and each story's text in the order
/// its `.tex` source gives them (masthead row, page band row; headline, byline and text column
/// after column; the footer), the stories in the order `EXPECTED.json` lists them, which was
/// written by looking at the page. (A page's source sets a block of stories side by side with
/// another, so its order of stories is the order of the blocks, not always the page's.)
///
/// Only `jiangcheng.sty`'s commands and plain paragraphs are understood: a command that prints
/// text gives its text arguments, any other command and its arguments print nothing.
enum TeXPageText {
    /// The commands whose arguments are printed text, and which of their arguments those are.
    static let textArguments: [String: [Bool]] = [
        "masthead": [true, true], "pageband": [true, true], "kicker": [true], "headline": [true],
        "leadheadline": [true], "subtitle": [true], "subhead": [true], "byline": [true],
        "photo": [false, true], "footer": [true],
    ]

    /// One piece of printed text, with the command that printed it ("" for a paragraph's text).
    struct Piece: Equatable {
        var command: String
        var text: String
    }

    /// The pieces of the page's text between `\begin{document}` and `\end{document}`, in
    /// source order, with one change the import's shape makes: an article's fields come in the
    /// order kicker, title, subtitle, dateline, credit, captions, paragraphs, so a picture's
    /// caption printed between a headline and the byline under it is read after the byline.
    static func pieces(ofFile path: String) throws -> [Piece] {
        let source = try String(contentsOfFile: path, encoding: .utf8)
        guard let begin = source.range(of: "\\begin{document}"), let end = source.range(of: "\\end{document}") else {
            return []
        }
        var pieces = pieces(Array(uncommented(String(source[begin.upperBound..<end.lowerBound]))))
        var n = 0
        while n + 1 < pieces.count {
            if pieces[n].command == "photo", pieces[n + 1].command == "byline" { pieces.swapAt(n, n + 1) }
            n += 1
        }
        return pieces
    }

    /// The page's text in the stated reading order: what stands before the first headline,
    /// the stories in the order of `titles` (compared without blanks), then the footer.
    static func readingText(ofFile path: String, storyTitles titles: [String]) throws -> String {
        struct UnknownTitle: Error, CustomStringConvertible { var description: String }
        let all = try pieces(ofFile: path)
        let headlines: Set<String> = ["kicker", "headline", "leadheadline"]
        var head: [Piece] = [], foot: [Piece] = []
        var stories: [[Piece]] = []
        for (n, piece) in all.enumerated() {
            if piece.command == "footer" {
                foot.append(piece)
            } else if headlines.contains(piece.command), n == 0 || all[n - 1].command != "kicker" {
                stories.append([piece])
            } else if stories.isEmpty {
                head.append(piece)
            } else {
                stories[stories.count - 1].append(piece)
            }
        }
        func blankless(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        var ordered: [Piece] = head
        for title in titles {
            guard let story = stories.first(where: { s in
                s.contains { $0.command.hasSuffix("headline") && blankless($0.text) == blankless(title) }
            }) else { throw UnknownTitle(description: "\(path) has no story titled \(title)") }
            ordered += story
        }
        if stories.count != titles.count { throw UnknownTitle(description: "\(path) has \(stories.count) stories, not \(titles.count)") }
        ordered += foot
        return ordered.map(\.text).joined(separator: "\n")
    }

    /// The lines without their `%` comments (`\%` is a percent sign, not a comment).
    static func uncommented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var previous: Character = " "
            for i in line.indices {
                if line[i] == "%", previous != "\\" { return line[..<i] }
                previous = line[i]
            }
            return line
        }.joined(separator: "\n")
    }

    static func pieces(_ c: [Character]) -> [Piece] {
        var out: [Piece] = []
        var text = ""
        var i = 0
        func flush() {
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append(Piece(command: "", text: text)) }
            text = ""
        }
        /// The group that opens at `i`, its braces dropped.
        func group() -> [Character] {
            var depth = 0
            let start = i + 1
            while i < c.count {
                if c[i] == "{" { depth += 1 }
                if c[i] == "}" { depth -= 1; if depth == 0 { break } }
                i += 1
            }
            defer { i += 1 }
            return Array(c[start..<min(i, c.count)])
        }
        while i < c.count {
            let ch = c[i]
            if ch == "\\" {
                i += 1
                guard i < c.count else { break }
                // `\%`, `\ `, `\\`: an escaped sign, a space, a line break.
                if !c[i].isLetter {
                    if c[i] == "%" { text.append("%") } else { text.append(" ") }
                    i += 1
                    continue
                }
                var name = ""
                while i < c.count, c[i].isASCII, c[i].isLetter { name.append(c[i]); i += 1 }
                if let printed = textArguments[name] {
                    flush()
                    for isText in printed {
                        while i < c.count, c[i] == " " { i += 1 }
                        guard i < c.count, c[i] == "{" else { break }
                        let argument = group()
                        if isText { out += pieces(argument).map { Piece(command: name, text: $0.text) } }
                    }
                } else {
                    // `\begin{story}{2}`, `\hspace{\gutter}`: layout, no text.
                    while i < c.count, c[i] == "{" { _ = group() }
                    if name == "par" || name == "begin" || name == "end" { flush() }
                }
            } else if ch == "~" {
                text.append(" ")
                i += 1
            } else if ch == "{" || ch == "}" {
                i += 1
            } else if ch == "\n", i + 1 < c.count, c[i + 1] == "\n" {
                // A blank line ends a paragraph.
                flush()
                i += 1
            } else {
                text.append(ch)
                i += 1
            }
        }
        flush()
        return out
    }
}
