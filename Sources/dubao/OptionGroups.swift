import ArgumentParser
import DubaoModel

/// The article `show` and `bookmark` act on: a typo is refused before the library is read.
struct ArticleIDArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The article's ID, as `dubao list` shows it.", valueName: "id"))
    var given: Given<ArticleID>

    func validate() throws {
        try given.check(option: "")
    }

    /// Checked by `validate()`, so never nil in `run()`.
    var id: ArticleID { given.parsed! }
}

/// `--section`, for `list` and `search`.
struct SectionFilter: ParsableArguments {
    @Option(help: ArgumentHelp("Only this section (版面).", valueName: "name"))
    var section: String?
}
