import Foundation
import Testing

@testable import SpeckitCore

/// `speckit generate` in memory: golden files, the round trip through validate and parse, refusals.
@Suite("Kit generation")
struct KitGeneratorTests {
    static let parameters = KitParameters(
        name: "Ops Control Room", description: "A control plane that runs plan-driven work on a fleet of workers.",
        goals: ["Claim runs safely", "Show every run's status live", "Recover stuck runs"],
        phases: ["Control plane API", "Worker fleet"], principles: ["Runs are never lost", "Everything is observable"])
    static let golden = FixturePaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/generated/ops-control-room")

    static func generate(
        _ parameters: KitParameters = parameters, into folder: String = "kit",
        fileSystem: MemoryFileSystem = MemoryFileSystem()
    ) throws -> MemoryFileSystem {
        try KitGenerator(templates: try KitTemplates.load(), fileSystem: fileSystem)
            .write(parameters, source: "test", into: folder, force: false)
        return fileSystem
    }

    @Test("the generated kit equals the golden files (SPECKIT_RECORD=1 rewrites them)", arguments: KitTemplates.documents)
    func golden(document: String) throws {
        let bytes = try #require(try Self.generate().files["kit/\(document)"])
        let url = Self.golden.appendingPathComponent(document)
        if ProcessInfo.processInfo.environment["SPECKIT_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(document) differs from its golden file")
    }

    @Test("identical parameters give identical bytes")
    func deterministic() throws {
        #expect(try Self.generate().files == Self.generate().files)
    }

    @Test("a fresh kit validates with no errors; its unfilled parts are placeholder warnings")
    func validates() throws {
        let files = try Self.generate(into: "spec/ops-control-room").files
        let set = KitLoader().discover(memory: files)
        #expect(set.kits.map(\.profile) == [.speckit])
        let report = Validator(jobs: 1).validate(set)
        #expect(report.summary.errors == 0, "\(report.findings.filter { $0.severity == .error }.map(\.formatted))")
        #expect(report.summary.warnings > 0)
        #expect(Set(report.findings.map(\.ruleId)) == [.placeholder], "\(Set(report.findings.map(\.ruleId)))")
    }

    @Test("parsing the kit yields the phases, tasks and requirements the parameters asked for")
    func roundTrip() throws {
        let files = try Self.generate().files
        let memory = MemoryFiles(files.map { (path: $0.key, bytes: $0.value) })
        let loader = DocumentReader()
        let tasks = try loader.read("kit/tasks.md", from: memory).0
        #expect(tasks.phases.map(\.title) == ["Control plane API", "Worker fleet"])
        #expect(tasks.allTasks.count == 7)
        #expect(Set(tasks.allTasks.flatMap(\.requirementRefs)) == ["FR-001", "FR-002", "FR-003"])
        let prd = try loader.read("kit/prd.md", from: memory).0
        #expect(prd.requirements.map(\.id) == ["US1", "US2", "US3", "FR-001", "FR-002", "FR-003"])
        #expect(prd.requirements.allSatisfy { !$0.acceptanceCriteria.isEmpty })
        let plan = try loader.read("kit/plan.md", from: memory).0
        #expect(plan.phases.allSatisfy { !$0.acceptanceCriteria.isEmpty && !$0.deliverables.isEmpty })
        let constitution = String(decoding: try #require(files["kit/constitution.md"]), as: UTF8.self)
        #expect(constitution.contains("### I. Runs are never lost") && constitution.contains("### II. Everything is observable"))
    }

    @Test("an existing kit is not overwritten without force; with force only the kit's files change")
    func overwrite() throws {
        let fileSystem = MemoryFileSystem(files: ["kit/tasks.md": Array("mine".utf8), "kit/notes.md": Array("keep".utf8)])
        #expect(throws: SpeckitError.wouldOverwrite("kit/tasks.md")) { _ = try Self.generate(fileSystem: fileSystem) }
        #expect(fileSystem.files["kit/tasks.md"] == Array("mine".utf8))
        try KitGenerator(templates: try KitTemplates.load(), fileSystem: fileSystem)
            .write(Self.parameters, source: "test", into: "kit", force: true)
        #expect(fileSystem.files["kit/tasks.md"] != Array("mine".utf8))
        #expect(fileSystem.files["kit/notes.md"] == Array("keep".utf8))
    }

    @Test(
        "bad parameters are refused before anything is written",
        arguments: [
            (KitParameters(name: "  "), "test: bad parameters: the project name is empty; expected e.g. --name \"Ops Control Room\""),
            (
                KitParameters(name: "../../etc"),
                "test: bad parameters: the project name '../../etc' looks like a path; expected a plain name"
            ),
            (
                KitParameters(name: "/etc/passwd"),
                "test: bad parameters: the project name '/etc/passwd' looks like a path; expected a plain name"
            ),
            (KitParameters(name: "Ops", goals: ["ok", " "]), "test: bad parameters: goal 2 is empty"),
            (KitParameters(name: "Ops", phases: ["a\nb"]), "test: bad parameters: phase 'a\nb' spans several lines; expected one line"),
        ])
    func refusals(parameters: KitParameters, message: String) {
        let fileSystem = MemoryFileSystem()
        #expect { _ = try Self.generate(parameters, fileSystem: fileSystem) } throws: { error in
            (error as? SpeckitError)?.errorDescription == message
        }
        #expect(fileSystem.files.isEmpty && fileSystem.folders.isEmpty)
    }

    @Test("parameters read from JSON and from YAML are the same")
    func parameterFiles() throws {
        let json = try KitParameters.read(#"{"name": "Ops", "goals": ["A", "B"], "phases": ["One"]}"#, source: "p.json")
        let yaml = try KitParameters.read("name: Ops\ngoals: [A, B]\nphases:\n  - One\n", source: "p.yaml")
        #expect(json == yaml)
        #expect(json == KitParameters(name: "Ops", goals: ["A", "B"], phases: ["One"]))
        #expect(
            throws: SpeckitError.invalidParams(
                source: "p.yaml", template: "generate_spec_kit",
                problems: [ParamsSchema.Problem(path: "$.goals", message: "expected an array, got an object")])
        ) {
            try KitParameters.read("name: Ops\ngoals: {a: 1}\n", source: "p.yaml")
        }
        // Every value is text as written; an unknown key is refused, as `run generate_spec_kit` refuses it.
        #expect(
            try KitParameters.read("name: 2048\ngoals: [yes, 1.5]\n", source: "p.yaml")
                == KitParameters(name: "2048", goals: ["yes", "1.5"]))
        #expect(
            throws: SpeckitError.invalidParams(
                source: "p.yaml", template: "generate_spec_kit",
                problems: [
                    ParamsSchema.Problem(
                        path: "$.color", message: "unknown parameter (expected name, description, goals, phases, principles)")
                ])
        ) {
            try KitParameters.read("name: Ops\ncolor: red\n", source: "p.yaml")
        }
    }

    @Test("a project name with no letter or digit names no folder (generate then needs --out)")
    func nameWithoutLetters() throws {
        #expect(
            throws: SpeckitError.badParameters(
                source: "test", problem: "the project name '!!!' has no letters or digits to name its folder")
        ) {
            try KitParameters(name: "!!!").validate(source: "test")
        }
        try KitParameters(name: "!!!").validate(source: "test", namesFolder: false)
        let fileSystem = MemoryFileSystem()
        #expect(try Self.generate(KitParameters(name: "!!!"), fileSystem: fileSystem).files.count == 4)
    }

    @Test(
        "the embedded templates are templates/kit/*.mustache (run scripts/embed-templates.py after editing)",
        arguments: KitTemplates.documents)
    func embedded(document: String) throws {
        let url = FixturePaths.repositoryRoot.appendingPathComponent("templates/kit/\(document).mustache")
        #expect(EmbeddedTemplates.kit[document] == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test("a template folder replaces templates file by file; a broken template names its file and line")
    func overrides() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speckit-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{{% CONTENT_TYPE: TEXT}}\n# Tasks for {{project}}\n".utf8).write(to: folder.appendingPathComponent("tasks.md.mustache"))
        let templates = try KitTemplates.load(overrides: folder.path)
        let rendered = try templates.render(Self.parameters)
        #expect(rendered.first { $0.name == "tasks.md" }?.text == "# Tasks for Ops Control Room\n")
        #expect(rendered.first { $0.name == "plan.md" }?.text.hasPrefix("# Plan — Ops Control Room") == true)

        try Data("# Plan\n\n{{#phases}}\n{{title}}\n".utf8).write(to: folder.appendingPathComponent("plan.md.mustache"))
        #expect { try KitTemplates.load(overrides: folder.path).render(Self.parameters) } throws: { error in
            guard case .badTemplate(let file, _, _, _)? = error as? SpeckitError else { return false }
            return file.hasSuffix("plan.md.mustache")
        }
    }
}

extension KitParameters: CustomTestStringConvertible {
    public var testDescription: String { "name '\(name)'" }
}
