import DubaoUI
import Foundation

/// Where work that finishes on another thread leaves its actions for the main thread, which
/// takes them in `AppRuntime.poll`. One inbox for every such job, so the runtime has one place
/// to look and state is only ever changed on the main thread, by the reducer.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [(job: Int, action: Action)] = []

    /// Leaves `action` for the main thread. A job's progress replaces its progress not yet
    /// taken: the main thread only needs the latest, and a fast search must not flood it.
    func post(_ action: Action, from job: Int) {
        lock.withLock {
            if case .searchProgress = action, let last = actions.last, last.job == job, case .searchProgress = last.action {
                actions[actions.count - 1] = (job, action)
            } else {
                actions.append((job, action))
            }
        }
    }

    /// Everything posted so far, oldest first, and the inbox emptied.
    func take() -> [(job: Int, action: Action)] {
        lock.withLock {
            defer { actions = [] }
            return actions
        }
    }
}
