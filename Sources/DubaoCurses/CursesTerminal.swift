import CNcursesw
import DubaoTerminal
import Glibc

/// The terminal, through ncursesw: copies `ScreenGrid`s to the screen and reads `KeyEvent`s.
/// The only code in dubao that touches curses.
///
/// Use it from the main thread only, and make one at a time. Typical loop:
///
///     let terminal = try CursesTerminal(theme: theme, options: .init())
///     terminal.installSignalHandlers()
///     defer { terminal.stop() }
///     while running {
///         terminal.draw(view(state, terminal.size))
///         if let signal = terminal.takePendingSignal() { break }   // SIGINT, SIGTERM, SIGHUP
///         if let event = try terminal.nextEvent(timeoutMilliseconds: 250) { … }
///     }
///
/// Text widths: cells are laid out by `DubaoLayout.DisplayWidth`, which counts East Asian
/// "ambiguous" characters (“ ” … — ①) as one cell, like glibc's `wcwidth`; a terminal set to draw
/// them two cells wide is not supported. Where glibc's `wcwidth` disagrees with a cell's width
/// the cell is drawn so the row still lines up (a narrow glyph in a wide cell gets a blank
/// beside it; a glyph wider than its cell is shown as `?`).
public final class CursesTerminal {
    /// What to switch on.
    public struct Options: Equatable, Sendable {
        /// Colours from the theme. Off, or when the terminal has none: the theme's attributes
        /// (bold, reverse, …) are used if it has no colours, else those of `Theme.monochrome`.
        /// `NO_COLOR` is the caller's to weigh (`noColorRequested`), since a theme chosen on the
        /// command line overrides it.
        public var useColor: Bool
        /// Mouse reports: button-1 presses and the wheel.
        public var mouse: Bool

        public init(useColor: Bool = true, mouse: Bool = true) {
            self.useColor = useColor
            self.mouse = mouse
        }
    }

    /// Whether colours are in use (the option and the terminal both allow them).
    public let colorsInUse: Bool
    /// The number of colours the terminal reports (terminfo `colors`), 0 when colours are off.
    public let terminalColors: Int
    /// The terminal type ncurses was set up for.
    public let terminalName: String

    private let screen: OpaquePointer
    /// Internal for the extensions in the other files of this module.
    let window: UnsafeMutablePointer<WINDOW>
    /// The look of each role: curses attributes and colour-pair number, by `StyleRole` order.
    private var looks: [StyleRole: (attributes: attr_t, pair: Int16)] = [:]
    /// What the terminal shows now; nil when unknown (first frame, after `invalidate`).
    private var shown: ScreenGrid?
    /// The last grid drawn, kept to paint again after a stop.
    private var lastGrid: ScreenGrid?
    private(set) var stopped = false
    /// Whether the terminal's cursor is on (a line is being edited); nil until first set.
    private var cursorVisible: Bool?
    /// A cell drawn reversed to stand for the cursor on a terminal that cannot show its own:
    /// drawn again as the grid has it in the next frame.
    private var standInCursor: GridPoint?

    /// Sets the terminal up: checks that standard input and output are terminals, selects a
    /// UTF-8 locale (the environment's, else C.UTF-8), starts curses on TERM with `newterm`,
    /// and switches to cbreak, no echo, keypad, hidden cursor and a 25 ms Esc delay.
    public init(theme: Theme, options: Options) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: .standardInput) }
        guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: .standardOutput) }
        try Self.selectUTF8Locale()

        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else { throw .termNotSet }
        guard let screen = dubao_newterm(nil) else { throw .unknownTerminal(term) }
        set_term(screen)
        guard let window = dubao_stdscr() else {
            endwin()
            delscreen(screen)
            throw .unknownTerminal(term)
        }
        let cup = tigetstr("cup")
        if cup == nil || cup == UnsafeMutablePointer(bitPattern: -1) {
            endwin()
            delscreen(screen)
            throw .cannotAddressCursor(term)
        }
        self.screen = screen
        self.window = window
        terminalName = term
        cursesActive.store(true, ordering: .releasing)
        captureStandardError()
        if !exitHookRegistered.exchange(true, ordering: .acquiringAndReleasing) {
            atexit { endCursesAtExit() }
        }

        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        meta(window, true)
        scrollok(window, false)
        idlok(window, false)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)
        for (sequence, code) in KeyTranslation.extraKeySequences {
            // Only where the terminal does not send them as one of its own keys already.
            if key_defined(sequence) == 0 { define_key(sequence, code) }
        }

        if options.useColor, has_colors(), start_color() == OK,
           ColorFallback.paletteSize(terminalColors: Int(dubao_COLORS())) > 0 {
            let defaults = use_default_colors() == OK
            let colors = Int(dubao_COLORS())
            colorsInUse = true
            terminalColors = colors
            let maxPairs = Int(dubao_COLOR_PAIRS())
            let supported = term_attrs()
            for (index, role) in StyleRole.allCases.enumerated() {
                let style = theme.style(role)
                let number = index + 1
                var pair: Int16 = 0
                if colorsInUse, number < maxPairs, number <= Int(Int16.max) {
                    let (fg, bg) = ColorFallback.pair(for: style, terminalColors: colors, defaultColors: defaults)
                    if init_pair(Int16(number), fg, bg) == OK { pair = Int16(number) }
                }
                var attributes = ColorFallback.attributes(for: style, supported: supported, colorsInUse: colorsInUse)
                if colorsInUse, ColorFallback.backgroundCollapses(style, normal: theme.style(.normal), terminalColors: colors,
                                                                  defaultColors: defaults) {
                    attributes |= dubao_A_REVERSE() & supported
                    pair = 0
                }
                looks[role] = (attributes, pair)
            }
        } else {
            colorsInUse = false
            terminalColors = 0
            let supported = term_attrs()
            let plain = ColorFallback.themeWithoutColours(theme)
            for role in StyleRole.allCases {
                looks[role] = (ColorFallback.attributes(for: plain.style(role), supported: supported, colorsInUse: false), 0)
            }
        }

        if options.mouse {
            mousemask(dubao_BUTTON1_PRESSED() | dubao_BUTTON4_PRESSED() | dubao_BUTTON5_PRESSED(), nil)
            mouseinterval(0)
        }
        var background = cell(" ", role: .normal)
        wbkgrndset(window, &background)
        werase(window)
    }

    deinit {
        stop()
    }

    // MARK: - Size and drawing

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Copies `grid` to the terminal: only the cells that changed since the last frame, or all
    /// of them after a size change or `invalidate()`; then one `doupdate`. A grid of another size
    /// than the terminal is clipped to it (the next `.resize` event tells the caller the size).
    public func draw(_ grid: ScreenGrid) {
        guard !stopped else { return }
        lastGrid = grid
        let rows = min(grid.height, Int(getmaxy(window)))
        let columns = min(grid.width, Int(getmaxx(window)))
        var previous = shown
        if let old = previous, old.width != grid.width || old.height != grid.height {
            previous = nil
        }
        if previous == nil {
            werase(window)
            clearok(window, true)
        }

        for y in 0..<rows {
            for x in 0..<columns {
                let cell = grid[x, y]
                if cell.width == 0 {
                    // The right half of a wide character: drawn with its left half, unless that
                    // half is gone (clipped), then a blank.
                    if x == 0, previous?[x, y] != cell { put(" ", role: cell.style, x: x, y: y) }
                    continue
                }
                if let old = previous, old[x, y] == cell { continue }
                put(cell, x: x, y: y, columns: columns)
            }
        }
        if let stale = standInCursor, stale.y < rows, stale.x < columns {
            // The reversed stand-in of the last frame, drawn as the grid has it.
            let x = grid[stale.x, stale.y].width == 0 && stale.x > 0 ? stale.x - 1 : stale.x
            put(grid[x, stale.y], x: x, y: stale.y, columns: columns)
        }
        standInCursor = nil
        shown = grid
        placeCursor(grid.cursor, rows: rows, columns: columns, grid: grid)
        wnoutrefresh(window)
        doupdate()
    }

    /// Shows the terminal's cursor at `point`, or hides it. Where the terminal cannot show it
    /// (`curs_set` fails), the cell under it is drawn reversed instead.
    private func placeCursor(_ point: GridPoint?, rows: Int, columns: Int, grid: ScreenGrid) {
        guard let point, point.y < rows, point.x < columns, point.x >= 0, point.y >= 0 else {
            if cursorVisible != false {
                curs_set(0)
                leaveok(window, true)
                cursorVisible = false
            }
            return
        }
        if cursorVisible != true {
            leaveok(window, false)
            cursorVisible = curs_set(1) != ERR
        }
        if cursorVisible == false {
            let cell = grid[point.x, point.y]
            var c = self.cell(cell.width == 0 ? " " : cell.text, role: cell.style)
            var attributes: attr_t = 0, pair: Int16 = 0
            var text = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
            if getcchar(&c, &text, &attributes, &pair, nil) == OK {
                _ = setcchar(&c, text, attributes ^ dubao_A_REVERSE(), pair, nil)
            }
            _ = mvwadd_wch(window, Int32(point.y), Int32(point.x), &c)
            standInCursor = point
        }
        wmove(window, Int32(point.y), Int32(point.x))
    }

    /// Forgets what the terminal shows: the next `draw` repaints every cell from a cleared screen.
    public func invalidate() {
        shown = nil
    }

    private func put(_ cell: Cell, x: Int, y: Int, columns: Int) {
        guard let base = cell.text.unicodeScalars.first else {
            put(" ", role: cell.style, x: x, y: y)
            return
        }
        let glyphWidth = Int(wcwidth(wchar_t(bitPattern: base.value)))
        let cellWidth = Int(cell.width)
        if cellWidth == 2, x + 1 >= columns {
            // Half a wide character does not fit (the grid is wider than the terminal).
            put(" ", role: cell.style, x: x, y: y)
        } else if glyphWidth == cellWidth {
            put(cell.text, role: cell.style, x: x, y: y)
        } else if glyphWidth == 1, cellWidth == 2 {
            put(cell.text, role: cell.style, x: x, y: y)
            put(" ", role: cell.style, x: x + 1, y: y)
        } else {
            // Unprintable in this locale, or wider than the layout thought: keep the row aligned.
            put("?", role: cell.style, x: x, y: y)
            if cellWidth == 2 { put(" ", role: cell.style, x: x + 1, y: y) }
        }
    }

    private func put(_ text: String, role: StyleRole, x: Int, y: Int) {
        var c = cell(text, role: role)
        // ERR in the bottom-right cell (the cursor cannot move past it without scrolling,
        // which is off) is expected: the character is stored all the same.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &c)
    }

    /// A cchar_t of `text` (a character and its combining marks, at most CCHARW_MAX - 1 of them
    /// together) in the look of `role`.
    private func cell(_ text: String, role: StyleRole) -> cchar_t {
        var characters: [wchar_t] = []
        characters.reserveCapacity(Int(CCHARW_MAX))
        for scalar in text.unicodeScalars.prefix(Int(CCHARW_MAX) - 1) {
            characters.append(wchar_t(bitPattern: scalar.value))
        }
        if characters.isEmpty { characters.append(32) }
        characters.append(0)
        let look = looks[role] ?? looks[.normal] ?? (dubao_A_NORMAL(), 0)
        var c = cchar_t()
        if setcchar(&c, characters, look.attributes, look.pair, nil) != OK {
            _ = setcchar(&c, [63, 0], look.attributes, look.pair, nil)
        }
        return c
    }

    // MARK: - Input

    /// Waits up to `timeoutMilliseconds` (negative: for ever) for a key, a mouse report or a
    /// resize. Nil on timeout, or as soon as a quit signal arrives (check `takePendingSignal()`),
    /// or for a key dubao has no use for. After the process was stopped and continued, the
    /// screen is repainted and the event is `.resize` with the current size, so the caller draws
    /// afresh. Throws `.inputClosed` when standard input is at end of file or hung up, so the
    /// caller quits instead of spinning.
    public func nextEvent(timeoutMilliseconds: Int) throws(TerminalError) -> KeyEvent? {
        guard !stopped else { return nil }
        if resumedFromStop.exchange(false, ordering: .acquiringAndReleasing) { return resume() }
        wtimeout(window, Int32(clamping: timeoutMilliseconds))
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == KEY_CODE_YES {
            switch Int32(bitPattern: code) {
            case KEY_RESIZE:
                shown = nil
                let (width, height) = size
                return .resize(width: width, height: height)
            case KEY_MOUSE:
                var mouse = MEVENT()
                guard getmouse(&mouse) == OK else { return nil }
                return KeyTranslation.event(forMouseState: mouse.bstate, x: Int(mouse.x), y: Int(mouse.y))
            case let key:
                return KeyTranslation.event(forKeyCode: key)
            }
        }
        if result == OK {
            if code == 27, dropTerminalReport() { return nil }
            return KeyTranslation.event(forCharacter: code)
        }
        // ERR: the timeout, a signal, or the end of input.
        if resumedFromStop.exchange(false, ordering: .acquiringAndReleasing) { return resume() }
        if pendingSignal.load(ordering: .acquiring) != 0 { return nil }
        if Self.inputIsClosed(STDIN_FILENO) { throw .inputClosed }
        return nil
    }

    /// Repaints everything after a stop and reports the size.
    private func resume() -> KeyEvent {
        if isendwin() == false {
            // Stopped from outside (SIGSTOP): the shell may have changed the terminal's modes.
            reset_prog_mode()
        }
        repaintWhole()
        let (width, height) = size
        return .resize(width: width, height: height)
    }

    /// Sends the last frame again, every cell of it, from a cleared terminal. After an `endwin`
    /// the `doupdate` this ends in takes the screen back too (modes, keypad, mouse).
    func repaintWhole() {
        clearok(dubao_curscr(), true)
        shown = nil
        if let grid = lastGrid {
            draw(grid)
        } else {
            wrefresh(window)
        }
    }

    /// Whether `fd` has reached end of file or hung up: `poll` says it is readable (or hung up,
    /// or invalid) while no byte is waiting.
    static func inputIsClosed(_ fd: Int32) -> Bool {
        var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, 0) == 1 else { return false }
        if request.revents & Int16(POLLNVAL | POLLERR) != 0 { return true }
        var waiting: Int32 = 0
        if ioctl(fd, UInt(FIONREAD), &waiting) != 0 { return request.revents & Int16(POLLHUP) != 0 }
        return waiting == 0
    }

    // MARK: - Signals and stopping

    /// Installs handlers so that SIGINT, SIGTERM and SIGHUP are reported by
    /// `takePendingSignal()` instead of killing the process (ones already ignored, as under
    /// `nohup`, stay ignored); Ctrl-Z (SIGTSTP) gives the terminal back, stops, and on `fg`
    /// the screen is repainted; a crash (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE)
    /// restores the terminal and re-raises with the previous action, so the backtrace is
    /// readable. The handlers do not restart interrupted reads, so `nextEvent` returns promptly.
    public func installSignalHandlers() {
        installProcessSignalHandlers()
    }

    /// The quit signal (SIGINT, SIGTERM or SIGHUP) received since the last call, if any.
    public func takePendingSignal() -> Int32? {
        let signal = pendingSignal.exchange(0, ordering: .acquiringAndReleasing)
        return signal == 0 ? nil : signal
    }

    /// Gives the terminal back (`endwin`) and the signal actions that were in place before
    /// `installSignalHandlers()`. Idempotent; also runs at exit and on a crash.
    ///
    /// While the screen is up, standard error (when it is the terminal) goes to a temporary
    /// file, so a message written there (Swift's "Fatal error: …" before a crash) does not land on
    /// the curses screen and vanish with it; `stop()` (and the exit and crash paths) copy it
    /// to the real standard error after `endwin`.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        endCursesOnce()
        restoreProcessSignalHandlers()
    }

    // MARK: - Environment

    /// Whether the environment's `NO_COLOR` asks for no colour (https://no-color.org: present
    /// and not empty).
    public static func noColorRequested(_ value: String?) -> Bool {
        guard let value else { return false }
        return !value.isEmpty
    }

    /// Whether a codeset name (what `nl_langinfo(CODESET)` returns) is UTF-8.
    public static func isUTF8Codeset(_ codeset: String) -> Bool {
        codeset.lowercased().filter { $0 != "-" && $0 != "_" } == "utf8"
    }

    /// `setlocale(LC_ALL, "")`; if the environment's codeset is not UTF-8, LC_CTYPE C.UTF-8.
    private static func selectUTF8Locale() throws(TerminalError) {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if isUTF8Codeset(codeset) { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if setlocale(LC_CTYPE, name) != nil, isUTF8Codeset(String(cString: nl_langinfo(nl_item(CODESET)))) { return }
        }
        throw .noUTF8Locale(codeset: codeset)
    }
}
