import DubaoLayout
#if canImport(Glibc)
import Glibc
#endif

/// What the command-line output needs to know about the terminal it prints to.
enum Terminal {
    /// Columns of the terminal on stdout, else $COLUMNS, else 80.
    static func width() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let env = getenv("COLUMNS"), let n = Int(String(cString: env)), n > 0 { return min(n, 1000) }
        return 80
    }

    /// Text from the library made safe to print: no control characters or escape sequences.
    static func clean(_ text: String) -> String {
        DisplaySanitizer.sanitize(text)
    }

    /// Whether articles' words are set with the punctuation the reader gives them (`据悉,今年` as
    /// `据悉，今年`): config.toml's `normalize_punctuation`, on unless it says otherwise.
    static let normalizesPunctuation = (try? configRead.get())?.normalizePunctuation ?? true

    /// An article's words as the reader shows them: made safe to print, punctuation set as in the reader.
    static func words(_ text: String) -> String {
        PunctuationNormalizer.shown(text, normalizing: normalizesPunctuation)
    }
}
