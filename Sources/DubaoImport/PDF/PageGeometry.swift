/// What a PDF's text layer says about one page: every run of text with its box and its type.
/// Plain values, read from poppler's output by `PopplerXML` and rebuilt into articles by
/// `PageRebuilder`; nothing here knows about articles.
public struct PageGeometry: Sendable, Equatable {
    /// 1-based, as poppler numbers the pages of a document.
    public var number: Int
    /// In points.
    public var width: Double
    public var height: Double
    public var runs: [TextRun]

    public init(number: Int, width: Double, height: Double, runs: [TextRun]) {
        self.number = number
        self.width = width
        self.height = height
        self.runs = runs
    }
}

/// A rectangle on the page in points, the origin at the top left.
public struct Box: Sendable, Equatable {
    public var left: Double
    public var top: Double
    public var right: Double
    public var bottom: Double

    public init(left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }

    public var width: Double { right - left }
    public var height: Double { bottom - top }
    public var middleY: Double { (top + bottom) / 2 }

    /// How far the two overlap across, or a negative gap.
    func overlapAcross(_ other: Box) -> Double { min(right, other.right) - max(left, other.left) }
    /// How far the two overlap down the page, or a negative gap.
    func overlapDown(_ other: Box) -> Double { min(bottom, other.bottom) - max(top, other.top) }

    func union(_ other: Box) -> Box {
        Box(left: min(left, other.left), top: min(top, other.top), right: max(right, other.right), bottom: max(bottom, other.bottom))
    }
}

/// One piece of text set in one font on one line, as poppler reports it.
public struct TextRun: Sendable, Equatable {
    public var box: Box
    /// The type size in points.
    public var size: Double
    /// The face as the PDF names it, without the subset tag (`FZBSJW--GB1-0`).
    public var font: String
    /// `#231f20`.
    public var colour: String
    public var text: String

    public init(box: Box, size: Double, font: String, colour: String, text: String) {
        self.box = box
        self.size = size
        self.font = font
        self.colour = colour
        self.text = text
    }
}
