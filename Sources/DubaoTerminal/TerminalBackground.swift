/// Whether the terminal draws on a light background or a dark one, as the terminal tells it:
/// the `COLORFGBG` variable some terminals set, or the colour the terminal reports for OSC 11.
/// Pure, so every form can be tested without a terminal.
public enum TerminalBackground: Equatable, Sendable {
    case light, dark

    /// A colour whose channels go from 0 to 1: light when its luma (Rec. 601 weights on the
    /// channels as sent, the measure terminals' own light/dark guesses use) is over a half.
    /// Mid grey (`#7f7f7f`, xterm's colour 8) is dark, xterm's light grey 7 (`#e5e5e5`) light.
    public init(red: Double, green: Double, blue: Double) {
        self = 0.299 * red + 0.587 * green + 0.114 * blue > 0.5 ? .light : .dark
    }

    /// From `COLORFGBG`: `fg;bg` (`0;15` is dark text on white) or rxvt's `fg;xpm;bg`, the
    /// background a colour number, 0–15 as xterm's palette has them, 16–255 its 256-colour cube
    /// and greys. Nil when the variable is unset, empty, `default` or unreadable.
    public init?(colorFGBG: String?) {
        guard let value = colorFGBG, let last = value.split(separator: ";", omittingEmptySubsequences: false).last,
              value.contains(";"), let index = Int(last), let (r, g, b) = Self.paletteColour(index) else { return nil }
        self.init(red: Double(r) / 255, green: Double(g) / 255, blue: Double(b) / 255)
    }

    /// From what a terminal answers to OSC 11 (`ESC ] 11 ; ?`): `ESC ] 11 ; rgb:R/G/B` closed
    /// by BEL or ST (`ESC \`), each channel 1 to 4 hex digits (`f`, `ff`, `fff`, `ffff` all
    /// full). Other bytes before and after it (the reply to another query) are passed over; nil
    /// when there is no such reply or it cannot be read.
    public init?(osc11Reply bytes: [UInt8]) {
        let introducer: [UInt8] = [0x1B, 0x5D, 0x31, 0x31, 0x3B]  // ESC ] 1 1 ;
        guard let start = Self.firstIndex(of: introducer, in: bytes) else { return nil }
        var end = start + introducer.count
        while end < bytes.count, bytes[end] != 0x07, bytes[end] != 0x1B { end += 1 }
        guard end < bytes.count else { return nil }
        let body = String(decoding: bytes[(start + introducer.count)..<end], as: UTF8.self)
        let channels: Substring
        if body.hasPrefix("rgb:") {
            channels = body.dropFirst(4)
        } else if body.hasPrefix("rgba:") {
            channels = body.dropFirst(5)
        } else {
            return nil
        }
        var values: [Double] = []
        for part in channels.split(separator: "/", omittingEmptySubsequences: false).prefix(3) {
            guard (1...4).contains(part.count), let value = Int(part, radix: 16) else { return nil }
            values.append(Double(value) / Double((1 << (4 * part.count)) - 1))
        }
        guard values.count == 3 else { return nil }
        self.init(red: values[0], green: values[1], blue: values[2])
    }

    /// Whether `bytes` hold a whole reply to DA1 (`ESC [ c`), `ESC [ ? … c`: the terminal has
    /// answered everything asked before it.
    public static func containsDeviceAttributes(_ bytes: [UInt8]) -> Bool {
        guard let start = firstIndex(of: [0x1B, 0x5B, 0x3F], in: bytes) else { return false }
        return bytes[(start + 3)...].contains(0x63)
    }

    /// xterm's default colour for a palette index.
    static func paletteColour(_ index: Int) -> (Int, Int, Int)? {
        XtermPalette.rgb(index).map { ($0.r, $0.g, $0.b) }
    }

    static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
