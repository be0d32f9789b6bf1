import DubaoCore
import Testing

@Suite("Prefetch: one item ahead, in order")
struct PrefetchTests {
    struct Boom: Error {}

    @Test("items come in order, then nil for good")
    func order() throws {
        var n = 0
        let prefetch = Prefetch { () -> Int? in
            n += 1
            return n <= 100 ? n : nil
        }
        var seen: [Int] = []
        while let item = try prefetch.next() { seen.append(item) }
        #expect(seen == Array(1...100))
        #expect(try prefetch.next() == nil)
    }

    @Test("an error reaches the caller in its place, and nothing is produced after it")
    func error() throws {
        var n = 0
        let prefetch = Prefetch { () throws -> Int? in
            n += 1
            if n == 3 { throw Boom() }
            return n
        }
        #expect(try prefetch.next() == 1)
        #expect(try prefetch.next() == 2)
        #expect(throws: Boom.self) { try prefetch.next() }
        #expect(try prefetch.next() == nil)
        #expect(n == 3)
    }
}
