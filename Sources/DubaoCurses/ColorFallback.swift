import CNcursesw
import DubaoTerminal

/// How a theme's styles become what the terminal can show: colour numbers it has and
/// attributes it supports. Pure functions: they need no terminal, so tests check them directly.
public enum ColorFallback {
    /// The colour number ncurses uses for "the terminal's own colour" (with `use_default_colors`).
    public static let defaultColor: Int16 = -1

    /// The colours dubao may use on a terminal reporting `colors` colours (terminfo `colors`):
    /// 256 (the whole xterm palette), 16, 8, or 0 (no colour at all). 88-colour and other odd
    /// sizes use the largest of these that fits.
    public static func paletteSize(terminalColors colors: Int) -> Int {
        if colors >= 256 { return 256 }
        if colors >= 16 { return 16 }
        if colors >= 8 { return 8 }
        return 0
    }

    /// The xterm default RGB of colour `index` (0–255): 0–15 the basic and bright colours,
    /// 16–231 the 6×6×6 cube, 232–255 the grey ramp.
    public static func rgb(ofIndexed index: Int) -> (r: Int, g: Int, b: Int) {
        XtermPalette.rgb(index) ?? (0, 0, 0)
    }

    /// The colour of a palette of `paletteSize` colours (8, 16 or 256) nearest to xterm colour
    /// `index` by RGB distance; the index itself when the palette has it. A grey maps to one of
    /// the palette's greys (black, white, bright black, bright white), never to a hue that
    /// happens to be as close (mid grey is nearer yellow than white on 8 colours). Nil for an
    /// index outside 0–255 or a palette without colours.
    public static func nearest(_ index: Int, paletteSize: Int) -> Int? {
        guard (0..<256).contains(index), paletteSize > 0 else { return nil }
        if index < paletteSize { return index }
        let target = rgb(ofIndexed: index)
        let grey = max(target.r, target.g, target.b) - min(target.r, target.g, target.b) < 24
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<paletteSize where !grey || [0, 7, 8, 15].contains(candidate) {
            let c = rgb(ofIndexed: candidate)
            let d = square(c.r - target.r) + square(c.g - target.g) + square(c.b - target.b)
            if d < bestDistance { best = candidate; bestDistance = d }
        }
        return best
    }

    /// The ncurses colour pair (foreground, background) for `style` on a terminal with
    /// `terminalColors` colours. `.terminalDefault` becomes -1 when the terminal accepts
    /// default colours (`use_default_colors` succeeded), else white on black (7, 0). No number
    /// returned is ever ≥ the palette, so text never turns black on black: when two different
    /// theme colours fall onto the same terminal colour the foreground is replaced by black or
    /// white, whichever stands out more from the background; and a foreground that only fell to
    /// black (a dark grey on 8 colours) over the terminal's own background, which is black on
    /// most terminals, becomes the terminal's own foreground.
    public static func pair(for style: TextStyle, terminalColors: Int, defaultColors: Bool) -> (foreground: Int16, background: Int16) {
        let palette = paletteSize(terminalColors: terminalColors)
        func map(_ color: ThemeColor, fallback: Int16) -> Int16 {
            switch color {
            case .terminalDefault:
                return defaultColors ? defaultColor : fallback
            case .indexed(let n):
                guard let mapped = nearest(n, paletteSize: palette) else { return defaultColors ? defaultColor : fallback }
                return Int16(mapped)
            }
        }
        var fg = map(style.foreground, fallback: 7)
        let bg = map(style.background, fallback: 0)
        if fg == 0, bg == defaultColor, style.foreground != .indexed(0), style.foreground != .indexed(16) {
            fg = defaultColor
        }
        if fg == bg, fg != defaultColor, style.foreground != style.background {
            let b = rgb(ofIndexed: Int(bg))
            let darkness = b.r + b.g + b.b
            fg = darkness > 3 * 128 ? 0 : 7
        }
        return (fg, bg)
    }

    /// The curses attributes for `style` on a terminal that supports `supported` (what
    /// `term_attrs()` returns): an attribute the terminal lacks (dim on vt100, italic on many)
    /// is dropped. Without colours, a role that shows itself only by a background colour (a
    /// selection bar) is drawn in reverse video instead, so it stays visible.
    public static func attributes(for style: TextStyle, supported: attr_t, colorsInUse: Bool) -> attr_t {
        var wanted: attr_t = dubao_A_NORMAL()
        if style.bold { wanted |= dubao_A_BOLD() }
        if style.dim { wanted |= dubao_A_DIM() }
        if style.underline { wanted |= dubao_A_UNDERLINE() }
        if style.reverse { wanted |= dubao_A_REVERSE() }
        if style.italic { wanted |= dubao_A_ITALIC() }
        var result = wanted & supported
        if !colorsInUse, result == dubao_A_NORMAL(), style.background != .terminalDefault {
            result = dubao_A_REVERSE() & supported
        }
        return result
    }

    /// Whether a role that stands out by its background (a selection bar, the status line) loses
    /// that background on this terminal: its colour falls onto the normal text's background, or
    /// onto black over the terminal's own (usually black) background. Such a role is drawn in
    /// reverse video instead, so an 8-colour terminal still shows where the selection is.
    public static func backgroundCollapses(_ style: TextStyle, normal: TextStyle, terminalColors: Int, defaultColors: Bool) -> Bool {
        guard style.background != normal.background, style.background != .terminalDefault else { return false }
        let mine = pair(for: style, terminalColors: terminalColors, defaultColors: defaultColors).background
        let base = pair(for: normal, terminalColors: terminalColors, defaultColors: defaultColors).background
        return mine == base || (mine == 0 && base == defaultColor)
    }

    /// The theme to draw with when colours are off (no colours on the terminal, or turned off):
    /// `theme` itself when it uses none, else `Theme.monochrome`. A colour theme stripped of its
    /// colours is no theme at all: its rows differ by background only, every one of them would
    /// turn to reverse video, and the selection bar would vanish among them.
    public static func themeWithoutColours(_ theme: Theme) -> Theme {
        let coloured = StyleRole.allCases.contains { role in
            let style = theme.style(role)
            return style.foreground != .terminalDefault || style.background != .terminalDefault
        }
        return coloured ? .monochrome : theme
    }

    private static func square(_ x: Int) -> Int { x * x }
}
