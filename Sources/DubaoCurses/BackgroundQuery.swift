import DubaoTerminal
import Glibc

/// Asks the terminal for its background colour (OSC 11) before curses starts.
///
/// The terminal answers on its input, so for the time of the question the tty is in raw mode
/// (no echo, no line editing: the answer is neither shown nor left for the shell) and put back
/// as it was whatever happens, with the signals that could stop or end dubao held until then.
/// DA1 (`ESC [ c`) is asked right after: every terminal answers it, and in order, so its
/// answer says that nothing more is coming, and a terminal that does not know OSC 11 costs no
/// wait. One that answers neither within the timeout has what arrived thrown away; a reply
/// later still is dropped by `CursesTerminal` as it reads keys.
public enum BackgroundQuery {
    /// The background the terminal reports, or nil: no terminal, not in the foreground, no
    /// answer within `timeoutMilliseconds`, or an answer that cannot be read.
    public static func ask(timeoutMilliseconds: Int = 100) -> TerminalBackground? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // A job in the background would be stopped for touching the terminal's modes.
        guard tcgetpgrp(fd) == getpgrp() else { return nil }

        var held = sigset_t(), previousMask = sigset_t()
        sigemptyset(&held)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU] { sigaddset(&held, signal) }
        pthread_sigmask(SIG_BLOCK, &held, &previousMask)
        defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }

        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return nil }
        var answered = false
        defer {
            // Whatever came and was not read, an answer cut short included, goes.
            if !answered { tcflush(fd, TCIFLUSH) }
            tcsetattr(fd, TCSANOW, &saved)
        }

        let question: [UInt8] = Array("\u{1B}]11;?\u{07}\u{1B}[c".utf8)
        guard question.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == question.count else { return nil }
        var reply: [UInt8] = []
        let deadline = now() + timeoutMilliseconds
        var buffer = [UInt8](repeating: 0, count: 256)
        while !TerminalBackground.containsDeviceAttributes(reply) {
            let left = deadline - now()
            guard left > 0 else { break }
            var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, Int32(left))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            reply += buffer[0..<count]
            if reply.count > 4096 { break }
        }
        answered = TerminalBackground.containsDeviceAttributes(reply)
        return TerminalBackground(osc11Reply: reply)
    }

    /// Milliseconds on the monotonic clock.
    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }
}
