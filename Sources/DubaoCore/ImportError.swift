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
