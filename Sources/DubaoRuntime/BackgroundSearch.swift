import DubaoStore
import DubaoUI
import DubaoText
import Foundation

/// A library search on a thread of its own. It posts its progress and its hits to the runtime's
/// inbox, and can be cancelled (it stops before its next issue or hit).
///
/// It stops at the hits the reader wants (`want`): the first screenful, then more as the reader
/// scrolls towards the end, and waits there, so a query that matches most of ten years costs what
/// the reader looks at. Newest issue first, those are the hits that come first anyway.
final class BackgroundSearch: @unchecked Sendable {
    let job: Int
    private let condition = NSCondition()
    private var cancelled = false
    private var wanted: Int
    private var waiting = false
    private var countWanted = true

    init(job: Int, text: String, query: SearchQuery, library: any LibraryReading, inbox: Inbox, texts: Texts, wanted: Int,
         counts: Bool = true) {
        self.job = job
        self.wanted = wanted
        let thread = Thread { [self] in
            var counting = false
            var batch: [SearchHit] = []
            var count = 0
            do throws(StoreError) {
                let damaged = try Searcher.search(library, query: query, progress: { done, total in
                    inbox.post(.searchProgress(done: done, total: total), from: job)
                    return !self.isCancelled
                }, found: { hit in
                    batch.append(hit)
                    count += 1
                    guard count >= self.condition.withLock({ self.wanted }) else { return !self.isCancelled }
                    inbox.post(.searchFound(query: text, hits: batch), from: job)
                    batch = []
                    if counts, !counting {
                        counting = true
                        self.count(text: text, query: query, library: library, inbox: inbox)
                    }
                    return self.waitUntilWanted(more: count)
                })
                // Every hit is listed: the count is not wanted any more.
                condition.withLock { countWanted = false }
                if !isCancelled {
                    inbox.post(.searchFinished(query: text, hits: batch), from: job)
                    // After the results, which would clear the status line.
                    if !damaged.isEmpty { inbox.post(.searchFilterDamaged(query: text, paths: damaged), from: job) }
                }
            } catch {
                inbox.post(.searchFailed(query: text, message: error.message(texts)), from: job)
            }
        }
        thread.name = "dubao search"
        thread.start()
    }

    private var isCancelled: Bool { condition.withLock { cancelled } }

    /// Counts every hit of the search, on a thread of its own, once the first are listed (not
    /// before: the first screenful has both cores), until the search is cancelled or has listed
    /// them all. The count reads only the search texts, so a query found in most of ten years is
    /// counted in half a second where listing every hit would take many; where an issue would
    /// have to be read article by article (no current search text), there is no count, and the
    /// results say `100+` as before. A library it cannot read gives no count: the search says why.
    private func count(text: String, query: SearchQuery, library: any LibraryReading, inbox: Inbox) {
        let job = job
        let thread = Thread { [self] in
            let going = { self.condition.withLock { !self.cancelled && self.countWanted } }
            guard let counted = try? Searcher.count(library, query: query, readingArticles: false, going: going), going()
            else { return }
            inbox.post(.searchCounted(query: text, total: counted.total), from: job)
            if !counted.damaged.isEmpty { inbox.post(.searchFilterDamaged(query: text, paths: counted.damaged), from: job) }
        }
        thread.name = "dubao search count"
        thread.start()
    }

    /// Waits until more than `count` hits are wanted; false when cancelled meanwhile.
    private func waitUntilWanted(more count: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && wanted <= count {
            waiting = true
            condition.wait()
        }
        waiting = false
        return !cancelled
    }

    /// True while it waits for the reader to want more: nothing to poll for meanwhile.
    var isWaiting: Bool { condition.withLock { waiting } }

    /// Goes on until it has `count` hits (or the library's end).
    func want(_ count: Int) {
        condition.withLock {
            wanted = max(wanted, count)
            // Under way again from now, not once its thread wakes: a poll meanwhile must not
            // take it for one still waiting.
            waiting = false
            condition.broadcast()
        }
    }

    func cancel() {
        condition.withLock {
            cancelled = true
            condition.broadcast()
        }
    }
}
