import DubaoImport
import DubaoStore
import DubaoModel
import Foundation
import Testing

/// What the importer must keep on the real pages, in percent of the articles of each half of
/// the month: the measure as it stood, rounded down. Raise a floor (one line) when the parser
/// gets better; never lower one to make a change pass.
enum RealPagesFloors {
    static let eeditionTuned = Floor(recovered: 99, titles: 99, paragraphs: 99)
    static let eeditionHeldAside = Floor(recovered: 99, titles: 99, paragraphs: 99)
    static let printTuned = Floor(recovered: 97, titles: 96, paragraphs: 84)
    static let printHeldAside = Floor(recovered: 96, titles: 95, paragraphs: 83)
    static let retabbedTuned = Floor(recovered: 99, titles: 99, paragraphs: 99)
    static let retabbedHeldAside = Floor(recovered: 98, titles: 98, paragraphs: 97)

    struct Floor {
        /// Articles recovered whole.
        var recovered: Double
        /// Recovered, with the title right.
        var titles: Double
        /// Recovered, with the paragraphs right.
        var paragraphs: Double
    }

    static func floor(_ form: RealPages.Form, _ half: RealPagesTests.Half) -> Floor {
        switch (form, half) {
        case (.eedition, .tuned): eeditionTuned
        case (.eedition, .heldAside): eeditionHeldAside
        case (.print, .tuned): printTuned
        case (.print, .heldAside): printHeldAside
        case (.retabbed, .tuned): retabbedTuned
        case (.retabbed, .heldAside): retabbedHeldAside
        }
    }
}

/// The importer on a real month of 人民日报 (issue 12), in both forms, scored against the
/// month's answer key. `swift test --filter RealPages` prints the table;
/// `DUBAO_REAL_PAGES_FAILURES=1` adds the first 40 failures of each form (another number, that
/// many), from the tuned days only: the held-aside days are the check that tuning generalises.
@Suite("Importer: a real month of 人民日报", .enabled(if: RealPages.available,
                                                 "skipped: ../shared/corpora/rmrb-2020-01.tar.xz is absent beside the checkout"))
struct RealPagesTests {
    /// Days 1–21 are for tuning the parser; days 22–31 are kept aside to check it.
    enum Half: CaseIterable, Sendable {
        case tuned, heldAside

        init(day: Int) { self = day <= 21 ? .tuned : .heldAside }

        var label: String {
            switch self {
            case .tuned: "days 1-21 (tuned)"
            case .heldAside: "days 22-31 (held aside)"
            }
        }
    }

    struct Measure: Sendable {
        var tally: [Half: RealPagesScore.Tally]
        var whole: RealPagesScore.Tally { tally[.tuned]! + tally[.heldAside]! }
        /// Failures on the tuned days, page by page.
        var failures: [String]
        var seconds: Double
    }

    static let eedition = measure(.eedition)
    static let print = measure(.print)
    static let retabbed = measure(.retabbed)

    static func measured(_ form: RealPages.Form) -> Swift.Result<Measure, RealPages.MonthError> {
        switch form {
        case .eedition: eedition
        case .print: print
        case .retabbed: retabbed
        }
    }

    /// Builds the month's pages in `form`, imports each on its own and scores it; prints the table.
    static func measure(_ form: RealPages.Form) -> Swift.Result<Measure, RealPages.MonthError> {
        let month: [RealPages.Page]
        switch RealPages.month {
        case .success(let m): month = m
        case .failure(let error): return .failure(error)
        }
        let start = Date()
        let built = RealPages.build(month, form: form)
        var tally: [Half: RealPagesScore.Tally] = [.tuned: .init(), .heldAside: .init()]
        var failures: [String] = []
        for (page, bytes) in zip(month, built) {
            let score = RealPagesScore.score(page: page.name, bytes: bytes, truth: page.articles)
            let half = Half(day: page.day)
            tally[half]! = tally[half]! + score.tally
            if half == .tuned { failures += score.failures }
        }
        let m = Measure(tally: tally, failures: failures, seconds: Date().timeIntervalSince(start))
        Swift.print(report(form, m))
        return .success(m)
    }

    static func report(_ form: RealPages.Form, _ m: Measure) -> String {
        func pct(_ x: Double) -> String { String(format: "%5.1f%%", x) }
        func row(_ label: String, _ t: RealPagesScore.Tally) -> String {
            [label.padding(toLength: 25, withPad: " ", startingAt: 0),
             String(format: "%5d %5d", t.pages, t.articles),
             String(format: "%5d ", t.recovered) + pct(t.recoveredShare),
             String(format: "%5d ", t.titles) + pct(t.titlesShare),
             String(format: "%5d ", t.paragraphs) + pct(t.paragraphsShare) + " " + pct(t.paragraphsOfRecovered),
             String(format: "%5d %5d", t.lossyPages, t.refusedPages)].joined(separator: " │ ")
        }
        var lines = ["", "Real pages, \(form.rawValue) form (人民日报 2020-01): \(String(format: "%.1f", m.seconds)) s to build, import and score",
                     ["", "pages  arts", "recovered   ", "titles right", "paragraphs right    of rec.", "lossy refused"]
                        .enumerated().map { $0.offset == 0 ? String(repeating: " ", count: 25) : $0.element }.joined(separator: " │ ")]
        lines.append(row(Half.tuned.label, m.tally[.tuned]!))
        lines.append(row(Half.heldAside.label, m.tally[.heldAside]!))
        lines.append(row("whole month", m.whole))
        if let wanted = ProcessInfo.processInfo.environment["DUBAO_REAL_PAGES_FAILURES"], let n = Int(wanted), n > 0 {
            let shown = n == 1 ? 40 : n
            lines.append("First \(min(shown, m.failures.count)) of \(m.failures.count) failures on the tuned days (\(form.rawValue)):")
            lines += m.failures.prefix(shown).map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    @Test("each half of the month keeps its floors, and no page loses a character", arguments: RealPages.Form.allCases)
    func floors(form: RealPages.Form) throws {
        let m = try Self.measured(form).get()
        for half in Half.allCases {
            let t = m.tally[half]!
            let floor = RealPagesFloors.floor(form, half)
            let which = "\(form.rawValue), \(half.label)"
            #expect(t.articles > 0, "\(which): no articles read from the month")
            #expect(t.recoveredShare >= floor.recovered,
                    "\(which): \(t.recovered)/\(t.articles) articles recovered, below the floor of \(floor.recovered)%")
            #expect(t.titlesShare >= floor.titles,
                    "\(which): \(t.titles)/\(t.articles) titles right, below the floor of \(floor.titles)%")
            #expect(t.paragraphsShare >= floor.paragraphs,
                    "\(which): \(t.paragraphs)/\(t.articles) paragraphs right, below the floor of \(floor.paragraphs)%")
            #expect(t.lossyPages == 0, "\(which): \(t.lossyPages) pages lost characters")
            #expect(t.refusedPages == 0, "\(which): \(t.refusedPages) pages refused")
        }
    }

    @Test("the month has the pages and articles the corpus README promises")
    func month() throws {
        let pages = try RealPages.month.get()
        #expect(pages.count == 440)
        #expect(pages.map(\.articles.count).reduce(0, +) == 2194)
    }
}
