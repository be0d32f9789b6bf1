import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Folders for tests, all inside one folder of this test process that is removed when the
/// process exits: a test run leaves nothing behind in /tmp, even for a test that failed halfway.
public enum ScratchFolder {
    private static let root: String = {
        let path = NSTemporaryDirectory() + "dubao-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit {
            try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "dubao-tests-\(getpid())")
        }
        return path
    }()

    /// A new empty folder named after `label` (a test's function name, say).
    public static func make(_ label: String) -> String {
        let safe = label.filter { $0.isLetter || $0.isNumber }.prefix(40)
        let path = root + "/\(safe)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A path inside the scratch root that does not exist yet.
    public static func path(_ label: String) -> String {
        let safe = label.filter { $0.isLetter || $0.isNumber }.prefix(40)
        return root + "/\(safe)-\(UUID().uuidString.prefix(8))"
    }
}
