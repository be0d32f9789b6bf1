/// The language of dubao's own words: its messages, hints, help and command-line output. The
/// paper is shown as printed whatever this is.
public enum Language: String, CaseIterable, Sendable {
    case english = "en"
    case chinese = "zh"

    /// `zh` or `en` as the config file writes it (`zh_CN`, `zh-TW`, `en_GB` too); nil for
    /// anything else.
    public init?(setting: String) {
        let code = setting.lowercased().prefix { $0.isLetter }
        guard let language = Language(rawValue: String(code)) else { return nil }
        self = language
    }

    /// The language the locale asks for: the first of LC_ALL, LC_MESSAGES and LANG that is set
    /// and not empty, as POSIX orders them for messages; Chinese when it starts with `zh`.
    public static func fromLocale(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .chinese : .english
        }
        return .english
    }
}
