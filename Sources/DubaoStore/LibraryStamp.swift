#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells a reader that keeps the issue list on screen whether the library may have changed since
/// it read the list, for the price of one small read: every change commits by renaming a new
/// `library.json` over the old one, and the index names each year's volume by its content, so a
/// change to any issue changes the index's bytes. The file's identity and times are kept too, so
/// an index too big to hold (schema 1 listed every issue in it) is still told apart by its rename.
public struct LibraryStamp: Hashable, Sendable {
    /// Device, inode, size and change times of the index; empty while there is none.
    let file: [Int]
    /// The index itself, when it is small (a volume a year: well under a kilobyte).
    let bytes: [UInt8]

    /// Bigger than any index of volumes; a schema-1 index this size is told apart by `file`.
    static let largestHeld = 64 * 1024

    init(file: [Int], bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// A stamp that is just a number, for libraries that are not folders (tests).
    public init(generation: Int) {
        self.init(file: [generation], bytes: [])
    }

    /// The stamp of the index at `path` now.
    static func of(_ path: String) -> LibraryStamp {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        // No index (an empty library) and one that cannot be opened are both "nothing yet":
        // reading the issue list says which, once there is something to read.
        guard fd >= 0 else { return LibraryStamp(file: [], bytes: []) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return LibraryStamp(file: [], bytes: []) }
        #if canImport(Darwin)
        let (modified, changed) = (st.st_mtimespec, st.st_ctimespec)
        #else
        let (modified, changed) = (st.st_mtim, st.st_ctim)
        #endif
        let file = [Int(st.st_dev), Int(st.st_ino), Int(st.st_size),
                    Int(modified.tv_sec), Int(modified.tv_nsec), Int(changed.tv_sec), Int(changed.tv_nsec)]
        let size = Int(st.st_size)
        guard size > 0, size <= largestHeld else { return LibraryStamp(file: file, bytes: []) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, size - filled) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            filled += n
        }
        return LibraryStamp(file: file, bytes: Array(bytes[0..<filled]))
    }
}
