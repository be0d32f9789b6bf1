@testable import DubaoImport
import Testing

/// Reading what `pdftohtml -xml -zoom 2` prints, on a hand-written snippet of it.
@Suite("PopplerXML: pdftohtml's XML into PageGeometry")
struct PopplerXMLTests {
    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE pdf2xml SYSTEM "pdf2xml.dtd">
        <pdf2xml producer="poppler" version="22.12.0">
        <text top="1" left="1" width="1" height="1" font="0">before any page</text>
        <page number="1" position="absolute" top="0" left="0" height="1684" width="1190">
        \t<fontspec id="0" size="52" family="WUOKJZ+NotoSerifCJKjp" color="#231f20"/>
        \t<fontspec id="1" size="19" family="FZSSJW--GB1-0" color="#000000"/>
        <text top="100" left="50" width="104" height="52" font="0"><b>标题</b></text>
        <text top="200.5" left="60.25" width="300" height="19" font="1">A &amp; B &lt;C&gt; &#x4E2D;&#25991;&nbsp;<i>斜</i></text>
        <text top="230" left="60" width="0" height="19" font="1"></text>
        </page>
        <page number="2" position="absolute" top="0" left="0" height="1684" width="1190">
        <text top="10" left="20" width="40" height="19" font="1">二</text>
        </page>
        </pdf2xml>
        """

    @Test("pages, boxes and sizes in points: what zoom 2 gave is halved")
    func geometry() {
        let pages = PopplerXML.pages(Array(Self.xml.utf8), zoom: 2)
        #expect(pages.map(\.number) == [1, 2])
        #expect(pages.first?.width == 595 && pages.first?.height == 842)
        let title = pages.first?.runs.first
        #expect(title?.box == Box(left: 25, top: 50, right: 77, bottom: 76))
        #expect(title?.size == 26)
        #expect(pages.last?.runs.map(\.text) == ["二"])
    }

    @Test("a run's face without its subset tag, its colour, and its text with tags dropped and entities decoded")
    func typeAndText() {
        let runs = PopplerXML.pages(Array(Self.xml.utf8), zoom: 2).first?.runs ?? []
        #expect(runs.count == 2, "the empty run and the text before any page are passed over")
        #expect(runs.map(\.font) == ["NotoSerifCJKjp", "FZSSJW--GB1-0"])
        #expect(runs.map(\.colour) == ["#231f20", "#000000"])
        #expect(runs.last?.text == "A & B <C> 中文\u{a0}斜")
        #expect(runs.last?.size == 9.5)
    }

    @Test("a subset tag is six capitals and a plus; anything else is the name")
    func faceNames() {
        #expect(PopplerXML.faceName("VZWEZY+FZHTJW--GB1-0") == "FZHTJW--GB1-0")
        #expect(PopplerXML.faceName("Times+Roman") == "Times+Roman")
        #expect(PopplerXML.faceName("SimSun") == "SimSun")
    }
}
