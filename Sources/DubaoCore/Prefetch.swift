import Dispatch

/// Runs a producer one item ahead on a background thread, so the next issue is parsed while
/// the one before it is written: `import --each` keeps both cores busy, with at most two
/// issues in memory.
public final class Prefetch<T>: @unchecked Sendable {
    // Touched only by the one producer job running at a time, and read by `next` after that
    // job signals: the semaphore orders every access.
    private let produce: () throws -> T?
    private var result: Result<T?, any Error>?
    private let ready = DispatchSemaphore(value: 0)
    private let queue = DispatchQueue(label: "dubao.prefetch")
    private var finished = false

    public init(_ produce: @escaping () throws -> T?) {
        self.produce = produce
        start()
    }

    private func start() {
        queue.async {
            self.result = Result { try self.produce() }
            self.ready.signal()
        }
    }

    /// The next item, nil after the last; rethrows what the producer threw, after which
    /// nothing more is produced.
    public func next() throws -> T? {
        guard !finished else { return nil }
        ready.wait()
        let taken = result!
        result = nil
        switch taken {
        case .success(let item?):
            start()
            return item
        case .success(nil):
            finished = true
            return nil
        case .failure(let error):
            finished = true
            throw error
        }
    }
}
