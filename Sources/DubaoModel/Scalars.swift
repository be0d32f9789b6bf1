/// Character classes that more than one layer asks about: the importer reading a page and the
/// store naming an issue's folder.
///
/// On scalars, not `Character`s: grapheme breaking is far slower than these questions need.
public enum Scalars {
    /// A Han ideograph (the CJK Unified Ideographs, Extension A to G, and the compatibility block).
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    /// An ASCII or full-width digit.
    public static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
    }
}
