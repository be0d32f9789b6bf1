// libFuzzer entry for the line breaker and typesetter: any text at any width never yields a line
// wider than the width, and never crashes or hangs. Built by Scripts/fuzz.sh.
import DubaoLayout
import DubaoModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLineBreaker(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 1 else { return 0 }
    let width = Int(data[0]) % 120 + 1
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    for line in LineBreaker(width: width, firstLineIndent: "\u{3000}\u{3000}").lines(of: DisplaySanitizer.sanitize(text)) {
        if line.width > width || DisplayWidth.of(line.text) > width { fatalError("a line wider than \(width)") }
    }
    let article = Article(title: String(text.prefix(40)), paragraphs: text.split(separator: "\n").map(String.init))
    for line in ArticleTypesetter().typeset(article, width: width) where line.leftOffset + line.width > width {
        fatalError("a typeset line past the pane")
    }
    return 0
}
