/// Makes any text safe to hand to a terminal: nothing in it can move the cursor, change
/// modes, reorder the line or be measured differently by glibc and the terminal.
///
/// Articles come from files we do not control. A stray ESC could recolour the screen or
/// retitle the window, a bidi override could reverse a line, and anything whose width the
/// terminal draws differently from glibc's `wcwidth` shifts every cell after it. So:
///
/// - escape sequences (CSI, OSC, DCS, SOS, PM, APC, and two-character ESC sequences),
///   introduced by ESC or by their C1 forms, are removed whole;
/// - other C0 and C1 controls and DEL are removed; a tab becomes a space;
/// - line breaks (LF, CR, CR LF) become a space, or stay as LF with `keepingNewlines`;
/// - bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
///   U+200E, U+200F, U+061C) are removed;
/// - ZWJ and VS16 are removed: glibc measures a ZWJ emoji sequence as the sum of its
///   parts (👨‍👩‍👧 is 6 cells) while terminals draw one 2-cell glyph, and VS16 makes
///   some 1-cell symbols draw 2 cells wide;
/// - anything else glibc calls not printable (unassigned code points, noncharacters)
///   becomes U+FFFD, which is 1 cell.
///
/// Afterwards every scalar has a `wcwidth` of 0, 1 or 2, and `DisplayWidth` agrees with
/// what the terminal draws.
public enum DisplaySanitizer {
    /// The text made safe for a terminal; the same string, unchanged, when it already was.
    public static func sanitize(_ text: String, keepingNewlines: Bool = false) -> String {
        guard needsSanitizing(text, keepingNewlines: keepingNewlines) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.utf8.count)
        var filter = Filter(keepingNewlines: keepingNewlines)
        for scalar in text.unicodeScalars {
            filter.feed(scalar) { kept in result.unicodeScalars.append(kept) }
        }
        return result
    }

    /// True when `sanitize` would change the text.
    public static func needsSanitizing(_ text: String, keepingNewlines: Bool = false) -> Bool {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return false }
        for scalar in text.unicodeScalars where Filter.needsAttention(scalar) {
            if keepingNewlines && scalar == "\n" { continue }
            return true
        }
        return false
    }

    /// The sanitized scalars of `text` and, for each, the UTF-8 offset in `text` it came from.
    ///
    /// `offsets` has one more element than `scalars`: the end of `text`, so that
    /// `offsets[a]..<offsets[b]` is the source of `scalars[a..<b]`.
    static func scalarsWithSourceOffsets(of text: String) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(text.utf8.count / 2)
        offsets.reserveCapacity(text.utf8.count / 2 + 1)
        var offset = 0
        if !needsSanitizing(text) {
            for scalar in text.unicodeScalars {
                scalars.append(scalar)
                offsets.append(offset)
                offset &+= UTF8.width(scalar)
            }
            offsets.append(offset)
            return (scalars, offsets)
        }
        var filter = Filter(keepingNewlines: false)
        for scalar in text.unicodeScalars {
            filter.feed(scalar) { kept in
                scalars.append(kept)
                offsets.append(offset)
            }
            offset &+= UTF8.width(scalar)
        }
        offsets.append(offset)
        return (scalars, offsets)
    }

    /// The sanitizing state machine, fed one scalar at a time so that callers can track offsets.
    /// Whether a scalar may go to the terminal as it is: printable, and not a control, escape,
    /// bidi or joiner character. The grid draws only these, whatever a caller forgot to sanitize.
    @inline(__always)
    public static func isSafeToDraw(_ scalar: Unicode.Scalar) -> Bool {
        !Filter.needsAttention(scalar)
    }

    struct Filter {
        private enum State {
            case text
            /// After ESC.
            case escape
            /// After ESC and one or more intermediate bytes (`ESC ( B`).
            case escapeIntermediate
            /// Control Sequence: parameters and intermediates until a final byte.
            case controlSequence
            /// OSC, DCS, SOS, PM, APC: anything until BEL or ST.
            case controlString
            /// ESC inside a control string: `\` completes ST.
            case controlStringEscape
        }

        private var state = State.text
        private var afterCarriageReturn = false
        let keepingNewlines: Bool

        init(keepingNewlines: Bool) {
            self.keepingNewlines = keepingNewlines
        }

        /// Whether a scalar is anything other than plain printable text.
        @inline(__always)
        static func needsAttention(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            if value >= 0x20 && value < 0x7F { return false }
            if value >= 0x4E00 && value <= 0x9FFF { return false }
            if value < 0xA0 || isRemovedFormatCharacter(value) { return true }
            return !DisplayWidth.isPrintable(scalar)
        }

        @inline(__always)
        private static func isRemovedFormatCharacter(_ value: UInt32) -> Bool {
            switch value {
            case 0x200D, 0xFE0F: return true // ZWJ, VS16
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true // bidi
            default: return false
            }
        }

        mutating func feed(_ scalar: Unicode.Scalar, emit: (Unicode.Scalar) -> Void) {
            let value = scalar.value
            let followsCarriageReturn = afterCarriageReturn
            afterCarriageReturn = false
            switch state {
            case .text:
                break
            case .escape:
                switch value {
                case 0x5B: state = .controlSequence; return // [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .controlString; return // ] P X ^ _
                case 0x20...0x2F: state = .escapeIntermediate; return
                case 0x30...0x7E: state = .text; return
                default: state = .text // broken sequence: keep what follows it
                }
            case .escapeIntermediate:
                switch value {
                case 0x20...0x2F: return
                case 0x30...0x7E: state = .text; return
                default: state = .text
                }
            case .controlSequence:
                switch value {
                case 0x20...0x3F: return
                case 0x40...0x7E: state = .text; return
                default: state = .text
                }
            case .controlString:
                switch value {
                case 0x07, 0x9C: state = .text; return
                case 0x1B: state = .controlStringEscape; return
                // An unterminated string would swallow the rest of the article; end it at a line break.
                case 0x0A, 0x0D: state = .text
                default: return
                }
            case .controlStringEscape:
                if value == 0x5C { state = .text; return }
                state = .escape
                feed(scalar, emit: emit)
                return
            }

            guard Self.needsAttention(scalar) else {
                emit(scalar)
                return
            }
            switch value {
            case 0x1B: state = .escape
            case 0x9B: state = .controlSequence
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F: state = .controlString
            case 0x09: emit(" ")
            case 0x0A:
                if !followsCarriageReturn { emit(keepingNewlines ? "\n" : " ") }
            case 0x0D:
                emit(keepingNewlines ? "\n" : " ")
                afterCarriageReturn = true
            case 0x00...0x1F, 0x7F...0x9F:
                break
            default:
                if Self.isRemovedFormatCharacter(value) { break }
                emit("\u{FFFD}")
            }
        }
    }
}
