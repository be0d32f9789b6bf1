import DubaoText

/// Why a page could not be imported. Each case names what went wrong; the file is added by the caller.
public enum ImportError: Error, Equatable, Sendable {
    case empty
    case binary(offset: Int)
    /// A gzip, zip, bzip2, xz, zstd or 7z archive: its format and the command that unpacks it.
    case compressed(format: String, unpack: String)
    /// NULs in every other byte and no byte-order mark: UTF-16 in the likely byte order.
    case utf16WithoutBOM(TextEncoding)
    case undecodable(offset: Int)
    case encodingUnavailable(String)
    case noArticles
    /// The file or folder cannot be read: why, in no language yet.
    case unreadable(Sentence)
    /// Files named as a crawler names one-article files (`YYYYMMDD-PP-NN.txt`) beside page files.
    case mixedLayouts(articleFile: String, articleFiles: Int, pageFile: String, pageFiles: Int)
    /// `20200231-01-01.txt`: the crawler's name, but no such day.
    case impossibleDate(String)
    /// Two one-article files of one issue named for different days.
    case differentDates(String, other: String, otherDate: String)
    /// A PDF, and poppler's tools that read one are not on the PATH.
    case pdfToolMissing(String)
    /// A PDF that opens only with a password.
    case pdfEncrypted
    /// A PDF whose owner forbids copying its text.
    case pdfCopyForbidden
    /// A PDF poppler cannot read: what it said.
    case pdfDamaged(String)
    /// A PDF whose pages are pictures only: a scan without a text layer.
    case pdfNoText(pages: Int)
    /// More pages than any issue of a paper has.
    case pdfTooManyPages(Int, limit: Int)
    /// A PDF piped to `dubao import -`: poppler reads files.
    case pdfFromStandardInput

    /// One line: what, where, what to do; in English.
    public var message: String { message(.english) }

    public func message(_ texts: Texts) -> String { texts(sentence) }

    public var sentence: Sentence {
        switch self {
        case .empty:
            return Sentence(.importEmpty)
        case .binary(let offset):
            return Sentence(.importBinary, offset)
        case .compressed(let format, let unpack):
            return Sentence(.importCompressed, format, unpack)
        case .utf16WithoutBOM(let guess):
            return Sentence(.importUTF16WithoutBOM, guess.rawValue)
        case .undecodable(let offset):
            return Sentence(.importUndecodable, offset, TextEncoding.names)
        case .encodingUnavailable(let name):
            return Sentence(.importEncodingUnavailable, name)
        case .noArticles:
            return Sentence(.importNoArticles)
        case .unreadable(let reason):
            return Sentence(.importUnreadable, reason)
        case .mixedLayouts(let articleFile, let articleFiles, let pageFile, let pageFiles):
            let articles = articleFiles == 1 ? Sentence(.importOneArticleFile) : Sentence(.importArticleFiles, articleFiles)
            let pages = pageFiles == 1 ? Sentence(.importOnePageFile) : Sentence(.importPageFiles, pageFiles)
            return Sentence(.importMixedLayouts, articles, articleFile, pages, pageFile)
        case .impossibleDate(let digits):
            return Sentence(.importImpossibleDate, digits)
        case .pdfToolMissing(let tool):
            return Sentence(.importPDFToolMissing, tool)
        case .pdfEncrypted:
            return Sentence(.importPDFEncrypted)
        case .pdfCopyForbidden:
            return Sentence(.importPDFCopyForbidden)
        case .pdfDamaged(let said):
            return Sentence(.importPDFDamaged, said.isEmpty ? "" : Sentence(.importPDFPopplerSays, said))
        case .pdfNoText(let pages):
            return Sentence(.importPDFNoText, pages == 1 ? Sentence(.importPDFPageIsPicture) : Sentence(.importPDFPagesArePictures, pages))
        case .pdfTooManyPages(let pages, let limit):
            return Sentence(.importPDFTooManyPages, pages, limit)
        case .pdfFromStandardInput:
            return Sentence(.importPDFFromStandardInput)
        case .differentDates(let date, let other, let otherDate):
            return Sentence(.importDifferentDates, date, other, otherDate)
        }
    }
}

/// Something worth telling the user about an import that still succeeded.
public struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line, or 0 for the whole file.
    public var line: Int
    /// What is worth telling, in no language yet.
    public var sentence: Sentence

    public init(file: String, line: Int, _ sentence: Sentence) {
        self.file = file
        self.line = line
        self.sentence = sentence
    }

    /// The warning in English, without its place.
    public var message: String { sentence.description }

    /// `FILE:LINE: MESSAGE` in `texts`' language.
    public func description(_ texts: Texts) -> String {
        line > 0 ? "\(file):\(line): \(texts(sentence))" : "\(file): \(texts(sentence))"
    }

    /// In English: `import --json` prints it so.
    public var description: String { description(.english) }
}
