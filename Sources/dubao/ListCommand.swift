import DubaoText
import ArgumentParser
import DubaoImport
import DubaoStore
import DubaoModel

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: texts.abstract(.cliAbstractList))

    @OptionGroup var choice: IssueChoice

    @OptionGroup var filter: SectionFilter

    @Flag(help: texts.help(.cliHelpListJSON))
    var json = false

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let opened = try library.openForReading()
        let source = opened.source
        let issue = try choice.pick(from: opened.issues, root: library.root)
        let catalog = try Failure.check { () throws(StoreError) in try source.catalog(of: issue) }
        var sections = catalog.sections
        if let section = filter.section {
            sections = sections.filter { $0.name == section || $0.page == section }
            if sections.isEmpty {
                let names = catalog.sections.map(\.name).joined(separator: "、")
                throw Failure(texts(.cliNoSection, section, issue.paper, issue.date, names))
            }
        }
        if json {
            struct Row: Encodable {
                var id, title, kicker, subtitle, section, page, date, paper: String
                var reporters: [String]
                /// A count here; `import --json` gives the paragraphs themselves.
                var paragraphCount: Int
            }
            let rows = sections.flatMap { s in
                s.articles.map { a in
                    Row(id: a.id.text, title: a.title, kicker: a.kicker, subtitle: a.subtitle, section: s.name, page: s.page,
                        date: issue.date.description, paper: issue.paper, reporters: a.reporters, paragraphCount: a.paragraphs)
                }
            }
            print(JSONOutput.string(rows))
            return
        }
        let count = sections.reduce(0) { $0 + $1.articles.count }
        print(Terminal.clean("\(issue.paper)  \(issue.date)  \(texts.sectionsAndArticles(sections.count, count))"))
        for s in sections {
            print("")
            print(Terminal.clean(s.page.isEmpty || s.page == s.name ? s.name : "\(s.page) \(s.name)"))
            for a in s.articles {
                let title = Terminal.words(a.title)
                let extra = a.paragraphs > 0 ? "" : a.captions > 0 ? texts[.cliPhoto] : texts[.cliHeadlineOnly]
                print("  \(a.id)  \(title)\(extra)")
            }
        }
    }
}
