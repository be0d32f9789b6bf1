import DubaoTerminal
import DubaoUI
import Foundation

/// Everything the reader needs from the settings: the config and the theme it names.
public struct Settings: Sendable {
    public var config: Config
    public var theme: Theme
    /// True when `NO_COLOR` is set (and not empty): the theme is then `Theme.monochrome`.
    public var colourDisabled: Bool

    public init(config: Config, theme: Theme, colourDisabled: Bool = false) {
        self.config = config
        self.theme = theme
        self.colourDisabled = colourDisabled
    }

    /// Reads the config file and the theme it names (a user theme file overrides a built-in
    /// one). `NO_COLOR` set to anything but the empty string means no colours: the theme is
    /// then `Theme.monochrome`, whatever the config says. A config that names no theme gets
    /// the one for the terminal's background, which `background` is asked for only then (it
    /// may ask the terminal).
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment,
                            background: () -> TerminalBackground? = { nil }) throws(SettingsError) -> Settings {
        let themes = ThemeCatalog(environment: environment)
        let config: Config
        if let path = Config.defaultPath(environment: environment) {
            config = try ConfigLoader.load(path: path, themes: themes)
        } else {
            config = Config()
        }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return Settings(config: config, theme: .monochrome, colourDisabled: true)
        }
        let name = config.theme ?? ThemeCatalog.defaultThemeName(background: background())
        return Settings(config: config, theme: try themes.theme(named: name))
    }
}
