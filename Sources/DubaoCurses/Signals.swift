import CNcursesw
import Glibc
import Synchronization

// Process-wide state that signal handlers touch. Signal handlers may only use lock-free atomics
// and async-signal-safe calls, so this is all atomics and one fixed buffer; none of it is
// reached through an instance (handlers cannot capture).

/// Whether a curses screen is up (between `newterm` and `endwin` for good). The one place that
/// decides who calls the final `endwin`: whoever swaps it from true to false.
let cursesActive = Atomic<Bool>(false)
/// The last of SIGINT, SIGTERM, SIGHUP received and not yet taken; 0 for none.
let pendingSignal = Atomic<Int32>(0)
/// Set when the process continues after a stop (Ctrl-Z then `fg`, or SIGSTOP then SIGCONT).
let resumedFromStop = Atomic<Bool>(false)
/// Whether the exit hook is registered (once per process).
let exitHookRegistered = Atomic<Bool>(false)

/// The actions that were in place before ours, indexed by signal number, for re-raising a crash
/// with them and for giving them back in `stop()`. Written on the main thread before the
/// handler that reads an entry is installed.
nonisolated(unsafe) let previousActions: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))
    p.initialize(repeating: sigaction(), count: Int(NSIG))
    return p
}()

/// Signals that ask dubao to quit; the caller sees them through `takePendingSignal()`.
let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
/// Signals of a crash: restore the terminal, then let the previous action (Swift's backtracer,
/// or the default core dump) run.
let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

/// Final `endwin`, at most once per screen: from `stop()`, the exit hook and crash handlers.
/// Then what was written to standard error meanwhile is shown.
func endCursesOnce() {
    if cursesActive.exchange(false, ordering: .acquiringAndReleasing) {
        endwin()
        releaseStandardError()
    }
}

// While the curses screen is up, anything written to standard error (a Swift "Fatal error"
// message before a crash, a stray warning) would land on the screen and vanish with it. It goes
// to an unlinked temporary file instead, copied to the real standard error after `endwin`.

/// The real standard error (a duplicate), or -1 when not captured.
let savedStandardError = Atomic<Int32>(-1)
/// The temporary file standard error goes to, or -1.
let capturedStandardError = Atomic<Int32>(-1)
/// A buffer for the copy, allocated before any handler can need it.
nonisolated(unsafe) let copyBuffer: UnsafeMutableRawPointer = .allocate(byteCount: 4096, alignment: 16)

/// Sends standard error to a temporary file, when it is the terminal (main thread).
func captureStandardError() {
    guard savedStandardError.load(ordering: .acquiring) < 0, isatty(STDERR_FILENO) == 1 else { return }
    _ = copyBuffer
    let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array("\(directory)/dubao-stderr-XXXXXX".utf8CString)
    let file = mkstemp(&template)
    guard file >= 0 else { return }
    unlink(template)
    let saved = dup(STDERR_FILENO)
    guard saved >= 0, dup2(file, STDERR_FILENO) >= 0 else {
        close(file)
        if saved >= 0 { close(saved) }
        return
    }
    _ = fcntl(file, F_SETFD, FD_CLOEXEC)
    _ = fcntl(saved, F_SETFD, FD_CLOEXEC)
    capturedStandardError.store(file, ordering: .releasing)
    savedStandardError.store(saved, ordering: .releasing)
}

/// Gives standard error back and copies to it what was captured. Async-signal-safe.
func releaseStandardError() {
    let saved = savedStandardError.exchange(-1, ordering: .acquiringAndReleasing)
    let file = capturedStandardError.exchange(-1, ordering: .acquiringAndReleasing)
    guard saved >= 0 else { return }
    dup2(saved, STDERR_FILENO)
    close(saved)
    guard file >= 0 else { return }
    lseek(file, 0, SEEK_SET)
    while true {
        let n = read(file, copyBuffer, 4096)
        if n <= 0 { break }
        var written = 0
        while written < n {
            let w = write(STDERR_FILENO, copyBuffer + written, n - written)
            if w <= 0 { break }
            written += w
        }
        if written < n { break }
    }
    close(file)
}

/// For `atexit`: capture-free.
func endCursesAtExit() {
    endCursesOnce()
}

private func handleQuitSignal(_ signal: Int32) {
    pendingSignal.store(signal, ordering: .releasing)
}

private func handleCrashSignal(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    endCursesOnce()
    sigaction(signal, previousActions + Int(signal), nil)
    // A fault the kernel raised (si_code > 0: a bad address, ud2, a division by zero) happens
    // again when this handler returns, now with the previous action and the true fault
    // address. One sent by kill/raise/abort (si_code ≤ 0) is sent again; it is blocked while
    // this handler runs, so the previous action gets it as soon as the handler returns.
    if let info, info.pointee.si_code > 0 { return }
    raise(signal)
}

private func handleStopSignal(_ signal: Int32) {
    let savedErrno = errno
    if cursesActive.load(ordering: .acquiring) {
        // Not endCursesOnce: the screen comes back on resume.
        endwin()
    }
    var defaultAction = sigaction()
    defaultAction.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&defaultAction.sa_mask)
    sigaction(SIGTSTP, &defaultAction, nil)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGTSTP)
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    // Stops here. (In an orphaned process group the kernel discards it and we carry on.)
    raise(SIGTSTP)
    // Continued.
    install(handleStopSignal, for: SIGTSTP, saving: false)
    resumedFromStop.store(true, ordering: .releasing)
    errno = savedErrno
}

private func handleContinueSignal(_ signal: Int32) {
    resumedFromStop.store(true, ordering: .releasing)
}

/// Runs `body` with SIGINT and SIGQUIT ignored, as system(3) does while its command runs: the
/// terminal sends Ctrl-C and Ctrl-\ to every process in the foreground, and those are meant
/// for the program on the terminal (a pager), not for the reader waiting for it (main thread).
func withKeyboardSignalsIgnored(_ body: () -> Void) {
    var ignore = sigaction()
    ignore.__sigaction_handler.sa_handler = SIG_IGN
    sigemptyset(&ignore.sa_mask)
    var previousInterrupt = sigaction(), previousQuit = sigaction()
    sigaction(SIGINT, &ignore, &previousInterrupt)
    sigaction(SIGQUIT, &ignore, &previousQuit)
    defer {
        sigaction(SIGINT, &previousInterrupt, nil)
        sigaction(SIGQUIT, &previousQuit, nil)
    }
    body()
}

/// Installs `handler` for `signal` without SA_RESTART, so a blocking read is interrupted.
/// With `saving`, the previous action is kept in `previousActions` first.
private func install(_ handler: @convention(c) (Int32) -> Void, for signal: Int32, saving: Bool) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    if saving {
        sigaction(signal, nil, previousActions + Int(signal))
    }
    sigaction(signal, &action, nil)
}

/// Whether `signal` was set to be ignored when we started (nohup, a shell without job
/// control): such signals are left ignored.
private func isIgnored(_ signal: Int32) -> Bool {
    var current = sigaction()
    sigaction(signal, nil, &current)
    return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1 // SIG_IGN
}

/// The set of signals installed by `installProcessSignalHandlers`, for `restoreProcessSignalHandlers`.
nonisolated(unsafe) private var installedSignals: [Int32] = []

/// Installs dubao's handlers (main thread). See `CursesTerminal.installSignalHandlers()`.
func installProcessSignalHandlers() {
    guard installedSignals.isEmpty else { return }
    // Touch the atomics now, so no lazy global initialisation happens inside a handler.
    _ = pendingSignal.load(ordering: .relaxed)
    _ = resumedFromStop.load(ordering: .relaxed)
    _ = cursesActive.load(ordering: .relaxed)
    _ = previousActions
    for signal in quitSignals where !isIgnored(signal) {
        install(handleQuitSignal, for: signal, saving: true)
        installedSignals.append(signal)
    }
    if !isIgnored(SIGTSTP) {
        install(handleStopSignal, for: SIGTSTP, saving: true)
        installedSignals.append(SIGTSTP)
    }
    install(handleContinueSignal, for: SIGCONT, saving: true)
    installedSignals.append(SIGCONT)
    for signal in crashSignals {
        // No SA_NODEFER: the re-raise must wait until the handler has returned.
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = handleCrashSignal
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_SIGINFO
        sigaction(signal, nil, previousActions + Int(signal))
        sigaction(signal, &action, nil)
        installedSignals.append(signal)
    }
    // A process started from a thread that blocks signals (a libdispatch worker, a test runner)
    // inherits that mask: then Ctrl-C, Ctrl-Z, SIGTERM and ncurses' SIGWINCH would never arrive.
    var wanted = sigset_t()
    sigemptyset(&wanted)
    for signal in installedSignals + [SIGWINCH] { sigaddset(&wanted, signal) }
    pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
}

/// Gives back the actions that were in place before `installProcessSignalHandlers` (main thread).
func restoreProcessSignalHandlers() {
    for signal in installedSignals {
        sigaction(signal, previousActions + Int(signal), nil)
    }
    installedSignals.removeAll()
}
