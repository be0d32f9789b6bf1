import DubaoTerminal
import DubaoUI
import Foundation
import TOMLKit
import DubaoText

/// Reads `config.toml` (format: README.md, "Configuration").
public enum ConfigLoader {
    /// The top-level keys of the config file.
    public static let topLevelKeys = ["theme", "reader_width", "mouse", "normalize_punctuation", "save_folder", "language", "keys"]

    /// Reads the config file at `Config.defaultPath(environment:)`; no file (or no home) means
    /// the defaults. Theme names are checked against the built-in themes and the user's.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(SettingsError) -> Config {
        guard let path = Config.defaultPath(environment: environment) else { return Config() }
        return try load(path: path, themes: ThemeCatalog(environment: environment))
    }

    /// Reads the config file at `path`; a missing file means the defaults.
    public static func load(path: String, themes: ThemeCatalog) throws(SettingsError) -> Config {
        guard let text = try readSettingsFile(path) else { return Config() }
        return try parse(text, file: path, themes: themes)
    }

    /// Parses a config file's text; `file` names it in errors.
    public static func parse(_ text: String, file: String, themes: ThemeCatalog = .builtIn) throws(SettingsError) -> Config {
        let doc = try TOMLDocument(text: text, file: file)
        var config = Config()
        for key in doc.orderedKeys(doc.root, at: []) {
            let value = doc.root[key]!
            switch key {
            case "theme":
                let name = try doc.string(value, at: [key], hint: Sentence(.settingsThemeHint))
                guard themes.contains(name) else {
                    var ownTheme: any CustomStringConvertible = ""
                    if ThemeCatalog.isValidName(name), let path = themes.userThemePath(named: name) {
                        ownTheme = Sentence(.settingsWriteYourOwnTheme, path)
                    }
                    throw doc.error(value: [key], Sentence(.settingsUnknownTheme, TOMLDocument.quoted(name),
                                                           TOMLDocument.guessOrChoice(name, themes.names), ownTheme))
                }
                config.theme = name
            case "reader_width":
                let range = Config.readerWidthRange
                guard let width = value.int else {
                    throw doc.error(value: [key], Sentence(.settingsReaderWidthType, TOMLDocument.typeName(value), range.lowerBound, range.upperBound))
                }
                guard range.contains(width) else {
                    throw doc.error(value: [key], Sentence(.settingsReaderWidthRange, width, range.lowerBound, range.upperBound))
                }
                config.readerWidth = width
            case "mouse":
                config.mouse = try doc.bool(value, at: [key])
            case "language":
                let name = try doc.string(value, at: [key], hint: Sentence(.settingsLanguageHint))
                guard let language = Language(setting: name) else {
                    throw doc.error(value: [key], Sentence(.settingsUnknownLanguage, TOMLDocument.quoted(name)))
                }
                config.language = language
            case "normalize_punctuation":
                config.normalizePunctuation = try doc.bool(value, at: [key])
            case "save_folder":
                let folder = try doc.string(value, at: [key], hint: Sentence(.settingsSaveFolderHint))
                guard !folder.isEmpty else {
                    throw doc.error(value: [key], Sentence(.settingsSaveFolderEmpty))
                }
                config.saveFolder = folder
            case "keys":
                config.keys = try keys(value, in: doc)
            default:
                throw doc.unknownKey(key, at: [], what: .settingsSetting, known: topLevelKeys)
            }
        }
        return config
    }

    private static func keys(_ value: TOMLValueConvertible, in doc: TOMLDocument) throws(SettingsError) -> [Command: [KeyEvent]] {
        let table = try doc.table(value, at: ["keys"], hint: Sentence(.settingsKeysHint))
        var bindings: [Command: [KeyEvent]] = [:]
        var owner: [KeyEvent: Command] = [:]
        for name in doc.orderedKeys(table, at: ["keys"]) {
            guard let command = Command(rawValue: name) else {
                throw doc.unknownKey(name, at: ["keys"], what: .settingsCommand, known: Command.allCases.map(\.rawValue))
            }
            let path = ["keys", name]
            let entry = table[name]!
            var specs: [(String, [String])] = []
            if let s = entry.string {
                specs = [(s, path)]
            } else if let array = entry.array {
                for (i, element) in array.enumerated() {
                    let elementPath = path + ["[\(i)]"]
                    guard let s = element.string else {
                        throw doc.error(value: elementPath, Sentence(.settingsKeyListElement, name, TOMLDocument.typeName(element)))
                    }
                    specs.append((s, elementPath))
                }
            } else {
                throw doc.error(value: path, Sentence(.settingsKeyEntryType, name, TOMLDocument.typeName(entry)))
            }
            var keys: [KeyEvent] = []
            for (spec, specPath) in specs {
                guard let key = KeySpec.parse(spec) else {
                    throw doc.error(value: specPath, Sentence(.settingsKeyFor, KeySpec.problem(with: spec), name))
                }
                if let other = owner[key], other != command {
                    throw doc.error(value: specPath, Sentence(.settingsKeyBoundTwice, TOMLDocument.quoted(key.description), other.rawValue, name))
                }
                owner[key] = command
                if !keys.contains(key) { keys.append(key) }
            }
            bindings[command] = keys
        }
        return bindings
    }
}
