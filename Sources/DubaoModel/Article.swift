/// One article of a newspaper page, split into the fields a Chinese paper prints.
///
/// Every field holds text exactly as it stood on the page (trimmed of layout
/// whitespace), so the importer can prove that nothing was lost or invented.
public struct Article: Codable, Sendable, Equatable, Hashable {
    /// Stable across re-imports: derived from paper, date, section and title.
    public var id: ArticleID
    /// 引题: the line above the title.
    public var kicker: String
    /// 主题.
    public var title: String
    /// 副题: the line below the title.
    public var subtitle: String
    /// `（上接第1版）` when the article continues from another page.
    public var continuedFrom: String
    /// `本报讯`, `新华社长春3月26日电`, … without the reporters' credit.
    public var dateline: String
    /// The credit as printed: `(记者徐雁秋 高歌)` or `本报记者 孙红丽`.
    public var credit: String
    /// Reporters' names taken from the credit.
    public var reporters: [String]
    /// Body paragraphs, column breaks joined, indentation removed.
    public var paragraphs: [String]
    /// Photo captions, each placed after a paragraph.
    public var captions: [Caption]
    /// `（下转第3版）` when the article continues on another page.
    public var continuation: String
    /// Lines of the source page (1-based, inclusive) this article came from.
    public var sourceLines: LineRange

    public init(
        id: ArticleID = "", kicker: String = "", title: String = "", subtitle: String = "",
        continuedFrom: String = "", dateline: String = "", credit: String = "",
        reporters: [String] = [], paragraphs: [String] = [], captions: [Caption] = [],
        continuation: String = "", sourceLines: LineRange = LineRange(first: 0, last: 0)
    ) {
        self.id = id
        self.kicker = kicker
        self.title = title
        self.subtitle = subtitle
        self.continuedFrom = continuedFrom
        self.dateline = dateline
        self.credit = credit
        self.reporters = reporters
        self.paragraphs = paragraphs
        self.captions = captions
        self.continuation = continuation
        self.sourceLines = sourceLines
    }

    /// A headline printed without any body (the last line of many pages).
    public var isHeadlineOnly: Bool { paragraphs.isEmpty && captions.isEmpty }

    /// What a list shows for the article: its title, or the start of its text when it has none.
    public var displayTitle: String {
        if !title.isEmpty { return title }
        if !kicker.isEmpty { return kicker }
        let text = paragraphs.first ?? captions.first?.text ?? ""
        return String(text.prefix(24))
    }

    /// Every text field in reading order: what the page printed, in the order it printed it.
    public var textInReadingOrder: [String] {
        var out = [kicker, title, subtitle, continuedFrom, dateline, credit]
        var captionIndex = 0
        func captionsAfter(_ paragraph: Int) {
            while captionIndex < captions.count, captions[captionIndex].afterParagraph == paragraph {
                out.append(captions[captionIndex].text)
                captionIndex += 1
            }
        }
        captionsAfter(0)
        for (i, p) in paragraphs.enumerated() {
            out.append(p)
            captionsAfter(i + 1)
        }
        while captionIndex < captions.count {
            out.append(captions[captionIndex].text)
            captionIndex += 1
        }
        out.append(continuation)
        return out.filter { !$0.isEmpty }
    }
}

/// A photo caption (`图为…`, `…本报记者 甲 摄`) and where it stood among the paragraphs.
public struct Caption: Codable, Sendable, Equatable, Hashable {
    public var text: String
    /// Number of paragraphs before it: 0 means above the first paragraph.
    public var afterParagraph: Int

    public init(text: String, afterParagraph: Int) {
        self.text = text
        self.afterParagraph = afterParagraph
    }
}

/// Lines of a source file, 1-based and inclusive.
public struct LineRange: Codable, Sendable, Equatable, Hashable {
    public var first: Int
    public var last: Int

    public init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }
}
