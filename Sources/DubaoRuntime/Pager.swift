import DubaoSpawn
import Foundation
#if canImport(Glibc)
import Glibc
import DubaoText
#endif

/// The user's pager, showing an article's text: `$PAGER`, else `less`. A program and its
/// arguments (`less -R`) are split on blanks and started directly; anything more (quotes, a
/// pipeline, `$VAR`) goes through `/bin/sh -c`, as git decides by the same characters.
enum Pager {
    static func command(environment: [String: String]) -> String {
        let pager = environment["PAGER"]?.trimmingCharacters(in: .whitespaces) ?? ""
        return pager.isEmpty ? "less" : pager
    }

    /// What makes a command the shell's to read: git's list, less the blanks.
    static let shellCharacters: Set<Character> = ["|", "&", ";", "<", ">", "(", ")", "$", "`", "\\", "\"", "'",
                                                  "\n", "*", "?", "[", "#", "~", "=", "%"]

    /// The program and arguments that run `command`.
    ///
    /// Started directly, the pager is the only process between the terminal's Ctrl-C and the
    /// reader, and it takes Ctrl-C as it would from a shell (less ignores it). Through the shell,
    /// the shell ignores Ctrl-C and Ctrl-\ (and so what it starts): dash does not `exec` the
    /// last command, and a shell killed by a Ctrl-C meant for the pager would hand the terminal
    /// back to the reader while the pager still reads from it.
    static func arguments(for command: String) -> [String] {
        if command.contains(where: shellCharacters.contains) {
            return ["/bin/sh", "-c", "trap '' INT QUIT; " + command]
        }
        return command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// Shows `text` in the pager and waits for it to end; what went wrong, in a line for the
    /// status line, or nil when it ran and ended well.
    ///
    /// The text goes to the pager's standard input from a file, unlinked at once, not from a
    /// pipe: a pipe holds 64 KB, and writing a longer article into it would wait for a pager that
    /// waits for a key. Its standard output and error are the reader's terminal.
    static func show(_ text: String, environment: [String: String], texts: Texts = .english) -> String? {
        let command = command(environment: environment)
        let folder = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/dubao-pager-XXXXXX".utf8CString)
        let file = mkstemp(&template)
        guard file >= 0 else {
            return texts(.pagerNoTemporaryFile, folder, String(cString: strerror(errno)))
        }
        unlink(template)
        defer { close(file) }
        _ = fcntl(file, F_SETFD, FD_CLOEXEC)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(file, $0.baseAddress! + written, $0.count - written) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                return texts(.pagerTextNotWritten, folder, String(cString: strerror(errno)))
            }
            written += n
        }
        lseek(file, 0, SEEK_SET)

        var childEnvironment = environment
        // less shows UTF-8 as <E6><B1>… under a locale that is not UTF-8 (LANG unset), which the
        // reader itself works round by taking C.UTF-8.
        if childEnvironment["LESSCHARSET"] == nil, !localeIsUTF8(environment) { childEnvironment["LESSCHARSET"] = "utf-8" }
        let started = ChildProcess.start(arguments(for: command), environment: childEnvironment,
                                         fds: (file, STDOUT_FILENO, STDOUT_FILENO))
        let notFound = texts(.pagerNotFound, command)
        let notRunnable = texts(.pagerNotRunnable, command)
        let child: SpawnedProcess
        switch started {
        case .success(let c): child = c
        case .failure(let failure) where failure.code == ENOENT: return notFound
        case .failure(let failure) where failure.code == EACCES || failure.code == ENOEXEC: return notRunnable
        case .failure(let failure): return texts(.pagerNotStarted, command, String(cString: strerror(failure.code)))
        }
        // 127 and 126 are the shell's words for the same.
        switch child.wait() {
        case 0:
            return nil
        case 127:
            return notFound
        case 126:
            return notRunnable
        case let status where status > 128:
            return texts(.pagerSignalled, command, status - 128)
        case let status:
            return texts(.pagerStatus, command, status)
        }
    }

    /// Whether the locale the environment names (LC_ALL, else LC_CTYPE, else LANG) is UTF-8.
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let name = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let codeset = name.lowercased().filter { $0 != "-" && $0 != "_" }
        return codeset.hasSuffix("utf8") || codeset.contains("utf8@")
    }
}
