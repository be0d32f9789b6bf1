import DubaoModel

/// One year of reading (or `other`, for IDs without a date): `reading/<YYYY>.json`.
struct ReadingPart: Codable, Equatable {
    var schema = LibraryFormat.schema
    static let formatName = "dubao-reading"
    var format = Self.formatName
    var read: Set<ArticleID> = []
    var positions: [ArticleID: ReadingState.Position] = [:]

    init() {}

    enum CodingKeys: String, CodingKey { case schema, format, read, positions }

    // Keyed by the IDs' text, as JSON objects are (a dictionary keyed otherwise would be written
    // as an array).
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(Int.self, forKey: .schema)
        format = try c.decode(String.self, forKey: .format)
        read = Set(try c.decode([String].self, forKey: .read).map(ArticleID.init(stored:)))
        let byText = try c.decode([String: ReadingState.Position].self, forKey: .positions)
        positions = Dictionary(uniqueKeysWithValues: byText.map { (ArticleID(stored: $0.key), $0.value) })
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(format, forKey: .format)
        try c.encode(read.map(\.text).sorted(), forKey: .read)
        try c.encode(Dictionary(uniqueKeysWithValues: positions.map { ($0.key.text, $0.value) }), forKey: .positions)
    }

    /// By hand, one entry a line, in the exact layout `scan` reads back.
    func encoded() -> [UInt8] {
        var w = JSONBytes()
        w.bytes += Array(#"{"format":"dubao-reading","positions":{"#.utf8)
        for id in positions.keys.sorted() {
            let p = positions[id]!
            if w.bytes.last != 0x7B { w.comma() }
            w.bytes.append(0x0A)
            w.key(id.text); w.open("{")
            w.key("offset"); w.int(p.offset); w.comma()
            w.key("paragraph"); w.int(p.paragraph)
            w.close("}")
        }
        w.bytes += Array("\n},\"read\":[".utf8)
        for (i, id) in read.sorted().enumerated() {
            if i > 0 { w.comma() }
            w.bytes.append(0x0A)
            w.string(id.text)
        }
        w.bytes += Array("\n],\"schema\":\(schema)}\n".utf8)
        return w.bytes
    }

    /// Reads what `encoded` wrote, line by line, without building a JSON tree: a heavy reader's
    /// ten years are a hundred thousand entries, read before the first screen. Nil for anything
    /// laid out otherwise; `JSONDecoder` then reads it, or says what is wrong.
    static func scan(_ bytes: [UInt8]) -> ReadingPart? {
        var part = ReadingPart()
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)[...]
        part.read.reserveCapacity(lines.count)
        guard lines.popFirst()?.elementsEqual(#"{"format":"dubao-reading","positions":{"#.utf8) == true else { return nil }
        func quoted(_ line: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
            guard line.first == 0x22 else { return nil }
            let body = line.dropFirst()
            // IDs are ASCII; anything else goes the long way, through the validating decoder.
            guard let end = body.firstIndex(of: 0x22), body[..<end].allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != 0x5C })
            else { return nil }
            return (String(decoding: body[..<end], as: UTF8.self), body[(end + 1)...])
        }
        func int(_ s: ArraySlice<UInt8>) -> Int? { Int(String(decoding: s, as: UTF8.self)) }
        while let line = lines.popFirst() {
            if line.elementsEqual(#"},"read":["#.utf8) { break }
            guard let (id, rest) = quoted(line) else { return nil }
            var tail = rest
            if tail.last == 0x2C { tail = tail.dropLast() }
            let head = Array(#":{"offset":"#.utf8), middle = Array(#","paragraph":"#.utf8)
            guard tail.starts(with: head), tail.last == 0x7D else { return nil }
            let numbers = tail.dropFirst(head.count).dropLast()
            guard let comma = numbers.firstIndex(of: 0x2C), numbers[comma...].starts(with: middle),
                  let offset = int(numbers[..<comma]), let paragraph = int(numbers[(comma + middle.count)...]) else { return nil }
            part.positions[ArticleID(stored: id)] = .init(paragraph: paragraph, offset: offset)
        }
        while let line = lines.popFirst() {
            if line.starts(with: Array(#"],"schema":"#.utf8)) {
                guard line.last == 0x7D, let schema = int(line.dropFirst(11).dropLast()), schema <= LibraryFormat.schema,
                      lines.allSatisfy(\.isEmpty) else { return nil }
                part.schema = schema
                return part
            }
            var item = line
            if item.last == 0x2C { item = item.dropLast() }
            guard let (id, rest) = quoted(item), rest.isEmpty else { return nil }
            part.read.insert(ArticleID(stored: id))
        }
        return nil
    }
}

extension ReadingPart: StoreDocument {}
