import DubaoModel

/// One article saved as a file of its own, as crawlers of a paper's electronic edition save a
/// day (`20200115-03-07.txt`: page 03, seventh in that page's list of articles).
///
/// Such a file holds a blank line, the headline lines standing unindented (kicker, title,
/// subtitle; under a speech's title also a date line or a salutation), then the body: one
/// paragraph a line, each indented (subheads inside the body are indented too). The file is
/// the article: nothing in it is ever cut into two, and every non-blank character of it lands
/// in exactly one field, in order.
public enum ArticleFile {
    /// The parts of a crawler's file name, `YYYYMMDD-PP-NN.txt`.
    public struct CrawlerName: Equatable, Sendable {
        /// The eight digits as written.
        public var digits: String
        /// The day they name; nil for a name such as `20200231-01-01.txt`.
        public var date: IssueDate?
        /// Page (版) and place in the page's list of articles.
        public var page: Int
        public var place: Int

        /// `第03版`, as the library writes a page: the same page imported from a page file
        /// with a `第03版` header is the same section.
        public var pageLabel: String { ArticleFile.label(page: page) }

        /// Nil unless the name has the crawler's shape: eight digits, a page and a place of one
        /// to three digits, `.txt`. The shape decides, not the date: an impossible date is the
        /// caller's error to report, not a reason to read the file as a page.
        public init?(fileName: String) {
            let name = Array(fileName.utf8)
            guard name.count >= 16, name.count <= 20 else { return nil }
            let ext = name.suffix(4).map { $0 | 0x20 }
            guard ext == Array(".txt".utf8) else { return nil }
            let parts = name.dropLast(4).split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 8, (1...3).contains(parts[1].count), (1...3).contains(parts[2].count),
                  parts.allSatisfy({ $0.allSatisfy { (0x30...0x39).contains($0) } }) else { return nil }
            func number(_ p: ArraySlice<UInt8>) -> Int { p.reduce(0) { $0 * 10 + Int($1 - 0x30) } }
            digits = String(decoding: parts[0], as: UTF8.self)
            let ymd = number(parts[0])
            date = IssueDate(year: ymd / 10000, month: ymd / 100 % 100, day: ymd % 100)
            page = number(parts[1])
            place = number(parts[2])
        }
    }

    /// `第03版` for a crawler's page file, `20200115-03.txt` (eight digits, a page of one to three);
    /// nil for any other name.
    public static func pageLabel(ofPageFile fileName: String) -> String? {
        let name = Array(fileName.utf8)
        guard name.count >= 14, name.count <= 16, name.suffix(4).map({ $0 | 0x20 }) == Array(".txt".utf8) else { return nil }
        let parts = name.dropLast(4).split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 8, (1...3).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy { (0x30...0x39).contains($0) } }) else { return nil }
        return label(page: parts[1].reduce(0) { $0 * 10 + Int($1 - 0x30) })
    }

    /// `第03版`, as the library writes a page.
    static func label(page: Int) -> String { "第" + (page < 10 ? "0" : "") + String(page) + "版" }

    /// The article a file holds. `text` is decoded and cleaned, with LF line ends.
    ///
    /// - The unindented lines before the first indented one are the headline, given their roles
    ///   by `HeadlineBlock.assign`.
    /// - A file with no indented line at all (a photo item, `广告`, a file of another layout):
    ///   its first line is the title and every other line a paragraph.
    /// - The first body line may carry `（上接第1版）`, then a lead: `本报北京1月14日电（记者…）`
    ///   gives dateline, credit and reporters, and the rest of the line is the first paragraph.
    /// - Every other body line is a paragraph of its own, unindented ones too (`编辑同志：` in a
    ///   letter, `（本报开罗1月13日电）` at an article's end); a photo caption (`图为…`,
    ///   `…记者 甲摄`) becomes a caption after the paragraph above it, as on a page; a last line
    ///   `（下转第3版）` is the continuation.
    public static func parse(_ text: String) -> Article {
        var lines = PageParser.splitLines(text)
        PageParser.levelIndents(&lines)
        guard let first = lines.first else { return Article() }
        var article = Article(sourceLines: LineRange(first: first.number, last: lines.last!.number))
        // The headline ends at the first indented line, or at a sentence (`--articles` may read
        // files whose paragraphs stand unindented).
        // One U+3000, or two spaces: a single stray space is no indent.
        var headline = lines.prefix { $0.indent < 2 && !HeadlineBlock.hasFullStop($0.text) }
        if headline.isEmpty || headline.count == lines.count { headline = lines.prefix(1) }
        let block = HeadlineBlock.assign(headline.map(\.text))
        article.kicker = block.kicker
        article.title = block.title
        article.subtitle = block.subtitle

        var body = lines[headline.count...].map(\.text)
        guard !body.isEmpty else { return article }
        if let marker = ContinuationMarker.whole(body[0]), marker == .continuedFrom {
            article.continuedFrom = String(body.removeFirst())
        } else if let (marker, after) = ContinuationMarker.leading(body[0]) {
            article.continuedFrom = String(marker)
            body[0] = after
        }
        if let end = body.last, ContinuationMarker.whole(end) == .continuesOn {
            article.continuation = String(body.removeLast())
        } else if let end = body.last, let (marker, before) = ContinuationMarker.trailing(end) {
            article.continuation = String(marker)
            body[body.count - 1] = before
        }
        for (k, line) in body.enumerated() where !line.isEmpty {
            if k == 0, let lead = Credits.lead(line) {
                article.dateline = lead.dateline
                article.credit = lead.credit
                article.reporters = lead.reporters
                if !lead.rest.isEmpty { article.paragraphs.append(String(lead.rest)) }
            } else if Credits.isCaption(line) {
                article.captions.append(Caption(text: String(line), afterParagraph: article.paragraphs.count))
            } else {
                article.paragraphs.append(String(line))
            }
        }
        return article
    }
}
