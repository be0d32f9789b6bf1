import DubaoText
import ArgumentParser
import DubaoStore

/// `dubao remove --date D [--paper P]`: takes one issue out of the library, for an issue
/// imported under the wrong name or date. Bookmarks and reading marks are the user's and stay.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: texts.abstract(.cliAbstractRemove))

    @OptionGroup var choice: IssueChoice

    @Flag(help: texts.help(.cliHelpRemoveDryRun))
    var dryRun = false

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        // A day must be named: removing "the newest issue" by default is too easy a mistake.
        guard choice.date != nil else { throw Failure(texts[.cliRemoveNeedsDate]) }
    }

    func run() throws {
        let store = Library(root: library.root)
        let issues = try Failure.check { () throws(StoreError) in try store.issues() }
        let issue = try choice.pick(from: issues, root: library.root)
        if choice.paper == nil {
            let sameDay = issues.filter { $0.date == issue.date }
            if sameDay.count > 1 {
                throw Failure(texts(.cliRemoveWhichPaper, issue.date, sameDay.count, sameDay.map(\.paper).joined(separator: "、")))
            }
        }
        let what = texts.sectionsAndArticles(issue.sections, issue.articles)
        if dryRun {
            print(Terminal.clean(texts(.cliWouldRemove, issue.paper, issue.date, what)))
            return
        }
        let removed = try Failure.check { () throws(StoreError) in try store.remove(paper: issue.paper, date: issue.date) }
        // Another dubao may have removed it between the look and the lock: then there is nothing to do.
        guard removed != nil else { throw Failure(texts(.cliNoIssueDatedOfPaper, issue.date, issue.paper, library.root)) }
        print(Terminal.clean(texts(.cliRemoved, issue.paper, issue.date, what)))
    }
}
