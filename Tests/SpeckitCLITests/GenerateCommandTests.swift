import Foundation
import Testing

/// `speckit generate`, run as a built binary.
@Suite("speckit generate (end to end)")
struct GenerateCommandTests {
    static func files(in folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    @Test("generate then validate: exit 0; twice with --force into fresh folders, from flags, a params file and stdin: identical bytes")
    func roundTrip() throws {
        let folder = try CLIRunner.folder(["params.json": #"{"name": "Ops Control Room", "goals": ["Claim runs safely"]}"#])
        let generated = try CLIRunner.run(
            ["generate", "--name", "Ops Control Room", "--goal", "Claim runs safely", "--out", "k"], in: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout == "wrote k/constitution.md\nwrote k/prd.md\nwrote k/plan.md\nwrote k/tasks.md\n")
        let validated = try CLIRunner.run(["validate", "k"], in: folder)
        #expect(validated.status == 0, "\(validated.stdout)")
        #expect(validated.stdout.hasSuffix("0 errors, 17 warnings, 0 notes in 4 files (1 kit, 7 tasks): passed\n"))
        #expect(try CLIRunner.run(["validate", "--strict", "k"], in: folder).status == 1)

        let first = try Self.files(in: folder.appendingPathComponent("k"))
        #expect(
            try CLIRunner.run(
                ["generate", "--name", "Ops Control Room", "--goal", "Claim runs safely", "--out", "k", "--force"], in: folder
            ).status == 0)
        #expect(try Self.files(in: folder.appendingPathComponent("k")) == first)
        #expect(try CLIRunner.run(["generate", "--params", "params.json", "--out", "fromfile"], in: folder).status == 0)
        #expect(try Self.files(in: folder.appendingPathComponent("fromfile")) == first)
        let stdin = try CLIRunner.run(
            ["generate", "--params", "-", "--out", "fromstdin"], in: folder,
            input: #"{"name": "Ops Control Room", "goals": ["Claim runs safely"]}"#)
        #expect(stdin.status == 0, "\(stdin.stderr)")
        #expect(try Self.files(in: folder.appendingPathComponent("fromstdin")) == first)
    }

    @Test("the default folder is spec/<slug>; --dry-run writes nothing")
    func defaults() throws {
        let folder = try CLIRunner.folder([:])
        let dry = try CLIRunner.run(["generate", "--name", "Ops Control Room", "--dry-run"], in: folder)
        #expect(dry.status == 0)
        #expect(dry.stdout.hasPrefix("would write spec/ops-control-room/constitution.md ("))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("spec").path))
        #expect(try CLIRunner.run(["generate", "--name", "Ops Control Room"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("spec/ops-control-room/tasks.md").path))
        let zipped = try CLIRunner.run(["generate", "--name", "Ops Control Room", "--out", "z", "--zip", "z.zip"], in: folder)
        #expect(zipped.status == 0 && zipped.stdout.contains("packed z into z.zip (sha256 "))
        #expect(try CLIRunner.run(["validate", "z.zip"], in: folder).status == 0)
    }

    @Test(
        "refusals: exit 2, one line on stderr, nothing written",
        arguments: [
            (["generate", "--name", "", "--out", "k"], "flags: bad parameters: the project name is empty"),
            (["generate", "--name", "../../etc", "--out", "k"], "looks like a path"),
            (["generate", "--out", "k"], "the project name is empty"),
            (["generate", "--params", "missing.json", "--out", "k"], "missing.json: bad parameters: no such file (given by --params)"),
            (
                ["generate", "--params", "bad.yaml", "--out", "k"],
                "bad.yaml: 1 problem with the parameters of generate_spec_kit: $.goals: expected an array, got an object"
            ),
            (["generate", "--name", "X", "--templates", "broken", "--out", "k"], "broken/prd.md.mustache:"),
            (["generate", "--name", "X", "--out", "existing"], "existing/tasks.md: already exists; pass --force"),
        ])
    func refusals(arguments: [String], message: String) throws {
        let folder = try CLIRunner.folder([
            "bad.yaml": "name: X\ngoals: {a: 1}\n", "broken/prd.md.mustache": "{{#goals}}\n",
            "existing/tasks.md": "mine\n",
        ])
        let outcome = try CLIRunner.run(arguments, in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("speckit: error: ") && outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("k").path))
        #expect(try String(contentsOf: folder.appendingPathComponent("existing/tasks.md"), encoding: .utf8) == "mine\n")
    }
}
