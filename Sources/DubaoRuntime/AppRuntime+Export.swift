import DubaoUI
import DubaoText

/// The exports' effects: the clipboard's escape written to the terminal, the Markdown file
/// written, the pager run with the terminal given up to it.
extension AppRuntime {
    func copy(_ text: String, title: String) -> Action {
        let characters = text.count
        func report(_ outcome: ClipboardOutcome) -> Action { .copied(title: title, characters: characters, outcome) }
        let texts = state.settings.texts
        guard let terminal else { return report(.failed(texts[.noTerminalToSend])) }
        let length = ClipboardEscape.length(of: text)
        guard length <= ClipboardEscape.limit else { return report(.tooLarge(bytes: length, limit: ClipboardEscape.limit)) }
        let outcome = ClipboardEscape.outcome(terminalName: terminal.terminalName, hasMs: terminal.hasCapability("Ms"),
                                              environment: environment, texts: texts) {
            ClipboardEscape.tmuxClipboard(environment: environment)
        }
        guard terminal.writeControlSequence(ClipboardEscape.sequence(for: text)) else {
            return report(.failed(texts[.terminalNotWritable]))
        }
        return report(outcome)
    }

    func save(_ markdown: String, name: ArticleFileName, folder: String?) -> Action {
        switch SaveFolder(configured: folder, environment: environment, texts: state.settings.texts).write(markdown, name: name) {
        case .success(let path): return .saved(path: path)
        case .failure(let failure): return .saveFailed(failure.message)
        }
    }

    func page(_ text: String) -> Action {
        let texts = state.settings.texts
        guard let terminal else { return .pagerEnded(problem: texts[.noTerminalForPager]) }
        var problem: String?
        terminal.suspend { problem = Pager.show(text, environment: environment, texts: texts) }
        return .pagerEnded(problem: problem)
    }
}
