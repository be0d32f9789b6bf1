import DubaoImport
import Foundation
import Testing

@Suite("JSON as dubao prints it")
struct JSONOutputTests {
    @Test("an empty array is `[]`, at the top and inside; a string's brackets and blanks stay as they were")
    func emptyArrays() throws {
        #expect(JSONOutput.string([String]()) == "[]")
        struct Row: Encodable { var captions: [String]; var title: String }
        let text = JSONOutput.string([Row(captions: [], title: "见[  ]与[\n  ]")])
        #expect(text.contains("\"captions\" : [],"))
        let back = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        #expect(back?.first?["title"] as? String == "见[  ]与[\n  ]")
    }

    @Test("an array printed an element at a time is byte for byte the array printed whole")
    func streamedArrays() {
        struct Row: Encodable { var id: String; var captions: [String]; var matches: Int; var title: String }
        let rows = [Row(id: "a", captions: [], matches: 2, title: "见[  ]与[\n  ]，\"引号\""),
                    Row(id: "b", captions: ["图", ""], matches: 0, title: "第二\t篇 / 斜线")]
        for count in 0...rows.count {
            var out = ""
            var printer = JSONArrayPrinter { out += $0 }
            for row in rows.prefix(count) { printer.element(row) }
            printer.finish()
            #expect(out == JSONOutput.string(Array(rows.prefix(count))) + "\n")
            #expect(printer.elements == count)
        }
    }
}
