import Testing
import DubaoLayout
#if canImport(Glibc)
import Glibc
#endif

@Suite struct DisplayWidthTests {
    @Test(arguments: ["中", "，", "。", "《", "》", "（", "）", "、", "\u{3000}", "😀", "한", "ア", "Ａ"])
    func wideCharactersTakeTwoCells(_ text: String) {
        #expect(DisplayWidth.of(text) == 2)
    }

    @Test(arguments: ["“", "”", "‘", "’", "…", "—", "·", "①", "─", "│", "a", "~", "é", "\u{FFFD}"])
    func narrowAndAmbiguousCharactersTakeOneCell(_ text: String) {
        #expect(DisplayWidth.of(text) == 1)
    }

    @Test(arguments: [0x0301, 0x200B, 0x200D, 0xFE0F, 0x0000, 0x001B, 0x007F, 0x009B, 0x0378])
    func zeroWidthAndNotPrintableTakeNoCells(_ value: UInt32) {
        #expect(DisplayWidth.of(Unicode.Scalar(value)!) == 0)
    }

    @Test func notPrintableIsThatOfGlibc() {
        #expect(!DisplayWidth.isPrintable("\u{1B}"))
        #expect(!DisplayWidth.isPrintable("\u{9B}"))
        #expect(!DisplayWidth.isPrintable(Unicode.Scalar(0x0378)!))
        #expect(!DisplayWidth.isPrintable("\u{FFFF}"))
        #expect(DisplayWidth.isPrintable("\u{200B}"))
        #expect(DisplayWidth.isPrintable("中"))
        #expect(DisplayWidth.isPrintable(" "))
    }

    @Test func stringWidthSumsItsScalars() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("GDP") == 3)
        #expect(DisplayWidth.of("增长5.2%") == 8)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("“好”……") == 6)
        #expect(DisplayWidth.of("a\tb") == 2)
        #expect(DisplayWidth.of(scalars: "两会".unicodeScalars) == 4)
    }

    #if canImport(Glibc)
    /// The table must agree with the C library that ncursesw will ask, code point by code point.
    @Test func tableMatchesGlibcForEveryCodePoint() throws {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "wcwidth") else {
            Issue.record("wcwidth not found in the running process")
            return
        }
        typealias WCWidth = @convention(c) (Int32) -> Int32
        let wcwidth = unsafeBitCast(symbol, to: WCWidth.self)

        let previous = setlocale(LC_CTYPE, nil).map { String(cString: $0) }
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil || setlocale(LC_CTYPE, "C.utf8") != nil else {
            print("skipping the glibc comparison: the C.UTF-8 locale cannot be set on this machine")
            return
        }
        defer { _ = setlocale(LC_CTYPE, previous ?? "C") }

        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            let expected = Int(wcwidth(Int32(value)))
            guard let scalar = Unicode.Scalar(value) else {
                #expect(expected == -1, "surrogate U+\(String(value, radix: 16)) printable in glibc")
                continue
            }
            let ours = DisplayWidth.isPrintable(scalar) ? DisplayWidth.of(scalar) : -1
            if ours != expected, mismatches.count < 20 {
                mismatches.append("U+\(String(value, radix: 16, uppercase: true)): glibc \(expected), table \(ours)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
    #endif
}
