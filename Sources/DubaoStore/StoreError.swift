import DubaoText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the library could not be read or changed. Every case names the file; `message(_:)` says
/// it in the reader's language, `description` in English.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not what dubao wrote (truncated, hand-edited, another program's).
    case corrupt(path: String, detail: Sentence)
    /// Written by a newer dubao.
    case unknownSchema(path: String, version: Int, newest: Int)
    case io(path: String, errno: Int32, doing: Operation)
    case notFound(Sentence)

    /// What was being done to the file when it failed: `cannot write PATH`.
    public enum Operation: Sendable, Equatable {
        case read, write, create, createFileNextTo, openFolder, flushFolder, createFolder, createLockFile, lock

        /// The operation on `path`, as a phrase the error's sentence holds.
        func sentence(_ path: String) -> Sentence {
            let phrase: Phrase = switch self {
            case .read: .storeRead
            case .write: .storeWrite
            case .create: .storeCreate
            case .createFileNextTo: .storeCreateFileNextTo
            case .openFolder: .storeOpenFolder
            case .flushFolder: .storeFlushFolder
            case .createFolder: .storeCreateFolder
            case .createLockFile: .storeCreateLockFile
            case .lock: .storeLock
            }
            return Sentence(phrase, path)
        }
    }

    public var description: String { message(.english) }

    /// The issue is no longer in the library: `dubao remove` took it out while its entry was
    /// held. Not damage: a search passes it over, the reader opens another once it hears.
    static func issueGone(_ issue: IssueEntry) -> StoreError {
        .notFound(Sentence(.storeNoIssue, issue.paper, issue.date))
    }

    public var isIssueGone: Bool {
        if case .notFound(let what) = self { return what.phrase == .storeNoIssue }
        return false
    }

    public func message(_ texts: Texts) -> String { texts(sentence) }

    /// What went wrong, where, and what to do, in no language yet.
    public var sentence: Sentence {
        switch self {
        case .corrupt(let path, let detail):
            return Sentence(.storeCorrupt, path, detail)
        case .unknownSchema(let path, let version, let newest):
            return Sentence(.storeNewerSchema, path, version, newest)
        case .io(let path, let code, let doing):
            switch code {
            case ENOSPC, EDQUOT:
                return Sentence(.storeDiskFull, doing.sentence(path))
            case EROFS, EACCES, EPERM, ENOTDIR:
                return Sentence(.storeNotWritable, doing.sentence(path), Self.reason(code))
            default:
                return Sentence(.storeFailed, doing.sentence(path), Self.reason(code))
            }
        case .notFound(let what):
            return what
        }
    }

    /// The C library's words for an errno, which come in its own language, not dubao's.
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
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

    /// One short line for a status line, in `texts`' language: what is wrong, with which file,
    /// what it means (`consequence`, such as "bookmarks not saved") and what to do.
    public func brief(consequence: String, _ texts: Texts = .english) -> String {
        let file = shortPath ?? ""
        switch self {
        case .corrupt:
            return texts(.storeBriefCorrupt, file, consequence)
        case .unknownSchema:
            return texts(.storeBriefNewerSchema, file, consequence)
        case .io(_, let code, let doing):
            switch code {
            case ENOSPC, EDQUOT: return texts(.storeBriefDiskFull, doing.sentence(file), consequence)
            default: return texts(.storeBriefFailed, doing.sentence(file), Self.reason(code), consequence)
            }
        case .notFound(let what):
            return texts(.storeBriefNotFound, what, consequence)
        }
    }
}
