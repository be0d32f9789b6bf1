import DubaoModel

/// An article as plain text, for the clipboard and a pager: the headline lines (kicker, title,
/// subtitle), the continued-from note and the byline, then each paragraph and caption unwrapped
/// on a line of its own, and the continuation note; a blank line between these blocks.
///
/// Every field goes through `DisplaySanitizer`: with `PAGER=cat` this text reaches the terminal
/// as it is, so it may carry no control character or escape sequence, and an embedded line
/// break would cut a paragraph in two.
public enum ArticlePlainText {
    /// The text, without a line break at its end.
    public static func text(of article: Article, captionPrefix: String = "图｜") -> String {
        blocks(of: article, captionPrefix: captionPrefix).map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// The blocks in reading order, each a list of lines, none empty.
    static func blocks(of article: Article, captionPrefix: String) -> [[String]] {
        func lines(_ fields: [String]) -> [String] {
            fields.map { DisplaySanitizer.sanitize($0) }.filter { !$0.isEmpty }
        }
        var blocks = [lines([article.kicker, article.title, article.subtitle]),
                      lines([article.continuedFrom, ArticleTypesetter.byline(of: article)])]
        var captionIndex = 0
        func captions(upTo paragraph: Int?) {
            while captionIndex < article.captions.count,
                  paragraph.map({ article.captions[captionIndex].afterParagraph <= $0 }) ?? true {
                blocks.append(lines([article.captions[captionIndex].text]).map { captionPrefix + $0 })
                captionIndex += 1
            }
        }
        captions(upTo: 0)
        for (index, paragraph) in article.paragraphs.enumerated() {
            blocks.append(lines([paragraph]))
            captions(upTo: index + 1)
        }
        captions(upTo: nil)
        blocks.append(lines([article.continuation]))
        return blocks.filter { !$0.isEmpty }
    }
}
