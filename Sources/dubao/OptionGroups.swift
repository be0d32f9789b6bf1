import DubaoText
import ArgumentParser
import DubaoModel
import DubaoStore

/// The article `show` and `bookmark` act on: a typo is refused before the library is read.
struct ArticleIDArgument: ParsableArguments {
    @Argument(help: texts.help(.cliHelpArticleID, valueName: "id"))
    var given: Given<ArticleID>

    func validate() throws {
        try given.check(option: "")
    }

    /// Checked by `validate()`, so never nil in `run()`.
    var id: ArticleID { given.parsed! }
}

/// `--section`, for `list` and `search`.
struct SectionFilter: ParsableArguments {
    @Option(help: texts.help(.cliHelpSection, valueName: "name"))
    var section: String?
}

/// Which issue a command means: `--date` and `--paper`, or the newest.
struct IssueChoice: ParsableArguments {
    @Option(help: texts.help(.cliHelpIssueDate, valueName: "yyyy-mm-dd"))
    var date: Given<IssueDate>?

    @Option(help: texts.help(.cliHelpIssuePaper, valueName: "name"))
    var paper: String?

    func validate() throws {
        try date?.check(option: "date")
    }

    func pick(from issues: [IssueEntry], root: String) throws -> IssueEntry {
        var candidates = issues
        if let d = date?.parsed { candidates = candidates.filter { $0.date == d } }
        if let paper { candidates = candidates.filter { $0.paper == paper } }
        guard let first = candidates.first else {
            // As typed: 20261127 stays 20261127, so the user sees what they asked for.
            switch (date?.text, paper) {
            case let (date?, paper?): throw Failure(texts(.cliNoIssueDatedOfPaper, date, paper, root))
            case let (date?, nil): throw Failure(texts(.cliNoIssueDated, date, root))
            case let (nil, paper?): throw Failure(texts(.cliNoIssueOfPaper, paper, root))
            case (nil, nil): throw Failure(texts(.cliNoIssues, root))
            }
        }
        return first
    }
}
