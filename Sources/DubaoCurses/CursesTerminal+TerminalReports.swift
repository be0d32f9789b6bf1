import CNcursesw
import Glibc

extension CursesTerminal {
    /// Reads away a terminal's answer that follows an Esc at once: an OSC (`ESC ] … BEL` or
    /// `… ESC \`) or a DA1 report (`ESC [ ? … c`). Such an answer arrives only when one came too
    /// late for `BackgroundQuery`; read as keys, its letters would run commands (`b`, `g`, `?`).
    /// True when one was dropped; otherwise what was read is given back to curses.
    func dropTerminalReport() -> Bool {
        func next(_ milliseconds: Int32) -> wint_t? {
            wtimeout(window, milliseconds)
            var c: wint_t = 0
            return wget_wch(window, &c) == OK ? c : nil
        }
        guard let first = next(0) else { return false }
        switch first {
        case 0x5D:
            // An OSC string, to its BEL or ST.
            var previous: wint_t = 0
            for _ in 0..<256 {
                guard let c = next(10), c != 0x07, !(previous == 0x1B && c == 0x5C) else { break }
                previous = c
            }
            return true
        case 0x5B:
            guard let second = next(0) else {
                unget_wch(wchar_t(bitPattern: first))
                return false
            }
            guard second == 0x3F else {
                // Given back in reverse: curses returns the last one pushed first.
                unget_wch(wchar_t(bitPattern: second))
                unget_wch(wchar_t(bitPattern: first))
                return false
            }
            for _ in 0..<64 {
                guard let c = next(10), !(0x40...0x7E).contains(c) else { break }
            }
            return true
        default:
            unget_wch(wchar_t(bitPattern: first))
            return false
        }
    }
}
