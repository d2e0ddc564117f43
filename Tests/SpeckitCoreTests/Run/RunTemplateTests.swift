import Foundation
import Testing

@testable import SpeckitCore

@Suite("Run templates under templates/run-templates/")
struct RunTemplateTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates/run-templates")

    @Test("the embedded copies are the files in templates/run-templates/ (run scripts/embed-templates.py after editing)")
    func embeddedMatchFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
            $0.hasSuffix(".yaml") || $0.hasSuffix(".json")
        }
        #expect(Set(names) == Set(EmbeddedRunTemplates.files.keys))
        for name in names {
            #expect(
                EmbeddedRunTemplates.files[name] == (try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)),
                "\(name)")
        }
    }

    @Test(
        "each template names itself, a lane, its schema beside it and one shell step that execs speckit run for itself (so the signals a worker sends reach speckit)"
    )
    func definitions() throws {
        #expect(RunTemplates.all.count == EmbeddedRunTemplates.files.keys.filter { $0.hasSuffix(".yaml") }.count)
        for template in RunTemplates.all {
            #expect(!template.description.isEmpty)
            #expect(["A", "B", "C", "D"].contains(template.defaultLane))
            #expect(template.paramsSchema == "\(template.name).params.schema.json")
            #expect(!template.schemaText.isEmpty)
            #expect(template.timeoutSeconds > 0)
            #expect(template.steps.count == 1)
            #expect(template.steps.allSatisfy { $0.kind == "shell" && $0.run.hasPrefix("exec speckit run \(template.name) ") })
        }
        #expect(throws: SpeckitError.unknownRunTemplate("nope", known: ["generate_spec_kit", "validate_spec_kit"])) {
            try RunTemplates.named("nope")
        }
    }
}
