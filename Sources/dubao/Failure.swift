import ArgumentParser
import DubaoCore
#if canImport(Glibc)
import Glibc
#endif

/// A command that failed: one line on stderr (what, where, what to do) and exit status 1.
struct Failure: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    /// Runs store code, turning its errors into one clear line.
    static func check<T>(_ body: () throws(StoreError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Failure(error.description)
        }
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

extension ParsableCommand {
    /// Every command's errors end here, so each failure prints exactly one line.
    static func report(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as Failure {
            Failure.printError("dubao: \(failure.message)")
            throw ExitCode(1)
        }
    }
}
