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
        subcommands: [ReadCommand.self, ImportCommand.self, IssuesCommand.self, ListCommand.self, ShowCommand.self,
                      SearchCommand.self, BookmarksCommand.self, BookmarkCommand.self, UnbookmarkCommand.self],
        defaultSubcommand: ReadCommand.self
    )
}
