import DubaoText

/// The encodings raw pages come in.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8"
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"
    case gb18030 = "gb18030"

    /// Accepts the spellings people type: `utf8`, `UTF-8`, `gbk`, `gb2312`, `utf16`, …
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" }
        switch key {
        case "utf8": self = .utf8
        case "utf16le": self = .utf16le
        case "utf16be": self = .utf16be
        case "utf16": self = .utf16le
        // GB18030 is a superset of GBK and GB2312, so one decoder reads all three.
        case "gb18030", "gbk", "gb2312", "cp936", "euccn": self = .gb18030
        default: return nil
        }
    }

    /// The names `--encoding` takes, said in the reader's language where they are shown.
    public static var names: Sentence { Sentence(.importEncodingNames, allCases.map(\.rawValue).joined(separator: ", ")) }
}
