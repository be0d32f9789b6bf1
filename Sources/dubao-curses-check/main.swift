// dubao-curses-check: draws a test screen through the curses backend, for checking it by eye or
// from a test in tmux. Borders of │ ─, Chinese text to the edge of a pane, a wide character in
// the last column, every style role, the last keys received; redraws on resize; q quits.
//
//     dubao-curses-check [--mono] [--no-color] [--no-mouse] [--crash-on-bang]

import DubaoCurses
import DubaoTerminal
#if canImport(Glibc)
import Glibc
#endif

let arguments = Set(CommandLine.arguments.dropFirst())
let theme = arguments.contains("--mono") ? Theme.monochrome : checkTheme
let noColor = CursesTerminal.noColorRequested(getenv("NO_COLOR").map { String(cString: $0) })
let options = CursesTerminal.Options(useColor: !arguments.contains("--no-color") && !noColor,
                                     mouse: !arguments.contains("--no-mouse"))

let terminal: CursesTerminal
do {
    terminal = try CursesTerminal(theme: theme, options: options)
} catch {
    printError("dubao-curses-check: \(error.message)")
    exit(1)
}
terminal.installSignalHandlers()

var events: [String] = []
var outcome = "q"
var status: Int32 = 0
loop: while true {
    let (width, height) = terminal.size
    terminal.draw(screen(width: width, height: height, events: events, terminal: terminal, theme: theme))
    if let signal = terminal.takePendingSignal() {
        outcome = "signal \(signal)"
        status = 128 + signal
        break
    }
    let event: KeyEvent?
    do {
        event = try terminal.nextEvent(timeoutMilliseconds: 250)
    } catch {
        terminal.stop()
        printError("dubao-curses-check: \(error.message)")
        exit(3)
    }
    guard let event else { continue }
    if event == .character("q") { break loop }
    if event == .character("!"), arguments.contains("--crash-on-bang") {
        // To check that a crash gives the terminal back before the backtrace.
        fatalError("crash asked for with !")
    }
    if case .mouse(let mouse) = event {
        events.append("\(mouse.kind)@\(mouse.x),\(mouse.y)")
    } else {
        events.append(event.description)
    }
    if events.count > 6 { events.removeFirst() }
}
terminal.stop()
print("dubao-curses-check: quit by \(outcome); last keys: \(events.joined(separator: " "))")
exit(status)

/// One line on standard error (Glibc's `stderr` is shared mutable state to Swift 6).
func printError(_ line: String) {
    let text = line + "\n"
    _ = text.withCString { write(STDERR_FILENO, $0, strlen($0)) }
}

/// The test screen for a terminal of `width` × `height`.
func screen(width: Int, height: Int, events: [String], terminal: CursesTerminal, theme: Theme) -> ScreenGrid {
    var grid = ScreenGrid(width: width, height: height)
    guard width >= 20, height >= 8 else {
        grid.put("太小 too small", x: 0, y: 0, style: .notice)
        return grid
    }
    let colours = terminal.colorsInUse ? "\(terminal.terminalColors) colours" : "no colour"
    grid.fill(Rect(x: 0, y: 0, width: width, height: 1), style: .status)
    grid.put("读报 curses check \(width)x\(height) \(colours) \(terminal.terminalName) theme \(theme.name) q quits",
             x: 0, y: 0, style: .status)

    let leftWidth = min(30, width / 2)
    let paneHeight = height - 2
    box(&grid, Rect(x: 0, y: 1, width: leftWidth, height: paneHeight), title: "样式 roles", focused: false)
    box(&grid, Rect(x: leftWidth, y: 1, width: width - leftWidth, height: paneHeight), title: "正文 text", focused: true)

    // Every style role, by name, in its own look.
    for (index, role) in StyleRole.allCases.enumerated() where index < paneHeight - 2 {
        grid.put(role.rawValue, x: 1, y: 2 + index, maxWidth: leftWidth - 2, style: role)
    }

    // Chinese text to the right edge of the pane, in every row but the ones for keys.
    let inner = Rect(x: leftWidth + 1, y: 2, width: width - leftWidth - 2, height: paneHeight - 2)
    let text = "中文排版到边测试读报终端。"
    for row in 0..<max(0, inner.height - 3) {
        let line = String(repeating: text, count: inner.width / 2 / text.count + 2)
        // Exactly what fits (every character is two cells): longer text would end in `…`, and
        // this row is here to show glyphs reaching the pane's last column.
        let shown = String((row == 0 ? Substring(line) : line.dropFirst(row % text.count)).prefix(inner.width / 2))
        grid.put(shown, x: inner.x, y: inner.y + row, maxWidth: inner.width, style: row == 0 ? .title : .body)
    }
    grid.put("Keys: " + events.joined(separator: " "), x: inner.x, y: inner.y + inner.height - 1,
             maxWidth: inner.width, style: .statusKey)

    // Status line with a wide character in the last column (the bottom-right cell).
    grid.fill(Rect(x: 0, y: height - 1, width: width, height: 1), style: .status)
    grid.put("状态行 status", x: 0, y: height - 1, style: .status)
    grid.put("尾", x: width - 2, y: height - 1, style: .statusKey)
    return grid
}

/// A box of │ ─ with its title on the top border.
func box(_ grid: inout ScreenGrid, _ rect: Rect, title: String, focused: Bool) {
    let style: StyleRole = focused ? .borderFocused : .border
    let right = rect.x + rect.width - 1, bottom = rect.y + rect.height - 1
    for x in rect.x...right {
        grid.put("─", x: x, y: rect.y, style: style)
        grid.put("─", x: x, y: bottom, style: style)
    }
    for y in rect.y...bottom {
        grid.put("│", x: rect.x, y: y, style: style)
        grid.put("│", x: right, y: y, style: style)
    }
    grid.put("┌", x: rect.x, y: rect.y, style: style)
    grid.put("┐", x: right, y: rect.y, style: style)
    grid.put("└", x: rect.x, y: bottom, style: style)
    grid.put("┘", x: right, y: bottom, style: style)
    grid.put(" \(title) ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4,
             style: focused ? .paneTitleFocused : .paneTitle)
}

/// A theme with 256-colour numbers, to see the fallback on 8- and 16-colour terminals.
var checkTheme: Theme {
    Theme(name: "check", styles: [
        .normal: TextStyle(),
        .dim: TextStyle(foreground: .indexed(244), dim: true),
        .border: TextStyle(foreground: .indexed(240)),
        .borderFocused: TextStyle(foreground: .indexed(33), bold: true),
        .paneTitle: TextStyle(foreground: .indexed(250)),
        .paneTitleFocused: TextStyle(foreground: .indexed(231), background: .indexed(25), bold: true),
        .selection: TextStyle(foreground: .indexed(231), background: .indexed(24)),
        .selectionUnfocused: TextStyle(background: .indexed(237)),
        .kicker: TextStyle(foreground: .indexed(166)),
        .title: TextStyle(foreground: .indexed(220), bold: true),
        .subtitle: TextStyle(foreground: .indexed(180)),
        .byline: TextStyle(foreground: .indexed(245), italic: true),
        .body: TextStyle(),
        .caption: TextStyle(foreground: .indexed(109), italic: true),
        .continuation: TextStyle(foreground: .indexed(242), dim: true),
        .unread: TextStyle(foreground: .indexed(15), bold: true),
        .bookmark: TextStyle(foreground: .indexed(214)),
        .status: TextStyle(foreground: .indexed(252), background: .indexed(236)),
        .statusKey: TextStyle(foreground: .indexed(229), background: .indexed(236), bold: true),
        .statusDim: TextStyle(foreground: .indexed(243), background: .indexed(236)),
        .match: TextStyle(foreground: .indexed(16), background: .indexed(226)),
        .notice: TextStyle(foreground: .indexed(196), bold: true),
        .helpKey: TextStyle(foreground: .indexed(81), bold: true),
        .helpText: TextStyle(underline: true),
        .overlayBorder: TextStyle(foreground: .indexed(141), reverse: true),
    ])
}
