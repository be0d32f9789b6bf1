import DubaoTerminal
import DubaoUI
import Testing

@Suite("ScreenGrid: cells, wide characters, clipping")
struct ScreenGridTests {
    @Test func wideCharactersTakeTwoCells() {
        var g = ScreenGrid(width: 6, height: 1)
        #expect(g.put("中文ab", x: 0, y: 0, style: .normal) == 6)
        #expect(g.row(0) == "中文ab")
        #expect(g[1, 0].width == 0)
    }

    @Test("a wide character that does not fit becomes a space, never half a glyph")
    func wideAtEdge() {
        var g = ScreenGrid(width: 5, height: 1)
        #expect(g.put("中文字", x: 0, y: 0, style: .normal) == 5)
        #expect(g.row(0) == "中文…")
        var h = ScreenGrid(width: 6, height: 1)
        h.put("abc", x: 0, y: 0, style: .normal)
        h.put("中文", x: 1, y: 0, maxWidth: 3, style: .normal)
        #expect(h.row(0) == "a中…  ")
        var i = ScreenGrid(width: 6, height: 1)
        #expect(i.put("a中文", x: 0, y: 0, maxWidth: 4, style: .normal) == 4)
        #expect(i.row(0) == "a中…  ")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var g = ScreenGrid(width: 4, height: 1)
        g.put("中文", x: 0, y: 0, style: .normal)
        g.put("x", x: 1, y: 0, style: .normal)
        #expect(g.row(0) == " x文")
        for y in 0..<g.height { #expect(g.row(y).unicodeScalars.count >= 1) }
    }

    @Test("control characters never reach the grid")
    func controls() {
        var g = ScreenGrid(width: 10, height: 1)
        g.put("a\u{1B}[2Jb\u{07}c", x: 0, y: 0, style: .normal)
        #expect(!g.row(0).unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test("text cut at the edge of its room ends in …, by display width")
    func cutTextSaysSo() {
        var g = ScreenGrid(width: 12, height: 2)
        #expect(g.put("no bookmarks yet", x: 0, y: 0, maxWidth: 10, style: .normal) == 10)
        #expect(g.row(0) == "no bookma…  ")
        g.put("江城港前十月货物", x: 0, y: 1, style: .normal)
        #expect(g.row(1) == "江城港前十… ")
        var fits = ScreenGrid(width: 4, height: 1)
        fits.put("abcd", x: 0, y: 0, style: .normal)
        #expect(fits.row(0) == "abcd", "text that fits is not marked")
    }

    @Test("drawing outside the grid is ignored")
    func outside() {
        var g = ScreenGrid(width: 3, height: 2)
        #expect(g.put("x", x: 5, y: 0, style: .normal) == 0)
        #expect(g.put("x", x: 0, y: 9, style: .normal) == 0)
        #expect(g.text == "   \n   ")
    }
}
