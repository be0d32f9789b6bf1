import Testing
@testable import DubaoLayout

/// Random text at random widths: the promises `LineBreaker` makes for every input.
@Suite struct LineBreakerPropertyTests {
    static let closing = Set("，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}%".unicodeScalars)
    static let opening = Set("（《「『【〔〈“‘([{".unicodeScalars)
    static let spaces: Set<Unicode.Scalar> = [" ", "\u{3000}"]

    @Test func everyRandomInputKeepsThePromises() {
        var generator = SeededGenerator(seed: 2024)
        for round in 0..<3000 {
            let text = RandomText.printable(length: Int.random(in: 0..<120, using: &generator), using: &generator)
            let width = Int.random(in: 1...30, using: &generator)
            let indent = ["", "\u{3000}\u{3000}", "图｜"].randomElement(using: &generator)!
            check(text, width: width, indent: indent, round: round)
        }
    }

    @Test func sanitizedHostileInputFitsToo() {
        var generator = SeededGenerator(seed: 99)
        for round in 0..<500 {
            let text = DisplaySanitizer.sanitize(RandomText.anything(length: 80, using: &generator))
            check(text, width: Int.random(in: 1...12, using: &generator), indent: "", round: round)
        }
    }

    func check(_ text: String, width: Int, indent: String, round: Int) {
        let lines = LineBreaker(width: width, firstLineIndent: indent).lines(of: text)
        let source = Array(text.utf8)
        let context: Comment = "round \(round), width \(width): \(text.debugDescription) → \(lines.map(\.text))"
        #expect(text.isEmpty == lines.isEmpty, context)

        var position = 0
        for (number, line) in lines.enumerated() {
            // Never wider than the width, and the width reported is the width drawn.
            #expect(line.width <= width, context)
            #expect(DisplayWidth.of(line.text) == line.width, context)

            // Only spaces are dropped between lines.
            let gap = String(decoding: source[position..<line.sourceRange.lowerBound], as: UTF8.self)
            #expect(gap.unicodeScalars.allSatisfy(Self.spaces.contains), context)
            position = line.sourceRange.upperBound

            var shown = line.text
            if number == 0, !indent.isEmpty, shown.hasPrefix(indent), !text.hasPrefix(indent) || width >= DisplayWidth.of(indent) + 2 {
                shown.removeFirst(indent.count)
            }
            let slice = String(decoding: source[line.sourceRange], as: UTF8.self)
            if shown == "\u{FFFD}" && slice != "\u{FFFD}" {
                #expect(width == 1 && DisplayWidth.of(slice) == 2, context)
            } else {
                #expect(shown == slice, context)
            }
        }
        let rest = String(decoding: source[position...], as: UTF8.self)
        #expect(rest.unicodeScalars.allSatisfy(Self.spaces.contains), context)

        // Kinsoku: a line starts with a closing mark or ends with an opening one only when the line
        // before offered no other place to break.
        for (above, below) in zip(lines, lines.dropFirst()) {
            let belowStartsWrong = below.text.unicodeScalars.first.map(Self.closing.contains) ?? false
            let aboveEndsWrong = above.text.unicodeScalars.last.map(Self.opening.contains) ?? false
            guard belowStartsWrong || aboveEndsWrong else { continue }
            let aboveText = String(decoding: source[above.sourceRange], as: UTF8.self)
            #expect(!hasAcceptableBreak(aboveText), "\(context) at \(above.text)|\(below.text)")
        }
    }

    /// Whether a line has a place inside it where breaking keeps the punctuation rules.
    func hasAcceptableBreak(_ line: String) -> Bool {
        let scalars = Array(line.unicodeScalars)
        var previous: Unicode.Scalar?
        for scalar in scalars {
            if Self.spaces.contains(scalar) || DisplayWidth.of(scalar) == 0 { continue }
            if let previous, !Self.closing.contains(scalar), !Self.opening.contains(previous) { return true }
            previous = scalar
        }
        return false
    }

    /// Speed is the benchmark's business (issue 6); this checks a megabyte lays out completely.
    @Test func aMegabyteLaysOut() {
        var generator = SeededGenerator(seed: 1)
        var text = ""
        while text.utf8.count < 1_000_000 {
            text += RandomText.printable(length: 200, using: &generator)
        }
        let breaker = LineBreaker(width: 80, firstLineIndent: "\u{3000}\u{3000}")
        let lines = breaker.lines(of: text)
        #expect(lines.count > 5_000)
        #expect(lines.allSatisfy { $0.width <= 80 })
    }
}
