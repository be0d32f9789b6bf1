/// Why a page could not be imported. Each case names what went wrong; the file is added by the caller.
public enum ImportError: Error, Equatable, Sendable {
    case empty
    case binary(offset: Int)
    /// NULs in every other byte and no byte-order mark: UTF-16 in the likely byte order.
    case utf16WithoutBOM(TextEncoding)
    case undecodable(offset: Int)
    case encodingUnavailable(String)
    case noArticles
    case unreadable(String)
    /// Files named as a crawler names one-article files (`YYYYMMDD-PP-NN.txt`) beside page files.
    case mixedLayouts(articleFile: String, articleFiles: Int, pageFile: String, pageFiles: Int)
    /// `20200231-01-01.txt`: the crawler's name, but no such day.
    case impossibleDate(String)
    /// Two one-article files of one issue named for different days.
    case differentDates(String, other: String, otherDate: String)

    /// One line: what, where, what to do.
    public var message: String {
        switch self {
        case .empty:
            return "the file is empty: nothing to import"
        case .binary(let offset):
            return "this is a binary file (NUL byte at offset \(offset)), not a text page"
        case .utf16WithoutBOM(let guess):
            return "looks like UTF-16 without a byte-order mark; pass --encoding \(guess.rawValue) (or the other byte order) to read it"
        case .undecodable(let offset):
            return "not valid UTF-8 (first bad byte at offset \(offset)) and not GB18030 either; pass --encoding to force one (\(TextEncoding.names))"
        case .encodingUnavailable(let name):
            return "this system's C library cannot decode \(name); convert the file to UTF-8 first"
        case .noArticles:
            return "no article found: the page has only page headers and footers"
        case .unreadable(let reason):
            return "cannot read it: \(reason)"
        case .mixedLayouts(let articleFile, let articleFiles, let pageFile, let pageFiles):
            let articles = articleFiles == 1 ? "a one-article file" : "\(articleFiles) one-article files"
            let pages = pageFiles == 1 ? "a page file" : "\(pageFiles) page files"
            return "\(articles) named YYYYMMDD-PP-NN.txt (\(articleFile)) and \(pages) (\(pageFile)) in one import; "
                + "keep them in separate folders and import each, or pass --articles to read every file as one article"
        case .impossibleDate(let digits):
            return "named as a one-article file (YYYYMMDD-PP-NN.txt), but \(digits) is no date; rename the file with its issue's date"
        case .differentDates(let date, let other, let otherDate):
            return "its name gives \(date) but \(other) gives \(otherDate), and one issue is one day; "
                + "put each day's files in a folder of its own and import them with --each"
        }
    }
}

/// Something worth telling the user about an import that still succeeded.
public struct ImportWarning: Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based line, or 0 for the whole file.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}
