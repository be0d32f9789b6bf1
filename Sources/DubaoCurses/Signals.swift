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
func endCursesOnce() {
    if cursesActive.exchange(false, ordering: .acquiringAndReleasing) {
        endwin()
    }
}

/// For `atexit`: capture-free.
func endCursesAtExit() {
    endCursesOnce()
}

private func handleQuitSignal(_ signal: Int32) {
    pendingSignal.store(signal, ordering: .releasing)
}

private func handleCrashSignal(_ signal: Int32) {
    endCursesOnce()
    sigaction(signal, previousActions + Int(signal), nil)
    // Blocked while this handler runs: delivered to the previous action as soon as it returns,
    // with the context of the crash.
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
        install(handleCrashSignal, for: signal, saving: true)
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
