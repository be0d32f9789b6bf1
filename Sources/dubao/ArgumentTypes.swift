import DubaoText
import ArgumentParser
import DubaoImport
import DubaoStore
import DubaoModel

// The model and the importer know nothing of the command line, so their values learn to be
// read from it here.

extension IssueDate: ExpressibleByArgument {
    /// `2026-11-27` or `20261127`, as everywhere else a date is read.
    public init?(argument: String) {
        self.init(argument)
    }
}

extension TextEncoding: ExpressibleByArgument {
    /// Every spelling `init(name:)` takes (`gbk`, `UTF8`, `utf16`), not only the four raw values.
    public init?(argument: String) {
        self.init(name: argument)
    }
}

extension ArticleID: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension ArticleID: RefusableArgument {
    static func refusal(of text: String, option: String) -> String {
        texts(.cliNotArticleID, Terminal.clean(text))
    }
}

/// A value that, when a text does not parse as one, dubao refuses in its own words.
protocol RefusableArgument: ExpressibleByArgument {
    /// The line refusing `text` given to `--option`: what is wrong with it and what to type.
    static func refusal(of text: String, option: String) -> String
}

extension IssueDate: RefusableArgument {
    static func refusal(of text: String, option: String) -> String {
        texts(.cliNotDate, option, text)
    }
}

extension TextEncoding: RefusableArgument {
    static func refusal(of text: String, option: String) -> String {
        texts(.cliUnknownEncoding, option, text, TextEncoding.names)
    }
}

/// An option's text and what ArgumentParser parsed it to. Left to itself, ArgumentParser refuses
/// a text that does not parse with its own “The value … is invalid”, the usage after it and
/// status 64; kept as given, the text is refused by the command's `validate()` instead, in one
/// line that says what to type.
struct Given<Value: RefusableArgument>: ExpressibleByArgument {
    let text: String
    /// Nil when the text does not parse; `validate()` refuses it then, so `run()` never sees nil.
    let parsed: Value?

    init(argument: String) {
        text = argument
        parsed = Value(argument: argument)
    }

    /// `option` is the name the text followed, without its dashes: ArgumentParser does not say.
    func check(option: String) throws {
        if parsed == nil { throw Failure(Value.refusal(of: text, option: option)) }
    }
}
