// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dubao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dubao", targets: ["dubao"]),
        .library(name: "DubaoImport", targets: ["DubaoImport"]),
        .library(name: "DubaoStore", targets: ["DubaoStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Plain values: issues, sections, articles. No Foundation, no I/O.
        .target(name: "DubaoModel"),
        // dubao's own words in each language it speaks: one table a language. No dependencies.
        .target(name: "DubaoText"),
        // Pure text layout: display width, Chinese line breaking, truncation, typesetting.
        .target(name: "DubaoLayout", dependencies: ["DubaoModel"]),
        // C library functions Swift's Glibc module does not declare (syncfs).
        .systemLibrary(name: "CLibcShim"),
        // The byte scans every import and search runs over whole issues (finding a string, what
        // needs cleaning, what needs escaping), in C for the processor's vector instructions.
        .target(name: "CByteScan"),
        // ICU's dictionary word breaker, which tells a word a column cut in two (`AdjacentPairs`).
        .target(name: "CWordBreak", linkerSettings: [.linkedLibrary("icuuc", .when(platforms: [.linux]))]),
        // The file store: the library, user data (bookmarks, reading state), search. No curses.
        .target(name: "DubaoStore", dependencies: ["DubaoModel", "DubaoText", "CLibcShim", "CByteScan"]),
        // The importer: decoding, cleaning, the page parser, credits, furniture, the lossless
        // check, and the sample paper. It makes model issues; the store keeps them.
        .target(
            name: "DubaoImport",
            dependencies: ["DubaoModel", "DubaoStore", "DubaoText", "CByteScan", "CWordBreak"],
            // Only the sample paper's pages ship: EXPECTED.json is for the tests, which read it from the checkout.
            exclude: ["SampleData/EXPECTED.json"],
            resources: [.embedInCode("SampleData")]
        ),
        // What any terminal shows and sends: the grid of cells, styles and themes, key and mouse events.
        .target(name: "DubaoTerminal", dependencies: ["DubaoLayout"]),
        // UI core: app state, actions, reducer, keymap and views drawing into a grid of cells. No curses.
        .target(name: "DubaoUI", dependencies: ["DubaoModel", "DubaoLayout", "DubaoStore", "DubaoTerminal", "DubaoText"]),
        // Runs the UI core's effects against the store, on threads where needed. The UI core itself
        // stays free of Foundation.
        // Starting other programs as a shell starts them (no signal blocked, default actions).
        .target(name: "DubaoSpawn"),
        .target(name: "DubaoRuntime", dependencies: ["DubaoUI", "DubaoStore", "DubaoText", "DubaoSpawn"]),
        // Themes (Themes/*.toml, embedded in the binary) and the config file.
        // SwiftPM takes resources only from inside the target's folder, so Sources/DubaoSettings/Themes
        // is a link to the top-level Themes/; embedInCode follows it and embeds the files themselves.
        .target(
            name: "DubaoSettings",
            dependencies: ["DubaoUI", "DubaoTerminal", "DubaoText", .product(name: "TOMLKit", package: "TOMLKit")],
            exclude: ["Themes/README.md"],
            resources: [.embedInCode("Themes")]
        ),
        // The only code that touches ncursesw.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev", "libncursesw5-dev"])]),
        .target(name: "DubaoCurses", dependencies: ["CNcursesw", "DubaoTerminal", "DubaoText"]),
        .executableTarget(
            name: "dubao",
            dependencies: [
                "DubaoModel", "DubaoLayout", "DubaoImport", "DubaoStore", "DubaoTerminal", "DubaoUI", "DubaoRuntime", "DubaoSettings", "DubaoCurses", "DubaoText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark: a generated archive, medians, reference tools in the same run.
        .executableTarget(
            name: "dubao-bench",
            dependencies: ["DubaoModel", "DubaoLayout", "DubaoImport", "DubaoStore", "DubaoTerminal", "DubaoUI", "DubaoRuntime",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Draws a test screen with the curses backend: for checking it in a real terminal.
        .executableTarget(name: "dubao-curses-check", dependencies: ["DubaoCurses", "DubaoTerminal"]),
        .testTarget(name: "DubaoCoreTests", dependencies: ["DubaoImport", "DubaoStore", "DubaoModel", "DubaoText", "CByteScan", "DubaoTestSupport"], exclude: ["Fixtures", "PDFExpectations", "PDFPages"]),
        .testTarget(name: "DubaoUITests", dependencies: ["DubaoUI", "DubaoText", "DubaoRuntime", "DubaoTerminal", "DubaoImport", "DubaoStore", "DubaoModel", "DubaoLayout", "DubaoTestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "DubaoSettingsTests", dependencies: ["DubaoSettings", "DubaoText", "DubaoUI", "DubaoTerminal", "DubaoTestSupport"]),
        // Running programs in tmux and pseudo-terminals, shared by the end-to-end tests.
        .target(name: "DubaoTestSupport", dependencies: ["DubaoLayout", "DubaoTerminal", "DubaoSpawn"], path: "Tests/DubaoTestSupport"),
        .testTarget(name: "DubaoCursesTests", dependencies: ["DubaoCurses", "DubaoTerminal", "DubaoText", "DubaoLayout", "DubaoTestSupport"]),
        .testTarget(name: "DubaoLayoutTests", dependencies: ["DubaoLayout", "DubaoModel", "DubaoTestSupport"]),
        .testTarget(name: "DubaoCLITests", dependencies: ["DubaoImport", "DubaoStore", "DubaoModel", "DubaoLayout", "DubaoTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
