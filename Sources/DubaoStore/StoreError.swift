#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the library could not be read or changed. Every case names the file.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not what dubao wrote (truncated, hand-edited, another program's).
    case corrupt(path: String, detail: String)
    /// Written by a newer dubao.
    case unknownSchema(path: String, version: Int, newest: Int)
    case io(path: String, errno: Int32, doing: String)
    case notFound(String)

    public var description: String {
        switch self {
        case .corrupt(let path, let detail):
            return "\(path) is damaged (\(detail)); dubao will not overwrite it: move it away or restore it from a backup"
        case .unknownSchema(let path, let version, let newest):
            return "\(path) has schema version \(version), newer than this dubao understands (\(newest)); upgrade dubao"
        case .io(let path, let code, let doing):
            let reason = String(cString: strerror(code))
            switch code {
            case ENOSPC, EDQUOT:
                return "cannot \(doing) \(path): the disk is full; free some space and try again (nothing was changed)"
            case EROFS, EACCES, EPERM, ENOTDIR:
                return "cannot \(doing) \(path): \(reason.lowercased()); choose a writable library with --library or DUBAO_LIBRARY"
            default:
                return "cannot \(doing) \(path): \(reason.lowercased())"
            }
        case .notFound(let what):
            return what
        }
    }

    /// The file's name as the user knows it in the library — `bookmarks.json`,
    /// `reading/2023.json` — not the whole path, which can fill a status line on its own.
    public var shortPath: String? {
        let path: String
        switch self {
        case .corrupt(let p, _), .unknownSchema(let p, _, _), .io(let p, _, _): path = p
        case .notFound: return nil
        }
        let parts = path.split(separator: "/")
        guard let name = parts.last else { return path }
        if parts.count >= 2, parts[parts.count - 2] == "reading" { return "reading/" + name }
        return String(name)
    }

    /// One short line for a status line: what is wrong, with which file, what it means
    /// (`consequence`, such as "bookmarks not saved") and what to do.
    public func brief(consequence: String) -> String {
        let file = shortPath ?? ""
        switch self {
        case .corrupt:
            return "\(file) is damaged: \(consequence); move it away, restart"
        case .unknownSchema:
            return "\(file) is from a newer dubao: \(consequence); upgrade dubao"
        case .io(_, let code, let doing):
            switch code {
            case ENOSPC, EDQUOT: return "cannot \(doing) \(file): disk full: \(consequence); free space"
            default: return "cannot \(doing) \(file): \(String(cString: strerror(code)).lowercased()): \(consequence)"
            }
        case .notFound(let what):
            return "\(what): \(consequence)"
        }
    }
}
