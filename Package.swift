// swift-tools-version: 6.2
import PackageDescription

/// Settings every speckit target shares: Swift 6 mode, explicit `any`, and no warnings.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "speckit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "speckit", targets: ["speckit"]),
        .library(name: "SpeckitCore", targets: ["SpeckitCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C libraries, one system-library target each.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        // All logic lives in libraries.
        .target(
            name: "SpeckitCore",
            dependencies: [
                "CCmarkGFM",
                "CLibArchive",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SpeckitCLI",
            dependencies: [
                "SpeckitCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // The executable is thin: it only starts the command.
        .executableTarget(
            name: "speckit",
            dependencies: ["SpeckitCLI"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SpeckitCoreTests",
            dependencies: ["SpeckitCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SpeckitCLITests",
            dependencies: ["SpeckitCLI", "speckit", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
    ]
)

// libFuzzer targets, only when asked for (`scripts/fuzz.sh` sets SPECKIT_FUZZ=1): they have no `main` of their
// own, libFuzzer's comes in with `--sanitize=fuzzer`, so an ordinary build must not try to link them.
if Context.environment["SPECKIT_FUZZ"] == "1" {
    for (product, folder) in [("fuzz-markdown", "MarkdownFuzzer"), ("fuzz-yaml", "YAMLFuzzer"), ("fuzz-archive", "ArchiveFuzzer")] {
        package.targets.append(
            .executableTarget(
                name: product, dependencies: ["SpeckitCore"], path: "Fuzz/\(folder)", swiftSettings: strictSettings))
        package.products.append(.executable(name: product, targets: [product]))
    }
}
