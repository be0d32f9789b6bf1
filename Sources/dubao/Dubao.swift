import DubaoText
import ArgumentParser
import Foundation

@main
struct Dubao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dubao",
        // The Chinese name stays out of the English table, which holds no Chinese of its own.
        abstract: texts(.cliAbstractDubao, "读报"),
        discussion: texts.discussion(texts[.cliDiscussionDubao]),
        version: DubaoVersion.current,
        subcommands: [ReadCommand.self, ImportCommand.self, IssuesCommand.self, ListCommand.self, ShowCommand.self,
                      SearchCommand.self, BookmarksCommand.self, BookmarkCommand.self, UnbookmarkCommand.self, RemoveCommand.self],
        defaultSubcommand: ReadCommand.self
    )

    /// A `Failure` is one line, `dubao: …`, and status 1 whether `validate()` or `run()` throws it;
    /// ArgumentParser's own `main` would print one from `validate()` as `Error: …`. Status 1 is
    /// how ours are told apart: its own parse errors (an unknown option, a value it cannot read)
    /// are one line too (`usageLine`) with status 64, and help has 0. A mistyped command is a
    /// usage error too: one line, status 64 (`unknownCommand`).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let refusal = misplacedCommand(arguments) {
            Failure.printError("dubao: \(refusal)")
            exit(withError: ExitCode.validationFailure)
        }
        do {
            var command = try parseAsRoot(arguments)
            if case .failure(let error) = configRead, !(command is ReadCommand) {
                Failure.warn(texts(.cliConfigIgnored, error.message(texts)))
            }
            try command.run()
        } catch {
            if let word = queryTakenForOption(arguments), exitCode(for: error) == .validationFailure {
                Failure.printError("dubao: \(texts(.cliQueryLooksLikeOption, Terminal.clean(word)))")
                exit(withError: ExitCode.validationFailure)
            }
            if exitCode(for: error) == .validationFailure, let line = usageLine(for: error, arguments: arguments) {
                Failure.printError("dubao: \(line)")
                exit(withError: ExitCode.validationFailure)
            }
            let message = message(for: error)
            guard exitCode(for: error) == .failure, !message.isEmpty else { exit(withError: error) }
            Failure.printError("dubao: \(message)")
            exit(withError: ExitCode.failure)
        }
    }

    /// ArgumentParser's own usage errors (an unknown option, a missing argument, a value it
    /// cannot read) as one line in the interface's language, like every other refusal, naming
    /// the help that lists what the command takes; status 64 still tells them from a failure.
    /// Its usage text is left out: `--help` has it whole. `read` is the command an option
    /// without one goes to, so an unknown `dubao --bogus` points at `dubao --help`.
    static func usageLine(for error: Error, arguments: [String]) -> String? {
        let said = message(for: error)
        guard !said.isEmpty else { return nil }
        var help = "dubao --help"
        if let named = fullMessage(for: error).firstMatch(of: /See '(dubao[^']*) --help'/) {
            let path = String(named.output.1)
            if path != "dubao read" || arguments.contains("read") { help = path + " --help" }
        }
        return Terminal.clean(texts(.cliUsage, plainUsageError(said), help))
    }

    /// ArgumentParser's message (`Unknown option '--bogus'`) in the interface's words; one it
    /// words in another way is kept as it is.
    static func plainUsageError(_ said: String) -> String {
        if let m = said.wholeMatch(of: /Unknown option '(.+)'/) { return texts(.cliUnknownOption, String(m.output.1)) }
        if let m = said.wholeMatch(of: /Missing expected argument '(.+)'/) { return texts(.cliMissingArgument, String(m.output.1)) }
        if let m = said.wholeMatch(of: /Missing value for '(.+)'/) { return texts(.cliMissingValue, String(m.output.1)) }
        if let m = said.wholeMatch(of: /The value '(.*)' is invalid for '(.+?)'\. Please provide one of (.+)\./) {
            return texts(.cliInvalidValueChoices, String(m.output.1), String(m.output.2), quoted(m.output.3).joined(separator: " / "))
        }
        if let m = said.wholeMatch(of: /The value '(.*)' is invalid for '(.+?)'/) {
            return texts(.cliInvalidValue, String(m.output.1), String(m.output.2))
        }
        if let m = said.wholeMatch(of: /(?:\d+ )?[Uu]nexpected arguments?:? (.+)/) {
            return texts(.cliUnexpectedArguments, quoted(m.output.1).map { "“\($0)”" }.joined(separator: " "))
        }
        return said
    }

    /// The words ArgumentParser quotes in a list (`'markdown' and 'json'`).
    static func quoted(_ list: Substring) -> [String] {
        list.matches(of: /'([^']*)'/).map { String($0.output.1) }
    }

    /// `dubao search -6`: a query that begins with a dash and no letter (a number, a Chinese
    /// word) is read as an option, and ArgumentParser says the query is missing. The word, when
    /// `search` failed to parse and one is there before any `--`.
    static func queryTakenForOption(_ arguments: [String]) -> String? {
        guard arguments.first == "search" else { return nil }
        // `--limit -1`: a value given to an option that takes one is that option's to refuse.
        let taking = valuedOptions(of: SearchCommand.self)
        var previous = ""
        for argument in arguments.dropFirst() {
            defer { previous = argument }
            if argument == "--" { return nil }
            if taking.contains(previous) { continue }
            guard argument.hasPrefix("-"), let second = argument.unicodeScalars.dropFirst().first else { continue }
            if !(second.properties.isAlphabetic && second.isASCII) && second != "-" { return argument }
        }
        return nil
    }

    /// The options of `command` that take a value, as its own help writes them (`--limit <n>`):
    /// read from its definition, so an option added there is known here too.
    static func valuedOptions(of command: any ParsableCommand.Type) -> Set<String> {
        Set(command.helpMessage(columns: 10_000).matches(of: /(--[a-z][a-z-]*) </).map { String($0.output.1) })
    }

    /// `read` is the default command, so ArgumentParser hands it a mistyped command name as an
    /// argument it does not take, and prints `read`'s usage. `read` takes no positional argument,
    /// so the first word that is neither an option nor an option's value can only be a typo, or a
    /// command after options, which ArgumentParser reads as `read`'s; either is refused here, by
    /// name, with status 64 as ArgumentParser's other usage errors. `dubao` alone and
    /// `dubao --date …` still reach `read`.
    static func misplacedCommand(_ arguments: [String]) -> String? {
        guard let (index, word) = firstWord(arguments) else { return nil }
        if let refusal = unknownCommand(word) { return refusal }
        // `dubao --help search` is ArgumentParser's to answer.
        guard index > 0, !arguments[..<index].contains(where: { ["-h", "--help", "--version"].contains($0) }) else { return nil }
        let reordered = ([word] + arguments[..<index] + arguments[(index + 1)...]).map(Terminal.clean).joined(separator: " ")
        return texts(.cliCommandFirst, reordered)
    }

    /// The first argument that is no option (`--library`, `--date=…`) and no option's value
    /// (the `DIR` of `--library DIR`), with its place; nil when there is none, or after `--`.
    static func firstWord(_ arguments: [String]) -> (Int, String)? {
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" { return nil }
            guard argument.hasPrefix("-"), argument.count > 1 else { return (i, argument) }
            i += !argument.contains("=") && readOptionsTakingValues.contains(argument) ? 2 : 1
        }
        return nil
    }

    /// The options of `read` (the command options before a command name are handed to) that
    /// take a value, as its help lists them (`--date <yyyy-mm-dd>`): read from the help, so an
    /// option added to `read` is known here without a second list to keep.
    static let readOptionsTakingValues: Set<String> = {
        var names: Set<String> = []
        for line in ReadCommand.helpMessage(columns: 1000).split(separator: "\n") {
            let entry = line.drop { $0 == " " }
            guard entry.hasPrefix("-"), let value = entry.range(of: " <") else { continue }
            for name in entry[..<value.lowerBound].split(separator: ",") {
                names.insert(name.trimmingCharacters(in: .whitespaces))
            }
        }
        return names
    }()

    /// The refusal of a word that names no command, with the nearest command when it is close.
    static func unknownCommand(_ word: String) -> String? {
        guard !word.hasPrefix("-") else { return nil }
        // `help` is ArgumentParser's own: `dubao help search`.
        let names = configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases } + ["help"]
        guard !names.contains(word) else { return nil }
        let typed = Terminal.clean(word)
        let near = names.filter { $0 != "help" }.min { editDistance(word, $0) < editDistance(word, $1) }
        let guess = near.map { editDistance(word, $0) <= 2 ? texts(.cliDidYouMean, $0) : "" } ?? ""
        return texts(.cliUnknownCommand, typed, guess)
    }

    /// Letters inserted, removed, changed or swapped with a neighbour: `serach` is one from `search`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
