import DubaoTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `dubao-curses-check` binary, built beside the test bundle.
enum CheckBinary {
    static var path: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("dubao-curses-check").path
    }

    static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }
}

/// The check binary with its standard input and output on `terminal` (or /dev/null) and
/// standard error on a pipe.
final class CheckProcess {
    let child: Child
    private let errorRead: Int32

    init(environment: [String: String], terminal: PseudoTerminal?) throws {
        let errors = makePipe()
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { close(null); close(errors.write) }
        let io = terminal?.slave ?? null
        child = try Child(CheckBinary.path, [], environment: environment, fds: (io, io, errors.write))
        errorRead = errors.read
    }

    var processIdentifier: pid_t { child.pid }

    /// Waits up to `seconds` for the process to end; kills it if it does not. Nil on timeout.
    func waitForExit(seconds: Double) -> Int32? { child.waitForExit(seconds: seconds) }

    /// Everything it wrote to standard error (call after it has ended).
    lazy var standardError: String = readAll(errorRead)
}

/// A minimal environment for the check binary: no locale from the test runner's environment.
func checkEnvironment(term: String?) -> [String: String] {
    var environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
    if let term { environment["TERM"] = term }
    return environment
}
