import Foundation
import DubaoLayout
import DubaoSpawn
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A program a test starts (tmux, a check binary), as a shell would start it (`SpawnedProcess`),
/// with this process's environment unless given another.
public struct Child {
    let process: SpawnedProcess
    public var pid: pid_t { process.pid }

    /// Starts `path` with `arguments`; `fds` are the child's standard input, output and error.
    public init(_ path: String, _ arguments: [String], environment: [String: String]? = nil, fds: (Int32, Int32, Int32)) throws {
        process = try SpawnedProcess(path: path, arguments: [path] + arguments,
                                     environment: environment ?? ProcessInfo.processInfo.environment, fds: fds)
    }

    /// Waits up to `seconds` for the child to end: its exit status (128 + n if killed by
    /// signal n), or nil after killing it on timeout.
    public func waitForExit(seconds: Double = 30) -> Int32? {
        process.wait(seconds: seconds)
    }
}

/// Reads everything from `fd` until end of file, then closes it.
public func readAll(_ fd: Int32) -> String {
    var data: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = read(fd, &buffer, buffer.count)
        if n > 0 { data.append(contentsOf: buffer[0..<n]) } else if n < 0, errno == EINTR { continue } else { break }
    }
    close(fd)
    return String(decoding: data, as: UTF8.self)
}

/// A pipe's (read, write) ends, both close-on-exec.
public func makePipe() -> (read: Int32, write: Int32) {
    var fds: [Int32] = [0, 0]
    precondition(pipe(&fds) == 0)
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return (fds[0], fds[1])
}

/// The first executable called `name` on PATH.
public func executableOnPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// Display columns at which `character` starts in `line` (each wide character counted twice,
/// as the terminal shows it).
public func columns(of character: Character, in line: String) -> [Int] {
    var result: [Int] = []
    var column = 0
    for c in line {
        if c == character { result.append(column) }
        column += DisplayWidth.of(String(c))
    }
    return result
}

/// The display width of a line as `capture-pane` gives it.
public func displayWidth(_ line: String) -> Int { DisplayWidth.of(line) }

/// A tmux server of our own (its own socket), with one session.
public final class TmuxSession {
    public let tmux: String
    public let socket: String
    /// The session's name, for `-t`.
    public let name: String

    public init(tmux: String, width: Int, height: Int, command: String, name: String = "check") throws {
        self.tmux = tmux
        self.name = name
        socket = "dubao-curses-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        // The server this starts keeps its standard output: give it /dev/null, not a pipe that
        // would then never reach end of file.
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { close(null) }
        let child = try Child(tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name,
                                     "-x", "\(width)", "-y", "\(height)", command], fds: (null, null, null))
        _ = child.waitForExit()
    }

    deinit {
        _ = try? run(["kill-server"])
    }

    @discardableResult
    public func run(_ arguments: [String]) throws -> String {
        let output = makePipe()
        let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer { close(null) }
        let child: Child
        do {
            child = try Child(tmux, ["-L", socket] + arguments, fds: (null, output.write, output.write))
        } catch {
            close(output.read)
            close(output.write)
            throw error
        }
        close(output.write)
        let text = readAll(output.read)
        _ = child.waitForExit()
        return text
    }

    public func sendKeys(_ keys: String...) throws { try run(["send-keys", "-t", name] + keys) }

    public func capture() throws -> [String] {
        let text = try run(["capture-pane", "-p", "-t", name])
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    public func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The screen as soon as `predicate` holds, polling for up to `seconds`; nil if it never does.
    public func waitFor(seconds: Double = 10, _ predicate: ([String]) -> Bool) throws -> [String]? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let lines = try capture()
            if predicate(lines) { return lines }
            usleep(50_000)
        }
        return nil
    }
}

/// glibc's pseudo-terminal functions, which `import Glibc` does not show (they need
/// _XOPEN_SOURCE), looked up at run time.
public enum PTY {
    public static let openpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    public static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    public static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    public static let ptsname_r = function("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32).self)

    private static func function<F>(_ name: String, as type: F.Type) -> F {
        guard let symbol = dlsym(nil, name) else { fatalError("\(name) not found in libc") }
        return unsafeBitCast(symbol, to: type)
    }
}

/// A pseudo-terminal of `width` × `height` whose output is read continuously on a thread.
public final class PseudoTerminal: Sendable {
    public let master: Int32
    public let slave: Int32
    private let output = Mutex<[UInt8]>([])
    private let stopReading = Atomic<Bool>(false)
    private let readerDone = DispatchSemaphore(value: 0)

    public init(width: Int, height: Int) throws {
        let master = PTY.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, PTY.grantpt(master) == 0, PTY.unlockpt(master) == 0 else { throw POSIXError(.ENXIO) }
        var name = [CChar](repeating: 0, count: 128)
        guard PTY.ptsname_r(master, &name, name.count) == 0 else { throw POSIXError(.ENXIO) }
        let slave = name.withUnsafeBufferPointer { open($0.baseAddress!, O_RDWR | O_NOCTTY | O_CLOEXEC) }
        guard slave >= 0 else { throw POSIXError(.ENXIO) }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        self.master = master
        self.slave = slave
        Thread.detachNewThread { [self] in readLoop() }
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !stopReading.load(ordering: .acquiring) {
            var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 50) >= 0 else { break }
            if request.revents & Int16(POLLIN) != 0 {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }
                output.withLock { $0.append(contentsOf: buffer[0..<n]) }
            } else if request.revents != 0 {
                break
            }
        }
        readerDone.signal()
    }

    public var text: String { output.withLock { String(decoding: $0, as: UTF8.self) } }

    /// Stops reading and closes the master side: the program on the slave side sees a hang-up.
    public func closeMaster() {
        stopReading.store(true, ordering: .releasing)
        readerDone.wait()
        close(master)
    }

    public func closeSlave() { close(slave) }
}


extension TmuxSession {
    /// Sends text literally, one write (Chinese included).
    public func type(_ text: String) throws { try run(["send-keys", "-t", name, "-l", text]) }

    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The screen once some row contains `text` and the screen has stopped changing (a frame can
    /// be captured half drawn); throws with the last screen if that never happens.
    @discardableResult
    public func waitFor(_ text: String, seconds: Double = 10) throws -> [String] {
        if let screen = try waitForSettled(seconds: seconds, { $0.contains { $0.contains(text) } }) { return screen }
        throw ScreenTimeout(waitedFor: text, screen: try capture())
    }

    /// The screen once no row contains `text` and it has stopped changing.
    @discardableResult
    public func waitForAbsence(_ text: String, seconds: Double = 10) throws -> [String] {
        if let screen = try waitForSettled(seconds: seconds, { !$0.contains { $0.contains(text) } }) { return screen }
        throw ScreenTimeout(waitedFor: "no “\(text)”", screen: try capture())
    }

    /// Like `waitFor(seconds:_:)`, but only a screen that two captures 80 ms apart agree on.
    public func waitForSettled(seconds: Double = 10, _ predicate: ([String]) -> Bool) throws -> [String]? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let first = try capture()
            if predicate(first) {
                usleep(80_000)
                let second = try capture()
                if second == first { return second }
                continue
            }
            usleep(50_000)
        }
        return nil
    }
}

/// What a screen test waited for in vain, with the screen it saw last.
public struct ScreenTimeout: Error, CustomStringConvertible {
    public var waitedFor: String
    public var screen: [String]
    public var description: String { "waited for “\(waitedFor)”; the screen was:\n" + screen.joined(separator: "\n") }
}
