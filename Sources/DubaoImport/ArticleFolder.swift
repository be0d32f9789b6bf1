import DubaoText
import DubaoStore
import DubaoModel
import Foundation

/// Folders of one article per file: telling them from folders of pages by their names, and
/// making one issue of their files.
enum ArticleFolder {
    /// How the files of one import are read.
    enum Layout: Equatable {
        case pages
        case articles
    }

    /// `20200115-03-07.txt`: a crawler's one-article file.
    static func isCrawlerNamed(_ file: String) -> Bool {
        ArticleFile.CrawlerName(fileName: (file as NSString).lastPathComponent) != nil
    }

    /// The layout of an import, from the files' names alone: one article a file when every
    /// file has the crawler's name `YYYYMMDD-PP-NN.txt`, pages when none has. `groups` are the
    /// arguments with the files each stands for (a folder's page files, or the file itself).
    ///
    /// A folder that mixes the two, or an import that names both, is refused rather than
    /// guessed at: the crawler's files would each become a page with one article, or the
    /// pages each one article, and neither is what the user has.
    static func layout(_ groups: [(argument: String, files: [String])]) throws(Importer.Failure) -> Layout {
        var articleFiles: [String] = []
        var pageFiles: [String] = []
        for group in groups {
            let named = group.files.filter(isCrawlerNamed)
            let others = group.files.filter { !isCrawlerNamed($0) }
            if !named.isEmpty, !others.isEmpty {
                throw Importer.Failure(file: group.argument, error: .mixedLayouts(
                    articleFile: name(named[0]), articleFiles: named.count, pageFile: name(others[0]), pageFiles: others.count))
            }
            articleFiles += named
            pageFiles += others
        }
        if let articleFile = articleFiles.first, let pageFile = pageFiles.first {
            throw Importer.Failure(file: pageFile, error: .mixedLayouts(
                articleFile: name(articleFile), articleFiles: articleFiles.count, pageFile: name(pageFile), pageFiles: pageFiles.count))
        }
        return articleFiles.isEmpty ? .pages : .articles
    }

    static func name(_ file: String) -> String { (file as NSString).lastPathComponent }

    /// The section of a file that is not crawler-named: `--section`, else its folder's name.
    static func sectionName(of file: String, option: String?) -> String {
        if let option { return option }
        var folder = (file as NSString).deletingLastPathComponent
        if folder.isEmpty || folder == "." { folder = FileManager.default.currentDirectoryPath }
        return Importer.cleanName((folder as NSString).lastPathComponent)
    }
}

extension Importer {
    /// Imports files that each hold one article, into one issue.
    ///
    /// A crawler-named file (`YYYYMMDD-PP-NN.txt`) goes to its page's section, `第PP版`, at its
    /// place NN; the pages stand in page order. Any other file goes to one section named by
    /// `--section`, else by its folder, in name order with numbers compared as numbers. The
    /// date is `--date`, else the crawler's names (which must agree), else a date in a file's
    /// or folder's name, else today.
    public func importArticles(_ files: [(file: String, bytes: [UInt8])]) throws(Failure) -> Result {
        let names = files.map { ArticleFile.CrawlerName(fileName: ($0.file as NSString).lastPathComponent) }
        for (k, name) in names.enumerated() {
            if let name, name.date == nil { throw Failure(file: files[k].file, error: .impossibleDate(name.digits)) }
        }
        let parsed = parseAll(files) { bytes, file, warnings throws(ImportError) in
            ArticleFile.parse(try self.decodedText(bytes, file: file, warnings: &warnings))
        }
        var warnings: [ImportWarning] = []
        var articles: [Article] = []
        for (k, result) in parsed.enumerated() {
            switch result {
            case .success(let (article, w)):
                articles.append(article)
                warnings += w
            case .failure(let error):
                throw Failure(file: files[k].file, error: error)
            }
        }

        // The crawler's files by page, then place; the others by name, a section a folder.
        var pages: [Int: [Int]] = [:]
        var others: [(name: String, files: [Int])] = []
        for k in files.indices {
            if let name = names[k] {
                pages[name.page, default: []].append(k)
            } else {
                let section = ArticleFolder.sectionName(of: files[k].file, option: options.section)
                if let i = others.firstIndex(where: { $0.name == section }) { others[i].files.append(k) } else { others.append((section, [k])) }
            }
        }
        var sections: [Section] = []
        for page in pages.keys.sorted() {
            // Places as numbers (`-2` before `-10`); `-1` and `-01` by their names.
            let order = pages[page]!.sorted { a, b in
                let p = names[a]!.place, q = names[b]!.place
                return p != q ? p < q : Self.pageOrder(ArticleFolder.name(files[a].file), ArticleFolder.name(files[b].file))
            }
            let label = names[order[0]]!.pageLabel
            sections.append(Section(name: label, order: 0, page: label, articles: order.map { articles[$0] }))
        }
        for (name, members) in others {
            let names = members.map { ArticleFolder.name(files[$0].file) }
            let parts = names.map(Self.pageOrderParts)
            let order = members.indices.sorted { Self.pageOrder(names[$0], parts[$0], names[$1], parts[$1]) }
            sections.append(Section(name: name, order: 0, articles: order.map { articles[members[$0]] }))
        }
        for i in sections.indices { sections[i].order = i + 1 }
        if options.section != nil, !pages.isEmpty {
            warnings.append(ImportWarning(file: ArticleFolder.name(files[pages.values.first![0]].file), line: 0,
                                          Sentence(.warnSectionIgnoredForArticleFiles, "第PP版")))
        }

        // The crawler's names must agree on the day, unless --date settles it.
        var found: (IssueDate, Sentence)?
        if options.date == nil, let first = names.indices.first(where: { names[$0] != nil }) {
            let date = names[first]!.date!
            for (k, name) in names.enumerated() where name != nil && name!.date != date {
                throw Failure(file: files[k].file, error: .differentDates(
                    name!.date!.description, other: ArticleFolder.name(files[first].file), otherDate: date.description))
            }
            found = (date, Sentence(.dateFromFileName, ArticleFolder.name(files[first].file)))
        }
        let (date, dateSource) = issueDate(found: found, files: files.map(\.file),
                                           today: Sentence(.dateTodayNoNameDate))
        let paper = options.paper.map(Self.cleanName) ?? Self.defaultPaper
        IssueIDs.assign(&sections, paper: paper, date: date)
        return Result(issue: Issue(paper: paper, date: date, sections: sections), warnings: warnings,
                      dateSource: dateSource, files: files.map(\.file))
    }
}
