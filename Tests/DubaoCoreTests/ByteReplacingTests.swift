@testable import DubaoImport
@testable import DubaoStore
import Testing

@Suite("Bytes: replacing every occurrence of a needle")
struct ByteReplacingTests {
    func replaced(_ text: String, _ needle: String, _ replacement: String) -> String? {
        Array(text.utf8).replacingAll(Array(needle.utf8), with: Array(replacement.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("left to right, not overlapping, at either end; nil when there is none")
    func cases() {
        #expect(replaced("本报记者张三", "本报记者", " ") == " 张三")
        #expect(replaced("张三记者", "记者", " ") == "张三 ")
        #expect(replaced("记者记者", "记者", "/") == "//")
        #expect(replaced("aaa", "aa", "b") == "ba")
        #expect(replaced("甲\n乙\n", "\n", " ") == "甲 乙 ")
        #expect(replaced("张三", "记者", " ") == nil)
        #expect(replaced("", "记者", " ") == nil)
        #expect(replaced("张三", "", " ") == nil)
        #expect("甲\n乙".replacingAll("\n", with: " ") == "甲 乙")
        #expect("张三".replacingAll("记者", with: " ") == "张三")
    }
}
