import Foundation

@testable import SpeckitCore

/// Loads the fixtures under `Tests/Fixtures/structured/`.
enum StructuredFixtures {
    /// `Tests/Fixtures/structured`, found by walking up from this file to the package root.
    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("Tests/Fixtures/structured")
    }()

    /// The fixture's text; its path in source ranges is the bare file name.
    static func source(_ name: String) throws -> SourceText {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try TextDecoding.decode(Array(data), path: name)
    }

    /// The fixture parsed as a structured plan.
    static func parse(_ name: String, kind: Document.Kind = .tasks) throws -> Document {
        let format: Document.Format = name.hasSuffix(".json") ? .json : .yaml
        return try StructuredPlanParser.parse(source(name), format: format, kind: kind)
    }

    /// Text that is not in a fixture file, parsed the same way.
    static func parse(text: String, path: String = "inline.yaml", format: Document.Format = .yaml) throws -> Document {
        try StructuredPlanParser.parse(TextDecoding.decode(Array(text.utf8), path: path), format: format, kind: .tasks)
    }

    /// What `body` throws, as a `SpeckitError` (nil when it throws nothing or something else).
    static func error(_ body: () throws -> Document) -> SpeckitError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? SpeckitError
        }
    }
}

extension Document {
    /// The task with `id`, subtasks included.
    func task(_ id: String) -> PlanTask? { allTasks.first { $0.id == id } }
}
