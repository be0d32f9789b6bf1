import DubaoText
import ArgumentParser
import DubaoImport
import DubaoStore

struct IssuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "issues", abstract: texts.abstract(.cliAbstractIssues))

    @Flag(help: texts.help(.cliHelpIssuesJSON))
    var json = false

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let issues = try library.openForReading().issues
        if json {
            struct Row: Encodable { var paper: String; var date: String; var sections: Int; var articles: Int }
            print(JSONOutput.string(issues.map { Row(paper: $0.paper, date: $0.date.description,
                                                     sections: $0.sections, articles: $0.articles) }))
            return
        }
        for issue in issues {
            print(Terminal.clean("\(issue.date)  \(issue.paper)  \(texts.sectionsAndArticles(issue.sections, issue.articles))"))
        }
    }
}
