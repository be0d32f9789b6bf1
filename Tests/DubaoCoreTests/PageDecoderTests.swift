import DubaoImport
import DubaoStore
import DubaoTestSupport
import Foundation
import Testing

@Suite("Decoding damaged and unmarked pages")
struct PageDecoderTests {
    /// A page in GB18030, made by iconv (the system converter the importer uses too).
    func gb18030(_ text: String) throws -> [UInt8] {
        let folder = ScratchFolder.make("decoder")
        let input = folder + "/in.txt", output = folder + "/out.txt"
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", "GB18030", "-o", output, input]
        try p.run()
        p.waitUntilExit()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
    }

    static let page = "第02版：经济\n\n江城港口吞吐量创新高\n\n本报讯（记者 汤圆）前十个月，江城港完成货物吞吐量一点二亿吨，同比增长百分之九。港口集团表示，明年将再开两条航线。\n"

    @Test("a GB18030 page with one bad byte is read as GB18030, the byte counted at its offset")
    func damagedGB18030() throws {
        var bytes = try gb18030(Self.page)
        // Before a line end: on a character boundary, so exactly one byte is bad.
        let at = try #require(bytes.indices.first { $0 > 20 && bytes[$0] == 0x0A })
        bytes.insert(0xFF, at: at)
        let result = try Importer().importPages([("gb.txt", bytes)])
        #expect(result.issue.sections[0].articles[0].title.hasPrefix("江城港口吞吐量创新高"))
        let warning = try #require(result.warnings.first { $0.message.contains("gb18030") })
        #expect(warning.message.contains("1 byte") && warning.message.contains("offset \(at)"), "\(warning.message)")
    }

    @Test("a GB18030 page cut off in the middle of its last character is read, with a warning")
    func truncatedGB18030() throws {
        let bytes = try gb18030(Self.page + "下一期见")
        let result = try Importer().importPages([("gb.txt", Array(bytes.dropLast()))])
        #expect(result.issue.sections[0].articles[0].paragraphs[0].hasPrefix("前十个月"))
        #expect(result.warnings.contains { $0.message.contains("gb18030") })
    }

    @Test("UTF-16 without a byte-order mark is not called binary: the error says which --encoding to pass")
    func utf16WithoutBOM() throws {
        var le: [UInt8] = []
        for u in Self.page.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        var be: [UInt8] = []
        for u in Self.page.utf16 { be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        for (bytes, name) in [(le, "utf-16le"), (be, "utf-16be")] {
            do {
                _ = try Importer().importPages([("u16.txt", bytes)])
                Issue.record("\(name) without a BOM was imported without --encoding")
            } catch {
                let message = error.error.message
                #expect(message.contains("--encoding \(name)"), "\(message)")
            }
        }
        let forced = try Importer(options: .init(encoding: .utf16le)).importPages([("u16.txt", le)])
        #expect(forced.issue.sections[0].articles[0].title == "江城港口吞吐量创新高")
    }
}

@Suite("PageDecoder: archives")
struct PageDecoderArchiveTests {
    @Test("an archive is named by its magic number; a page that merely starts like one is read")
    func archives() throws {
        #expect(throws: ImportError.compressed(format: "gzip", unpack: "gunzip")) {
            try PageDecoder.decode([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00])
        }
        #expect(throws: ImportError.compressed(format: "bzip2", unpack: "bunzip2")) {
            try PageDecoder.decode(Array("BZh91AY&SY".utf8))
        }
        #expect(try PageDecoder.decode(Array("BZh is how this page begins\n".utf8)).text.hasPrefix("BZh is"))
    }
}
