import DubaoStore
import DubaoLayout
import DubaoModel
import DubaoText

/// Getting text out: the open article copied to the clipboard, saved as Markdown, or read in
/// the pager. The reducer builds the text; the runtime sends, writes or shows it and reports back.
extension Reducer {
    static func export(_ state: inout AppState, _ command: Command) -> [Effect] {
        guard var article = state.reader?.article else {
            state.status.message = StatusMessage(state.settings.texts[command == .copy ? .noArticleToCopy
                                                                      : command == .save ? .noArticleToSave : .noArticleToPage])
            return []
        }
        // What leaves the reader reads as it did on screen.
        if state.settings.normalizesPunctuation { article = PunctuationNormalizer.normalize(article) }
        let title = DisplaySanitizer.sanitize(article.displayTitle)
        switch command {
        case .copy:
            return [.copyToClipboard(text: ArticlePlainText.text(of: article), title: title)]
        case .pager:
            return [.openPager(text: ArticlePlainText.text(of: article) + "\n")]
        default:
            let place = printedIn(state, article)
            let source = [place.paper, place.date.map { "\($0)" } ?? "", place.section].filter { !$0.isEmpty }
            let name = ArticleFileName(date: place.date, title: article.title.isEmpty ? article.displayTitle : article.title)
            return [.saveArticle(markdown: ArticleMarkdown.document(of: article, source: source.joined(separator: " ")),
                                 name: name, folder: state.settings.saveFolder)]
        }
    }

    /// Where the open article was printed: a bookmark's or a search result's own issue, else the
    /// issue and section listed; the section with its page (`第01版 要闻`) where the catalog gives it.
    static func printedIn(_ state: AppState, _ article: Article) -> (paper: String, date: IssueDate?, section: String) {
        if state.inBookmarks, let bookmark = state.selectedBookmark, bookmark.id == article.id {
            return (bookmark.paper, bookmark.date, bookmark.section)
        }
        if state.inResults, let hit = state.selectedHit, hit.id == article.id {
            return (hit.paper, hit.date, hit.section)
        }
        let section = state.section.map { $0.page.isEmpty || $0.page == $0.name ? $0.name : "\($0.page) \($0.name)" } ?? ""
        return (state.issue?.paper ?? "", state.issue?.date ?? article.id.date, section)
    }

    /// The status line for what the runtime did with an export.
    static func exported(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .copied(let title, let characters, let outcome):
            let t = state.settings.texts
            let copied = t(.copiedCharacters, title, grouped(characters))
            switch outcome {
            case .sent:
                state.status.message = StatusMessage(copied)
            case .unconfirmed(let why):
                state.status.message = StatusMessage(t(.copiedIfTerminalTakes, copied, why))
            case .dropped(let why), .failed(let why):
                state.status.message = StatusMessage(t(.notCopied, why), isError: true)
            case .tooLarge(let bytes, let limit):
                let save = state.keymap.keys(for: .save).first.map { t(.savesAsFile, $0) } ?? ""
                state.status.message = StatusMessage(t(.notCopiedTooLarge, title, grouped((bytes + 999) / 1000), limit / 1000) + save,
                                                     isError: true)
            }
        case .saved(let path):
            state.status.message = StatusMessage(state.settings.texts(.savedTo, path))
        case .saveFailed(let why):
            state.status.message = StatusMessage(state.settings.texts(.notSaved, why), isError: true)
        case .pagerEnded(let problem):
            state.status.message = problem.map { StatusMessage($0, isError: true) }
        default:
            break
        }
        return []
    }

    /// `1,234`: digits in threes, as the status line counts characters.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return n < 0 ? "-" + out : out
    }
}
