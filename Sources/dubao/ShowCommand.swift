import DubaoSettings
import DubaoText
import ArgumentParser
import DubaoImport
import DubaoStore
import DubaoLayout
import DubaoModel

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: texts.abstract(.cliAbstractShow))

    @OptionGroup var article: ArticleIDArgument

    @Option(help: texts.help(.cliHelpShowWidth, valueName: "n"))
    var width: Int?

    @Flag(help: texts.help(.cliHelpShowJSON))
    var json = false

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        if let width, width < 4 || width > 1000 { throw Failure(texts(.cliWidthOutOfRange, width)) }
        if json, width != nil { throw Failure(texts[.cliWidthWithJSON]) }
    }

    func run() throws {
        let id = article.id
        let source = try library.openForReading().source
        // As the reader sets it: a measure of the config's reader_width, in Chinese characters of two cells.
        let measure = 2 * ((try? configRead.get())?.readerWidth ?? Config.defaultReaderWidth)
        let columns = width ?? min(Terminal.width(), measure)
        guard let found = try Failure.check({ () throws(StoreError) in try source.article(id: id) }) else {
            throw Failure(texts(.cliNoArticleThatDay, id, library.root, id.date.map { "\($0)" } ?? ""))
        }
        if json {
            print(JSONOutput.string(ShownArticle(article: found.article, paper: found.issue.paper, date: found.issue.date.description,
                                                 section: found.section.name, page: found.section.page)))
            return
        }
        let section = found.section.page.isEmpty || found.section.page == found.section.name
            ? found.section.name : "\(found.section.page) \(found.section.name)"
        let heading = Terminal.clean("\(found.issue.paper)  \(found.issue.date)  \(section)")
        for line in LineBreaker(width: columns).lines(of: heading) { print(line.text) }
        print("")
        for line in ArticleText.lines(found.article, width: columns, measure: measure, normalizesPunctuation: Terminal.normalizesPunctuation) { print(line) }
    }
}

/// `show --json`: the article's own keys, as `import --json` prints an article, beside where it
/// stands under the names `list --json` gives them. One flat object, so `jq .title` reads it as
/// it reads a row of `list`.
struct ShownArticle: Encodable {
    var article: Article
    var paper, date, section, page: String

    enum Keys: String, CodingKey { case paper, date, section, page }

    func encode(to encoder: any Encoder) throws {
        try article.encode(to: encoder)
        var place = encoder.container(keyedBy: Keys.self)
        try place.encode(paper, forKey: .paper)
        try place.encode(date, forKey: .date)
        try place.encode(section, forKey: .section)
        try place.encode(page, forKey: .page)
    }
}
