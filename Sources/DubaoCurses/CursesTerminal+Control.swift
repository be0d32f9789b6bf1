import CNcursesw
import DubaoTerminal
import Glibc

/// The clipboard's escape sequence and the pager: what the reader does to the terminal outside
/// curses' drawing.
extension CursesTerminal: TerminalControl {
    public func hasCapability(_ name: String) -> Bool {
        // tigetstr: NULL when the entry lacks it, (char *)-1 when `name` is not a string capability.
        guard let value = tigetstr(name), value != UnsafeMutablePointer(bitPattern: -1) else { return false }
        return value.pointee != 0
    }

    /// Written to standard output with write(2), which curses writes through too: curses has
    /// no way to send an escape it does not know (an OSC), and `draw` ends in a `doupdate` that
    /// leaves nothing of its own waiting in a buffer, so the bytes land between two frames.
    public func writeControlSequence(_ bytes: [UInt8]) -> Bool {
        guard !stopped else { return false }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + written, $0.count - written) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            written += n
        }
        return true
    }

    public func suspend(while body: () -> Void) {
        guard !stopped else {
            body()
            return
        }
        // As on Ctrl-Z: the shell's modes back, the cursor shown, the alternate screen left.
        endwin()
        withKeyboardSignalsIgnored(body)
        repaintWhole()
    }
}
