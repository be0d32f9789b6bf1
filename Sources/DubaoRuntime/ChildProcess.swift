import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Another program run from the reader (the pager, `tmux show-options`), started with
/// `posix_spawn` so that it gets the signals' default actions: the reader ignores Ctrl-C while
/// a pager runs, and a program inherits what is ignored.
struct ChildProcess {
    let pid: pid_t

    /// Starts `arguments[0]`, looked up on the environment's PATH when it has no `/`; `fds` are the
    /// child's standard input, output and error; the failure says why it could not be started.
    static func start(_ arguments: [String], environment: [String: String],
                      fds: (Int32, Int32, Int32)) -> Result<ChildProcess, SpawnFailure> {
        guard let program = arguments.first, let path = executable(program, environment: environment) else {
            return .failure(SpawnFailure(code: ENOENT))
        }
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
        guard error == 0 else { return .failure(SpawnFailure(code: error)) }
        return .success(ChildProcess(pid: pid))
    }

    /// The full path of `program`: itself when it names a path, else the first executable of that
    /// name on the environment's PATH.
    static func executable(_ program: String, environment: [String: String]) -> String? {
        if program.contains("/") { return program }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// How the child ended: its exit status, or 128 + the signal that killed it.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return 127 }
        }
        return Self.decode(status)
    }

    /// Waits up to `seconds`; nil after killing the child when it has not ended by then.
    func wait(seconds: Double) -> Int32? {
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
struct SpawnFailure: Error {
    var code: Int32
}
