import DubaoText
import ArgumentParser
import DubaoImport
import DubaoStore
import DubaoModel
import DubaoText
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: texts.abstract(.cliAbstractSearch),
        // The example is Chinese, which the English table holds none of.
        discussion: texts.discussion(texts(.cliDiscussionSearch, "巡回审判"))
    )

    @Argument(help: texts.help(.cliHelpSearchQuery))
    var query: [String]

    @Option(help: texts.help(.cliHelpSearchDate, valueName: "yyyy-mm-dd"))
    var date: Given<IssueDate>?

    @Option(help: texts.help(.cliHelpSearchFrom, valueName: "yyyy-mm-dd"))
    var from: Given<IssueDate>?

    @Option(help: texts.help(.cliHelpSearchTo, valueName: "yyyy-mm-dd"))
    var to: Given<IssueDate>?

    @OptionGroup var filter: SectionFilter

    // Unconditional: `--limit -1` is a value to refuse as `--limit 0` is, not a missing one.
    @Option(parsing: .unconditional, help: texts.help(.cliHelpSearchLimit, valueName: "n"))
    var limit: Int?

    @Flag(help: texts.help(.cliHelpSearchJSON))
    var json = false

    @OptionGroup var library: LibraryOptions

    /// A reversed range is refused, not searched: it would find nothing and exit 1 silently, as
    /// if nothing matched.
    func validate() throws {
        _ = try searchQuery()
        try from?.check(option: "from")
        try to?.check(option: "to")
        try date?.check(option: "date")
        if date != nil, from != nil || to != nil { throw Failure(texts[.cliDateWithRange]) }
        if let from = from?.parsed, let to = to?.parsed, to < from {
            throw Failure(texts(.cliRangeReversed, from, to))
        }
        if let limit, limit < 1 { throw Failure(texts(.cliLimitTooSmall, limit)) }
    }

    /// Spaces alone are no query, though ArgumentParser sees a word.
    func searchQuery() throws -> SearchQuery {
        guard let query = SearchQuery(self.query.joined(separator: " ")) else {
            throw Failure(texts(.cliNothingToSearch, "巡回审判"))
        }
        return query
    }

    func run() throws {
        let query = try searchQuery()
        let day = date?.parsed
        let scope = Searcher.Scope(from: day ?? from?.parsed, to: day ?? to?.parsed, section: filter.section, limit: limit)
        let opened = try library.openForReading()
        let source = opened.source
        // A day with no issue would find nothing and exit 1 as if nothing matched: said instead.
        if let day, !opened.issues.contains(where: { $0.date == day }) {
            if json { print("[]") }
            throw Failure(texts(.cliNoIssueDated, day, library.root))
        }
        do {
            if !json { return try printStreaming(source, query: query, scope: scope) }
            try printJSON(source, query: query, scope: scope)
        } catch let nothing as ExitCode where nothing == ExitCode(1) {
            try explainNothing(in: opened.issues, source: source, scope: scope)
            throw nothing
        }
    }

    /// Nothing matched: when it was because no issue searched has the section asked for, says so,
    /// as `list` does (a section is looked for until one issue has it).
    func explainNothing(in issues: [IssueEntry], source: any LibraryReading, scope: Searcher.Scope) throws {
        guard let section = scope.section else { return }
        for issue in issues where scope.includes(issue.date) {
            guard let catalog = try? source.catalog(of: issue) else { continue }
            if catalog.sections.contains(where: { $0.name == section || $0.page == section }) { return }
        }
        throw Failure(texts(.cliNoSectionSearched, section))
    }

    func printJSON(_ source: any LibraryReading, query: SearchQuery, scope: Searcher.Scope) throws {
        struct Row: Encodable {
            var id, title, paper, date, section, snippet: String
            var matches: Int
        }
        // Each hit as it is found, as the lines are; `[]` when nothing matches: a script reads
        // valid JSON either way, and the status says which.
        var printer = JSONArrayPrinter { print($0, terminator: "") }
        let damaged: [String]
        do {
            damaged = try Failure.check { () throws(StoreError) in
                try Searcher.search(source, query: query, scope: scope) { hit in
                    printer.element(Row(id: hit.id.text, title: hit.title, paper: hit.paper, date: hit.date.description,
                                        section: hit.section, snippet: hit.snippet, matches: hit.matches.count))
                    return true
                }
            }
        } catch {
            // What was printed stays valid JSON (the error line and status say it is not all).
            if printer.elements > 0 { printer.finish() }
            throw error
        }
        printer.finish()
        warnDamaged(damaged)
        guard printer.elements > 0 else { throw ExitCode(1) }
    }

    /// Each hit printed as the search makes it, newest issue first, so the first lines come at
    /// once however many follow.
    func printStreaming(_ source: any LibraryReading, query: SearchQuery, scope: Searcher.Scope) throws {
        var printed = 0
        let damaged = try Failure.check { () throws(StoreError) in
            try Searcher.search(source, query: query, scope: scope) { hit in
                print("\(hit.date)  \(Terminal.clean(hit.section))  \(Terminal.words(hit.title))  \(Terminal.words(hit.snippet))  \(hit.id)")
                printed += 1
                return true
            }
        }
        warnDamaged(damaged)
        guard printed > 0 else { throw ExitCode(1) }
    }

    /// A damaged search filter cost time, not hits: said on stderr, after the hits.
    func warnDamaged(_ paths: [String]) {
        for path in paths { Failure.warn(texts(.searchFilterDamaged, path)) }
    }
}
