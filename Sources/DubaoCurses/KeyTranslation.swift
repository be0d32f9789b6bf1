import CNcursesw
import DubaoTerminal

/// What `wget_wch` returns, turned into `KeyEvent`s. Pure functions, so every code can be
/// checked without a terminal. `KEY_RESIZE` and `KEY_MOUSE` need the terminal (the new size,
/// `getmouse`) and are handled by `CursesTerminal`; here they give nil.
public enum KeyTranslation {
    /// A character `wget_wch` returned with `OK`: printable ones (Chinese included, which
    /// arrive whole) become `.character`; Tab, Enter (10 and 13), Esc, Backspace (127 and 8)
    /// their keys; the other Ctrl-letters (1–26) `.control("a")`…`.control("z")`. Other control
    /// characters, surrogates and non-characters give nil.
    public static func event(forCharacter code: UInt32) -> KeyEvent? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            if scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function-key code `wget_wch` returned with `KEY_CODE_YES`. Nil for keys dubao has no
    /// use for (Insert, keypad corners, …) and for `KEY_RESIZE`/`KEY_MOUSE`.
    public static func event(forKeyCode code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1, KEY_LL: return .end
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case dubao_KEY_F(1)...dubao_KEY_F(63): return .function(Int(code - dubao_KEY_F(0)))
        default: return nil
        }
    }

    /// A mouse report (`MEVENT.bstate` and its cell): button-1 press, wheel up (button 4),
    /// wheel down (button 5). Nil for anything else (releases, other buttons).
    public static func event(forMouseState state: mmask_t, x: Int, y: Int) -> KeyEvent? {
        if state & dubao_BUTTON4_PRESSED() != 0 { return .mouse(MouseEvent(kind: .wheelUp, x: x, y: y)) }
        if state & dubao_BUTTON5_PRESSED() != 0 { return .mouse(MouseEvent(kind: .wheelDown, x: x, y: y)) }
        if state & dubao_BUTTON1_PRESSED() != 0 { return .mouse(MouseEvent(kind: .press, x: x, y: y)) }
        return nil
    }

    /// The raw Home and End sequences terminals send when TERM does not match them (xterm's
    /// `ESC [ H`, the VT220 `ESC [ 1 ~`, rxvt's `ESC [ 7 ~`, application mode `ESC O H`), to be
    /// taught to ncurses with `define_key`.
    public static let extraKeySequences: [(sequence: String, code: Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END),
        ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END),
        ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
        ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
    ]
}
