/// What a cell is, for the theme to colour: views name roles, themes decide how they look.
public enum StyleRole: String, CaseIterable, Sendable, Hashable, Codable {
    case normal
    case dim
    case border
    case borderFocused
    case paneTitle
    case paneTitleFocused
    /// The selected row of the focused pane.
    case selection
    /// The selected row of a pane without the focus.
    case selectionUnfocused
    case kicker
    case title
    case subtitle
    case byline
    case body
    case caption
    case continuation
    case unread
    case bookmark
    case status
    case statusKey
    case statusDim
    /// A search match.
    case match
    /// Messages: errors and notices in the status line, the "terminal too small" notice.
    case notice
    case helpKey
    case helpText
    case overlayBorder
}

/// A colour as a theme gives it.
public enum ThemeColor: Equatable, Sendable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 256 xterm colours (0–15 are the basic and bright ones).
    case indexed(Int)
}

/// How one role looks.
public struct TextStyle: Equatable, Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool
    public var italic: Bool

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false, italic: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
        self.italic = italic
    }
}

/// A complete set of styles. Roles a theme leaves out fall back to `normal`.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [StyleRole: TextStyle]

    public init(name: String, styles: [StyleRole: TextStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> TextStyle {
        styles[role] ?? styles[.normal] ?? TextStyle()
    }

    /// Attributes only, no colour: for NO_COLOR and terminals without colours, and the fallback
    /// when no theme file can be read.
    public static let monochrome = Theme(name: "mono", styles: [
        .normal: TextStyle(),
        .dim: TextStyle(dim: true),
        .border: TextStyle(dim: true),
        .borderFocused: TextStyle(bold: true),
        .paneTitle: TextStyle(dim: true),
        .paneTitleFocused: TextStyle(bold: true, reverse: true),
        .selection: TextStyle(reverse: true),
        .selectionUnfocused: TextStyle(underline: true),
        .kicker: TextStyle(dim: true),
        .title: TextStyle(bold: true),
        .subtitle: TextStyle(),
        .byline: TextStyle(dim: true),
        .body: TextStyle(),
        .caption: TextStyle(italic: true),
        .continuation: TextStyle(dim: true),
        .unread: TextStyle(bold: true),
        .bookmark: TextStyle(bold: true),
        .status: TextStyle(reverse: true),
        .statusKey: TextStyle(bold: true, reverse: true),
        .statusDim: TextStyle(reverse: true),
        .match: TextStyle(underline: true, reverse: true),
        .notice: TextStyle(bold: true),
        .helpKey: TextStyle(bold: true),
        .helpText: TextStyle(),
        .overlayBorder: TextStyle(bold: true),
    ])
}
