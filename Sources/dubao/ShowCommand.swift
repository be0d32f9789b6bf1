import ArgumentParser
import DubaoImport
import DubaoStore
import DubaoLayout
import DubaoModel

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one article, typeset for the terminal.")

    @OptionGroup var article: ArticleIDArgument

    @Option(help: ArgumentHelp("Terminal columns to set the text in (default: the terminal's width).", valueName: "n"))
    var width: Int?

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        if let width, width < 4 || width > 1000 { throw Failure("--width \(width) is out of range: use 4 to 1000 columns") }
    }

    func run() throws {
        let id = article.id
        let source = try library.openForReading().source
        let columns = width ?? Terminal.width()
        guard let found = try Failure.check({ () throws(StoreError) in try source.article(id: id) }) else {
            throw Failure("no article \(id) in the library at \(library.root); `dubao list --date \(id.date.map { "\($0)" } ?? "")` lists that day's articles")
        }
        let section = found.section.page.isEmpty || found.section.page == found.section.name
            ? found.section.name : "\(found.section.page) \(found.section.name)"
        let heading = Terminal.clean("\(found.issue.paper)  \(found.issue.date)  \(section)")
        for line in LineBreaker(width: columns).lines(of: heading) { print(line.text) }
        print("")
        for line in ArticleText.lines(found.article, width: columns) { print(line) }
    }
}
