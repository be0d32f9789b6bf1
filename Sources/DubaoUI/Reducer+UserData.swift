import DubaoTerminal
import DubaoStore
import DubaoLayout
import DubaoModel
import DubaoText

/// The user-data slice: read marks, reading positions, the last place and bookmarks.
extension Reducer {
    /// `b` and `u` change the bookmarks: while they cannot be saved, refused with the reason.
    static func refusedWhileBookmarksUnsaved(_ state: inout AppState) -> Bool {
        guard let problem = state.userData.bookmarksProblem else { return false }
        state.status.message = StatusMessage(state.settings.texts(.notChanged, problem), isError: true)
        return true
    }

    /// Opening an article in the reader marks it read, once.
    /// It is also where the next start comes back to, kept at once rather than only on quit,
    /// so a dubao killed or crashed still returns to it.
    static func markRead(_ state: inout AppState) -> [Effect] {
        guard state.viewport.focus == .reader || state.viewport.zoomed, let id = state.reader?.article.id else { return [] }
        var changes: [ReadingChange] = []
        if !state.userData.read.contains(id) {
            state.userData.read.insert(id)
            changes.append(.markRead(id, true))
        }
        if let place = place(of: state), place.article == id, state.userData.savedPlace != place {
            state.userData.savedPlace = place
            changes.append(.last(place))
        }
        return changes.isEmpty ? [] : [.saveReading(changes)]
    }

    /// Bookmarks and reading marks, once: of the year of the issue on screen.
    static func askForUserData(_ state: inout AppState) -> [Effect] {
        guard state.userData.loadedYears == nil else { return [] }
        let years = Set(state.issue.map { [ReadingStateStore.yearKey(for: $0.date)] } ?? [])
        state.userData.loadedYears = years
        return [.loadUserData(years: years)]
    }

    /// The user's data as read at the start: bookmarks, marks, and the place to reopen.
    static func applyUserData(_ state: inout AppState, bookmarks: [Bookmark], reading: ReadingState) -> [Effect] {
        state.userData.bookmarks = bookmarks
        let letGo = dropSampleBookmarks(&state)
        state.userData.read = reading.read
        state.userData.positions = reading.positions
        // An article the reader opened before the file was read, and not moved since, goes to its
        // saved place now: which of the two loads ends first is the threads' to decide.
        if var reader = state.reader, reader.anchor.position == nil, reader.top == 0,
           let saved = reading.positions[reader.article.id] {
            reader.anchor = anchor(at: saved, in: reader.lines, width: reader.layoutWidth)
            state.reader = reader
            relayoutReader(&state)
        }
        // Queries run before the file was read (there is hardly time) stay the newest.
        state.search.history = state.search.history.reversed().reduce(reading.queries) { ReadingState.remembering($1, in: $0) }
        guard let last = reading.last,
              let index = state.navigation.issues.firstIndex(paper: last.paper, date: last.date)
        else { return letGo }
        state.navigation.pendingRestore = last
        if let newest = state.navigation.issues.first?.date, let seen = last.newest, newest > seen, index != 0 {
            // A new issue came in since: it is what the reader opens on, and the place is
            // kept for when the old issue is opened again.
            let t = state.settings.texts
            let how = t[index == 1 ? .previousKeyGoesBack : .issueListKeyListsThem]
            state.status.message = StatusMessage(t(.newIssueSinceLastRead, newest, last.date, how))
            return letGo + (state.navigation.issueIndex == 0 ? [] : selectIssue(&state, 0, force: false))
        }
        return letGo + (index == state.navigation.issueIndex ? restorePlace(&state) : selectIssue(&state, index, force: false))
    }

    /// Bookmarks made on the sample paper, removed once a real library is read: the sample is
    /// only a demonstration, and its articles would otherwise be listed as missing for ever.
    static func dropSampleBookmarks(_ state: inout AppState) -> [Effect] {
        guard !state.navigation.isSample, let sample = state.navigation.sampleIssue,
              state.navigation.issues.firstIndex(paper: sample.paper, date: sample.date) == nil else { return [] }
        func onSample(_ b: Bookmark) -> Bool { b.paper == sample.paper && b.date == sample.date }
        let gone = state.userData.bookmarks.filter(onSample)
        guard !gone.isEmpty else { return [] }
        state.userData.bookmarks.removeAll(where: onSample)
        state.userData.unbookmarkedRows.removeAll(where: onSample)
        state.userData.undo.removeAll {
            if case .bookmarkRemoved(let b) = $0 { return onSample(b) }
            return false
        }
        return gone.map { .removeBookmark($0.id) }
    }

    /// The reading position of the article in the reader, to save before it is replaced.
    static func savePosition(_ state: AppState) -> [Effect] {
        guard let reader = state.reader else { return [] }
        let position = position(of: reader)
        guard state.userData.positions[reader.article.id] != position else { return [] }
        return [.saveReading([.position(reader.article.id, position)])]
    }

    /// On quit: where the reader is, so the next start comes back to it.
    static func saveReadingPlace(_ state: AppState) -> [Effect] {
        var changes: [ReadingChange] = []
        if let reader = state.reader {
            let position = position(of: reader)
            // Only a change is written: an article at the top whose saved place the reader
            // never scrolled to must keep it.
            if state.userData.positions[reader.article.id] != position { changes.append(.position(reader.article.id, position)) }
        }
        if let place = place(of: state) { changes.append(.last(place)) }
        return changes.isEmpty ? [] : [.saveReading(changes)]
    }

    /// Where the reader is: the article it shows (or else the one selected), with its own
    /// issue and section — a bookmark's or a search result's, not the issue underneath.
    static func place(of state: AppState) -> ReadingState.Place? {
        let newest = state.navigation.issues.first?.date
        let focus = state.viewport.focus.storedName
        if let hit = state.selectedHit, state.reader == nil || state.reader?.article.id == hit.id {
            return ReadingState.Place(paper: hit.paper, date: hit.date, section: hit.section, article: hit.id, newest: newest,
                                      focus: focus)
        }
        if let b = state.selectedBookmark, state.reader == nil || state.reader?.article.id == b.id {
            return ReadingState.Place(paper: b.paper, date: b.date, section: b.section, article: b.id, newest: newest,
                                      focus: focus)
        }
        if !state.inBookmarks, state.search.results == nil, let issue = state.issue, let section = state.section,
           let id = state.selectedSummary?.id {
            return ReadingState.Place(paper: issue.paper, date: issue.date, section: section.name, article: id, newest: newest,
                                      focus: focus)
        }
        return nil
    }

    static func toggleBookmark(_ state: inout AppState) -> [Effect] {
        guard let id = state.selectedID else { return [] }
        if let existing = state.userData.bookmarks.first(where: { $0.id == id }) {
            // In the bookmarks list the row stays (☆): b toggles the article in front of the
            // reader, and never moves on to the next bookmark.
            if state.inBookmarks { state.userData.unbookmarkedRows.append(existing) }
            state.userData.bookmarks.removeAll { $0.id == id }
            state.userData.undo.append(.bookmarkRemoved(existing))
            state.status.message = StatusMessage(state.settings.texts[.bookmarkRemoved])
            return [.removeBookmark(id)]
        }
        let bookmark: Bookmark
        if let removed = state.userData.unbookmarkedRows.first(where: { $0.id == id }) {
            // Back as it was, with the time it was first added, so it keeps its place in the list.
            bookmark = removed
        } else if let hit = state.selectedHit {
            bookmark = Bookmark(id: id, title: hit.title, paper: hit.paper, date: hit.date, section: hit.section, added: "")
        } else {
            guard let issue = state.issue, let section = state.section, let summary = state.selectedSummary else { return [] }
            bookmark = Bookmark(id: id, title: summary.title, paper: issue.paper, date: issue.date,
                                section: section.name, added: "")
        }
        if bookmark.added.isEmpty {
            state.userData.bookmarks.insert(bookmark, at: 0)
        } else {
            state.userData.bookmarks = BookmarkStore.newestFirst(state.userData.bookmarks + [bookmark])
        }
        state.userData.undo.removeAll { $0.bookmark?.id == id }
        state.status.message = StatusMessage(state.settings.texts[.bookmarkAdded])
        return [.addBookmark(bookmark)]
    }

    /// `u`: takes back the latest removal of a bookmark, or the latest section or issue marked
    /// read (only the articles that were unread before).
    static func undo(_ state: inout AppState) -> [Effect] {
        // Removals already undone by b are passed over.
        let bookmarked = state.bookmarked
        while let last = state.userData.undo.last, let b = last.bookmark, bookmarked.contains(b.id) {
            state.userData.undo.removeLast()
        }
        guard let last = state.userData.undo.popLast() else {
            state.status.message = StatusMessage(state.settings.texts[.nothingToUndo])
            return []
        }
        let more = state.userData.undo.filter { $0.bookmark.map { !bookmarked.contains($0.id) } ?? true }.count
        let tail = more > 0 ? state.settings.texts(.undoMore, more) : ""
        switch last {
        case .bookmarkRemoved(let bookmark):
            if refusedWhileBookmarksUnsaved(&state) {
                state.userData.undo.append(last)
                return []
            }
            state.userData.bookmarks = BookmarkStore.newestFirst(state.userData.bookmarks + [bookmark])
            state.status.message = StatusMessage(state.settings.texts(.bookmarkRestored, bookmark.title) + tail)
            return [.addBookmark(bookmark)]
        case .markedRead(let ids, let what):
            state.userData.read.subtract(ids)
            state.status.message = StatusMessage(state.settings.texts(.unreadAgain, what) + tail)
            return [.saveReading(ids.map { .markRead($0, false) })]
        }
    }
}

extension Undoable {
    var bookmark: Bookmark? {
        if case .bookmarkRemoved(let b) = self { return b }
        return nil
    }
}
