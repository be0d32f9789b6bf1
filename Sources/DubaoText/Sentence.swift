/// A phrase with the values that fill it, kept unsaid until a language is chosen: an error or a
/// warning made deep in the importer or the store is worded where it reaches the user, in the
/// language the user reads. A value may be a sentence of its own (`a string`, a hint), said in
/// the same language.
public struct Sentence: Equatable, Sendable, CustomStringConvertible {
    public indirect enum Value: Equatable, Sendable {
        case text(String)
        case sentence(Sentence)
    }

    public var phrase: Phrase
    public var values: [Value]

    /// A `Sentence` among `values` is said in the same language; anything else as its description.
    public init(_ phrase: Phrase, _ values: any CustomStringConvertible...) {
        self.init(phrase, values: values)
    }

    public init(_ phrase: Phrase, values: [any CustomStringConvertible]) {
        self.phrase = phrase
        self.values = values.map { value in
            if let sentence = value as? Sentence { return .sentence(sentence) }
            return .text(value.description)
        }
    }

    /// In English: what `description` gives wherever a type keeps an English `description`.
    public var description: String { Texts.english(self) }
}

extension Texts {
    /// The sentence in this language, its sentences among its values too.
    public func callAsFunction(_ sentence: Sentence) -> String {
        Self.fill(self[sentence.phrase], sentence.values.map { value in
            switch value {
            case .text(let text): return text
            case .sentence(let inner): return self(inner)
            }
        })
    }
}
