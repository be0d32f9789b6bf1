import DubaoText

/// Anything wrong with a theme or the config file, as one line for the user:
/// `config.toml:7:11: unknown colour "purpel" for title.fg; use "default", 0–255 or a colour name`.
public struct SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file the problem is in, as the user knows it (a path, or `built-in theme dark.toml`).
    public var file: String
    /// 1-based; nil when the problem is with the file as a whole (it cannot be read).
    public var line: Int?
    /// 1-based, counted in Unicode scalars; nil when only the line is known.
    public var column: Int?
    /// What is wrong and what to do about it, in no language yet.
    public var problem: Sentence

    public init(file: String, line: Int? = nil, column: Int? = nil, problem: Sentence) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// `FILE:LINE:COLUMN: PROBLEM` in `texts`' language, leaving out what is not known.
    public func message(_ texts: Texts) -> String {
        var where_ = file
        if let line {
            where_ += ":\(line)"
            if let column { where_ += ":\(column)" }
        }
        return where_ + ": " + texts(problem)
    }

    /// In English.
    public var message: String { message(.english) }

    public var description: String { message }
}
