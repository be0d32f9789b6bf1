/// Why the terminal could not be set up or used. Every case reads as one line that says what
/// went wrong and what to do about it (`message`, also the `description`).
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, /dev/null).
    case notATerminal(stream: String)
    /// No UTF-8 locale could be selected; `codeset` is the one the environment gave.
    case noUTF8Locale(codeset: String)
    /// `TERM` is unset or empty.
    case termNotSet
    /// ncurses does not know this terminal type (no terminfo entry), or cannot drive it.
    case unknownTerminal(String)
    /// The terminal type cannot move the cursor (`dumb`, a printing terminal).
    case cannotAddressCursor(String)
    /// The terminal went away: standard input is at end of file or hung up.
    case inputClosed

    public var message: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal: run dubao in a terminal, without piping or redirecting its input or output"
        case .noUTF8Locale(let codeset):
            return "no UTF-8 locale (the environment gives \(codeset) and C.UTF-8 is missing): set LANG to a UTF-8 locale such as C.UTF-8 or en_US.UTF-8"
        case .termNotSet:
            return "TERM is not set: set it to your terminal's type, for example TERM=xterm-256color"
        case .unknownTerminal(let term):
            return "unknown terminal type '\(term)': set TERM to a type this system has a terminfo entry for (xterm-256color, screen-256color, tmux-256color), or install the ncurses-term package"
        case .cannotAddressCursor(let term):
            return "terminal type '\(term)' cannot move the cursor, which dubao needs: run it in a full-screen terminal and set TERM to match (for example TERM=xterm-256color)"
        case .inputClosed:
            return "the terminal closed (its input reached end of file): stopping"
        }
    }

    public var description: String { message }
}
