import Foundation
import Testing

/// A library on a full disk or a read-only mount: one clear line, no partial files, nothing lost.
/// These mount a small tmpfs, which needs root (as CI and the dev machines run); elsewhere they
/// are skipped and say why.
@Suite("Library on a full or read-only disk", .enabled(if: SmallDisk.canMount, "skipped: mounting a tmpfs needs root"))
struct FullAndReadOnlyDiskTests {
    @Test("a full disk: the import fails with one line, earlier issues intact, no temporary files left")
    func fullDisk() throws {
        // Room for the sample paper imported whole at the end: on tmpfs every file takes a 4 KB
        // page, and an import holds the old and the new filter pack of its ten days at once.
        let disk = try SmallDisk(kilobytes: 128)
        defer { disk.unmount() }
        let lib = disk.path + "/lib"
        let first = try DubaoProcess.run(["import", DubaoProcess.fixtures + "/kicker-title.txt", "--date", "2026-11-26"], library: lib)
        #expect(first.status == 0, "\(first.stderr)")
        // Fill the disk almost to the brim.
        let filler = disk.path + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        if let handle = FileHandle(forWritingAtPath: filler) {
            let block = Data(count: 4096)
            while (try? handle.write(contentsOf: block)) != nil {}
            try? handle.close()
        }
        let before = DubaoProcess.snapshot(lib)
        let out = try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib)
        #expect(out.status != 0)
        let errors = out.stderr.split(separator: "\n").filter { !$0.hasPrefix("dubao: warning:") }
        #expect(errors.count == 1, "\(out.stderr)")
        #expect(out.stderr.contains("disk is full"), "\(out.stderr)")
        let after = DubaoProcess.snapshot(lib)
        #expect(!after.keys.contains { $0.contains(".tmp-") }, "no temporary files: \(after.keys.sorted())")
        // Exactly the files there were before, byte for byte: no orphaned section or catalog.
        #expect(Set(after.keys) == Set(before.keys), "files now: \(after.keys.sorted())")
        for (path, bytes) in before { #expect(after[path] == bytes, "\(path) unchanged") }
        // Free the space: the library still reads and imports.
        try FileManager.default.removeItem(atPath: filler)
        #expect(try DubaoProcess.run(["list", "--date", "2026-11-26"], library: lib).status == 0)
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
    }

    @Test("a read-only library: reading works, importing fails with one line naming the folder")
    func readOnly() throws {
        let disk = try SmallDisk(kilobytes: 1024)
        defer { disk.unmount() }
        let lib = disk.path + "/lib"
        #expect(try DubaoProcess.run(["import", DubaoProcess.sampleData], library: lib).status == 0)
        try disk.remountReadOnly()
        let before = DubaoProcess.snapshot(lib)
        let list = try DubaoProcess.run(["list"], library: lib)
        #expect(list.status == 0, "\(list.stderr)")
        let out = try DubaoProcess.run(["import", DubaoProcess.fixtures + "/kicker-title.txt"], library: lib)
        #expect(out.status != 0)
        #expect(out.stderr.split(separator: "\n").count == 1, "\(out.stderr)")
        #expect(out.stderr.contains(lib))
        #expect(out.stderr.contains("--library"), "says what to do: \(out.stderr)")
        #expect(DubaoProcess.snapshot(lib) == before)
        // Removing an issue fails the same way, and removes nothing.
        let remove = try DubaoProcess.run(["remove", "--date", "2026-11-27"], library: lib)
        #expect(remove.status == 1 && remove.stderr.split(separator: "\n").count == 1, "\(remove.stderr)")
        #expect(remove.stderr.contains(lib), "\(remove.stderr)")
        #expect(DubaoProcess.snapshot(lib) == before)
    }
}

/// A tmpfs of a given size mounted on a fresh folder.
struct SmallDisk {
    let path: String

    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = NSTemporaryDirectory() + "dubao-mount-probe-\(getpid())"
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard SmallDisk.run("/bin/mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", probe]) else { return false }
        return SmallDisk.run("/bin/umount", [probe])
    }()

    init(kilobytes: Int) throws {
        path = DubaoProcess.temporaryFolder("disk")
        guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path]) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    func remountReadOnly() throws {
        guard Self.run("/bin/mount", ["-o", "remount,ro", path]) else { throw CocoaError(.fileWriteUnknown) }
    }

    func unmount() {
        _ = Self.run("/bin/umount", [path])
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}
