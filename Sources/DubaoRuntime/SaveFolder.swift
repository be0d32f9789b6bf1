import DubaoUI
import Foundation
#if canImport(Glibc)
import Glibc
import DubaoText
#endif

/// The folder `save` writes articles to (`save_folder`, else the current folder), and a new
/// file written in it: whole or not at all, and never over a file that is there.
struct SaveFolder {
    /// The folder's path for the system calls: `~` expanded, relative to the current folder.
    let path: String
    /// The folder as the status line names it: as the config gives it, or with `~` for home.
    let shown: String
    /// The language failures are told in.
    let texts: Texts

    /// `configured` as the config gives it (`~/papers`); nil: the current folder.
    init(configured: String?, environment: [String: String], texts: Texts = .english) {
        self.texts = texts
        let home = environment["HOME"].map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 } ?? ""
        guard let configured, !configured.isEmpty else {
            let current = FileManager.default.currentDirectoryPath
            path = current
            shown = !home.isEmpty && home != "/" && (current == home || current.hasPrefix(home + "/"))
                ? "~" + current.dropFirst(home.count) : current
            return
        }
        if configured == "~" || configured.hasPrefix("~/"), !home.isEmpty {
            path = home + configured.dropFirst()
        } else {
            path = configured
        }
        shown = configured
    }

    /// Writes `text` under the first of `name`'s names that is free, and returns the path as the
    /// status line shows it; or why nothing was written.
    ///
    /// The text goes to a temporary file in the folder, flushed, then gets its name by `link`,
    /// which fails rather than replace a file: so no reader of the name ever sees half a file,
    /// and two saves at once cannot take the same name. A file system without hard links (FAT,
    /// some network ones) gets a `rename` after a look that the name is free instead.
    func write(_ text: String, name: ArticleFileName) -> Result<String, SaveFailure> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(SaveFailure(errno == ENOENT ? texts(.noSaveFolder, shown)
                                                        : texts(.saveFolderProblem, shown, Self.describe(errno))))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return .failure(SaveFailure(texts(.saveFolderNotFolder, shown)))
        }
        let temporary = "\(path)/.dubao-save-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return .failure(SaveFailure(texts(.cannotWriteIn, shown, Self.describe(errno)))) }
        if let failure = Self.fill(fd, with: Array(text.utf8)) {
            unlink(temporary)
            return .failure(SaveFailure(texts(.cannotWriteIn, shown, Self.describe(failure))))
        }
        defer { unlink(temporary) }
        for attempt in 1...9999 {
            let file = name.name(attempt: attempt)
            let target = "\(path)/\(file)"
            if link(temporary, target) == 0 {
                Self.syncFolder(path)
                return .success("\(shown.hasSuffix("/") ? shown : shown + "/")\(file)")
            }
            switch errno {
            case EEXIST:
                continue
            case EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK:
                var existing = stat()
                if lstat(target, &existing) == 0 { continue }
                guard rename(temporary, target) == 0 else {
                    return .failure(SaveFailure(texts(.cannotWriteFileIn, file, shown, Self.describe(errno))))
                }
                Self.syncFolder(path)
                return .success("\(shown.hasSuffix("/") ? shown : shown + "/")\(file)")
            case let failure:
                return .failure(SaveFailure(texts(.cannotWriteFileIn, file, shown, Self.describe(failure))))
            }
        }
        return .failure(SaveFailure(texts(.namesTaken, name.name(attempt: 1), shown)))
    }

    /// Writes all of `bytes` to `fd`, flushes and closes it; errno of a failure, nil on success.
    private static func fill(_ fd: Int32, with bytes: [UInt8]) -> Int32? {
        var failure: Int32?
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 {
                failure = n < 0 ? errno : ENOSPC
                break
            }
            written += n
        }
        if failure == nil, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        return failure
    }

    /// Makes the new name survive a power cut.
    private static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// `read-only file system`, `permission denied`: errno's text, as a status line words it.
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

struct SaveFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
