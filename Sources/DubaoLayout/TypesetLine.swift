/// One screen line of a typeset article: what to draw, how, where, and which text it shows.
public struct TypesetLine: Sendable, Equatable, Hashable {
    /// How a line should be drawn; the reader maps styles to attributes.
    public enum Style: Sendable, Equatable, Hashable {
        /// 引题, above the title: dimmer.
        case kicker
        /// 主题: bold.
        case title
        /// 副题, below the title.
        case subtitle
        /// `（上接第1版）`.
        case continuedFrom
        /// Dateline and reporters' credit.
        case byline
        case body
        /// Photo captions: dimmed or italic.
        case caption
        /// `（下转第3版）`.
        case continuation
        /// An empty line separating blocks.
        case blank
    }

    /// The article field a line shows, so a reader can keep its place across re-layout.
    public enum Origin: Sendable, Equatable, Hashable {
        case kicker
        case title
        case subtitle
        case continuedFrom
        /// The text of `ArticleTypesetter.byline(of:)`: dateline and credit joined.
        case byline
        /// `Article.paragraphs[index]`.
        case paragraph(Int)
        /// `Article.captions[index]`.
        case caption(Int)
        case continuation
        /// Blank lines.
        case spacing
    }

    /// What to draw, already sanitized; includes a paragraph's indent or a caption's prefix.
    public var text: String
    /// Display width of `text`.
    public var width: Int
    public var style: Style
    public var origin: Origin
    /// UTF-8 offsets, in the origin's text as the model holds it, of what this line shows.
    /// Empty for blank lines.
    public var sourceRange: Range<Int>
    /// Cells to leave blank before `text`: centres the text block, and centres or right-aligns
    /// headline and continuation lines within it.
    public var leftOffset: Int

    public init(text: String, width: Int, style: Style, origin: Origin, sourceRange: Range<Int>, leftOffset: Int) {
        self.text = text
        self.width = width
        self.style = style
        self.origin = origin
        self.sourceRange = sourceRange
        self.leftOffset = leftOffset
    }

    /// The body paragraph this line belongs to, if any.
    public var paragraph: Int? {
        if case .paragraph(let index) = origin { return index }
        return nil
    }
}

extension Array where Element == TypesetLine {
    /// The line showing `utf8Offset` of body paragraph `paragraph`: where to scroll back to after
    /// a re-layout. Falls back to the paragraph's last line, then to the nearest paragraph before.
    public func lineIndex(paragraph: Int, utf8Offset: Int) -> Int? {
        var lastOfParagraph: Int?
        var lastBefore: Int?
        for (index, line) in enumerated() {
            guard let lineParagraph = line.paragraph else { continue }
            if lineParagraph == paragraph {
                if utf8Offset < line.sourceRange.upperBound { return index }
                lastOfParagraph = index
            } else if lineParagraph < paragraph {
                lastBefore = index
            }
        }
        return lastOfParagraph ?? lastBefore
    }
}
