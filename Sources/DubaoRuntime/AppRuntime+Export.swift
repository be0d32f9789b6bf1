import DubaoUI

/// The exports' effects: the clipboard's escape written to the terminal, the Markdown file
/// written, the pager run with the terminal given up to it.
extension AppRuntime {
    func copy(_ text: String, title: String) -> Action {
        let characters = text.count
        func report(_ outcome: ClipboardOutcome) -> Action { .copied(title: title, characters: characters, outcome) }
        guard let terminal else { return report(.failed("no terminal to send it to")) }
        let length = ClipboardEscape.length(of: text)
        guard length <= ClipboardEscape.limit else { return report(.tooLarge(bytes: length, limit: ClipboardEscape.limit)) }
        let outcome = ClipboardEscape.outcome(terminalName: terminal.terminalName, hasMs: terminal.hasCapability("Ms"),
                                              environment: environment) {
            ClipboardEscape.tmuxClipboard(environment: environment)
        }
        guard terminal.writeControlSequence(ClipboardEscape.sequence(for: text)) else {
            return report(.failed("the terminal could not be written to"))
        }
        return report(outcome)
    }

    func save(_ markdown: String, name: ArticleFileName, folder: String?) -> Action {
        switch SaveFolder(configured: folder, environment: environment).write(markdown, name: name) {
        case .success(let path): return .saved(path: path)
        case .failure(let failure): return .saveFailed(failure.message)
        }
    }

    func page(_ text: String) -> Action {
        guard let terminal else { return .pagerEnded(problem: "no terminal to show the pager on") }
        var problem: String?
        terminal.suspend { problem = Pager.show(text, environment: environment) }
        return .pagerEnded(problem: problem)
    }
}
