/// A library document that can be built from a `JSONValue` without `JSONDecoder`.
///
/// Each conformance asks for exactly the keys and types the `Codable` one does and answers nil
/// for anything else, so a document reads the same either way; nil sends the caller to
/// `JSONDecoder`, which then names what is wrong.
protocol JSONValueDecodable {
    init?(json: JSONValue)
}

extension Array {
    /// A JSON array every item of which `element` reads; nil if it is not an array or an item
    /// is not what `element` wants.
    init?(json: JSONValue?, _ element: (JSONValue) -> Element?) {
        guard let items = json?.array else { return nil }
        var out: [Element] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard let e = element(item) else { return nil }
            out.append(e)
        }
        self = out
    }
}
