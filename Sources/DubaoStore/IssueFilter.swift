import Foundation

/// For one search: whether an issue can hold a match at all, from the search filters of the
/// library's ten-day packs. Each pack is asked once, for every issue in it, when the first of
/// its issues comes up.
///
/// It only ever says no for an issue whose pack lists it with the search text the issue has
/// now, and whose rows read back whole: an issue imported before filters, a pack that is
/// missing, of a newer schema or damaged, all mean "search it", and a damaged pack is reported
/// (`damaged`) so the caller can warn.
public final class IssueFilter: @unchecked Sendable {
    let root: String
    let elements: [UInt64]
    private var answers: [String: [String: (searchText: String, passes: Bool)]] = [:]
    /// The packs that could not be read, as paths, once the search has reached one of their
    /// issues (and searched it without them): a search stopped early by `--limit` says nothing
    /// of a damaged pack of older issues it never came to.
    public private(set) var damaged: [String] = []
    private var broken: Set<String> = []

    init(root: String, query: SearchQuery) {
        self.root = root
        elements = SearchFilter.elements(of: query)
    }

    /// Asks the packs of these issues at once, on every core: at ten years they are 360 files,
    /// each opened for a few rows.
    func prepare(_ issues: [IssueEntry]) {
        let packs = Array(Set(issues.compactMap(\.filter))).filter { answers[$0] == nil }.sorted()
        let root = root, elements = elements
        let found = Parallel.map(packs) { FilterPack.ask(path: "\(root)/\($0)", elements: elements) }
        for (pack, answer) in zip(packs, found) { take(answer, of: pack) }
    }

    private func take(_ answer: FilterPack.Answer, of pack: String) {
        switch answer {
        case .issues(let issues):
            answers[pack] = Dictionary(issues.map { ($0.folder, ($0.searchText, $0.passes)) }, uniquingKeysWith: { a, _ in a })
        case .newerSchema:
            // A newer dubao's pack: no damage.
            answers[pack] = [:]
        case .unreadable:
            answers[pack] = [:]
            // Gone since the issue list was read is a re-import, not damage.
            if FileManager.default.fileExists(atPath: "\(root)/\(pack)") { broken.insert(pack) }
        }
    }

    /// False only when the issue's filter says it cannot hold every term of the query.
    public func mayMatch(_ issue: IssueEntry) -> Bool {
        guard let pack = issue.filter, issue.searchText.hasPrefix(SearchText.currentPrefix) else { return true }
        if answers[pack] == nil { take(FilterPack.ask(path: "\(root)/\(pack)", elements: elements), of: pack) }
        if broken.contains(pack) {
            broken.remove(pack)
            damaged.append("\(root)/\(pack)")
        }
        guard let column = answers[pack]?[issue.folder], column.searchText == issue.searchText else { return true }
        return column.passes
    }
}

extension Library {
    public func issueFilter(for query: SearchQuery) -> IssueFilter? {
        IssueFilter(root: root, query: query)
    }
}
