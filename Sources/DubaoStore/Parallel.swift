import Dispatch

/// `map` on every core, for work whose items share nothing (pages of an issue, sections).
package enum Parallel {
    package static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own slot only, and `transform` reads nothing that changes.
            nonisolated(unsafe) let slots = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let work = transform
                nonisolated(unsafe) let input = items
                DispatchQueue.concurrentPerform(iterations: input.count) { k in
                    slots[k] = work(input[k])
                }
            }
        }
        return results.map { $0! }
    }
}
