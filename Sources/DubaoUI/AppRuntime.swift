import DubaoCore

/// Runs the reducer's effects against the library and feeds the results back as actions.
///
/// Loading is synchronous: an issue's catalog and one section's articles are small files, read in
/// well under a frame. The effects the runtime cannot perform itself (quit, redraw) go back to
/// the caller, which owns the terminal.
public final class AppRuntime {
    public private(set) var state: AppState
    let library: any LibraryReading

    public init(state: AppState, library: any LibraryReading) {
        self.state = state
        self.library = library
    }

    /// Loads the issue list and opens the newest issue.
    @discardableResult
    public func start(isSample: Bool) -> [Effect] {
        do {
            let issues = try library.issues()
            return dispatch(.issuesLoaded(issues, isSample: isSample))
        } catch {
            return dispatch(.loadFailed(error.description))
        }
    }

    /// Applies an action and everything it leads to; returns what only the caller can do.
    @discardableResult
    public func dispatch(_ action: Action) -> [Effect] {
        var queue = [action]
        var external: [Effect] = []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in Reducer.reduce(&state, next) {
                switch effect {
                case .loadCatalog(let issue):
                    do {
                        queue.append(.catalogLoaded(issue, try library.catalog(of: issue)))
                    } catch {
                        queue.append(.loadFailed(error.description))
                    }
                case .loadSection(let issue, let section):
                    do {
                        let articles = try library.articles(of: section, in: issue)
                        queue.append(.sectionLoaded(LoadedSection(issueFolder: issue.folder, sectionName: section.name,
                                                                  articles: articles)))
                    } catch {
                        queue.append(.loadFailed(error.description))
                    }
                case .quit, .redraw:
                    external.append(effect)
                }
            }
        }
        return external
    }
}
