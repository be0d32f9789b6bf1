import CLibcShim

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif


/// Writes files so that readers and crashes only ever see the old or the new content:
/// a temporary file in the same folder, fsync, rename over the target, fsync the folder.
enum AtomicFile {
    /// Writes `bytes` to `path` through a temporary file and a rename. With `durable` false the
    /// data is not flushed here: the caller flushes many new files at once with `syncFileSystem`
    /// before the write that makes them part of the library.
    static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(StoreError) {
        let temp = try stage(bytes, for: path, durable: durable)
        try commit(temp, to: path, durable: durable)
    }

    /// The first half of `write`: the bytes in a new temporary file beside `path`, flushed only
    /// if `durable`. Returns the temporary file's path.
    static func stage(_ bytes: [UInt8], for path: String, durable: Bool = false) throws(StoreError) -> String {
        let temp = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.io(path: path, errno: errno, doing: .createFileNextTo) }
        try fill(fd, at: temp, with: bytes, durable: durable, reportedAs: path)
        return temp
    }

    /// Writes `bytes` as a new file at `path`, directly, without a temporary file and a rename;
    /// false if something is there already. Only for files named by their content that nothing
    /// refers to until a later commit: a crash can leave such a file half written, but never
    /// where a reader looks, and the next change sweeps it (`Library.notePending`). Not flushed.
    static func createNew(_ bytes: [UInt8], at path: String) throws(StoreError) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 {
            if errno == EEXIST { return false }
            throw StoreError.io(path: path, errno: errno, doing: .create)
        }
        try fill(fd, at: path, with: bytes, durable: false, reportedAs: path)
        return true
    }

    /// Writes all of `bytes` to the new file `fd` at `file` and closes it; on failure the file
    /// is removed and the error names `reportedAs`.
    private static func fill(_ fd: Int32, at file: String, with bytes: [UInt8], durable: Bool,
                             reportedAs path: String) throws(StoreError) {
        var failure: Int32 = 0
        var written = 0
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
        if failure == 0, durable, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(file)
            throw StoreError.io(path: path, errno: failure, doing: .write)
        }
    }

    /// The second half: the staged file renamed over `path`, and with `durable` the rename made
    /// to survive a power cut. The staged data must be on disk by then (its own fsync, or a
    /// `syncFileSystem` after staging).
    static func commit(_ temp: String, to path: String, durable: Bool = true) throws(StoreError) {
        if rename(temp, path) != 0 {
            let failure = errno
            unlink(temp)
            throw StoreError.io(path: path, errno: failure, doing: .write)
        }
        if durable { syncFolder(parentFolder(of: path)) }
    }

    /// Flushes every file of the file system that holds `path`: one call for all the new files
    /// of an import, instead of one fsync each.
    static func syncFileSystem(containing path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(path: path, errno: errno, doing: .openFolder) }
        defer { close(fd) }
        if dubao_syncfs(fd) != 0 { throw StoreError.io(path: path, errno: errno, doing: .flushFolder) }
    }

    /// Makes a rename durable: without it a power cut can lose the new directory entry.
    static func syncFolder(_ dir: String) {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func read(_ path: String) throws(StoreError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StoreError.io(path: path, errno: errno, doing: .read)
        }
        defer { close(fd) }
        var out = [UInt8]()
        var st = stat()
        if fstat(fd, &st) == 0, st.st_size > 0 { out.reserveCapacity(Int(st.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(path: path, errno: errno, doing: .read)
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }

    /// `mkdir -p`. With `durable` false the new folders' entries are not flushed here: the
    /// caller runs `syncFileSystem` before anything refers to them.
    static func makeFolders(_ path: String, durable: Bool = true) throws(StoreError) {
        // Usually there already: one stat instead of a mkdir for every part of the path.
        var st = stat()
        if stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { return }
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            let parent = current.isEmpty ? "/" : current
            current += "/" + part
            if mkdir(current, 0o755) == 0 {
                // The new folder's entry must survive a power cut as well as the files in it.
                if durable { syncFolder(parent) }
            } else if errno != EEXIST {
                throw StoreError.io(path: current, errno: errno, doing: .createFolder)
            }
        }
    }
}

/// An exclusive lock on the library, held while a command reads, changes and writes it back,
/// so that two dubao processes never lose each other's changes.
final class LibraryLock {
    private let fd: Int32

    /// `waiting` is called once if another process holds the lock, before this one waits for it.
    init(path: String, waiting: () -> Void = {}) throws(StoreError) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.io(path: path, errno: errno, doing: .createLockFile) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            self.fd = fd
            return
        }
        if errno == EWOULDBLOCK { waiting() }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let e = errno
            close(fd)
            throw StoreError.io(path: path, errno: e, doing: .lock)
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
