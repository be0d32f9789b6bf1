import ArgumentParser
import DubaoCore
import DubaoModel

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import raw newspaper pages into the library.",
        discussion: """
            Each FILE is one page; page headers such as `第03版：经济` split a file into sections. A folder
            imports each of its *.txt files as a section, in name order. All files form one issue. Nothing
            is stored unless every file imports: a bad file leaves the library as it was.
            Re-importing a page replaces its section; article IDs stay the same while titles do.
            """
    )

    @Argument(help: ArgumentHelp("Page files or folders of pages.", valueName: "file-or-dir"))
    var paths: [String]

    @Option(help: ArgumentHelp("The issue's date (default: from the page, the file name, else today).", valueName: "yyyy-mm-dd"))
    var date: String?

    @Option(help: ArgumentHelp("The paper's name (default: from the page header, else \(Importer.defaultPaper)).", valueName: "name"))
    var paper: String?

    @Option(help: ArgumentHelp("Section name for pages without a header (default: the file name).", valueName: "name"))
    var section: String?

    @Option(help: ArgumentHelp("Force an encoding: \(TextEncoding.names). Default: detected.", valueName: "encoding"))
    var encoding: String?

    @Flag(help: "Parse and print, store nothing.")
    var dryRun = false

    @Flag(help: "Print the articles as JSON.")
    var json = false

    @OptionGroup var library: LibraryOptions

    func run() throws {
        try Self.report {
            var options = Importer.Options()
            options.date = try Failure.date(date, option: "date")
            if let encoding {
                guard let e = TextEncoding(name: encoding) else {
                    throw Failure("--encoding \(encoding) is not known: use one of \(TextEncoding.names)")
                }
                options.encoding = e
            }
            if let paper { options.paper = paper }
            if let section { options.section = section }
            let result: Importer.Result
            do throws(Importer.Failure) {
                result = try Importer(options: options).importPaths(paths)
            } catch {
                throw Failure("\(error.description) (nothing was imported)")
            }
            for warning in result.warnings { Failure.warn(warning.description) }
            var report: Library.StoreReport?
            if !dryRun {
                let store = Library(root: library.root)
                report = try Failure.check { () throws(StoreError) in try store.store(result.issue) }
            }
            if json {
                print(ImportReport(result: result, stored: !dryRun).json())
            } else {
                printSummary(result, report)
            }
        }
    }

    func printSummary(_ result: Importer.Result, _ report: Library.StoreReport?) {
        let issue = result.issue
        let verb = dryRun ? "read (dry run, nothing stored)" : "imported"
        print(Terminal.clean("\(verb): \(issue.paper) \(issue.date) — \(Terminal.count(issue.sections.count, "section")), \(Terminal.count(issue.articleCount, "article"))"))
        print("date from \(result.dateSource)")
        for section in issue.sections {
            var line = "  \(section.page.isEmpty ? "" : section.page + " ")\(section.name): \(Terminal.count(section.articles.count, "article"))"
            if let change = report?.sections.first(where: { $0.name == section.name }) {
                switch change.kind {
                case .added: line += " (new)"
                case .unchanged: line += " (unchanged)"
                case .replaced: line += " (replaced: \(change.kept) kept, \(change.removed) gone)"
                }
            }
            print(Terminal.clean(line))
            if dryRun {
                for a in section.articles { print("    \(a.id)  \(Terminal.clean(a.displayTitle))") }
            }
        }
    }
}
