import DubaoTestSupport

/// Random strings weighted towards what breaks line breakers: punctuation runs, Latin words,
/// numbers, spaces, wide and zero-width characters.
enum RandomText {
    static let han = Array("中国经济发展春天田野城市乡村人民科技创新学校医院铁路港口")
    static let closing = Array("，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}%")
    static let opening = Array("（《「『【〔〈“‘([{")
    static let latin = Array("abcdefgXYZ0123456789")
    static let odd: [Character] = ["\u{3000}", " ", " ", "😀", "e\u{301}", "①", "─", "-", "/", "#", "ア"]
    static let hostile: [String] = ["\u{1B}[31m", "\u{7}", "\t", "\n", "\u{202E}", "\u{200D}", "\u{FE0F}",
                                    "\u{378}", "\u{9B}", "\u{1B}]0;x\u{7}", "\u{0}", "\r\n", "\u{1B}"]

    /// Printable text only, the kind that reaches the line breaker after sanitizing.
    static func printable(length: Int, using generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<length {
            switch Int.random(in: 0..<20, using: &generator) {
            case 0..<8: text.append(han.randomElement(using: &generator)!)
            case 8..<11: text.append(closing.randomElement(using: &generator)!)
            case 11..<13: text.append(opening.randomElement(using: &generator)!)
            case 13..<17: text.append(latin.randomElement(using: &generator)!)
            case 17: text += "……"
            default: text.append(odd.randomElement(using: &generator)!)
            }
        }
        return text
    }

    /// Printable text mixed with controls, escapes and bidi overrides.
    static func anything(length: Int, using generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<length {
            if Int.random(in: 0..<5, using: &generator) == 0 {
                text += hostile.randomElement(using: &generator)!
            } else {
                text += printable(length: 1, using: &generator)
            }
        }
        return text
    }
}
