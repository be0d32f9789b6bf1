import DubaoLayout
import DubaoModel

/// An article as plain text lines for `dubao show`: the reader's typesetting, without colour.
enum ArticleText {
    static func lines(_ article: Article, width: Int, measure: Int = 80, normalizesPunctuation: Bool = true) -> [String] {
        ArticleTypesetter(measure: measure, normalizesPunctuation: normalizesPunctuation).typeset(article, width: width).map { line in
            line.text.isEmpty ? "" : String(repeating: " ", count: line.leftOffset) + line.text
        }
    }
}
