import DubaoText
import DubaoTerminal
import DubaoUI
import TOMLKit

/// A theme as its file gives it: the `Theme` the UI draws with, and its one-line description.
public struct ThemeDefinition: Equatable, Sendable {
    public var name: String
    public var description: String
    public var theme: Theme

    public init(name: String, description: String, theme: Theme) {
        self.name = name
        self.description = description
        self.theme = theme
    }
}

/// Reads theme files (format: Themes/README.md).
public enum ThemeLoader {
    /// The sixteen colour names, in xterm order: `"black"` is 0, `"bright-white"` is 15.
    public static let colourNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// The keys of one style.
    public static let styleKeys = ["fg", "bg", "bold", "dim", "underline", "reverse", "italic"]

    /// The top-level keys of a theme file.
    public static let topLevelKeys = ["name", "description", "base", "styles"]

    /// `"default"`, a colour name or (as a string) nothing else: for numbers see `colour(index:)`.
    public static func colour(named name: String) -> ThemeColor? {
        if name == "default" { return .terminalDefault }
        return colourNames.firstIndex(of: name).map { .indexed($0) }
    }

    /// Parses a theme file's text. `file` names it in errors. With `expectedName`, the file's
    /// `name` must be that (a user theme's name is its file name).
    public static func parse(_ text: String, file: String, expectedName: String? = nil) throws(SettingsError) -> ThemeDefinition {
        let doc = try TOMLDocument(text: text, file: file)
        let root = doc.root

        var name: String?
        var description: String?
        var base: Theme?
        var styles: [StyleRole: TextStyle] = [:]
        var stylesSeen = false

        for key in doc.orderedKeys(root, at: []) {
            let value = root[key]!
            switch key {
            case "name":
                let n = try doc.string(value, at: [key], hint: Sentence(.themeNameHint))
                guard ThemeCatalog.isValidName(n) else {
                    throw doc.error(value: [key], Sentence(.themeNameInvalid, TOMLDocument.quoted(n)))
                }
                if let expectedName, n != expectedName {
                    throw doc.error(value: [key], Sentence(.themeNameMismatch, TOMLDocument.quoted(n), expectedName))
                }
                name = n
            case "description":
                description = try doc.string(value, at: [key], hint: Sentence(.themeDescriptionHint))
            case "base":
                let b = try doc.string(value, at: [key], hint: Sentence(.themeBaseHint))
                guard ThemeCatalog.builtInNames.contains(b), let theme = ThemeCatalog.builtInDefinition(named: b)?.theme else {
                    throw doc.error(value: [key], Sentence(.themeBaseUnknown, TOMLDocument.quoted(b), ThemeCatalog.builtInNames.joined(separator: ", ")))
                }
                base = theme
            case "styles":
                stylesSeen = true
                let table = try doc.table(value, at: [key], hint: Sentence(.themeStylesHint))
                for roleName in doc.orderedKeys(table, at: [key]) {
                    let path = [key, roleName]
                    guard let role = StyleRole(rawValue: roleName) else {
                        throw doc.unknownKey(roleName, at: [key], what: .settingsRole, known: StyleRole.allCases.map(\.rawValue))
                    }
                    let entry = try doc.table(table[roleName]!, at: path, hint: Sentence(.themeRoleHint, roleName))
                    styles[role] = try style(entry, at: path, in: doc)
                }
            default:
                throw doc.unknownKey(key, at: [], what: .settingsKey, known: topLevelKeys)
            }
        }

        guard let name else {
            throw SettingsError(file: file, line: 1, problem: Sentence(.themeNoName, expectedName ?? "my-theme"))
        }
        guard let description else {
            throw SettingsError(file: file, line: 1, problem: Sentence(.themeNoDescription))
        }
        guard stylesSeen else {
            throw SettingsError(file: file, line: 1, problem: Sentence(.themeNoStyles))
        }
        if let base {
            for role in StyleRole.allCases where styles[role] == nil { styles[role] = base.styles[role] }
        }
        let missing = StyleRole.allCases.filter { styles[$0] == nil }.map(\.rawValue)
        if !missing.isEmpty {
            throw doc.error(key: ["styles"], Sentence(.themeMissingStyles, missing.joined(separator: ", ")))
        }
        return ThemeDefinition(name: name, description: description, theme: Theme(name: name, styles: styles))
    }

    /// Reads and parses a theme file; its name must match the file's name.
    public static func load(path: String) throws(SettingsError) -> ThemeDefinition {
        guard let text = try readSettingsFile(path) else {
            throw SettingsError(file: path, problem: Sentence(.themeNoSuchFile))
        }
        var fileName = Substring(path)
        if let slash = fileName.lastIndex(of: "/") { fileName = fileName[fileName.index(after: slash)...] }
        let expected = fileName.hasSuffix(".toml") ? String(fileName.dropLast(5)) : String(fileName)
        return try parse(text, file: path, expectedName: expected)
    }

    static func style(_ entry: TOMLTable, at path: [String], in doc: TOMLDocument) throws(SettingsError) -> TextStyle {
        var style = TextStyle()
        for key in doc.orderedKeys(entry, at: path) {
            let value = entry[key]!
            let keyPath = path + [key]
            switch key {
            case "fg": style.foreground = try colour(value, at: keyPath, in: doc)
            case "bg": style.background = try colour(value, at: keyPath, in: doc)
            case "bold": style.bold = try doc.bool(value, at: keyPath)
            case "dim": style.dim = try doc.bool(value, at: keyPath)
            case "underline": style.underline = try doc.bool(value, at: keyPath)
            case "reverse": style.reverse = try doc.bool(value, at: keyPath)
            case "italic": style.italic = try doc.bool(value, at: keyPath)
            default: throw doc.unknownKey(key, at: path, what: .settingsStyleKey, known: styleKeys)
            }
        }
        return style
    }

    static let colourHint = Sentence(.themeColourHint)

    static func colour(_ value: TOMLValueConvertible, at path: [String], in doc: TOMLDocument) throws(SettingsError) -> ThemeColor {
        let field = path.dropFirst().joined(separator: ".")
        if let n = value.int {
            guard (0...255).contains(n) else {
                throw doc.error(value: path, Sentence(.themeColourRange, n, field))
            }
            return .indexed(n)
        }
        if let s = value.string {
            if let c = colour(named: s) { return c }
            if let n = Int(s), (0...255).contains(n) {
                throw doc.error(value: path, Sentence(.themeColourQuoted, TOMLDocument.quoted(s), field, n))
            }
            let guess = Suggestion.closest(to: s, in: ["default"] + colourNames).map { Sentence(.settingsDidYouMean, TOMLDocument.quoted($0)) }
            let problem = Sentence(.themeColourUnknown, TOMLDocument.quoted(s), field, colourHint, guess ?? "")
            throw doc.error(value: path, problem)
        }
        throw doc.error(value: path, Sentence(.themeColourType, field, TOMLDocument.typeName(value), colourHint))
    }
}
