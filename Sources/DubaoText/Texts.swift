/// The phrases of one language, with the values a phrase is given put in place.
public struct Texts: Equatable, Sendable {
    public let language: Language
    private let table: [Phrase: String]

    public init(_ language: Language) {
        self.language = language
        table = language == .chinese ? Phrase.chinese : Phrase.english
    }

    public static let english = Texts(.english)
    public static let chinese = Texts(.chinese)

    public static func == (a: Texts, b: Texts) -> Bool { a.language == b.language }

    /// The phrase as this language says it; a phrase its table lacks (a test forbids it) falls
    /// back to English rather than showing nothing.
    public subscript(_ phrase: Phrase) -> String {
        table[phrase] ?? Phrase.english[phrase] ?? phrase.rawValue
    }

    /// The phrase with `{1}`, `{2}`… replaced by `values` in order; a `Sentence` among them is
    /// said in this language.
    public func callAsFunction(_ phrase: Phrase, _ values: any CustomStringConvertible...) -> String {
        self(Sentence(phrase, values: values))
    }

    public static func fill(_ template: String, _ values: [String]) -> String {
        guard !values.isEmpty, template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), values.indices.contains(n - 1) {
                result += values[n - 1]
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }

    /// The `{n}` a template uses, for the test that both tables agree.
    public static func placeholders(_ template: String) -> Set<Int> {
        var found = Set<Int>()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]) { found.insert(n) }
            rest = after
        }
        return found
    }

    /// The table of a language as written, with nothing filled in: for tests.
    public static func table(_ language: Language) -> [Phrase: String] {
        language == .chinese ? Phrase.chinese : Phrase.english
    }
}
