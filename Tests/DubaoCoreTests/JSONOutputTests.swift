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
}
