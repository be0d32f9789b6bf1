import DubaoLayout
import DubaoModel

/// The name a saved article's file gets: its issue's date and its title,
/// `2026-11-27-江城港前十月货物吞吐量同比增长9.2%.md`, made safe as a file name.
///
/// The title loses whatever could not stand in a name or would trouble a shell: control and
/// escape characters (through `DisplaySanitizer`), `/` and `\`, and white space (an ideographic
/// space too), each run of them one `-`. A title longer than `longestTitle` characters is cut,
/// ending in `…`, so the name stays far below the 255 bytes a file system allows.
public struct ArticleFileName: Equatable, Sendable {
    /// The name without its number and extension: `2026-11-27-江城港…`.
    public var stem: String

    public static let longestTitle = 48

    /// Without a date (an article whose ID names none), the title alone.
    public init(date: IssueDate?, title: String) {
        stem = (date.map { "\($0)-" } ?? "") + Self.safe(title)
    }

    /// The name to try the `attempt`th time: `stem.md`, then `stem-2.md`, `stem-3.md`…
    public func name(attempt: Int) -> String {
        attempt <= 1 ? stem + ".md" : "\(stem)-\(attempt).md"
    }

    /// `title` as a part of a file name; `article` when nothing of it is left.
    static func safe(_ title: String) -> String {
        var out = ""
        var pendingDash = false
        for c in DisplaySanitizer.sanitize(title) {
            if c.isWhitespace || c == "/" || c == "\\" || c == "-" {
                pendingDash = !out.isEmpty
                continue
            }
            if pendingDash { out.append("-") }
            pendingDash = false
            out.append(c)
        }
        // A title ending in `.` would give `标题..md`; one of dots alone, a name of dots and dashes.
        while out.last == "." || out.last == "-" { out.removeLast() }
        if out.isEmpty { return "article" }
        guard out.count > longestTitle else { return out }
        return String(out.prefix(longestTitle - 1)) + "…"
    }
}
