import Synchronization
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
        abstract: texts.abstract(.cliAbstractImport),
        // The examples are the paper's own words, kept out of the English table.
        discussion: texts.discussion(texts(.cliDiscussionImportPages, "第03版：经济"),
                                     texts(.cliDiscussionImportCrawler, "第01版", "第02版"),
                                     texts[.cliDiscussionImportAtomic])
    )

    @Argument(help: texts.help(.cliHelpImportPaths, valueName: "file-or-dir"))
    var paths: [String]

    @Option(help: texts.help(.cliHelpImportDate, valueName: "yyyy-mm-dd"))
    var date: Given<IssueDate>?

    @Option(help: texts.help(.cliHelpImportPaper, Importer.defaultPaper, valueName: "name"))
    var paper: String?

    @Option(help: texts.help(.cliHelpImportSection, "第PP版", valueName: "name"))
    var section: String?

    @Option(help: texts.help(.cliHelpEncoding, TextEncoding.names, valueName: "encoding"))
    var encoding: Given<TextEncoding>?

    @Flag(help: texts.help(.cliHelpEach))
    var each = false

    @Flag(help: texts.help(.cliHelpArticles))
    var articles = false

    @Flag(help: texts.help(.cliHelpDryRun))
    var dryRun = false

    @Flag(help: texts.help(.cliHelpImportJSON))
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

    static let saidPaperHint = Mutex(false)

    /// `counts`, when given, are the sections' article counts (the articles themselves were let go).
    func printSummary(_ result: Importer.Result, _ report: Library.StoreReport?, counts: [Int]? = nil) {
        let issue = result.issue
        let articles = counts ?? issue.sections.map(\.articles.count)
        let counts = texts.sectionsAndArticles(issue.sections.count, articles.reduce(0, +))
        print(Terminal.clean(texts(dryRun ? .cliReadDryRun : .cliImported, issue.paper, issue.date, counts)))
        print(Terminal.clean(texts(.cliDateFrom, result.dateSource)))
        // A crawler's folders and most text dumps name no paper: say how to name it, once.
        if paper == nil, issue.paper == Importer.defaultPaper, Self.saidPaperHint.withLock({ said in defer { said = true }; return !said }) {
            print(Terminal.clean(texts(.cliPaperUnnamed, Importer.defaultPaper)))
        }
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
