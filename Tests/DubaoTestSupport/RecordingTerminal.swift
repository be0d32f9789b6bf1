import DubaoTerminal

/// A terminal in memory for tests of the runtime: it keeps every escape sequence written to it
/// and counts the times it was given up to another program, running that program for real.
public final class RecordingTerminal: TerminalControl {
    public var terminalName: String
    /// The terminfo string capabilities it claims (`Ms`).
    public var capabilities: Set<String>
    /// When set, writing fails, as to a terminal that has gone away.
    public var writesFail = false
    /// Every sequence written, in order.
    public private(set) var written: [[UInt8]] = []
    /// How many times the terminal was given up (a pager run).
    public private(set) var suspensions = 0
    /// Whether a pager is running now.
    public private(set) var isSuspended = false

    public init(name: String = "xterm-256color", capabilities: Set<String> = ["Ms"]) {
        terminalName = name
        self.capabilities = capabilities
    }

    public func hasCapability(_ name: String) -> Bool { capabilities.contains(name) }

    public func writeControlSequence(_ bytes: [UInt8]) -> Bool {
        guard !writesFail else { return false }
        written.append(bytes)
        return true
    }

    public func suspend(while body: () -> Void) {
        suspensions += 1
        isSuspended = true
        body()
        isSuspended = false
    }
}
