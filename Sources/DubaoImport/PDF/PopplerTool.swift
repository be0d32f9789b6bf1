#if canImport(Glibc)
import Glibc
#endif

/// One of poppler's command-line tools (poppler-utils), found on the PATH and run as a child
/// process: its exit status and everything it printed.
///
/// The text layer is read with `pdftohtml -xml`, not `pdftotext -bbox-layout`. Both give boxes;
/// measured on the real page of ../shared/corpora/pdf (中国海洋石油报 2024-10-16, 329 runs):
/// - `-bbox-layout` joined text across a column gap into one line twice: two columns of the
///   commentary (`…加快发展新一代人工智能，一方面，要加快打通…`) and the lead headline with the
///   first line of the headline beside it; `pdftohtml` set no run across a gap.
/// - `-bbox-layout` gives no type at all: a line's height is all there is, and a line mixing
///   sizes (`16日星期三`, `□田昀澍`) comes out as tall as its largest character. `pdftohtml` gives
///   each run its size, face and colour: the headline's 标宋 (`FZDBSJW`), the body's 书宋, the
///   dateline's 黑体, the white footer on its red band.
/// - Both take about 50 ms for the page.
struct PopplerTool {
    var name: String
    var path: String

    /// The package that brings the tools, named when one is missing.
    static let package = "poppler-utils"

    /// The tool on the PATH, or nil when it is not installed.
    static func find(_ name: String, path: String? = nil) -> PopplerTool? {
        let searched = path ?? (getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin")
        for folder in searched.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = folder.hasSuffix("/") ? "\(folder)\(name)" : "\(folder)/\(name)"
            var st = stat()
            if stat(candidate, &st) == 0, st.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return PopplerTool(name: name, path: candidate)
            }
        }
        return nil
    }

    struct Output {
        var status: Int32
        var output: [UInt8]
        var errors: [UInt8]

        /// The first line the tool wrote to stderr, for messages.
        var firstError: String {
            let text = String(decoding: errors, as: UTF8.self)
            return text.split(separator: "\n").first.map(String.init) ?? ""
        }
    }

    /// Runs the tool to its end. stdout and stderr are read together, so that neither pipe
    /// fills and stops it; standard input is /dev/null.
    func run(_ arguments: [String]) -> Output? {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0 else { return nil }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            return nil
        }
        // Not inherited by a tool another thread starts meanwhile, which would hold our pipes open.
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0]); close(errPipe[0])
            return nil
        }
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var open = [outPipe[0], errPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for f in fds where f.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(f.fd, $0.baseAddress!, $0.count) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 {
                    close(f.fd)
                    open.removeAll { $0 == f.fd }
                } else if f.fd == outPipe[0] {
                    output += buffer[0..<n]
                } else if errors.count < 1 << 16 {
                    errors += buffer[0..<n]
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED/WEXITSTATUS are macros Swift cannot import.
        let exited = status & 0x7f == 0
        return Output(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output: output, errors: errors)
    }
}
