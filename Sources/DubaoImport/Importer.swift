import DubaoText
import DubaoStore
import DubaoModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns raw page files into one issue: decoding, parsing, naming sections, dating the issue
/// and giving every article its stable ID. Reads files; never writes.
public struct Importer: Sendable {
    public struct Options: Sendable {
        public var date: IssueDate?
        public var paper: String?
        public var section: String?
        public var encoding: TextEncoding?
        /// Every file is one article (`--articles`); without it, folders of crawler-named
        /// one-article files (`YYYYMMDD-PP-NN.txt`) are recognised by their names.
        public var articles: Bool
        /// Used when neither the options nor the pages give a date.
        public var today: IssueDate

        public init(date: IssueDate? = nil, paper: String? = nil, section: String? = nil,
                    encoding: TextEncoding? = nil, articles: Bool = false, today: IssueDate = .today()) {
            self.date = date
            self.paper = paper
            self.section = section
            self.encoding = encoding
            self.articles = articles
            self.today = today
        }
    }

    public struct Result: Sendable {
        public var issue: Issue
        public var warnings: [ImportWarning]
        /// Where the date came from, in no language yet: `--date`, `the page (a.txt line 1)`,
        /// `today`; `import --json` gives it in English.
        public var dateSource: Sentence
        public var files: [String]
    }

    /// An import that failed, with the file it failed on.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var error: ImportError
        public var description: String { message(.english) }

        public func message(_ texts: Texts) -> String { "\(file): \(error.message(texts))" }
    }

    public static let defaultPaper = "未命名报纸"

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Imports files and folders: each file of a folder is a section, in name order; in a folder
    /// of one article a file (or with `articles`), each file is an article.
    public func importPaths(_ paths: [String]) throws(Failure) -> Result {
        var groups: [(argument: String, files: [String])] = []
        for path in paths {
            groups.append((path, try expand(path)))
        }
        let layout = options.articles ? .articles : try ArticleFolder.layout(groups)
        var pages: [(file: String, bytes: [UInt8])] = []
        for file in groups.flatMap(\.files) {
            pages.append((file, try read(file)))
        }
        return layout == .articles ? try importArticles(pages) : try importPages(pages)
    }

    /// Imports pages already in memory; `file` names them in messages and gives default section names.
    public func importPages(_ pages: [(file: String, bytes: [UInt8])]) throws(Failure) -> Result {
        var warnings: [ImportWarning] = []
        var sections: [Section] = []
        var pageDate: (date: IssueDate, file: String, line: Int)?
        var pagePaper = ""
        for (k, parsed) in parseAll(pages).enumerated() {
            let file = pages[k].file
            let page: PageParser.Page
            switch parsed {
            case .success(let (p, w)):
                page = p
                warnings += w
            case .failure(let error):
                throw Failure(file: file, error: error)
            }
            if let d = page.date {
                // --date settles which day the pages belong to, whatever they say.
                if let seen = pageDate, seen.date != d, options.date == nil {
                    throw Failure(file: file, error: .unreadable(
                        Sentence(.importPagesDisagree, d, (seen.file as NSString).lastPathComponent, seen.date)))
                }
                if pageDate == nil { pageDate = (d, file, page.dateLine) }
            }
            if pagePaper.isEmpty { pagePaper = page.paper }
            for section in page.sections {
                if let i = sections.firstIndex(where: { isSameSection(name: $0.name, page: $0.page, as: section.name, page: section.page) }) {
                    sections[i].articles += section.articles
                    sections[i].pageLines += section.pageLines
                } else {
                    sections.append(section)
                }
            }
        }
        // Files of a folder may be named anyhow: their pages go in page order. One file's
        // sections keep the order it prints them in.
        if pages.count > 1 { sections = sortedByPage(sections, page: \.page) }
        for i in sections.indices { sections[i].order = i + 1 }

        // Pages that print no date are dated by their names (`20200105-04.txt`): names that give
        // two days are two issues, not one, unless --date settles it.
        // The refusal names what gave each date: the file, or its folder (`2020-01-05/01.txt`).
        if pageDate == nil, options.date == nil {
            let dated = pages.compactMap { Self.namedDate($0.file) }
            if let first = dated.first, let other = dated.first(where: { $0.date != first.date }) {
                throw Failure(file: other.path, error: .differentDates(
                    other.date.description, other: (first.path as NSString).lastPathComponent, otherDate: first.date.description))
            }
        }
        let (date, dateSource) = issueDate(
            found: pageDate.map { ($0.date, Sentence(.dateFromPage, ($0.file as NSString).lastPathComponent, $0.line)) },
            files: pages.map(\.file), today: Sentence(.dateTodayNoPageDate))
        let paper = options.paper.map(Self.cleanName) ?? (pagePaper.isEmpty ? Self.defaultPaper : Self.cleanName(pagePaper))
        IssueIDs.assign(&sections, paper: paper, date: date)
        return Result(issue: Issue(paper: paper, date: date, sections: sections), warnings: warnings,
                      dateSource: dateSource, files: pages.map(\.file))
    }

    /// The issue's date and where it came from, in words: `--date`, else what the files say
    /// (`found`), else a date in a file's or folder's name, else today (`today` says so).
    func issueDate(found: (IssueDate, Sentence)?, files: [String], today: Sentence) -> (IssueDate, Sentence) {
        if let d = options.date { return (d, Sentence(.dateFromOption)) }
        if let found { return found }
        if let (d, name) = files.lazy.compactMap({ Self.dateInPath($0) }).first { return (d, name) }
        return (options.today, today)
    }

    /// Every page parsed, in order, on all cores: pages are independent until they are merged
    /// into one issue.
    func parseAll(_ pages: [(file: String, bytes: [UInt8])]) -> [Swift.Result<(PageParser.Page, [ImportWarning]), ImportError>] {
        parseAll(pages) { bytes, file, warnings throws(ImportError) in try self.parsePage(bytes, file: file, warnings: &warnings) }
    }

    /// Every file read by `parse`, in order, on all cores, with the warnings each gave.
    func parseAll<T>(_ files: [(file: String, bytes: [UInt8])],
                     _ parse: ([UInt8], String, inout [ImportWarning]) throws(ImportError) -> T)
        -> [Swift.Result<(T, [ImportWarning]), ImportError>] {
        Parallel.map(Array(files.indices)) { k -> Swift.Result<(T, [ImportWarning]), ImportError> in
            var warnings: [ImportWarning] = []
            do throws(ImportError) {
                return .success((try parse(files[k].bytes, files[k].file, &warnings), warnings))
            } catch {
                return .failure(error)
            }
        }
    }

    func parsePage(_ bytes: [UInt8], file: String, warnings: inout [ImportWarning]) throws(ImportError) -> PageParser.Page {
        let name = (file as NSString).lastPathComponent
        if PDFReader.isPDF(bytes) { return try parsePDF(file: file, name: name, warnings: &warnings) }
        let text = try decodedText(bytes, file: file, warnings: &warnings)
        let section = options.section ?? Self.sectionName(fromFile: file)
        let parser = PageParser(fileName: name, defaultSection: section)
        var page = parser.parse(text)
        if page.sections.allSatisfy({ $0.articles.isEmpty }) { throw .noArticles }
        if options.section != nil, page.sections.contains(where: { !$0.page.isEmpty }) {
            let before = page.sections.contains { $0.page.isEmpty && !$0.articles.isEmpty }
            warnings.append(ImportWarning(file: name, line: 0, Sentence(before ? .warnSectionBeforeFirstHeader : .warnSectionIgnored)))
        }
        page.sections.removeAll { $0.articles.isEmpty && $0.pageLines.isEmpty }
        // `20200115-03.txt`, a crawler's page: its text without a header is page 03, the section
        // that its one-article files (`20200115-03-NN.txt`) make, so either import replaces the other.
        if options.section == nil, let label = ArticleFile.pageLabel(ofPageFile: name) {
            for i in page.sections.indices where page.sections[i].page.isEmpty && page.sections[i].name == section {
                page.sections[i].page = label
                page.sections[i].name = label
            }
        }
        warnings += page.warnings
        return page
    }

    /// A file's text as the parsers read it: decoded, control characters removed, LF line ends;
    /// what was replaced or removed is warned about.
    func decodedText(_ bytes: [UInt8], file: String, warnings: inout [ImportWarning]) throws(ImportError) -> String {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty }
        let decoded = try PageDecoder.decode(bytes, forced: options.encoding)
        let name = (file as NSString).lastPathComponent
        if decoded.replacedBytes > 0 {
            warnings.append(ImportWarning(file: name, line: 0, Sentence(.warnBytesReplaced, decoded.replacedBytes,
                                                                     decoded.encoding.rawValue, decoded.firstBadOffset ?? 0)))
        }
        let cleaned = ContentCleaner.clean(decoded.text)
        if cleaned.removed > 0 {
            warnings.append(ImportWarning(file: name, line: cleaned.firstRemovedLine ?? 0, Sentence(.warnControlsRemoved, cleaned.removed)))
        }
        if cleaned.text.unicodeScalars.allSatisfy(ChineseText.isBlank) { throw .empty }
        return cleaned.text
    }

    func expand(_ path: String) throws(Failure) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw Failure(file: path, error: .unreadable(Sentence(.importNoSuchPath)))
        }
        guard isDir.boolValue else { return [path] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw Failure(file: path, error: .unreadable(Sentence(.importCannotListFolder, error.localizedDescription)))
        }
        // A folder of pages may also hold notes and scans: only text pages are sections.
        // In page order: `2-经济` before `10-体育`, as a person numbering files means it.
        let files = Self.sortedInPageOrder(names.filter { !$0.hasPrefix(".") && Self.isPageFileName($0) })
            .map { (path as NSString).appendingPathComponent($0) }
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue }
        if files.isEmpty {
            throw Failure(file: path, error: .unreadable(Sentence(.importNoPageFiles)))
        }
        return files
    }

    static func isPageFileName(_ name: String) -> Bool {
        let ext = (name as NSString).pathExtension.lowercased()
        // A folder's README or LICENSE is about the pages, not one of them.
        let stem = (name as NSString).deletingPathExtension.uppercased()
        if ["README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "NOTES", "CHANGELOG"].contains(stem) { return false }
        return ext.isEmpty || ext == "txt" || ext == "text" || ext == "pdf"
    }

    /// Name order with runs of digits compared as numbers.
    static func pageOrder(_ a: String, _ b: String) -> Bool {
        pageOrder(a, pageOrderParts(a), b, pageOrderParts(b))
    }

    /// Names in `pageOrder`, each split into its runs once: splitting both names at every
    /// comparison was a quarter of the time a folder of a day's seventy article files took.
    static func sortedInPageOrder(_ names: [String]) -> [String] {
        let parts = names.map(pageOrderParts)
        return names.indices.sorted { pageOrder(names[$0], parts[$0], names[$1], parts[$1]) }.map { names[$0] }
    }

    /// `b10.txt` → `b`, `10`, `.txt`: runs of ASCII digits and of everything else.
    static func pageOrderParts(_ s: String) -> [(digits: Bool, text: String)] {
        var out: [(digits: Bool, text: String)] = []
        for c in s {
            let d = c.isASCII && c.isNumber
            if let last = out.last, last.digits == d { out[out.count - 1].text.append(c) } else { out.append((d, String(c))) }
        }
        return out
    }

    static func pageOrder(_ a: String, _ x: [(digits: Bool, text: String)], _ b: String, _ y: [(digits: Bool, text: String)]) -> Bool {
        for (p, q) in zip(x, y) where p.text != q.text {
            if p.digits && q.digits, let m = Int(p.text), let n = Int(q.text), m != n { return m < n }
            return p.text < q.text
        }
        return x.count != y.count ? x.count < y.count : a < b
    }

    /// Pages are text files; a larger file than this is not a page (and would not fit in memory).
    public static let largestPage = 256 << 20

    func read(_ file: String) throws(Failure) -> [UInt8] {
        // With the C library: Foundation's attributes and FileHandle cost a tenth of an import.
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw Failure(file: file, error: .unreadable(Sentence(errno == ENOENT ? .importNoSuchPath : .importNotPermitted)))
        }
        defer { close(fd) }
        var st = stat()
        // A FIFO or /dev/zero would never end: only regular files are read.
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            throw Failure(file: file, error: .unreadable(Sentence(.importNotRegularFile)))
        }
        let size = Int(st.st_size)
        if size > Self.largestPage {
            throw Failure(file: file, error: .unreadable(Sentence(.importTooLargeMegabytes, size >> 20, Self.largestPage >> 20)))
        }
        return try readToEnd(fd, file: file, size: size)
    }

    /// How `importPages` is told a page came from standard input: messages name it so.
    public static let standardInput = "standard input"

    /// A page from standard input, as its bytes come (a pipe, a file, a terminal), to its end.
    public func readStandardInput() throws(Failure) -> [UInt8] {
        try readToEnd(STDIN_FILENO, file: Self.standardInput, size: 0)
    }

    /// `size` bytes, the size the file had, read into place; then whatever more comes until the end.
    func readToEnd(_ fd: Int32, file: String, size: Int) throws(Failure) -> [UInt8] {
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = Glibc.read(fd, buffer.baseAddress! + count, size - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { break }
                count += n
            }
        }
        if failure != 0 {
            throw Failure(file: file, error: .unreadable(Sentence(.importSystemReason, String(cString: strerror(failure)).lowercased())))
        }
        // A file that grew while being read: the rest too, so nothing of it is lost. A pipe has
        // no size: all of it comes here, in larger pieces.
        var more = [UInt8](repeating: 0, count: size > 0 ? 4096 : 1 << 16)
        while true {
            let n = more.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 {
                throw Failure(file: file, error: .unreadable(Sentence(.importSystemReason, String(cString: strerror(errno)).lowercased())))
            }
            if n == 0 { break }
            bytes += more[0..<n]
            if bytes.count > Self.largestPage {
                throw Failure(file: file, error: .unreadable(Sentence(.importTooLarge, Self.largestPage >> 20)))
            }
        }
        return bytes
    }

    /// `01-要闻.txt` → `要闻`: a leading number only orders the files.
    static func sectionName(fromFile file: String) -> String {
        var name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        let rest = name.dropFirst(digits.count)
        if !digits.isEmpty, let sep = rest.first, "-_ .".contains(sep), rest.count > 1,
           let first = rest.dropFirst().first, !first.isASCII {
            name = String(rest.dropFirst())
        }
        return cleanName(name)
    }

    /// Names shown in lists and stored in files: no control characters, no surrounding blanks.
    static func cleanName(_ name: String) -> String {
        let cleaned = ContentCleaner.clean(name).text.replacingOccurrences(of: "\n", with: " ")
        let trimmed = String(ChineseText.trimmed(cleaned[...]))
        return trimmed.isEmpty ? "未命名" : String(trimmed.prefix(60))
    }

    /// `2026-11-27.txt`, `20261127-01.txt`.
    /// A date in the file's name, else in its folder's (`2026-11-27/01-要闻.txt`), with where it was found.
    static func dateInPath(_ file: String) -> (IssueDate, Sentence)? {
        guard let (date, path) = namedDate(file) else { return nil }
        let name = (path as NSString).lastPathComponent
        return (date, Sentence(path == file ? .dateFromFileName : .dateFromFolderName, name))
    }

    /// A date in the file's name, else in its folder's, with the path that gave it.
    static func namedDate(_ file: String) -> (date: IssueDate, path: String)? {
        if let d = dateInFileName(file) { return (d, file) }
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? nil : dateInFileName(folder).map { ($0, folder) }
    }

    static func dateInFileName(_ file: String) -> IssueDate? {
        let name = (file as NSString).lastPathComponent
        let chars = Array(name)
        var i = 0
        while i + 8 <= chars.count {
            if i + 10 <= chars.count, let d = IssueDate(String(chars[i..<(i + 10)])),
               i == 0 || !chars[i - 1].isNumber { return d }
            if let d = IssueDate(String(chars[i..<(i + 8)])), (i == 0 || !chars[i - 1].isNumber),
               i + 8 == chars.count || !chars[i + 8].isNumber, d.year >= 1900 { return d }
            i += 1
        }
        return nil
    }
}

extension IssueDate {
    /// Today in the local time zone.
    public static func today() -> IssueDate {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return IssueDate(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1) ?? IssueDate(year: 2000, month: 1, day: 1)!
    }
}
