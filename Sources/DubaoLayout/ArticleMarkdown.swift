import DubaoModel

/// An article as a Markdown document, for saving: the kicker in italics above `# title`, the
/// subtitle in italics below it, the continued-from note and byline, the paragraphs, captions in
/// italics, the continuation note, and last, under a rule, where it was printed.
///
/// Text is sanitized as `ArticlePlainText`'s is, and the few ASCII characters that Markdown would
/// read as markup are escaped, so a `*` or a leading `#` in a paragraph shows as printed.
public enum ArticleMarkdown {
    /// The document, ending in a line break. `source` names where the article was printed
    /// (`江城晨报 2026-11-27 01 要闻`); empty, the rule and the line are left out.
    public static func document(of article: Article, source: String, captionPrefix: String = "图｜") -> String {
        func clean(_ text: String) -> String { escaped(DisplaySanitizer.sanitize(text)) }
        var blocks: [String] = []
        let title = clean(article.title), kicker = clean(article.kicker), subtitle = clean(article.subtitle)
        if title.isEmpty {
            // A headline with no title line: its kicker stands as the heading.
            if !kicker.isEmpty { blocks.append("# " + kicker) }
        } else {
            if !kicker.isEmpty { blocks.append("*\(kicker)*") }
            blocks.append("# " + title)
        }
        if !subtitle.isEmpty { blocks.append("*\(subtitle)*") }
        // The continued-from note and the byline are one block, as in the reader: two lines of
        // one paragraph, kept apart by a hard break (a backslash ending the first).
        let credits = [article.continuedFrom, ArticleTypesetter.byline(of: article)].map(clean).filter { !$0.isEmpty }
        if !credits.isEmpty { blocks.append(credits.joined(separator: "\\\n")) }

        var captionIndex = 0
        func captions(upTo paragraph: Int?) {
            while captionIndex < article.captions.count,
                  paragraph.map({ article.captions[captionIndex].afterParagraph <= $0 }) ?? true {
                let text = clean(article.captions[captionIndex].text)
                if !text.isEmpty { blocks.append("*\(captionPrefix)\(text)*") }
                captionIndex += 1
            }
        }
        captions(upTo: 0)
        for (index, paragraph) in article.paragraphs.enumerated() {
            let text = clean(paragraph)
            if !text.isEmpty { blocks.append(text) }
            captions(upTo: index + 1)
        }
        captions(upTo: nil)
        let continuation = clean(article.continuation)
        if !continuation.isEmpty { blocks.append(continuation) }

        let place = clean(source)
        if !place.isEmpty { blocks += ["---", place] }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Characters Markdown reads as markup anywhere in a line.
    static let inlineMarkup: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "~", "&", "|"]

    /// `text` with a backslash before each character Markdown would take as markup: the inline
    /// ones anywhere, and at the start of the line a heading's `#`, a list's `-`, `+` or `1.`, a
    /// rule's `=`. CommonMark lets any ASCII punctuation be escaped so.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var atStart = true
        var digitsSoFar = true
        for c in text {
            if inlineMarkup.contains(c) || (atStart && "#-+=".contains(c))
                || (digitsSoFar && !atStart && (c == "." || c == ")")) {
                out.append("\\")
            }
            out.append(c)
            digitsSoFar = digitsSoFar && c.isASCII && c.isNumber
            atStart = false
        }
        return out
    }
}
