/// A key or mouse event as the UI core sees it, whatever terminal produced it.
public enum KeyEvent: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (`j`, `J`, `?`, `中`).
    case character(Character)
    /// Ctrl plus a letter: `.control("d")` is Ctrl-D.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)
    case mouse(MouseEvent)
    /// The terminal changed size; the new size is in the event.
    case resize(width: Int, height: Int)

    /// The name used in the config file and the help screen: `j`, `C-d`, `S-Tab`, `PgDn`, `Space`.
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "C-\(c)"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .escape: return "Esc"
        case .backspace: return "BS"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        case .mouse(let m): return "Mouse(\(m))"
        case .resize(let w, let h): return "Resize(\(w)x\(h))"
        }
    }
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
