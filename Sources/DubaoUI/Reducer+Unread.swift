import DubaoModel
import DubaoStore
import DubaoText

/// The unread workflow: stepping to the next or previous unread article, on into other issues,
/// and marking a whole section or issue read (which `u` takes back).
extension Reducer {
    /// `.` and `,`: the nearest unread article after (or before) the selected one: in the
    /// section, then the next sections, then the older (or newer) issues.
    static func stepUnread(_ state: inout AppState, _ direction: UnreadDirection) -> [Effect] {
        let forward = direction == .next
        let read = state.userData.read
        if !state.inSection {
            // The bookmarks and the search results: within the list.
            let ids: [ArticleID] = state.inBookmarks ? state.bookmarkRows.map(\.id) : (state.search.results?.hits.map(\.id) ?? [])
            let here = state.navigation.articles.selection
            let order = forward ? Array(ids.indices.dropFirst(here + 1)) : Array(ids.indices.prefix(here).reversed())
            guard let next = order.first(where: { !read.contains(ids[$0]) }) else {
                state.status.message = StatusMessage(state.settings.texts[forward ? .noUnreadBelow : .noUnreadAbove])
                return []
            }
            return selectArticle(&state, next)
        }
        guard case .section(let s) = state.navigation.listing else { return [] }
        if let (section, article) = unread(in: state.sections, read: read, from: (s, state.navigation.articles.selection),
                                           forward: forward) {
            return show(&state, section: section, article: article)
        }
        return seekUnread(&state, direction, from: state.navigation.issueIndex)
    }

    /// The first unread article after `from` (or before it), in page order; from the first
    /// (or last) article of the issue when `from` is nil.
    static func unread(in sections: [SectionEntry], read: Set<ArticleID>, from: (section: Int, article: Int)?,
                       forward: Bool) -> (section: Int, article: Int)? {
        var places: [(Int, Int)] = []
        for (s, section) in sections.enumerated() {
            for a in section.articles.indices { places.append((s, a)) }
        }
        if !forward { places.reverse() }
        var start = places.startIndex
        if let from, let here = places.firstIndex(where: { $0 == from.section && $1 == from.article }) {
            start = here + 1
        }
        return places[start...].first { !read.contains(sections[$0.0].articles[$0.1].id) }
    }

    /// Goes on to the next older (or newer) issue, which is searched once its catalog is in.
    static func seekUnread(_ state: inout AppState, _ direction: UnreadDirection, from index: Int) -> [Effect] {
        let next = index + (direction == .next ? 1 : -1)
        guard state.navigation.issues.indices.contains(next) else {
            state.status.message = StatusMessage(state.settings.texts[direction == .next ? .noUnreadOlder : .noUnreadNewer])
            return []
        }
        let effects = selectIssue(&state, next, force: false)
        state.navigation.seekingUnread = direction
        return effects
    }

    /// The catalog of an issue `.` or `,` went on to: its first (or last) unread article, or
    /// on to the issue after it.
    static func continueSeekingUnread(_ state: inout AppState, _ direction: UnreadDirection) -> [Effect] {
        state.navigation.seekingUnread = nil
        if let (section, article) = unread(in: state.sections, read: state.userData.read, from: nil,
                                           forward: direction == .next) {
            state.status.message = StatusMessage(state.settings.texts(.unreadIn, state.issue.map { "\($0.paper) \($0.date)" } ?? state.settings.texts[.theNextIssue]))
            return show(&state, section: section, article: article)
        }
        return seekUnread(&state, direction, from: state.navigation.issueIndex)
    }

    /// Selects an article of a section of the open issue, loading the section when needed.
    static func show(_ state: inout AppState, section: Int, article: Int) -> [Effect] {
        let saving = savePosition(state)
        if state.navigation.listing != .section(section) {
            state.navigation.listing = .section(section)
            state.navigation.articles = ListState(selection: article)
        } else {
            state.navigation.articles.selection = article
        }
        return saving + loadSectionIfNeeded(&state)
    }

    /// `A`: every article of the selected section read.
    static func markSectionRead(_ state: inout AppState) -> [Effect] {
        guard state.inSection, let section = state.section else {
            state.status.message = StatusMessage(state.settings.texts[.chooseSectionFirst])
            return []
        }
        return markRead(&state, ids: section.articles.map(\.id), what: SectionsView.label(section))
    }

    /// `C`: every article of the issue read.
    static func markIssueRead(_ state: inout AppState) -> [Effect] {
        guard let issue = state.issue, !state.sections.isEmpty else { return [] }
        return markRead(&state, ids: state.sections.flatMap { $0.articles.map(\.id) }, what: "\(issue.paper) \(issue.date)")
    }

    static func markRead(_ state: inout AppState, ids: [ArticleID], what: String) -> [Effect] {
        let unread = ids.filter { !state.userData.read.contains($0) }
        guard !unread.isEmpty else {
            state.status.message = StatusMessage(state.settings.texts(.allReadAlready, what))
            return []
        }
        state.userData.read.formUnion(unread)
        state.userData.undo.append(.markedRead(unread, what: what))
        let t = state.settings.texts
        let notSaved = state.userData.readingProblem != nil ? t[.keptUntilQuit] : ""
        state.status.message = StatusMessage(t(.markedReadCount, what, unread.count) + notSaved)
        return [.saveReading(unread.map { .markRead($0, true) })]
    }
}

extension Reducer {
    /// `U`: only unread articles in the sections' lists, or every one again. The selected
    /// article stays selected where it is still listed; else the next one listed after it.
    static func toggleUnreadOnly(_ state: inout AppState) -> [Effect] {
        let before = state.sections
        let selected = state.inSection ? state.selectedSummary?.id : nil
        state.navigation.unreadOnly.toggle()
        hideRead(&state)
        if case .section(let s) = state.navigation.listing, before.indices.contains(s) {
            let old = before[s].articles
            let shown = state.sections[s].articles
            let from = old.firstIndex { $0.id == selected } ?? 0
            let next = old[from...].lazy.compactMap { a in shown.firstIndex { $0.id == a.id } }.first
            state.navigation.articles.selection = next ?? max(0, shown.count - 1)
        }
        let hidden = state.navigation.hiddenRead.count
        state.status.message = StatusMessage(state.navigation.unreadOnly
            ? state.settings.texts(.unreadOnlyOn, hidden) : state.settings.texts[.unreadOnlyOff])
        keepSelectionVisible(&state)
        return showSelectedArticle(&state)
    }

    /// What `unreadOnly` hides in the open issue: its articles read by now.
    static func hideRead(_ state: inout AppState) {
        guard state.navigation.unreadOnly, let catalog = state.navigation.catalog else {
            state.navigation.hiddenRead = []
            return
        }
        let read = state.userData.read
        state.navigation.hiddenRead = Set(catalog.sections.lazy.flatMap(\.articles).map(\.id).filter { read.contains($0) })
    }
}
