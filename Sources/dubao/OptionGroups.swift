import ArgumentParser
import DubaoModel

/// The article `show` and `bookmark` act on. An ID is a plain string until `ArticleID` becomes a
/// type, so its shape is checked here, where a typo is refused before the library is read.
struct ArticleIDArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The article's ID, as `dubao list` shows it.", valueName: "id"))
    var id: String

    func validate() throws {
        guard ArticleID.isWellFormed(id) else {
            throw Failure("“\(Terminal.clean(id))” is not an article ID: IDs look like 20261127-3fa9c2d81b; `dubao list` shows them")
        }
    }
}

/// `--section`, for `list` and `search`.
struct SectionFilter: ParsableArguments {
    @Option(help: ArgumentHelp("Only this section (版面).", valueName: "name"))
    var section: String?
}
