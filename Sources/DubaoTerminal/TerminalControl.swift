/// What the reader asks of the terminal besides drawing and keys: bytes written to it as they
/// are, past the screen's own output (the clipboard's escape sequence), and the terminal given
/// up while another program uses it (a pager). The curses backend does it for real; tests use
/// a recording stand-in.
public protocol TerminalControl: AnyObject {
    /// The terminal type the screen was set up for (`TERM`).
    var terminalName: String { get }
    /// Whether the terminal's terminfo entry has the string capability `name` (`Ms`: the
    /// terminal sets its clipboard from OSC 52).
    func hasCapability(_ name: String) -> Bool
    /// Writes `bytes` to the terminal now, between two frames; false when they could not all be
    /// written. Only for escape sequences dubao builds itself, never for text from a file.
    func writeControlSequence(_ bytes: [UInt8]) -> Bool
    /// Gives the terminal back as it was before the screen took it, runs `body`, then takes it
    /// again, the screen repainted whole. A Ctrl-C or Ctrl-\ meanwhile is for the program
    /// `body` runs, not for the reader.
    func suspend(while body: () -> Void)
}
