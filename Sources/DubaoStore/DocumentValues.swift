import DubaoModel

// Values more than one document holds, read and written in one place so that every document
// holds them alike.

extension IssueDate {
    init?(json: JSONValue) {
        guard let text = json.string else { return nil }
        // `YYYY-MM-DD` straight from the bytes: thousands of entries are read before the first screen.
        let b = Array(text.utf8)
        func digit(_ k: Int) -> Int? { (0x30...0x39).contains(b[k]) ? Int(b[k] - 0x30) : nil }
        if b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
           let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
           let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) {
            self.init(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
        } else {
            self.init(text)
        }
    }
}

extension PageLine {
    init?(json o: JSONValue) {
        guard let kind = o["kind"]?.string.flatMap(Kind.init(rawValue:)),
              let text = o["text"]?.string, let line = o["line"]?.int else { return nil }
        self.init(kind: kind, text: text, line: line)
    }
}

extension JSONBytes {
    mutating func pageLines(_ lines: [PageLine]) {
        array(lines) { w, p in
            w.open("{")
            w.key("kind"); w.string(p.kind.rawValue); w.comma()
            w.key("line"); w.int(p.line); w.comma()
            w.key("text"); w.string(p.text)
            w.close("}")
        }
    }
}
