import DubaoText
import ArgumentParser
import DubaoImport
import DubaoStore
import DubaoModel
#if canImport(Glibc)
import Glibc
#endif

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import raw newspaper pages into the library.",
        discussion: """
            Each FILE is one page; page headers such as `第03版：经济` split a file into sections. A folder \
            imports each of its pages (*.txt, *.text or no extension; not a README, LICENSE, NOTES or CHANGELOG) as a section, in name \
            order with numbers compared as numbers (2 before 10); sections then stand in page order when \
            their headers number them. All files form one issue, or with --each \
            every argument an issue of its own (a backlog kept one folder a day). A lone - reads one page \
            from standard input, named `standard input` in messages; without a page header it needs --section.

            A folder saved by an electronic edition's crawler, one article a file named \
            YYYYMMDD-PP-NN.txt (page PP, place NN), is recognised by its names: it is one issue of that \
            date, a section a page (第01版, 第02版…) and every file one article, in place order. Its \
            files' unindented lines above the body are the headline. With --articles every file is one \
            article whatever its name: crawler-named files still go to their pages, the others to one \
            section (--section, else the folder's name) in name order. A folder mixing crawler-named \
            files with page files, or such a name with no real date (20200231-01-01.txt), is refused.

            Nothing is stored unless every file imports: a bad file leaves the library as it was. \
            Re-importing a page replaces its section (the same page number, or without one the same name); \
            article IDs stay the same while titles do.
            """
    )

    @Argument(help: ArgumentHelp("Page files or folders of pages; - reads one page from standard input.", valueName: "file-or-dir"))
    var paths: [String]

    @Option(help: ArgumentHelp("The issue's date (default: from the page, the file name, else today).", valueName: "yyyy-mm-dd"))
    var date: Given<IssueDate>?

    @Option(help: ArgumentHelp("The paper's name (default: from the page header, else \(Importer.defaultPaper)).", valueName: "name"))
    var paper: String?

    @Option(help: ArgumentHelp("Section name for pages without a header (default: the file name; 第PP版 for a crawler's page YYYYMMDD-PP.txt).", valueName: "name"))
    var section: String?

    @Option(help: ArgumentHelp("Force an encoding: \(TextEncoding.names). Default: detected.", valueName: "encoding"))
    var encoding: Given<TextEncoding>?

    @Flag(help: "Import every argument as an issue of its own, dated by its pages or its name; all are stored, or none.")
    var each = false

    @Flag(help: "Every file is one article (a folder of YYYYMMDD-PP-NN.txt files is recognised without it).")
    var articles = false

    @Flag(help: "Parse and print, store nothing.")
    var dryRun = false

    @Flag(help: "Print the articles as JSON.")
    var json = false

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        try date?.check(option: "date")
        try encoding?.check(option: "encoding")
        if each, date != nil {
            throw Failure(texts[.cliDateWithEach])
        }
        if paths.contains("-") {
            // One page, read before anything else: a file beside it would be a second read of
            // another kind, and --each and --articles are about files and their names.
            if paths.count > 1 { throw Failure(texts[.cliStandardInputAlone]) }
            if each { throw Failure(texts[.cliEachWithStandardInput]) }
            if articles { throw Failure(texts[.cliArticlesWithStandardInput]) }
        }
    }

    func run() throws {
        var options = Importer.Options()
        options.date = date?.parsed
        if let encoding = encoding?.parsed { options.encoding = encoding }
        if let paper { options.paper = paper }
        if let section { options.section = section }
        options.articles = articles
        if each {
            try importEach(Importer(options: options))
            return
        }
        var result: Importer.Result
        if paths == ["-"] {
            result = try importStandardInput(Importer(options: options))
        } else {
            do throws(Importer.Failure) {
                result = try Importer(options: options).importPaths(paths)
            } catch {
                throw Failure(texts(.cliNothingImported, error.message(texts)))
            }
        }
        for warning in result.warnings { Failure.warn(warning.description(texts)) }
        var report: Library.StoreReport?
        if !dryRun {
            var store = Library(root: library.root)
            store.waiting = Self.sayWaiting
            let stored = try Failure.check { () throws(StoreError) in try store.store(result.issue) }
            result.issue.renameIDs(stored.renamedIDs)
            report = stored
        }
        if json {
            print(ImportReport(result: result, stored: !dryRun).json())
        } else {
            printSummary(result, report)
        }
    }

    /// `import -`: the page's bytes as they come, read as a file's are; `standard input` names it.
    func importStandardInput(_ importer: Importer) throws -> Importer.Result {
        let name = Importer.standardInput
        if isatty(STDIN_FILENO) == 1 { Failure.note(texts[.cliReadingFromTerminal]) }
        let result: Importer.Result
        do throws(Importer.Failure) {
            result = try importer.importPages([(name, try importer.readStandardInput())])
        } catch where error.error == .empty {
            throw Failure(texts(.cliStandardInputEmpty, texts[.terminalStandardInput]))
        } catch {
            throw Failure(texts(.cliNothingImported, error.message(texts)))
        }
        // A file names a page without a header; standard input has no name to give it.
        if section == nil, result.issue.sections.contains(where: { $0.page.isEmpty && $0.name == name }) {
            throw Failure(texts(.cliStandardInputNoHeader, texts[.terminalStandardInput], "第03版：经济"))
        }
        return result
    }

    /// Another import holds the library: say so rather than sit silent.
    static let sayWaiting: @Sendable () -> Void = {
        Failure.printError("dubao: " + texts[.cliWaitingForLibrary])
    }

    /// `--each`: the issues are parsed and written one at a time, so a year of them never sits in
    /// memory at once, and committed together at the end.
    func importEach(_ importer: Importer) throws {
        var pending = paths[...]
        var summaries: [(result: Importer.Result, counts: [Int])] = []
        var reports: [Library.StoreReport] = []
        var pendingJSON: Importer.Result?
        let next = { () throws -> Issue? in
            guard let path = pending.popFirst() else { return nil }
            do throws(Importer.Failure) {
                var result = try importer.importPaths([path])
                for warning in result.warnings { Failure.warn(warning.description(texts)) }
                let issue = result.issue
                if json && !dryRun {
                    // Printed once stored: a re-imported section may keep IDs the library had.
                    pendingJSON = result
                } else if json {
                    print(ImportReport(result: result, stored: false).json())
                } else if dryRun {
                    printSummary(result, nil)
                } else {
                    // Only what the summary needs is kept: the articles are in the library once written.
                    let counts = issue.sections.map(\.articles.count)
                    for i in result.issue.sections.indices { result.issue.sections[i].articles = [] }
                    summaries.append((result, counts))
                }
                return issue
            } catch {
                throw Failure(texts(.cliNothingImported, error.message(texts)))
            }
        }
        if dryRun {
            while try next() != nil {}
            return
        }
        do {
            // Parsing the next folder while writing one was tried and measured no faster: the
            // pages are already parsed on both cores, and writing is bound by the disk.
            var store = Library(root: library.root)
            store.waiting = Self.sayWaiting
            reports = try store.storeEach(written: { report in
                guard var result = pendingJSON else { return }
                result.issue.renameIDs(report.renamedIDs)
                print(ImportReport(result: result, stored: true).json())
                pendingJSON = nil
            }, next)
        } catch let error as StoreError {
            throw Failure(error.message(texts))
        }
        for (k, summary) in summaries.enumerated() {
            printSummary(summary.result, reports[k], counts: summary.counts)
        }
    }

    /// `counts`, when given, are the sections' article counts (the articles themselves were let go).
    func printSummary(_ result: Importer.Result, _ report: Library.StoreReport?, counts: [Int]? = nil) {
        let issue = result.issue
        let articles = counts ?? issue.sections.map(\.articles.count)
        let counts = texts.sectionsAndArticles(issue.sections.count, articles.reduce(0, +))
        print(Terminal.clean(texts(dryRun ? .cliReadDryRun : .cliImported, issue.paper, issue.date, counts)))
        print(Terminal.clean(texts(.cliDateFrom, result.dateSource)))
        for (section, count) in zip(issue.sections, articles) {
            // A page known only by its number (`第01版`) is named by it: said once.
            let page = section.page.isEmpty || section.page == section.name ? "" : section.page + " "
            var change = ""
            if let changed = report?.sections.first(where: { $0.name == section.name }) {
                switch changed.kind {
                case .added: change = texts[.cliSectionNew]
                case .unchanged: change = texts[.cliSectionUnchanged]
                case .replaced: change = texts(.cliSectionReplaced, changed.kept, changed.removed)
                }
            }
            print(Terminal.clean(texts(.cliSectionSummary, page + section.name, texts.articles(count), change)))
            if dryRun {
                for a in section.articles { print("    \(a.id)  \(Terminal.clean(a.displayTitle))") }
            }
        }
    }
}
