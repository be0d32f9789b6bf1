/// What a scalar does at a possible line break: the subset of UAX #14 classes Chinese newspaper text needs.
enum BreakClass: UInt8 {
    /// Han, kana, hangul, emoji and other wide characters: a line may break on either side.
    case ideographic
    /// Latin letters, digits and narrow signs (`-`, `/`, `@`, `#`): runs of them stay together.
    case word
    /// `（《「『【〔〈“‘`: never at the end of a line.
    case opening
    /// `(` `[` `{`: never at the end of a line, and bound to a word before them, as in `f(x)`.
    case openingNarrow
    /// `，。、；：？！）》」』】〕〉”’…—·`: never at the start of a line.
    case closing
    /// `,.;:?!)]}%`: never at the start of a line, and bound to a word after them, as in `12.6`.
    case closingNarrow
    /// U+0020 and U+3000: a line may break after them; at a break they are dropped.
    case space
    /// U+000A: a line always ends here.
    case newline
    /// Combining marks and other zero-width scalars: they belong to the character before them.
    case attached

    /// The class of `scalar`, whose display width is `width`.
    @inline(__always)
    static func of(_ scalar: Unicode.Scalar, width: Int) -> BreakClass {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x20: return .space
            case 0x0A: return .newline
            case 0x2C, 0x2E, 0x3B, 0x3A, 0x3F, 0x21, 0x29, 0x5D, 0x7D, 0x25: return .closingNarrow
            case 0x28, 0x5B, 0x7B: return .openingNarrow
            default: return width == 0 ? .attached : .word
            }
        }
        if value >= 0x4E00 && value <= 0x9FFF { return .ideographic }
        switch value {
        case 0x3000:
            return .space
        case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300B, 0x300D, 0x300F,
             0x3011, 0x3015, 0x3009, 0x201D, 0x2019, 0x2026, 0x2014, 0x00B7,
             0xFF3D, 0xFF5D, 0x3017, 0x3019, 0xFF60, 0x301E, 0x301F, 0x2015, 0xFF05, 0xFF0E, 0x30FB:
            // The brief's list, plus the other full-width closers, ― (U+2015, used as a dash),
            // full-width % and . and katakana middle dot.
            return .closing
        case 0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x201C, 0x2018,
             0xFF3B, 0xFF5B, 0x3016, 0x3018, 0xFF5F, 0x301D:
            return .opening
        default:
            switch width {
            case 2: return .ideographic
            case 1: return .word
            default: return .attached
            }
        }
    }
}
