import DubaoLayout
import DubaoModel

/// An article as plain lines for `dubao show`, until the layout layer's typesetter takes over.
enum ArticleText {
    static func lines(_ article: Article, width: Int) -> [String] {
        var out: [String] = []
        func wrap(_ text: String, indent: String = "") {
            let clean = DisplaySanitizer.sanitize(text)
            for line in LineBreaker(width: width, firstLineIndent: indent).lines(of: clean) { out.append(line.text) }
        }
        if !article.kicker.isEmpty { wrap(article.kicker) }
        if !article.title.isEmpty { wrap(article.title) }
        if !article.subtitle.isEmpty { wrap(article.subtitle) }
        let credit = [article.continuedFrom, article.dateline, article.credit].filter { !$0.isEmpty }.joined(separator: " ")
        if !credit.isEmpty { wrap(credit) }
        for p in article.paragraphs {
            out.append("")
            wrap(p, indent: "\u{3000}\u{3000}")
        }
        if !article.continuation.isEmpty { out.append(""); wrap(article.continuation) }
        return out
    }
}
