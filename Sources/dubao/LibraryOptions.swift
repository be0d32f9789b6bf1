import DubaoText
import ArgumentParser
import DubaoImport
import DubaoStore

/// `--library DIR`, shared by every command that reads or writes the library.
struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: texts.help(.cliHelpLibrary, discussion: .cliHelpLibraryDefault, valueName: "dir"))
    var library: String?

    var root: String { Library.defaultRoot(option: library) }

    /// What a reading command opens: the library, or the sample paper while the library holds
    /// no issue, with its issues already read (commands and the reader use them, so the index
    /// and its volumes are read once).
    struct Opened {
        var source: any LibraryReading
        var isSample: Bool
        var issues: [IssueEntry]
        /// The library's stamp from before its issues were read: the reader, watching it, sees
        /// an import made since at its first look.
        var stamp: LibraryStamp?
    }

    func openForReading(quiet: Bool = false) throws -> Opened {
        let library = Library(root: root)
        let stamp = library.stamp()
        let issues = try Failure.check { () throws(StoreError) in try library.issues() }
        if !issues.isEmpty { return Opened(source: library, isSample: false, issues: issues, stamp: stamp) }
        do {
            let sample = try SampleLibrary()
            if !quiet { Failure.note(texts(.cliShowingSample, root)) }
            return Opened(source: sample, isSample: true, issues: try sample.issues(), stamp: stamp)
        } catch {
            throw Failure(texts(.cliSampleUnreadable, "\(error)"))
        }
    }
}
