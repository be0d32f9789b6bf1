import DubaoStore
import DubaoUI
import DubaoText
import Foundation

/// A library search on a thread of its own. It posts its progress and its outcome to the
/// runtime's inbox, and can be cancelled (it stops before its next issue).
final class BackgroundSearch: @unchecked Sendable {
    let job: Int
    private let lock = NSLock()
    private var cancelled = false

    init(job: Int, text: String, query: SearchQuery, library: any LibraryReading, inbox: Inbox, texts: Texts) {
        self.job = job
        let thread = Thread { [self] in
            do throws(StoreError) {
                let hits = try Searcher.search(library, query: query) { done, total in
                    inbox.post(.searchProgress(done: done, total: total), from: job)
                    return self.lock.withLock { !self.cancelled }
                }
                inbox.post(.searchFinished(query: text, hits: hits), from: job)
            } catch {
                inbox.post(.searchFailed(query: text, message: error.message(texts)), from: job)
            }
        }
        thread.name = "dubao search"
        thread.start()
    }

    func cancel() { lock.withLock { cancelled = true } }
}
