import ArgumentParser
import DubaoCore
import DubaoModel
import Foundation

struct Dubao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dubao",
        abstract: "读报 — a terminal reader for Chinese newspapers.",
        subcommands: [ImportCommand.self]
    )
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import raw newspaper pages.")
    @Argument var paths: [String]
    @Flag var dryRun = false
    @Flag var json = false
    func run() throws {
        let result = try Importer().importPaths(paths)
        print(ImportReport(result: result, stored: false).json())
    }
}

Dubao.main()
