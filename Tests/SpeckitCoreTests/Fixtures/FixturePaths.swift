import Foundation

@testable import SpeckitCore

/// Where the test inputs live: `Tests/Fixtures/` in this repository.
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

    /// Parses one file into its document and the diagnostics found on the way.
    static func parse(_ path: String) throws -> (Document, [Diagnostic]) {
        try DocumentReader().read(path, from: DiskFiles())
    }

    /// Parses Markdown text as the file at `path` (its path decides the dialect: `.kiro/specs/…`).
    static func markdown(_ text: String, path: String = "tasks.md", kind: Document.Kind = .tasks) throws -> Document {
        try MarkdownPlanParser.parse(try TextDecoding.decode(Array(text.utf8), path: path), kind: kind).0
    }
}
