import DubaoSpawn
#if canImport(Glibc)
import Glibc
#endif

/// Another program run from the reader (the pager, `tmux show-options`), found on PATH as a
/// shell finds it and started as a shell starts it (`SpawnedProcess`).
enum ChildProcess {
    /// Starts `arguments[0]`, looked up on the environment's PATH when it has no `/`; `fds` are the
    /// child's standard input, output and error; the failure says why it could not be started.
    static func start(_ arguments: [String], environment: [String: String],
                      fds: (Int32, Int32, Int32)) -> Result<SpawnedProcess, SpawnError> {
        guard let program = arguments.first, let path = executable(program, environment: environment) else {
            return .failure(SpawnError(code: ENOENT))
        }
        return Result { () throws(SpawnError) in
            try SpawnedProcess(path: path, arguments: arguments, environment: environment, fds: fds)
        }
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
}
