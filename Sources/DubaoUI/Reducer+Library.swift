import DubaoStore
import DubaoModel
import DubaoText

/// A live library: issues imported while the reader runs join the list where they belong, and
/// an issue imported again is read anew, while the reader stays where it was. Everything that
/// points into the issue list by place (the open issue, the issue picker's row) follows its
/// issue by paper and date.
extension Reducer {
    static func libraryChanged(_ state: inout AppState, _ issues: [IssueEntry], isSample: Bool, asked: Bool) -> [Effect] {
        let old = state.navigation.issues
        if state.navigation.isSample, !isSample, !issues.isEmpty { return leaveSample(&state, issues) }
        guard issues != old, !issues.isEmpty else {
            // Emptied (`dubao remove`, or by hand): what is on screen stays until the reader quits.
            if asked {
                state.status.message = StatusMessage(state.settings.texts[state.navigation.isSample ? .libraryStillEmpty
                    : issues.isEmpty ? .libraryEmptyNow : .noNewIssues])
            }
            return []
        }
        let open = state.issue
        if case .issues(var list) = state.overlay {
            let highlighted = old.indices.contains(list.selection) ? old[list.selection] : nil
            list.selection = highlighted.flatMap { index(of: $0, in: issues) } ?? min(list.selection, issues.count - 1)
            state.overlay = .issues(list)
        }
        state.navigation.issues = issues
        let added = added(issues, to: old)
        var effects: [Effect] = []
        var reimported = false
        if let open, let now = index(of: open, in: issues) {
            state.navigation.issueIndex = now
            if issues[now] != open {
                // Imported again: the catalog is read anew, and `catalogReloaded` keeps the
                // section and the article shown.
                reimported = true
                effects = [.loadCatalog(issues[now])]
            }
        } else {
            // The open issue is gone (`dubao remove`, or by hand): the one now in its place opens,
            // under the bookmarks still if they were listed (they are of every issue).
            let now = min(state.navigation.issueIndex, issues.count - 1)
            let bookmarks = state.navigation.listing == .bookmarks ? state.navigation.articles : nil
            state.navigation.issueIndex = -1
            effects = selectIssue(&state, now, force: true)
            if let bookmarks {
                state.navigation.listing = .bookmarks
                state.navigation.articles = bookmarks
                effects += showSelectedArticle(&state)
            }
        }
        // An article a bookmark or a result had lost may be back with an issue of its day imported
        // (again): looked for anew, the one selected at once. Others keep their mark.
        if !state.navigation.missingArticles.isEmpty {
            let days = Set(issues.filter { !old.contains($0) }.map(\.date))
            let back = state.navigation.missingArticles.filter { $0.date.map(days.contains) ?? true }
            state.navigation.missingArticles.subtract(back)
            if let id = state.selectedID, back.contains(id), !state.inSection { effects += showSelectedArticle(&state) }
        }
        announce(&state, added: added, reimported: reimported, asked: asked)
        return effects
    }

    /// The issues of `new` that `old` lacks, by paper and date. Both lists are newest first, so
    /// one walk down them does it: ten years of a daily paper are taken in well within a frame.
    static func added(_ new: [IssueEntry], to old: [IssueEntry]) -> [IssueEntry] {
        var found: [IssueEntry] = []
        var j = old.startIndex
        for entry in new {
            while j < old.endIndex, IssueEntry.newestFirst(old[j], entry) { j += 1 }
            if j < old.endIndex, old[j].paper == entry.paper, old[j].date == entry.date {
                j += 1
            } else {
                found.append(entry)
            }
        }
        return found
    }

    /// Where an issue of this paper and date is in `issues`.
    static func index(of issue: IssueEntry, in issues: [IssueEntry]) -> Int? {
        issues.firstIndex(paper: issue.paper, date: issue.date)
    }

    /// Says what came in: how to get to a new issue, or that the open one was imported again.
    /// A message of the user's own making (an error) is not covered by one they did not ask for.
    static func announce(_ state: inout AppState, added: [IssueEntry], reimported: Bool, asked: Bool) {
        let text: String
        let t = state.settings.texts
        if let newest = added.first {
            let here = state.navigation.issueIndex
            let place = index(of: newest, in: state.navigation.issues)
            let how = t[place == here - 1 ? .nextKeyOpensIt : place == here + 1 ? .previousKeyOpensIt : .issueListKeyListsThem]
            text = added.count == 1 ? t(.newIssue, newest.paper, newest.date, how)
                                    : t(.newIssues, added.count, newest.paper, newest.date)
        } else if reimported, let issue = state.issue {
            text = t(.importedAgain, issue.paper, issue.date)
        } else if asked {
            text = t[.noNewIssues]
        } else {
            return
        }
        guard asked || state.status.message?.isError != true else { return }
        state.status.message = StatusMessage(text)
    }

    /// The first real issues arrived while the sample paper was shown: the newest opens, as it
    /// would on the next start.
    static func leaveSample(_ state: inout AppState, _ issues: [IssueEntry]) -> [Effect] {
        if state.search.results != nil { _ = leaveResults(&state) }
        if let sample = state.navigation.issues.first { state.navigation.sampleIssue = IssueKey(sample) }
        state.navigation.issues = issues
        state.navigation.isSample = false
        let letGo = dropSampleBookmarks(&state)
        state.navigation.issueIndex = -1
        if case .issues = state.overlay { state.overlay = nil }
        state.navigation.fetchedArticle = nil
        state.navigation.missingArticles = []
        state.status.message = StatusMessage(state.settings.texts(.replacesSample, issues[0].paper, issues[0].date))
        return letGo + selectIssue(&state, 0, force: true)
    }

    /// The open issue's catalog read again after a re-import: the same section and article,
    /// found by the article's ID (or the section's name) where they still are. The reader keeps
    /// the open article on screen while its section is read again.
    static func catalogReloaded(_ state: inout AppState, _ catalog: IssueCatalog) -> [Effect] {
        let before = state.sections
        let saving = savePosition(state)
        // The lists as they will be: the new issue's articles, less what `unreadOnly` hid
        // (an article the import added is unread, so shown).
        state.navigation.catalog = catalog
        let after = state.sections
        func follow(_ listing: inout Listing, _ list: inout ListState) {
            guard case .section(let i) = listing, before.indices.contains(i) else { return }
            let old = before[i]
            if old.articles.indices.contains(list.selection) {
                let id = old.articles[list.selection].id
                for (s, section) in after.enumerated() {
                    if let a = section.articles.firstIndex(where: { $0.id == id }) {
                        listing = .section(s)
                        list.selection = a
                        return
                    }
                }
            }
            let s = after.firstIndex { isSameSection(name: $0.name, page: $0.page, as: old.name, page: old.page) }
                ?? min(i, max(0, after.count - 1))
            listing = .section(s)
            let count = after.indices.contains(s) ? after[s].articles.count : 0
            list.selection = min(list.selection, max(0, count - 1))
        }
        follow(&state.navigation.listing, &state.navigation.articles)
        if var beneath = state.navigation.beneathResults {
            follow(&beneath.listing, &beneath.articles)
            state.navigation.beneathResults = beneath
        }
        keepSelectionVisible(&state)
        guard let issue = state.issue, let section = state.section else { return saving + showSelectedArticle(&state) }
        return saving + [.loadSection(issue, section)]
    }
}
