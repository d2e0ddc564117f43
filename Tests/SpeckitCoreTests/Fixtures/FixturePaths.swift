import Foundation

@testable import SpeckitCore

/// Where the test inputs live: `Tests/Fixtures/` in this repository and the seeds in `../shared/seeds`.
enum FixturePaths {
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static func fixture(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
    }

    static func seed(_ prefix: String) -> String {
        let folder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        if prefix.contains("/") { return folder.appendingPathComponent(prefix).path }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let name = names.first { $0.hasPrefix(prefix) } ?? prefix
        return folder.appendingPathComponent(name).path
    }

    /// Parses one file into its document and the diagnostics found on the way.
    static func parse(_ path: String) throws -> (Document, [Diagnostic]) {
        try DocumentReader().read(path, from: DiskFiles())
    }
}
