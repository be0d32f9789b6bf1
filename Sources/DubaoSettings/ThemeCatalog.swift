import DubaoText
import Foundation
import DubaoTerminal
import DubaoUI

/// The themes dubao knows: the built-in ones (Themes/*.toml, embedded in the binary) and the
/// user's own files in `$XDG_CONFIG_HOME/dubao/themes/NAME.toml`, which override a built-in
/// theme of the same name.
public struct ThemeCatalog: Sendable {
    /// The theme used when the config names none: `paper` on a light background, else `dark`.
    public static func defaultThemeName(background: TerminalBackground?) -> String {
        background == .light ? "paper" : "dark"
    }

    /// The built-in themes' names, sorted.
    public static let builtInNames: [String] = builtInTexts.keys.sorted()

    /// Each built-in theme's TOML text by name. Package.swift embeds Themes/*.toml in the binary
    /// (`embedInCode`, through the `Themes` link in this folder), so Themes/ stays the one copy and
    /// a binary moved anywhere still has them. A theme added to Themes/ gets a line here; a test
    /// says so when one is missing.
    private static let builtInTexts: [String: String] = [
        "dark": PackageResources.dark_toml,
        "high-contrast": PackageResources.high_contrast_toml,
        "mono": PackageResources.mono_toml,
        "paper": PackageResources.paper_toml,
    ].mapValues { String(decoding: $0, as: UTF8.self) }

    /// Only the built-in themes.
    public static let builtIn = ThemeCatalog(userThemesDirectory: nil)

    /// The folder of the user's theme files, if any.
    public let userThemesDirectory: String?

    public init(userThemesDirectory: String?) {
        self.userThemesDirectory = userThemesDirectory
    }

    /// The built-in themes and those in `userThemesDirectory(environment:)`.
    public init(environment: [String: String]) {
        self.init(userThemesDirectory: Self.userThemesDirectory(environment: environment))
    }

    /// `$XDG_CONFIG_HOME/dubao/themes`, else `~/.config/dubao/themes`.
    public static func userThemesDirectory(environment: [String: String]) -> String? {
        Config.configDirectory(environment: environment).map { $0 + "/themes" }
    }

    /// The TOML text of a built-in theme, as shipped.
    public static func builtInSource(named name: String) -> String? {
        builtInTexts[name]
    }

    /// A built-in theme, parsed; nil for an unknown name.
    static func builtInDefinition(named name: String) -> ThemeDefinition? {
        guard let text = builtInSource(named: name) else { return nil }
        return try? ThemeLoader.parse(text, file: "built-in theme \(name).toml", expectedName: name)
    }

    /// Theme names: letters, digits, `-` and `_` (so that a name never leaves the themes folder).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    /// Every theme name, built-in and the user's, sorted.
    public var names: [String] {
        Array(Set(Self.builtInNames + userThemeNames)).sorted()
    }

    /// The names of the `*.toml` files in the user's themes folder.
    public var userThemeNames: [String] {
        guard let dir = userThemesDirectory, let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.filter(Self.isValidName).sorted()
    }

    /// Where the user's theme `name` would be.
    public func userThemePath(named name: String) -> String? {
        guard Self.isValidName(name), let dir = userThemesDirectory else { return nil }
        return dir + "/" + name + ".toml"
    }

    public func contains(_ name: String) -> Bool {
        names.contains(name)
    }

    /// The theme `name`: the user's file if there is one, else the built-in theme.
    public func theme(named name: String) throws(SettingsError) -> Theme {
        try definition(named: name).theme
    }

    /// The theme `name` with its description.
    public func definition(named name: String) throws(SettingsError) -> ThemeDefinition {
        if let path = userThemePath(named: name), let text = try readSettingsFile(path) {
            return try ThemeLoader.parse(text, file: path, expectedName: name)
        }
        if let text = Self.builtInSource(named: name) {
            return try ThemeLoader.parse(text, file: "built-in theme \(name).toml", expectedName: name)
        }
        throw SettingsError(file: userThemePath(named: name) ?? "themes",
                            problem: Sentence(.themeUnknown, TOMLDocument.quoted(name), names.joined(separator: ", ")))
    }
}
