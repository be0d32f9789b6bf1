import DubaoTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The check binary in a real terminal. tmux gives a screen to read back; a pseudo-terminal of
/// our own covers the errors and the terminal going away.
@Suite(.serialized) struct EndToEndTests {
    static let tmux = executableOnPath("tmux")

    @Test(.enabled(if: tmux != nil, "tmux is not installed: the real-terminal check is skipped"))
    func screenKeysResizeAndQuitInTmux() throws {
        try #require(CheckBinary.exists, "dubao-curses-check is not built beside the tests: \(CheckBinary.path)")
        let tmux = try TmuxSession(tmux: Self.tmux!, width: 80, height: 24, command: """
            TERM=tmux-256color '\(CheckBinary.path)'; echo "exit=$?"; \
            echo "tty: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')"; sleep 60
            """)

        var screen = try #require(try tmux.waitForSettled { $0.first?.contains("读报 curses check 80x24") == true },
                                  "the check screen never appeared: \((try? tmux.capture()) ?? [])")
        try checkLayout(screen, width: 80, height: 24)
        #expect(try tmux.format("#{alternate_on}") == "1")

        try tmux.sendKeys("j")
        try tmux.sendKeys("Down")
        try tmux.sendKeys("C-d")
        screen = try #require(try tmux.waitForSettled { $0.contains { $0.contains("Keys: j Down C-d ") } },
                              "keys not shown: \((try? tmux.capture()) ?? [])")
        try checkLayout(screen, width: 80, height: 24)

        try tmux.run(["resize-window", "-t", "check", "-x", "100", "-y", "30"])
        screen = try #require(try tmux.waitForSettled {
            $0.first?.contains("100x30") == true && $0.contains { $0.contains("Keys: j Down C-d Resize(100x30) ") }
        }, "resize not shown: \((try? tmux.capture()) ?? [])")
        try checkLayout(screen, width: 100, height: 30)

        try tmux.sendKeys("q")
        screen = try #require(try tmux.waitForSettled { $0.contains { $0.hasPrefix("tty: ") } },
                              "the program did not quit: \((try? tmux.capture()) ?? [])")
        #expect(screen.contains("dubao-curses-check: quit by q; last keys: j Down C-d Resize(100x30)"))
        #expect(screen.contains("exit=0"))
        // The terminal is given back: main screen, canonical input, echo.
        #expect(screen.contains("tty: icanon echo"), "\(screen)")
        #expect(try tmux.format("#{alternate_on}") == "0")
    }

    /// Checks the check screen's geometry: every row exactly `width` columns, both panes' borders
    /// in their columns, Chinese text up to the right pane's border, the wide 尾 in the last column.
    private func checkLayout(_ screen: [String], width: Int, height: Int) throws {
        try #require(screen.count == height, "\(screen.count) rows: \(screen)")
        let left = min(30, width / 2)
        for (y, line) in screen.enumerated() where y > 0 {
            #expect(displayWidth(line) == width, "row \(y) is \(displayWidth(line)) wide: \"\(line)\"")
        }
        #expect(columns(of: "┌", in: screen[1]) == [0, left])
        #expect(columns(of: "┐", in: screen[1]) == [left - 1, width - 1])
        #expect(columns(of: "└", in: screen[height - 2]) == [0, left])
        #expect(columns(of: "┘", in: screen[height - 2]) == [left - 1, width - 1])
        #expect(screen[1].hasPrefix("┌─ 样式 roles "))
        #expect(columns(of: "正", in: screen[1]) == [left + 3])
        for y in 2..<(height - 2) {
            #expect(columns(of: "│", in: screen[y]) == [0, left - 1, left, width - 1], "row \(y): \"\(screen[y])\"")
        }
        // The first text row: Chinese from the pane's first inner column to its last.
        let inner = width - left - 2
        let text = String(String(repeating: "中文排版到边测试读报终端。", count: 5).prefix(inner / 2))
        #expect(screen[2].hasSuffix("││" + text + (inner % 2 == 1 ? " " : "") + "│"), "\"\(screen[2])\"")
        #expect(screen[2].hasPrefix("│normal "))
        // The status line: a wide character in the last two columns, the bottom-right cell.
        #expect(screen[height - 1].hasPrefix("状态行 status"))
        #expect(columns(of: "尾", in: screen[height - 1]) == [width - 2])
    }

    @Test(.enabled(if: tmux != nil && executableOnPath("bash") != nil, "tmux or bash missing: the Ctrl-Z check is skipped"))
    func ctrlZSuspendsAndFgRedraws() throws {
        try #require(CheckBinary.exists, "dubao-curses-check is not built beside the tests: \(CheckBinary.path)")
        // Job control needs an interactive shell: without one, the kernel ignores Ctrl-Z.
        let tmux = try TmuxSession(tmux: Self.tmux!, width: 80, height: 24,
                                   command: "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=tmux-256color bash --norc --noprofile -i")
        _ = try tmux.waitForSettled { $0.contains { !$0.isEmpty } }
        try tmux.sendKeys("'\(CheckBinary.path)'", "Enter")
        _ = try #require(try tmux.waitForSettled { $0.first?.contains("读报 curses check 80x24") == true },
                         "the check screen never appeared: \((try? tmux.capture()) ?? [])")
        try tmux.sendKeys("j")
        _ = try #require(try tmux.waitForSettled { $0.contains { $0.contains("Keys: j ") } })

        try tmux.sendKeys("C-z")
        let stopped = try #require(try tmux.waitForSettled { $0.contains { $0.contains("Stopped") } },
                                   "Ctrl-Z did not stop it: \((try? tmux.capture()) ?? [])")
        #expect(!stopped.contains { $0.contains("┌") }, "curses screen still up after Ctrl-Z: \(stopped)")
        #expect(try tmux.format("#{alternate_on}") == "0")

        try tmux.sendKeys("fg", "Enter")
        let resumed = try #require(try tmux.waitForSettled {
            $0.first?.contains("读报 curses check 80x24") == true && $0.contains { $0.contains("Keys: j Resize(80x24) ") }
        }, "fg did not bring the screen back: \((try? tmux.capture()) ?? [])")
        try checkLayout(resumed, width: 80, height: 24)

        try tmux.sendKeys("C-c")
        let quit = try #require(try tmux.waitForSettled { $0.contains { $0.contains("quit by signal 2") } },
                                "Ctrl-C did not quit: \((try? tmux.capture()) ?? [])")
        #expect(!quit.contains { $0.contains("┌") })
    }

    @Test(.enabled(if: tmux != nil, "tmux is not installed: the crash check is skipped"))
    func crashGivesTheTerminalBackBeforeTheBacktrace() throws {
        // Under the address sanitizer (Scripts/asan.sh), Swift's backtracer copying the crashed
        // stack trips ASan's memcpy check, in the runtime and not in dubao; replace_intrin=0 lets
        // the crash reach the backtracer as it does in a normal build, which ignores ASAN_OPTIONS.
        try #require(CheckBinary.exists, "dubao-curses-check is not built beside the tests: \(CheckBinary.path)")
        let tmux = try TmuxSession(tmux: Self.tmux!, width: 100, height: 40, command: """
            SWIFT_BACKTRACE=interactive=no,color=no TERM=tmux-256color \
            ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}replace_intrin=0" \
            '\(CheckBinary.path)' --crash-on-bang; \
            echo "exit=$?"; echo "tty: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')"; sleep 60
            """)
        _ = try #require(try tmux.waitForSettled { $0.first?.contains("读报 curses check") == true },
                         "the check screen never appeared: \((try? tmux.capture()) ?? [])")
        try tmux.sendKeys("!")
        let screen = try #require(try tmux.waitFor(seconds: 30) { $0.contains { $0.hasPrefix("tty: ") } },
                                  "no exit after the crash: \((try? tmux.capture()) ?? [])")
        let history = try tmux.run(["capture-pane", "-p", "-t", "check", "-S", "-200"])
        // The fatal error message, written while the screen was up, is shown after it.
        #expect(history.contains("Fatal error: crash asked for with !"))
        #expect(screen.contains { $0.hasPrefix("exit=13") }, "\(screen)")   // SIGILL 132 or SIGTRAP 133
        #expect(screen.contains("tty: icanon echo"))
        #expect(try tmux.format("#{alternate_on}") == "0")
    }

    @Test func notATerminalIsAClearError() throws {
        try #require(CheckBinary.exists, "dubao-curses-check is not built beside the tests: \(CheckBinary.path)")
        let check = try CheckProcess(environment: checkEnvironment(term: "xterm-256color"), terminal: nil)
        #expect(check.waitForExit(seconds: 10) == 1)
        #expect(check.standardError == "dubao-curses-check: standard input is not a terminal: run dubao in a terminal, without piping or redirecting its input or output\n")
    }

    @Test func unsetTermIsAClearError() throws {
        try #require(CheckBinary.exists, "dubao-curses-check is not built beside the tests: \(CheckBinary.path)")
        let pty = try PseudoTerminal(width: 80, height: 24)
        defer { pty.closeMaster() }
        let check = try CheckProcess(environment: checkEnvironment(term: nil), terminal: pty)
        pty.closeSlave()
        #expect(check.waitForExit(seconds: 10) == 1)
        #expect(check.standardError.hasPrefix("dubao-curses-check: TERM is not set: "))
    }

    @Test func unknownTermIsAClearError() throws {
        try #require(CheckBinary.exists, "dubao-curses-check is not built beside the tests: \(CheckBinary.path)")
        let pty = try PseudoTerminal(width: 80, height: 24)
        defer { pty.closeMaster() }
        let check = try CheckProcess(environment: checkEnvironment(term: "no-such-terminal"), terminal: pty)
        pty.closeSlave()
        #expect(check.waitForExit(seconds: 10) == 1)
        #expect(check.standardError.hasPrefix("dubao-curses-check: unknown terminal type 'no-such-terminal': "))
    }

    @Test func dumbTerminalIsAClearError() throws {
        try #require(CheckBinary.exists, "dubao-curses-check is not built beside the tests: \(CheckBinary.path)")
        let pty = try PseudoTerminal(width: 80, height: 24)
        defer { pty.closeMaster() }
        let check = try CheckProcess(environment: checkEnvironment(term: "dumb"), terminal: pty)
        pty.closeSlave()
        #expect(check.waitForExit(seconds: 10) == 1)
        #expect(check.standardError.hasPrefix("dubao-curses-check: terminal type 'dumb' cannot move the cursor"))
    }

    @Test func terminalGoingAwayEndsTheProgram() throws {
        try #require(CheckBinary.exists, "dubao-curses-check is not built beside the tests: \(CheckBinary.path)")
        let pty = try PseudoTerminal(width: 80, height: 24)
        let check = try CheckProcess(environment: checkEnvironment(term: "xterm-256color"), terminal: pty)
        pty.closeSlave()
        try waitForScreen(pty)
        // The pseudo-terminal is not the program's controlling terminal, so no SIGHUP comes:
        // only reads failing tell it the terminal is gone.
        pty.closeMaster()
        #expect(check.waitForExit(seconds: 5) == 3, "the program kept running after its terminal closed")
        #expect(check.standardError.contains("the terminal closed"))
    }

    @Test func sigtermIsReportedAndTheTerminalRestored() throws {
        try #require(CheckBinary.exists, "dubao-curses-check is not built beside the tests: \(CheckBinary.path)")
        let pty = try PseudoTerminal(width: 80, height: 24)
        defer { pty.closeMaster() }
        let check = try CheckProcess(environment: checkEnvironment(term: "xterm-256color"), terminal: pty)
        pty.closeSlave()
        try waitForScreen(pty)
        kill(check.processIdentifier, SIGTERM)
        #expect(check.waitForExit(seconds: 5) == 128 + SIGTERM)
        let deadline = Date().addingTimeInterval(2)
        while !pty.text.contains("quit by signal 15"), Date() < deadline { usleep(20_000) }
        let text = pty.text
        #expect(text.contains("quit by signal 15"))
        // endwin ran: the alternate screen was left (xterm's rmcup) before the last line.
        let leave = try #require(text.range(of: "\u{1B}[?1049l"), "no rmcup in the output")
        #expect(leave.upperBound <= text.range(of: "quit by signal 15")!.lowerBound)
    }

    private func waitForScreen(_ pty: PseudoTerminal) throws {
        let deadline = Date().addingTimeInterval(10)
        while !pty.text.contains("check"), Date() < deadline { usleep(20_000) }
        try #require(pty.text.contains("check"), "the check screen never appeared")
        usleep(200_000)
    }
}
