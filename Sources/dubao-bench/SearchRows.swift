import DubaoStore
import DubaoModel
import DubaoRuntime
import DubaoUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension DubaoBench {
    /// Searches against `grep -rF` on the same pages, in the same run: queries of 2, 4 and 8
    /// characters taken from an article (a few hits), one that matches nothing though all its
    /// characters are common, one common character and a reporter's name (hits in most issues);
    /// the whole result, and the first 100 results as `dubao search --limit 100` and a reader's
    /// first screen want them.
    func searchRows(_ library: Library, issues: Int, pages: String,
                    add: (String, Double, String, String, Bool?, String?, Double?) -> Void) throws {
        let entry = try library.issues()[issues / 2]
        let article = try library.articles(of: library.catalog(of: entry).sections[3], in: entry)[2]
        // Runs of Han characters that stand in the archive's text, so they match.
        let runsOfHan = article.paragraphs[1].split { !ChineseTextBench.isHan($0.unicodeScalars.first!) }.map(Array.init)
        var queries: [(name: String, text: String, whole: Bool)] = []
        for length in [2, 4, 8] {
            guard let run = runsOfHan.first(where: { $0.count >= length }) else { continue }
            queries.append(("\(length) characters", String(run.prefix(length)), true))
        }
        // Four of the generator's characters in an order its text (random, 600 characters) is
        // all but certain not to hold: every issue has each of them, and none the four.
        queries.append(("4 common characters, no match", "的一是在", true))
        let reporter = article.reporters.first ?? "王"
        // A hit in nearly every article: decoding every one takes seconds at ten years, so the
        // whole result is timed only up to a year.
        queries.append(("1 common character", "的", issues <= 400))
        queries.append(("a reporter's name", reporter, true))
        var greps: [String: Double] = [:]
        for query in queries {
            let grep = Measure.median(runs: runs) { Measure.run("/bin/grep", ["-rF", "--", query.text, pages]) }
            greps[query.text] = grep
            let reference = String(format: "grep -rF %.1f ms", grep * 1000)
            guard query.whole else { continue }
            var hits = 0
            let ours = try Measure.median(runs: runs) { hits = try Searcher.search(library, query: SearchQuery(query.text)!).count }
            // A hit in nearly every article makes each into a result (its snippet and matches),
            // which grep does not: the target there is the time before search filters (a change's
            // A/B in PERFORMANCE.md), not grep's.
            if query.name == "1 common character" {
                add("search, \(query.name) (\(hits) articles)", ours * 1000, "ms", "(every hit made a result)", nil, reference, ours / grep)
                continue
            }
            add("search, \(query.name) (\(hits) articles)", ours * 1000, "ms", "≤ 1.5 × grep -rF", ours <= grep * 1.5,
                reference, ours / grep)
        }
        // The reader: from Enter on the query line to its first screen of results (or its message
        // that nothing matched), the search running on its own thread as in `dubao read`.
        let reader = AppRuntime(state: AppState(width: 120, height: 40), library: library, searchesInBackground: true)
        reader.start(isSample: false)
        for query in queries where query.name != "4 characters" && query.name != "8 characters" {
            var times: [Double] = []
            for run in 0...runs {
                reader.dispatch(.key(.character("/")))
                guard reader.state.search.queryLine?.scope == .library else { return log("the reader's / did not search the library") }
                for c in query.text { reader.dispatch(.key(.character(c))) }
                let t = Measure.seconds {
                    reader.dispatch(.key(.enter))
                    while reader.state.search.searching != nil && !(reader.state.search.searching?.waiting ?? false) {
                        reader.poll()
                        usleep(200)
                    }
                    _ = Screen.render(reader.state)
                }
                if run > 0 { times.append(t) }
                // Esc leaves the results (and ends a search that waits); with none, it would quit.
                if reader.state.search.results != nil { reader.dispatch(.key(.escape)) }
            }
            let t = Measure.median(times)
            add("reader: first screen of results after Enter, \(query.name)", t * 1000, "ms", "≤ 100 ms", t * 1000 <= 100, nil, nil)
        }
        for query in queries where query.name != "4 characters" && query.name != "8 characters" {
            let grep = greps[query.text] ?? .nan
            var hits = 0
            let ours = try Measure.median(runs: runs) {
                hits = try Searcher.search(library, query: SearchQuery(query.text)!, scope: .init(limit: 100)).count
            }
            add("search --limit 100, \(query.name) (\(hits) articles)", ours * 1000, "ms", "≤ 100 ms", ours * 1000 <= 100,
                String(format: "grep -rF %.1f ms", grep * 1000), ours / grep)
        }
        // What the reader's results entry waits for to say how many: every hit counted, none
        // made into a result.
        for query in queries where query.name != "4 characters" && query.name != "8 characters" {
            let grep = greps[query.text] ?? .nan
            var total = 0
            let ours = try Measure.median(runs: runs) {
                total = try Searcher.count(library, query: SearchQuery(query.text)!, going: { true })?.total ?? 0
            }
            add("search, counting every hit, \(query.name) (\(total) articles)", ours * 1000, "ms", "(none)", nil,
                String(format: "grep -rF %.1f ms", grep * 1000), ours / grep)
        }
    }
}
