/// The length of the scalar a byte of valid UTF-8 starts, for byte scans that step over whole
/// scalars: 1 for ASCII, 2 for C0–DF, 3 for E0–EF, 4 for F0–F7. Continuation bytes and F8–FF
/// never lead a scalar of valid UTF-8; they count 1, so that a scan over them still ends.
package enum UTF8Lead {
    @inline(__always)
    package static func scalarLength(_ lead: UInt8) -> UInt8 {
        switch lead {
        case 0xC0...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF7: return 4
        default: return 1
        }
    }
}
