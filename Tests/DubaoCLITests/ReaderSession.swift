import DubaoTestSupport
import Foundation

/// The real dubao binary in tmux, on a library of the test's own.
enum ReaderSession {
    static let tmux = executableOnPath("tmux")
    static var available: Bool { tmux != nil }

    /// Starts `dubao ARGS`; when it exits the pane prints `EXITED <status>` and stays, so a test
    /// can check how it ended and what it left on the terminal. `COLORFGBG` says the terminal
    /// is dark unless the test says otherwise (empty: not set, so dubao asks the terminal);
    /// `paneBackground` gives the pane that background colour before dubao starts.
    static func start(width: Int, height: Int, library: String, arguments: [String] = [],
                      environment: [String: String] = [:], paneBackground: String? = nil) throws -> TmuxSession {
        var env = DubaoProcess.pinned(library: library).merging(["TERM": "tmux-256color", "COLORFGBG": "15;0"]) { $1 }
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(quote($0.value))" }.joined(separator: " ")
        // Set from inside the pane (tmux on $TMUX's socket), so it is in place before dubao asks.
        let style = paneBackground.map { "\(quote(tmux!)) select-pane -P \(quote("bg=" + $0)); " } ?? ""
        let command = style + "env \(assignments) \(quote(DubaoProcess.binary)) \(arguments.map(quote).joined(separator: " ")); "
            // A killed reader leaves the cursor anywhere, so the marker starts on a line of its own
            // and cannot be wrapped in two at the right edge.
            + "s=$?; printf '\\nEXITED %s\\n' $s; sleep 600"
        return try TmuxSession(tmux: tmux!, width: width, height: height, command: command, name: "reader")
    }

    static func quote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// dubao's process id: the child of the pane's shell.
    static func pid(in session: TmuxSession) throws -> Int32? {
        let shell = try session.format("#{pane_pid}")
        let output = makePipe()
        let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer { close(null) }
        let child = try Child("/usr/bin/pgrep", ["-P", shell, "dubao"], fds: (null, output.write, output.write))
        close(output.write)
        let text = readAll(output.read)
        _ = child.waitForExit()
        return Int32(text.split(separator: "\n").first ?? "")
    }
}
