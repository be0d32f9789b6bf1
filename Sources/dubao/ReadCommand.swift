import ArgumentParser
import DubaoImport
import DubaoStore
import DubaoCurses
import DubaoModel
import DubaoSettings
import DubaoTerminal
import DubaoRuntime
import DubaoUI
import Foundation
import DubaoText

struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: texts.abstract(.cliAbstractRead),
        discussion: texts.discussion(texts[.cliDiscussionRead])
    )

    // No positional argument: `Dubao.misplacedCommand` refuses the first word past the options that names no command
    // as a typo, which one added here would have to be let through.
    @Option(help: texts.help(.cliHelpReadDate, valueName: "yyyy-mm-dd"))
    var date: Given<IssueDate>?

    @Option(help: texts.help(.cliHelpTheme, ThemeCatalog.builtInNames.joined(separator: ", "), valueName: "name"))
    var theme: String?

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        try date?.check(option: "date")
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var settings: Settings
        do throws(SettingsError) {
            // Light or dark, for a config that names no theme: what COLORFGBG says, else what the
            // terminal answers, asked only when neither --theme nor NO_COLOR decides.
            let asksTerminal = theme == nil
            settings = try Settings.load(environment: environment) {
                TerminalBackground(colorFGBG: environment["COLORFGBG"]) ?? (asksTerminal ? BackgroundQuery.ask() : nil)
            }
            if let theme {
                // An explicit --theme wins over NO_COLOR, as no-color.org asks.
                settings.theme = try ThemeCatalog(environment: environment).theme(named: theme)
                settings.colourDisabled = false
            }
        } catch {
            throw Failure(error.message(texts))
        }
        let date = self.date?.parsed
        let opened = try library.openForReading(quiet: true)
        if let date {
            // Checked before the screen is taken over, so the error is a plain line in the shell.
            guard opened.issues.contains(where: { $0.date == date }) else {
                throw Failure(texts(.cliNoIssueDated, date, library.root))
            }
        }

        let keymap = settings.config.keymap(base: .standard)
        let readerSettings = ReaderSettings(measureCharacters: settings.config.readerWidth,
                                            normalizesPunctuation: settings.config.normalizePunctuation,
                                            mouse: settings.config.mouse, saveFolder: settings.config.saveFolder,
                                            language: texts.language)

        let terminal: CursesTerminal
        do throws(TerminalError) {
            terminal = try CursesTerminal(theme: settings.theme,
                                          options: .init(useColor: !settings.colourDisabled, mouse: readerSettings.mouse))
        } catch {
            throw Failure(error.message(texts))
        }
        terminal.installSignalHandlers()
        defer { terminal.stop() }

        let size = terminal.size
        var state = AppState(width: size.width, height: size.height, settings: readerSettings, keymap: keymap)
        state.navigation.sampleIssue = IssueKey(paper: SampleLibrary.paper, date: SampleLibrary.date)
        let runtime = AppRuntime(state: state,
                                 library: opened.source, userData: FolderUserData(root: library.root),
                                 searchesInBackground: true, savesReadingAfterFrame: true,
                                 terminal: terminal, environment: environment)
        runtime.start(isSample: opened.isSample, issues: opened.issues)
        // Issues imported while the reader runs show up, even on the sample paper.
        runtime.watch(Library(root: library.root), stamp: opened.stamp)
        if let date { runtime.dispatch(.openIssue(date)) }
        if let signal = try ReaderLoop(terminal: terminal, runtime: runtime).run() {
            // Quit by a signal: the shell sees it, as with any program Ctrl-C stops.
            terminal.stop()
            throw ExitCode(128 + signal)
        }
    }
}

/// Draw, wait for a key, dispatch: until the user quits, a signal arrives or the terminal goes away.
struct ReaderLoop {
    let terminal: CursesTerminal
    let runtime: AppRuntime

    /// Returns the signal that ended the reader, if one did.
    func run() throws -> Int32? {
        while true {
            let polled = runtime.poll() + runtime.lookAtLibrary()
            if polled.contains(.quit) { return nil }
            terminal.draw(Screen.render(runtime.state))
            // The reading marks and place the last key changed, written while the reader reads;
            // a failure to write them is shown at once.
            if runtime.saveReadingAfterFrame() { continue }
            if let signal = terminal.takePendingSignal() {
                // Ctrl-C, SIGTERM, SIGHUP: leave as `Q` does, saving where the reader was.
                runtime.dispatch(.run(.quit))
                return signal
            }
            let event: KeyEvent?
            do throws(TerminalError) {
                // While a search runs, wake often enough for its progress line to move; while
                // the issue list is read again, to show it soon after. Idle, a wake every 250 ms
                // looks at the library's stamp once a second.
                let busy = runtime.isSearching || runtime.isReadingLibrary
                event = try terminal.nextEvent(timeoutMilliseconds: busy ? 50 : 250)
            } catch {
                runtime.dispatch(.run(.quit))
                terminal.stop()
                throw Failure(error.message(texts))
            }
            guard let event else { continue }
            let effects = runtime.dispatch(.key(event))
            if effects.contains(.quit) { return nil }
            if effects.contains(.redraw) { terminal.invalidate() }
        }
    }
}
