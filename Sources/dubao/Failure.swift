import DubaoText
import DubaoImport
import DubaoStore
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
            throw Failure(error.message(texts))
        }
    }

    static func note(_ text: String) {
        printError("dubao: \(text)")
    }

    static func warn(_ text: String) {
        printError("dubao: " + texts(.cliWarning, text))
    }

    static func printError(_ text: String) {
        var bytes = Array((text + "\n").utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
