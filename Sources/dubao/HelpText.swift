import ArgumentParser
import DubaoLayout
import DubaoText
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Help in the reader's language, for ArgumentParser's help screens and usage errors.
///
/// ArgumentParser wraps help at spaces and counts a character as one column. Chinese has few
/// spaces and two columns a character, so a Chinese paragraph would come out in lines up to twice
/// the terminal's width, broken wherever a space happens to fall. Chinese help is therefore
/// broken into lines here, by the rules articles are set by, at the width ArgumentParser sets help
/// in; every line is then shorter, in characters, than the room ArgumentParser gives it, so it
/// keeps the lines and only indents them. English is left to ArgumentParser's wrapping, as ever.
extension Texts {
    /// An argument's, option's or flag's help: its line beside the name, and `discussion` under it.
    func help(_ phrase: Phrase, _ values: any CustomStringConvertible..., discussion: Phrase? = nil,
              valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(setForHelp(self(Sentence(phrase, values: values)), indent: HelpLayout.abstractColumn),
                     discussion: discussion.map { setForHelp(self[$0], indent: HelpLayout.discussionIndent) },
                     valueName: valueName)
    }

    /// A subcommand's line: beside its name in its parent's list of commands, and atop its own help.
    func abstract(_ phrase: Phrase) -> String {
        setForHelp(self[phrase], indent: HelpLayout.abstractColumn)
    }

    /// A command's discussion: its paragraphs, a blank line between them.
    func discussion(_ paragraphs: String...) -> String {
        setForHelp(paragraphs.joined(separator: "\n\n"), indent: 0)
    }

    private func setForHelp(_ text: String, indent: Int) -> String {
        guard language == .chinese else { return text }
        // ArgumentParser keeps a line break only when it falls within the room it has, counted in
        // characters; a line one character shorter than the room always ends within it.
        let breaker = LineBreaker(width: HelpLayout.width() - indent - 1)
        guard breaker.width >= 2 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { breaker.lines(of: String($0)).map(\.text).joined(separator: "\n") }
            .joined(separator: "\n")
    }
}

/// Where ArgumentParser (1.x, `HelpGenerator`) puts help text, for setting Chinese to fit it.
enum HelpLayout {
    /// The column the help line of an argument, option or command starts in, beside its name.
    static let abstractColumn = 26
    /// The indent of the text under an option's help line.
    static let discussionIndent = 8

    /// The columns ArgumentParser sets help in, found as it finds them: $COLUMNS, else the
    /// terminal on standard output, else 80.
    static func width() -> Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }) { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
