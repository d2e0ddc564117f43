// swift-tools-version: 6.2
import PackageDescription

/// Tests and fuzz targets: Swift 6 mode, explicit `any`, no warnings.
let testSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .treatAllWarnings(as: .error),
]

/// Settings every speckit target shares: Swift 6 mode, explicit `any`, imports internal unless marked
/// `public import` (so only the C-wrapper files see the C modules), and no warnings.
let strictSettings: [SwiftSetting] = testSettings + [.enableUpcomingFeature("InternalImportsByDefault")]

// Linux only (built and tested on Debian 12 with Swift 6.3): no Apple platform is declared, because none is
// built or tested.
let package = Package(
    name: "speckit",
    products: [
        .executable(name: "speckit", targets: ["speckit"]),
        .library(name: "SpeckitCore", targets: ["SpeckitCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `speckit mcp`: the Model Context Protocol server on stdio.
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        // Its logger type, which a transport names (`MCPTransport`).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C libraries, one system-library target each.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // glibc's mallopt, which only the executable calls.
        .systemLibrary(name: "CMalloc"),
        // glibc's extended attributes: the mark on speckit's own temporary files.
        .systemLibrary(name: "CXattr"),
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
                "CXattr",
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
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The executable is thin: it only starts the command.
        .executableTarget(
            name: "speckit",
            dependencies: ["SpeckitCLI", "CMalloc"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SpeckitCoreTests",
            dependencies: ["SpeckitCore"],
            swiftSettings: testSettings
        ),
        .testTarget(
            name: "SpeckitCLITests",
            dependencies: ["SpeckitCLI", "speckit", .product(name: "Yams", package: "Yams")],
            swiftSettings: testSettings
        ),
    ]
)

// libFuzzer targets, only when asked for (`scripts/fuzz.sh` sets SPECKIT_FUZZ=1): they have no `main` of their
// own, libFuzzer's comes in with `--sanitize=fuzzer`, so an ordinary build must not try to link them.
if Context.environment["SPECKIT_FUZZ"] == "1" {
    for (product, folder) in [("fuzz-markdown", "MarkdownFuzzer"), ("fuzz-yaml", "YAMLFuzzer"), ("fuzz-archive", "ArchiveFuzzer")] {
        package.targets.append(
            .executableTarget(
                name: product, dependencies: ["SpeckitCore"], path: "Fuzz/\(folder)", swiftSettings: testSettings))
        package.products.append(.executable(name: product, targets: [product]))
    }
}
