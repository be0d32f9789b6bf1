import DubaoModel

/// Sets an `Article` as screen lines for a pane of a given width, the way a paper sets it:
/// headline block, byline, indented paragraphs, captions, continuation note.
///
/// Text is set on a measure (at most `measure` cells a line, 80 by default, which is 40
/// Chinese characters) and the block is centred in wider panes. Headline lines are centred
/// within the block, the continuation note is right-aligned, everything else is flush left.
/// Every field goes through `DisplaySanitizer`, so no line can carry a control character,
/// and no line is wider than the pane: `leftOffset + width <= width of the pane`.
public struct ArticleTypesetter: Sendable {
    /// Most cells a line of text may take.
    public var measure: Int
    /// Show half-width `,;:?!()` inside Chinese text as full-width (display only).
    public var normalizesPunctuation: Bool
    /// Set before the first line of each paragraph: two ideographic spaces, as printed.
    public var paragraphIndent: String
    /// Set before the first line of each caption, to tell it from body text without colour.
    public var captionPrefix: String

    public init(
        measure: Int = 80, normalizesPunctuation: Bool = true,
        paragraphIndent: String = "\u{3000}\u{3000}", captionPrefix: String = "图｜"
    ) {
        self.measure = measure
        self.normalizesPunctuation = normalizesPunctuation
        self.paragraphIndent = paragraphIndent
        self.captionPrefix = captionPrefix
    }

    /// The article's lines for a pane `width` cells wide; none when the width is below 1.
    public func typeset(_ article: Article, width: Int) -> [TypesetLine] {
        guard width >= 1 else { return [] }
        var setter = Setter(options: self, paneWidth: width)

        setter.set(article.kicker, style: .kicker, origin: .kicker, alignment: .centre)
        setter.set(article.title, style: .title, origin: .title, alignment: .centre)
        setter.set(article.subtitle, style: .subtitle, origin: .subtitle, alignment: .centre)

        setter.startBlock()
        setter.set(article.continuedFrom, style: .continuedFrom, origin: .continuedFrom, alignment: .left)
        setter.set(Self.byline(of: article), style: .byline, origin: .byline, alignment: .left)

        var captionIndex = 0
        func setCaptions(after paragraph: Int?) {
            while captionIndex < article.captions.count,
                  paragraph == nil || article.captions[captionIndex].afterParagraph <= paragraph! {
                setter.startBlock()
                setter.set(article.captions[captionIndex].text, style: .caption, origin: .caption(captionIndex),
                           alignment: .left, indent: captionPrefix)
                captionIndex += 1
            }
        }
        setCaptions(after: 0)
        for (index, paragraph) in article.paragraphs.enumerated() {
            setter.startBlock()
            setter.set(paragraph, style: .body, origin: .paragraph(index), alignment: .left, indent: paragraphIndent)
            setCaptions(after: index + 1)
        }
        setCaptions(after: nil)

        setter.startBlock()
        setter.set(article.continuation, style: .continuation, origin: .continuation, alignment: .right)
        return setter.lines
    }

    /// The dateline and the credit as one line of text: `本报讯（记者 王明）`,
    /// `新华社北京3月5日电　记者李华`. Byline lines' source ranges are offsets in this text.
    public static func byline(of article: Article) -> String {
        let dateline = article.dateline
        let credit = article.credit
        if dateline.isEmpty { return credit }
        if credit.isEmpty { return dateline }
        // A bracketed credit follows the dateline directly, as printed; a bare one needs a gap.
        let opensWithBracket = credit.unicodeScalars.first.map { "（(【[〔".unicodeScalars.contains($0) } ?? false
        return opensWithBracket ? dateline + credit : dateline + "\u{3000}" + credit
    }

    private enum Alignment {
        case left, centre, right
    }

    /// Accumulates lines and the blank lines between blocks.
    private struct Setter {
        let options: ArticleTypesetter
        let measure: Int
        let blockLeft: Int
        var lines: [TypesetLine] = []
        /// A blank line is owed before the next text, because a block ended.
        var pendingGap = false

        init(options: ArticleTypesetter, paneWidth: Int) {
            self.options = options
            measure = max(1, min(options.measure, paneWidth))
            blockLeft = (paneWidth - measure) / 2
        }

        /// Ends the current block: the next text, if any, comes after a blank line.
        mutating func startBlock() {
            if !lines.isEmpty { pendingGap = true }
        }

        mutating func set(_ text: String, style: TypesetLine.Style, origin: TypesetLine.Origin,
                          alignment: Alignment, indent: String = "") {
            guard !text.isEmpty else { return }
            var (scalars, offsets) = DisplaySanitizer.scalarsWithSourceOffsets(of: text)
            if options.normalizesPunctuation { PunctuationNormalizer.normalize(&scalars) }
            let breaker = LineBreaker(width: measure, firstLineIndent: indent)
            let spans = breaker.spans(of: scalars)
            guard !spans.isEmpty else { return }
            if pendingGap {
                lines.append(TypesetLine(text: "", width: 0, style: .blank, origin: .spacing,
                                         sourceRange: 0..<0, leftOffset: blockLeft))
                pendingGap = false
            }
            let usedIndent = breaker.usableIndent
            for span in spans {
                let content = span.isReplacement ? "\u{FFFD}" : String(scalars: scalars[span.range])
                let lineText = span.isFirst && !usedIndent.text.isEmpty ? usedIndent.text + content : content
                let lineWidth = span.width + (span.isFirst ? usedIndent.width : 0)
                let offset: Int
                switch alignment {
                case .left: offset = blockLeft
                case .centre: offset = blockLeft + (measure - lineWidth) / 2
                case .right: offset = blockLeft + measure - lineWidth
                }
                lines.append(TypesetLine(
                    text: lineText, width: lineWidth, style: style, origin: origin,
                    sourceRange: offsets[span.range.lowerBound]..<offsets[span.range.upperBound],
                    leftOffset: offset))
            }
        }
    }
}
