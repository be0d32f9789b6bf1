/// `library.json`: where each year's volume is. An import rewrites it last, and its rename is the
/// change's commit (`Library.storeEach`).
struct LibraryIndex: Codable, Equatable {
    var schema = LibraryFormat.indexSchema
    static let formatName = "dubao-library"
    var format = Self.formatName
    var volumes: [VolumeEntry] = []
    /// Schema 1 kept every issue here; read, never written.
    var issues: [IssueEntry]?

    init(schema: Int = LibraryFormat.indexSchema, format: String = Self.formatName, volumes: [VolumeEntry] = [],
         issues: [IssueEntry]? = nil) {
        self.schema = schema
        self.format = format
        self.volumes = volumes
        self.issues = issues
    }

    enum CodingKeys: String, CodingKey { case schema, format, volumes, issues }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(Int.self, forKey: .schema)
        format = try c.decode(String.self, forKey: .format)
        issues = try c.decodeIfPresent([IssueEntry].self, forKey: .issues)
        volumes = issues == nil ? try c.decode([VolumeEntry].self, forKey: .volumes)
                                : try c.decodeIfPresent([VolumeEntry].self, forKey: .volumes) ?? []
    }
}

/// One year of issues, as `library.json` points at it.
struct VolumeEntry: Codable, Equatable {
    var year: Int
    /// Relative to the library root; a new file for every change, named by its content.
    var file: String
    var issues: Int
}

extension LibraryIndex: JSONValueDecodable {
    init?(json: JSONValue) {
        guard let schema = json["schema"]?.int, let format = json["format"]?.string else { return nil }
        var volumes: [VolumeEntry] = []
        if let items = json["volumes"], items != .null {
            guard let read = [VolumeEntry](json: items, { item in
                guard let year = item["year"]?.int, let file = item["file"]?.string, let count = item["issues"]?.int
                else { return nil }
                return VolumeEntry(year: year, file: file, issues: count)
            }) else { return nil }
            volumes = read
        } else if json["issues"] == nil {
            return nil     // `volumes` is required unless the index is of schema 1
        }
        var issues: [IssueEntry]?
        if let items = json["issues"], items != .null {
            guard let entries = [IssueEntry](json: items, IssueEntry.init(json:)) else { return nil }
            issues = entries
        }
        self.init(schema: schema, format: format, volumes: volumes, issues: issues)
    }
}

extension LibraryIndex {
    /// Small and written once a change: the plain encoder, indented for people who open it.
    func encoded() -> [UInt8] { LibraryFormat.encode(self) }
}

extension LibraryIndex: StoreDocument {}
