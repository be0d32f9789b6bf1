// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dubao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dubao", targets: ["dubao"]),
        .library(name: "DubaoCore", targets: ["DubaoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Plain values: issues, sections, articles. No Foundation, no I/O.
        .target(name: "DubaoModel"),
        // Pure text layout: display width, Chinese line breaking, truncation, typesetting.
        .target(name: "DubaoLayout", dependencies: ["DubaoModel"]),
        // Importer, file store: everything that reads and writes files. No curses.
        .target(
            name: "DubaoCore",
            dependencies: ["DubaoModel"],
            exclude: ["SampleData"]
        ),
        // UI core: app state, actions, reducer, keymap and views drawing into a grid of cells. No curses.
        .target(name: "DubaoUI", dependencies: ["DubaoModel", "DubaoLayout", "DubaoCore"]),
        // Themes (Themes/*.toml, embedded) and the config file.
        .target(name: "DubaoSettings", dependencies: ["DubaoUI", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The only code that touches ncursesw.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev", "libncursesw5-dev"])]),
        .target(name: "DubaoCurses", dependencies: ["CNcursesw", "DubaoUI"]),
        .executableTarget(
            name: "dubao",
            dependencies: [
                "DubaoModel", "DubaoLayout", "DubaoCore", "DubaoUI", "DubaoSettings", "DubaoCurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Draws a test screen with the curses backend: for checking it in a real terminal.
        // The benchmark: a generated archive, medians, reference tools in the same run.
        .executableTarget(
            name: "dubao-bench",
            dependencies: ["DubaoModel", "DubaoLayout", "DubaoCore", "DubaoUI",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "dubao-curses-check", dependencies: ["DubaoCurses", "DubaoUI"]),
        .testTarget(name: "DubaoCoreTests", dependencies: ["DubaoCore", "DubaoModel", "DubaoTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DubaoUITests", dependencies: ["DubaoUI", "DubaoCore", "DubaoModel", "DubaoLayout", "DubaoTestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "DubaoSettingsTests", dependencies: ["DubaoSettings", "DubaoUI", "DubaoTestSupport"]),
        // Running programs in tmux and pseudo-terminals, shared by the end-to-end tests.
        .target(name: "DubaoTestSupport", dependencies: ["DubaoLayout"], path: "Tests/DubaoTestSupport"),
        .testTarget(name: "DubaoCursesTests", dependencies: ["DubaoCurses", "DubaoUI", "DubaoLayout", "DubaoTestSupport"]),
        .testTarget(name: "DubaoLayoutTests", dependencies: ["DubaoLayout", "DubaoModel", "DubaoTestSupport"]),
        .testTarget(name: "DubaoCLITests", dependencies: ["DubaoCore", "DubaoLayout", "DubaoTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
