import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Timing helpers: medians over repeated runs, never single runs (these machines are shared).
enum Measure {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(runs: Int, warmUp: Bool = true, _ body: () throws -> Void) rethrows -> Double {
        if warmUp { try body() }
        var times: [Double] = []
        for _ in 0..<max(1, runs) { times.append(try seconds(body)) }
        return median(times)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// Microseconds to create and write one 32 KB file in `folder`, over `count` new files (kept
    /// until the benchmark's folder goes): the file system's own speed, which the imports depend
    /// on. ext4 creates files several times slower for a while after many were deleted nearby
    /// (its inode allocator checks each recently freed inode), as a previous run's clean-up does.
    static func fileCreationMicroseconds(in folder: String, count: Int = 2000) throws -> Double {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bytes = [UInt8](repeating: 0x61, count: 32 << 10)
        let elapsed = try seconds {
            for i in 0..<count {
                let path = "\(folder)/f\(i)"
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
                let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
                close(fd)
                guard written == bytes.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            }
        }
        return elapsed / Double(count) * 1e6
    }

    /// Peak resident memory of this process, in MB.
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Runs a command to completion with its output thrown away; the exit status.
    @discardableResult
    static func run(_ path: String, _ arguments: [String], environment: [String: String]? = nil) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + env).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, path, &actions, nil, argv, env) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }
}

/// The real binary in a pseudo-terminal: time from spawning it until its first screen is out.
enum FirstScreen {
    typealias OpenPT = @convention(c) (Int32) -> Int32
    typealias PtsName = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32

    static func function<F>(_ name: String, as type: F.Type) -> F? {
        guard let symbol = dlsym(nil, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    /// Seconds until `marker` appears in what the program writes, or nil if it never does.
    static func time(binary: String, arguments: [String], environment: [String: String], marker: String,
                     width: Int = 120, height: Int = 40, timeout: Double = 10) -> Double? {
        guard let openpt = function("posix_openpt", as: OpenPT.self), let grant = function("grantpt", as: OpenPT.self),
              let unlock = function("unlockpt", as: OpenPT.self), let ptsname = function("ptsname_r", as: PtsName.self)
        else { return nil }
        let master = openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grant(master) == 0, unlock(master) == 0 else { return nil }
        defer { close(master) }
        var name = [CChar](repeating: 0, count: 128)
        guard ptsname(master, &name, name.count) == 0 else { return nil }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slave = open(String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), O_RDWR | O_NOCTTY)
        guard slave >= 0 else { return nil }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 { posix_spawn_file_actions_adddup2(&actions, slave, fd) }
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let env = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + env).forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, binary, &actions, nil, argv, env) == 0 else { close(slave); return nil }
        close(slave)
        defer {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        let wanted = Array(marker.utf8)
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < timeout {
            var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 50) >= 0 else { return nil }
            guard request.revents & Int16(POLLIN) != 0 else { continue }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { return nil }
            seen.append(contentsOf: buffer[0..<n])
            if seen.count >= wanted.count, contains(seen, wanted) {
                return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }
        }
        return nil
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
