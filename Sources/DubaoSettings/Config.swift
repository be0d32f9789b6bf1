import DubaoTerminal
import DubaoUI
import DubaoText

/// The settings in `config.toml`. Every field has a default; a missing file means `Config()`.
public struct Config: Equatable, Sendable {
    public static let defaultReaderWidth = 40
    /// Allowed reader widths, in Chinese characters.
    public static let readerWidthRange: ClosedRange<Int> = 10...200

    /// The theme's name: a built-in theme or a file in the user's themes folder. Nil when the
    /// file names none: then the terminal's background chooses (`ThemeCatalog.defaultThemeName`).
    public var theme: String?
    /// The reader's measure in Chinese characters (two terminal cells each).
    public var readerWidth: Int
    /// Whether the reader takes mouse clicks and the wheel.
    public var mouse: Bool
    /// Whether ASCII punctuation inside Chinese text is shown full-width.
    public var normalizePunctuation: Bool
    /// The folder `save` writes articles to, as written (`~/papers`: `~` is the home folder);
    /// nil: the folder dubao was started in.
    public var saveFolder: String?
    /// The commands the `[keys]` table binds, each with its keys in the file's order. For these
    /// commands the keys replace the defaults; an empty list unbinds the command.
    public var keys: [Command: [KeyEvent]]
    /// `language = "zh"` or `"en"`: dubao's own words in that language whatever the locale
    /// says; nil to follow the locale.
    public var language: Language?

    public init(theme: String? = nil, readerWidth: Int = Config.defaultReaderWidth,
                mouse: Bool = true, normalizePunctuation: Bool = true, saveFolder: String? = nil,
                keys: [Command: [KeyEvent]] = [:], language: Language? = nil) {
        self.language = language
        self.theme = theme
        self.readerWidth = readerWidth
        self.mouse = mouse
        self.normalizePunctuation = normalizePunctuation
        self.saveFolder = saveFolder
        self.keys = keys
    }

    /// `$XDG_CONFIG_HOME/dubao/config.toml`, else `~/.config/dubao/config.toml`; nil when
    /// neither variable is set.
    public static func defaultPath(environment: [String: String]) -> String? {
        configDirectory(environment: environment).map { $0 + "/config.toml" }
    }

    /// `$XDG_CONFIG_HOME/dubao` (when set to an absolute path), else `$HOME/.config/dubao`.
    public static func configDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return trimmed(xdg) + "/dubao"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return trimmed(home) + "/.config/dubao"
        }
        return nil
    }

    /// The language of dubao's words: the config's, else the locale's (LC_ALL, LC_MESSAGES, LANG).
    public func language(environment: [String: String]) -> Language {
        language ?? Language.fromLocale(environment)
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path == "/" ? "" : path
    }

    /// The keymap: `base` with this config's bindings applied. A command the config binds gets
    /// exactly the config's keys; a key the config binds is taken away from whatever other
    /// command had it in `base`.
    public func keymap(base: Keymap = .standard) -> Keymap {
        var keymap = base
        for (command, keys) in self.keys.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            keymap.rebind(command, to: keys)
        }
        return keymap
    }
}
