import DubaoText
import ArgumentParser
import DubaoStore
import DubaoModel

/// `dubao remove --date D [--paper P]`: takes one issue out of the library, for an issue
/// imported under the wrong name or date. Bookmarks and reading marks are the user's and stay.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: texts.abstract(.cliAbstractRemove))

    // Required, unlike the other commands' --date: removing "the newest issue" by default is too
    // easy a mistake.
    @Option(help: texts.help(.cliHelpIssueDate, valueName: "yyyy-mm-dd"))
    var date: Given<IssueDate>

    @Option(help: texts.help(.cliHelpIssuePaper, valueName: "name"))
    var paper: String?

    @Flag(help: texts.help(.cliHelpRemoveDryRun))
    var dryRun = false

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        try date.check(option: "date")
    }

    func run() throws {
        var store = Library(root: library.root)
        store.waiting = ImportCommand.sayWaiting
        let day = date.parsed!
        let sameDay = try Failure.check { () throws(StoreError) in try store.issues() }.filter { $0.date == day }
        let chosen = paper.map { name in sameDay.filter { $0.paper == name } } ?? sameDay
        // As typed: 20261127 stays 20261127, so the user sees what they asked for.
        guard let issue = chosen.first else {
            if let paper { throw Failure(texts(.cliNoIssueDatedOfPaper, date.text, paper, library.root)) }
            throw Failure(texts(.cliNoIssueDated, date.text, library.root))
        }
        if chosen.count > 1 {
            throw Failure(texts(.cliRemoveWhichPaper, issue.date, chosen.count, chosen.map(\.paper).joined(separator: texts[.listSeparator])))
        }
        let what = texts.sectionsAndArticles(issue.sections, issue.articles)
        if dryRun {
            print(Terminal.clean(texts(.cliWouldRemove, issue.paper, issue.date, what)))
            return
        }
        let removed = try Failure.check { () throws(StoreError) in try store.remove(paper: issue.paper, date: issue.date) }
        // Another dubao may have removed it between the look and the lock: then there is nothing to do.
        guard removed != nil else { throw Failure(texts(.cliNoIssueDatedOfPaper, date.text, issue.paper, library.root)) }
        print(Terminal.clean(texts(.cliRemoved, issue.paper, issue.date, what)))
    }
}
