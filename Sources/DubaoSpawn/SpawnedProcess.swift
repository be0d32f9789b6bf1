#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Another program, started with `posix_spawn` with no signal blocked and the default action for
/// every signal a terminal program handles, as if a shell had started it.
///
/// Not Foundation's `Process`: a child inherits its parent's signal mask and what its parent
/// ignores. The reader ignores Ctrl-C while a pager runs, and test threads block most signals
/// (the tmux server would then ignore SIGTERM, its panes Ctrl-C and SIGWINCH); unblocking them
/// around `Process.run()` lets the SIGCHLD that `Process` waits for be lost.
public struct SpawnedProcess: Sendable {
    public let pid: pid_t

    /// Starts the program at `path` with `arguments` (its whole argv, its own name first); `fds`
    /// are its standard input, output and error.
    public init(path: String, arguments: [String], environment: [String: String],
                fds: (Int32, Int32, Int32)) throws(SpawnError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds.0, 0)
        posix_spawn_file_actions_adddup2(&actions, fds.1, 1)
        posix_spawn_file_actions_adddup2(&actions, fds.2, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGPIPE, SIGCHLD, SIGWINCH] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let error = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard error == 0 else { throw SpawnError(code: error) }
        self.pid = pid
    }

    /// How the program ended: its exit status, or 128 + the signal that killed it.
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return 127 }
        }
        return Self.decode(status)
    }

    /// Waits up to `seconds`; nil after killing the program when it has not ended by then.
    public func wait(seconds: Double) -> Int32? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var status: Int32 = 0
        while ContinuousClock.now < deadline {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return Self.decode(status) }
            if result < 0, errno != EINTR { return nil }
            usleep(2_000)
        }
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return nil
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

/// Why a program could not be started: errno's value (ENOENT: not found).
public struct SpawnError: Error, Sendable {
    public var code: Int32

    public init(code: Int32) { self.code = code }
}
