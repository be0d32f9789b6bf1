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
        .executableTarget(
            name: "dubao",
            dependencies: [
                "DubaoModel", "DubaoLayout", "DubaoCore", "DubaoUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DubaoCoreTests", dependencies: ["DubaoCore", "DubaoModel"], exclude: ["Fixtures"]),
        .testTarget(name: "DubaoUITests", dependencies: ["DubaoUI", "DubaoCore", "DubaoModel", "DubaoLayout"]),
        .testTarget(name: "DubaoLayoutTests", dependencies: ["DubaoLayout", "DubaoModel"]),
        .testTarget(name: "DubaoCLITests", dependencies: ["DubaoCore", "DubaoLayout"]),
    ],
    swiftLanguageModes: [.v6]
)
