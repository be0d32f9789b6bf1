import DubaoCore
import DubaoModel
#if canImport(Glibc)
import Glibc
#endif

/// A command that failed: one line on stderr (what, where, what to do) and exit status 1.
struct Failure: Error, CustomStringConvertible {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    /// What ArgumentParser reports for a failure thrown while it parses.
    var description: String { message }

    /// Runs store code, turning its errors into one clear line.
    static func check<T>(_ body: () throws(StoreError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Failure(error.description)
        }
    }

    /// An option's date, or nil when the option was not given; a malformed one is a failure.
    static func date(_ text: String?, option: String) throws -> IssueDate? {
        guard let text else { return nil }
        guard let date = IssueDate(text) else { throw Failure("--\(option) \(text) is not a date: use YYYY-MM-DD, e.g. 2026-11-27") }
        return date
    }

    static func note(_ text: String) {
        printError("dubao: \(text)")
    }

    static func warn(_ text: String) {
        printError("dubao: warning: \(text)")
    }

    static func printError(_ text: String) {
        var bytes = Array((text + "\n").utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
