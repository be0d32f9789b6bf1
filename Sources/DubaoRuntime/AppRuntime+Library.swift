import DubaoStore
import DubaoUI
import DubaoText
import Foundation

/// A live library: the reader looks at the library's stamp while it waits for keys and reads
/// the issue list again only when the stamp moved, on a thread of its own, so no frame waits
/// for the index and the volumes; the reducer takes the new list in (`.libraryChanged`).
extension AppRuntime {
    /// Keeps an eye on `library` from now on. `stamp` is its stamp from before the issue list
    /// the reader started with was read, so an import made since is seen at the first look.
    /// Without `inBackground` (tests) a changed list is read and taken in by `lookAtLibrary`.
    public func watch(_ library: any LibraryReading, stamp: LibraryStamp?, every interval: Duration = .seconds(1),
                      inBackground: Bool = true) {
        watched = library
        watchedStamp = stamp
        lookInterval = interval
        readsLibraryInBackground = inBackground
    }

    /// True while the issue list is being read again on another thread: `poll` soon.
    public var isReadingLibrary: Bool { libraryJob != nil }

    /// Looks at the watched library's stamp, if `every` has passed since the last look, and when
    /// it moved has the issue list read again, for `poll` to take in. Costs a clock read, and a
    /// stamp (a few microseconds) once a second. Returns what only the caller can do.
    @discardableResult
    public func lookAtLibrary(now: ContinuousClock.Instant = .now) -> [Effect] {
        guard let watched, libraryJob == nil else { return [] }
        if let lastLook, now - lastLook < lookInterval { return [] }
        lastLook = now
        let stamp = watched.stamp()
        guard stamp != watchedStamp else { return [] }
        // Taken before the read: a change made while it reads is seen at the next look.
        watchedStamp = stamp
        guard readsLibraryInBackground else { return take(Self.readIssues(watched, state.settings.texts)) }
        jobs += 1
        let job = jobs, inbox = self.inbox
        libraryJob = job
        let texts = state.settings.texts
        let thread = Thread { inbox.post(Self.readIssues(watched, texts), from: job) }
        thread.name = "dubao library"
        thread.start()
        return []
    }

    static func readIssues(_ library: any LibraryReading, _ texts: Texts) -> Action {
        do { return .libraryChanged(try library.issues(), isSample: false, asked: false) } catch {
            return .issuesFailed(error.message(texts))
        }
    }

    /// Dispatches what a read of the watched library found.
    func take(_ action: Action) -> [Effect] {
        guard case .libraryChanged(let issues, _, let asked) = action else { return dispatch(action) }
        return adopt(issues, asked: asked).map { dispatch($0) } ?? []
    }

    /// The action that shows the watched library's `issues`. While the sample paper is shown,
    /// an empty library leaves it there; the first issues replace it, and from then on the
    /// reader reads the library itself.
    func adopt(_ issues: [IssueEntry], asked: Bool) -> Action? {
        guard state.navigation.isSample else { return .libraryChanged(issues, isSample: false, asked: asked) }
        guard let watched, !issues.isEmpty else {
            return asked ? .libraryChanged(state.navigation.issues, isSample: true, asked: true) : nil
        }
        library = watched
        return .libraryChanged(issues, isSample: false, asked: asked)
    }

    /// `reload`: the issue list read again at once, whatever the stamp says.
    func reloadLibrary() -> [Action] {
        guard let watched else {
            do { return [.libraryChanged(try library.issues(), isSample: state.navigation.isSample, asked: true)] } catch {
                return [.issuesFailed(error.message(state.settings.texts))]
            }
        }
        // A read under way started before this one: what it found is older.
        libraryJob = nil
        watchedStamp = watched.stamp()
        lastLook = .now
        do { return adopt(try watched.issues(), asked: true).map { [$0] } ?? [] } catch {
            return [.issuesFailed(error.message(state.settings.texts))]
        }
    }
}
