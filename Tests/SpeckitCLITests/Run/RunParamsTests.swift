import Foundation
import Testing

/// `speckit run` refusing what it cannot do: before any work, with every problem named, and nothing written.
@Suite("speckit run: bad parameters and input")
struct RunParamsTests {
    static func completed(_ stdout: String) throws -> [String: Any] {
        let lines = stdout.split(separator: "\n")
        #expect(lines.count == 2, "step.started and step.completed only: \(stdout)")
        return try #require(try JSONSerialization.jsonObject(with: Data((lines.last ?? "").utf8)) as? [String: Any])
    }

    @Test("a missing name, a wrong type and an unknown field: one exit-2 run that names all three, nothing written")
    func threeProblems() throws {
        let folder = try CLIRunner.folder(["params.json": #"{"description": "x", "goals": "one goal", "colour": "red"}"#])
        let result = try CLIRunner.run(["run", "generate_spec_kit", "--params", "params.json", "--artifacts", "out"], in: folder)
        #expect(result.status == 2)
        #expect(
            result.stderr == "speckit: error: params.json: 3 problems with the parameters of generate_spec_kit: "
                + "$.name: is required and missing; $.goals: expected an array, got a string; "
                + "$.colour: unknown parameter (expected name, description, goals, phases, principles)\n")
        let completed = try Self.completed(result.stdout)
        #expect(completed["exitCode"] as? Int == 2 && completed["status"] as? String == "failed")
        let problems = try #require(completed["problems"] as? [[String: String]])
        #expect(problems.map { $0["path"] ?? "" } == ["$.name", "$.goals", "$.colour"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["params.json"])
    }

    @Test(
        "unreadable parameters and unusable inputs are exit 2 with one line naming the file",
        arguments: [
            (["generate_spec_kit", "--params", "missing.json"], "", "speckit: error: missing.json: no such file or directory\n"),
            (
                ["generate_spec_kit", "--params", "-"], "{\"name\": \"x\",}",
                "speckit: error: stdin:1:14: JSON syntax error: expected a key in double quotes\n"
            ),
            (
                ["generate_spec_kit", "--params", "-"], "",
                "speckit: error: stdin: bad parameters: no parameters; expected a JSON object such as {\"name\": \"Ops Control Room\"}\n"
            ),
            (
                ["generate_spec_kit", "--params", "-"], "{\"name\": \"---\"}",
                "speckit: error: stdin: bad parameters: the project name '---' has no letters or digits to name its folder\n"
            ),
            (
                ["validate_spec_kit", "--params", "-"], "{\"path\": \"escape\"}",
                "speckit: error: stdin: bad parameters: 'path' escape leads outside the working folder; expected a kit inside it\n"
            ),
            (["validate_spec_kit", "--params", "-"], "{\"path\": \"nowhere\"}", "speckit: error: nowhere: no such file or directory\n"),
        ])
    func refused(arguments: [String], input: String, message: String) throws {
        let folder = try CLIRunner.folder([:])
        // A symbolic link out of the working folder, to a real kit.
        let outside = try CLIRunner.folder(["kit/tasks.md": "# Tasks\n\n- [ ] T1 Secret task\n"])
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("escape").path,
            withDestinationPath: outside.appendingPathComponent("kit").path)
        let result = try CLIRunner.run(["run"] + arguments + ["--artifacts", "out"], in: folder, input: input)
        #expect(result.status == 2)
        #expect(result.stderr == message)
        #expect(try Self.completed(result.stdout)["error"] as? String == String(message.dropFirst("speckit: error: ".count).dropLast()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["escape"])
    }

    @Test("an artifacts folder with something in it is refused, and what is in it is left alone")
    func nonEmptyArtifacts() throws {
        let folder = try CLIRunner.folder(["out/earlier.json": "{}"])
        let result = try CLIRunner.run(
            ["run", "generate_spec_kit", "--params", "-", "--artifacts", "out"], in: folder, input: #"{"name": "x"}"#)
        #expect(result.status == 2)
        #expect(result.stderr.contains("out: cannot write: the folder holds 1 entry; expected a new or empty folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
        #expect(try String(contentsOf: folder.appendingPathComponent("out/earlier.json"), encoding: .utf8) == "{}")
    }

    @Test(
        "command-line mistakes are exit 2 with nothing on stdout",
        arguments: [
            ["run"], ["run", "nope", "--params", "-", "--artifacts", "o"], ["run", "generate_spec_kit", "--artifacts", "o"],
            ["run", "generate_spec_kit", "--params", "-"], ["run", "--list", "generate_spec_kit"],
            ["run", "generate_spec_kit", "--params", "-", "--artifacts", "o", "--heartbeat", "0"],
            ["run", "generate_spec_kit", "--params", "-", "--artifacts", "o", "--run-id", ""],
        ])
    func commandLine(arguments: [String]) throws {
        let result = try CLIRunner.run(arguments, in: try CLIRunner.folder([:]), input: #"{"name": "x"}"#)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("speckit: error: ") && result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
    }

    @Test("--list names every template with its lane; --describe prints the definition and the schema")
    func listAndDescribe() throws {
        let list = try CLIRunner.run(["run", "--list"])
        #expect(list.status == 0)
        #expect(
            list.stdout.split(separator: "\n").map { $0.split(separator: " ").first ?? "" } == ["generate_spec_kit", "validate_spec_kit"])
        #expect(list.stdout.contains("(lane A)") && list.stdout.contains("(lane B)"))
        let describe = try CLIRunner.run(["run", "--describe", "validate_spec_kit"])
        #expect(describe.status == 0)
        let schemaFile = CLIRunner.repositoryRoot.appendingPathComponent("templates/run-templates/validate_spec_kit.params.schema.json")
        let definition = CLIRunner.repositoryRoot.appendingPathComponent("templates/run-templates/validate_spec_kit.yaml")
        #expect(
            describe.stdout == (try String(contentsOf: definition, encoding: .utf8)) + "\n# validate_spec_kit.params.schema.json\n"
                + (try String(contentsOf: schemaFile, encoding: .utf8)))
    }
}
