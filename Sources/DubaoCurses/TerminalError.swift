import DubaoText

/// Why the terminal could not be set up or used. Every case reads as one line that says what
/// went wrong and what to do about it: `message(_:)` in the reader's language, `message` (also
/// the `description`) in English.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, /dev/null).
    case notATerminal(stream: Stream)
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

    public enum Stream: Sendable {
        case standardInput, standardOutput
    }

    public func message(_ texts: Texts) -> String {
        switch self {
        case .notATerminal(let stream):
            return texts(.terminalNotATerminal, texts[stream == .standardInput ? .terminalStandardInput : .terminalStandardOutput])
        case .noUTF8Locale(let codeset):
            return texts(.terminalNoUTF8Locale, codeset)
        case .termNotSet:
            return texts[.terminalTermNotSet]
        case .unknownTerminal(let term):
            return texts(.terminalUnknownType, term)
        case .cannotAddressCursor(let term):
            return texts(.terminalCannotAddressCursor, term)
        case .inputClosed:
            return texts[.terminalInputClosed]
        }
    }

    public var message: String { message(.english) }

    public var description: String { message }
}
