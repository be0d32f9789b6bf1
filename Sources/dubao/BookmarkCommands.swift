import DubaoText
import ArgumentParser
import DubaoImport
import DubaoStore
import DubaoLayout
import DubaoModel
import Foundation

struct BookmarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmarks",
        abstract: texts.abstract(.cliAbstractBookmarks),
        subcommands: [ListBookmarks.self, ExportBookmarks.self],
        defaultSubcommand: ListBookmarks.self
    )
}

/// A bookmark with what the library still knows of its article.
struct BookmarkRow: Encodable {
    var id, title, paper, date, section, added: String
    var missing: Bool
    /// The paragraph that leads the text (`lead(of:)`), past a label: the key's name is kept for
    /// the scripts that read it.
    var firstParagraph: String?

    /// A damaged library is an error, not a reason to call every bookmark missing.
    static func rows(_ bookmarks: [Bookmark], library: any LibraryReading, withText: Bool) throws -> [BookmarkRow] {
        // The index once; then each bookmark's article straight from its issue.
        let issues = try Failure.check { () throws(StoreError) in try library.issues() }
        return try bookmarks.map { b in
            let issue = issues.firstIndex(paper: b.paper, date: b.date).map { issues[$0] }
            let found = try Failure.check { () throws(StoreError) in
                try issue.map { issue throws(StoreError) in try library.article(id: b.id, in: issue, section: b.section) } ?? nil
            }
            return BookmarkRow(id: b.id.text, title: found?.displayTitle ?? b.title, paper: b.paper,
                               date: b.date.description, section: b.section, added: b.added, missing: found == nil,
                               firstParagraph: withText ? found.map { lead(of: $0.paragraphs) } ?? nil : nil)
        }
    }

    /// The paragraph an export quotes: the first that reads as text, past a label over the body
    /// (`核心阅读`, `编者按`) or a bare subhead; the first when none does.
    static func lead(of paragraphs: [String]) -> String? {
        paragraphs.first { p in
            guard let last = p.unicodeScalars.last else { return false }
            return "。！？…”’）!?.)".unicodeScalars.contains(last) || p.unicodeScalars.count >= 40
        } ?? paragraphs.first
    }
}

struct ListBookmarks: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: texts.abstract(.cliAbstractBookmarksList))

    @Flag(help: texts.help(.cliHelpBookmarksJSON))
    var json = false

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let bookmarks = try Failure.check { () throws(StoreError) in try BookmarkStore(root: library.root).all() }
        let source = try library.openForReading(quiet: true).source
        let rows = try BookmarkRow.rows(bookmarks, library: source, withText: false)
        if json {
            print(JSONOutput.string(rows))
            return
        }
        if rows.isEmpty { Failure.note(texts[.cliNoBookmarksYet]) }
        for row in rows {
            let mark = row.missing ? texts[.cliBookmarkMissing] : ""
            // Bookmarks span papers: a date and a section alone do not say where an article is.
            print("★ \(row.date)  \(Terminal.clean(row.paper))  \(Terminal.clean(row.section))  \(Terminal.words(row.title))  \(row.id)\(mark)")
        }
    }
}

struct ExportBookmarks: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: texts.abstract(.cliAbstractBookmarksExport))

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

    @Option(help: texts.help(.cliHelpExportFormat))
    var format: Format?

    @Option(name: .shortAndLong, help: texts.help(.cliHelpExportOutput, valueName: "file"))
    var output: String?

    @Flag(help: texts.help(.cliHelpExportForce))
    var force = false

    @OptionGroup var library: LibraryOptions

    func run() throws {
        // A file the user already has is not replaced unasked, as the reader's `s` never does.
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            throw Failure(texts(.cliOutputExists, output))
        }
        let format = self.format ?? (output?.lowercased().hasSuffix(".json") == true ? .json : .markdown)
        let bookmarks = try Failure.check { () throws(StoreError) in try BookmarkStore(root: library.root).all() }
        let source = try library.openForReading(quiet: true).source
        let rows = try BookmarkRow.rows(bookmarks, library: source, withText: true)
        let text: String
        switch format {
        case .json:
            text = JSONOutput.string(rows) + "\n"
        case .markdown:
            var out = texts[.cliBookmarksHeading] + "\n"
            // For reading: the words safe to print and set as the reader sets them (JSON keeps them as stored).
            for row in rows {
                out += "\n## \(Terminal.words(row.title))\n\n\(Terminal.clean(row.paper)) · \(row.date) · \(Terminal.clean(row.section)) · `\(row.id)`"
                out += row.missing ? texts[.cliBookmarkMissingMarkdown] + "\n" : "\n"
                if let p = row.firstParagraph, !p.isEmpty { out += "\n> \(Terminal.words(p))\n" }
            }
            text = out
        }
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw Failure(texts(.cliCannotWriteOutput, output, error.localizedDescription))
        }
    }
}

struct BookmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bookmark", abstract: texts.abstract(.cliAbstractBookmark))

    @OptionGroup var article: ArticleIDArgument

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let id = article.id
        let source = try library.openForReading(quiet: true).source
        guard let found = try Failure.check({ () throws(StoreError) in try source.article(id: id) }) else {
            throw Failure(texts(.cliNoArticle, id, library.root))
        }
        let bookmark = Bookmark(id: id, title: found.article.displayTitle, paper: found.issue.paper,
                                date: found.issue.date, section: found.section.name, added: BookmarkStore.now())
        let added = try Failure.check { () throws(StoreError) in try BookmarkStore(root: library.root).add(bookmark) }
        print(texts(added ? .cliBookmarked : .cliAlreadyBookmarked, Terminal.words(bookmark.title)))
    }
}

struct UnbookmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unbookmark", abstract: texts.abstract(.cliAbstractUnbookmark))

    @Argument(help: texts.help(.cliHelpUnbookmarkID, valueName: "id"))
    var id: String

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let removed = try Failure.check { () throws(StoreError) in try BookmarkStore(root: library.root).remove(id: ArticleID(stored: id)) }
        guard let removed else {
            throw Failure(texts(.cliNotBookmarked, Terminal.clean(id)))
        }
        print(texts(.cliBookmarkRemoved, Terminal.words(removed.title)))
    }
}
