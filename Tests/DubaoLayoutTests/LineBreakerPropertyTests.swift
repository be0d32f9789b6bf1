import DubaoTestSupport
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

    /// Newspaper sentences full of quantities: a number and the units after it (`12.6万吨`,
    /// `2023年`, `3月`) never end up on two lines when the run fits on one, and no line starts
    /// with closing punctuation.
    @Test func numbersKeepTheirUnits() {
        let runs = ["12.6万吨", "2023年", "3月", "24日", "1.38亿吨", "215万", "9.2%", "4毫米", "60岁", "8个"]
        let han = Array("港口粮食中转量达到比去年全年还多出近三成集装箱吞吐")
        let marks = Array("，。、；")
        var generator = SeededGenerator(seed: 7)
        for round in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 5..<40, using: &generator) {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<6: text.append(han.randomElement(using: &generator)!)
                case 6..<8: text += runs.randomElement(using: &generator)!
                default: text.append(marks.randomElement(using: &generator)!)
                }
            }
            let width = Int.random(in: 12...60, using: &generator)
            let lines = LineBreaker(width: width, firstLineIndent: "\u{3000}\u{3000}").lines(of: text)
            let context: Comment = "round \(round), width \(width): \(lines.map(\.text))"
            for (above, below) in zip(lines, lines.dropFirst()) {
                #expect(!(below.text.unicodeScalars.first.map(Self.closing.contains) ?? false), context)
                guard let last = above.text.unicodeScalars.last, let first = below.text.unicodeScalars.first else { continue }
                let digitThenUnit = ("0"..."9").contains(last) && !("0"..."9").contains(first) && first.value >= 0x4E00
                    && runs.contains { run in
                        run.unicodeScalars.contains(first) && above.text.hasSuffix(String(run.prefix { $0.isASCII }))
                    }
                #expect(!digitThenUnit, context)
            }
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
