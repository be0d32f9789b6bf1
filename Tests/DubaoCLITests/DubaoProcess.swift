import DubaoTestSupport
import Foundation

/// Runs the real `dubao` binary, as a user would from a shell.
struct DubaoProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dubao").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        return root.appendingPathComponent(".build/debug/dubao").path
    }()

    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var sampleData: String { packageRoot + "/Sources/DubaoImport/SampleData" }
    static var fixtures: String { packageRoot + "/Tests/DubaoCoreTests/Fixtures" }
    static var seed: String { packageRoot + "/../shared/seeds/000_a0ce3d9deb04aa59.txt" }
    static var seedAvailable: Bool { FileManager.default.fileExists(atPath: seed) }

    static func temporaryFolder(_ name: String = #function) -> String {
        ScratchFolder.make(name)
    }

    /// Starts dubao without waiting, for tests that need two at once. `input`, when given, is its
    /// standard input: a pipe filled and closed before dubao starts, so no write waits on dubao or
    /// meets a pipe it closed; a pipe holds 64 KiB on Linux.
    static func start(_ arguments: [String], library: String, stdout: Pipe = Pipe(), stderr: Pipe = Pipe(),
                      input: Data? = nil, environment: [String: String] = [:]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        p.environment = Self.environment(library: library, environment)
        p.standardOutput = stdout
        p.standardError = stderr
        p.standardInput = FileHandle.nullDevice
        if let input {
            precondition(input.count < 1 << 16, "more than a pipe holds")
            let pipe = Pipe()
            try pipe.fileHandleForWriting.write(contentsOf: input)
            try pipe.fileHandleForWriting.close()
            p.standardInput = pipe
        }
        try p.run()
        return p
    }

    /// dubao's environment: the library, no COLUMNS, a config folder of the library's own, and
    /// English — the machine's locale and config must not choose the language — with `extra`
    /// (`["LANG": "zh_CN.UTF-8", "LC_MESSAGES": ""]` for Chinese) over it.
    static func environment(library: String, _ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = nil
        env.merge(pinned(library: library)) { $1 }
        env.merge(extra) { $1 }
        return env
    }

    /// What every dubao a test starts is given, in a pipe or in tmux: its library, a config folder
    /// of the library's own, and English, so the machine's own locale and config choose nothing.
    static func pinned(library: String) -> [String: String] {
        ["DUBAO_LIBRARY": library, "XDG_CONFIG_HOME": library + "-config", "LC_ALL": "", "LC_MESSAGES": "C.UTF-8"]
    }

    static func run(_ arguments: [String], library: String, input: Data? = nil, environment: [String: String] = [:]) throws -> Output {
        let out = Pipe(), err = Pipe()
        let p = try start(arguments, library: library, stdout: out, stderr: err, input: input, environment: environment)
        // Read before waiting: a full pipe would block the child forever.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }

    /// Every file below a folder with its bytes: to prove a failed command changed nothing.
    static func snapshot(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return out }
        for case let path as String in walker {
            var isDir: ObjCBool = false
            let full = folder + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                out[path] = FileManager.default.contents(atPath: full) ?? Data()
            }
        }
        return out
    }
}
