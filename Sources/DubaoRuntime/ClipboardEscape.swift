import DubaoUI
import Foundation
#if canImport(Glibc)
import Glibc
import DubaoText
#endif

/// Text to the clipboard of the terminal the reader runs in, wherever that is (over ssh too):
/// OSC 52, `ESC ] 52 ; c ; <base64> BEL`, which the terminal itself, not the machine dubao runs
/// on, turns into a clipboard. And what can be known of whether it arrives.
///
/// Inside tmux it goes out plain, not wrapped in tmux's passthrough (`ESC P tmux; …`): with
/// `set-clipboard on` tmux takes a plain OSC 52 itself, keeps the text as a paste buffer and
/// sends it on to the outer terminal in that terminal's own form; a wrapped one would skip
/// tmux's buffers, reach the outer terminal twice with `set-clipboard on`, and since tmux 3.3
/// is dropped anyway unless `allow-passthrough` is on. What tmux's setting is gets asked instead,
/// and the status line says when it drops the text.
enum ClipboardEscape {
    /// The longest sequence sent: many terminals drop (or choke on) OSC 52 payloads above about
    /// 100 KB — xterm's default limit, st's, older tmux's — so a longer one is refused with a
    /// message rather than sent to vanish.
    static let limit = 100_000

    /// Terminal types that take OSC 52 though their terminfo entry (or the one installed here)
    /// does not say so with `Ms`, by `TERM`'s start.
    static let knownTerminals = ["xterm-kitty", "alacritty", "foot", "wezterm", "xterm-ghostty", "contour"]
    /// The same by `TERM_PROGRAM`, which terminals that set `TERM=xterm-256color` add.
    static let knownPrograms = ["iTerm.app", "WezTerm", "ghostty"]

    static func sequence(for text: String) -> [UInt8] {
        Array("\u{1B}]52;c;".utf8) + Array(Data(text.utf8).base64EncodedString().utf8) + [0x07]
    }

    /// The sequence's length without building it: 4 base64 bytes for every 3 of UTF-8, and 8 more.
    static func length(of text: String) -> Int {
        (text.utf8.count + 2) / 3 * 4 + 8
    }

    /// Whether a terminal of `terminalName`, with `Ms` or not, in `environment`, takes the escape.
    /// `tmuxClipboard` asks the tmux server the reader runs under for its `set-clipboard`
    /// (`on`, `external`, `off`), nil when it cannot be asked.
    static func outcome(terminalName: String, hasMs: Bool, environment: [String: String], texts: Texts = .english,
                        tmuxClipboard: () -> String?) -> ClipboardOutcome {
        if let tmux = environment["TMUX"], !tmux.isEmpty {
            switch tmuxClipboard() {
            case "on"?:
                return .sent
            case let setting?:
                return .dropped(texts(.tmuxDropsClipboard, setting))
            case nil:
                return .unconfirmed(texts[.tmuxPassesOnlyWhenOn])
            }
        }
        if let screen = environment["STY"], !screen.isEmpty {
            return .unconfirmed(texts[.screenDropsClipboard])
        }
        if hasMs || knownTerminals.contains(where: { terminalName.hasPrefix($0) })
            || knownPrograms.contains(environment["TERM_PROGRAM"] ?? "") {
            return .sent
        }
        return .unconfirmed(texts(.terminalMayNotTakeClipboard, terminalName))
    }

    /// `set-clipboard` of the tmux server in `environment`'s `TMUX`: `tmux show-options -sv`, a
    /// few milliseconds; nil when tmux cannot be run or does not answer within half a second.
    static func tmuxClipboard(environment: [String: String]) -> String? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { if null >= 0 { close(null) } }
        let started = ChildProcess.start(["tmux", "show-options", "-sv", "set-clipboard"], environment: environment,
                                         fds: (null, fds[1], null))
        close(fds[1])
        defer { close(fds[0]) }
        guard case .success(let child) = started, child.wait(seconds: 0.5) == 0 else { return nil }
        // The answer is a word: it sits whole in the pipe once tmux has ended.
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(fds[0], &buffer, buffer.count)
        guard n > 0 else { return nil }
        let answer = String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return answer.isEmpty ? nil : answer
    }
}
