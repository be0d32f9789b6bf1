import ArgumentParser

@main
struct Dubao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dubao",
        abstract: "读报 — read Chinese newspapers in the terminal.",
        discussion: """
            Pages arrive as raw text dumps (UTF-8, UTF-16 or GB18030); `dubao import` turns them into \
            articles in the local library. With an empty library the commands show a sample paper.
            """,
        version: DubaoVersion.current,
        subcommands: [ReadCommand.self, ImportCommand.self, IssuesCommand.self, ListCommand.self, ShowCommand.self,
                      SearchCommand.self, BookmarksCommand.self, BookmarkCommand.self, UnbookmarkCommand.self],
        defaultSubcommand: ReadCommand.self
    )

    /// A `Failure` is one line, `dubao: …`, and status 1 whether `validate()` or `run()` throws it;
    /// ArgumentParser's own `main` would print one from `validate()` as `Error: …`. Status 1 is
    /// how ours are told apart: its own parse errors (an unknown option, a value it cannot read)
    /// have status 64 and keep its usage text, and help has 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let message = message(for: error)
            guard exitCode(for: error) == .failure, !message.isEmpty else { exit(withError: error) }
            Failure.printError("dubao: \(message)")
            exit(withError: ExitCode.failure)
        }
    }
}
