import Foundation
import Testing

/// `speckit parse`, run as a built binary.
@Suite("speckit parse (end to end)")
struct ParseCommandTests {
    @Test("JSON on stdout, exit 0, stable shape")
    func json() throws {
        let outcome = try CLIRunner.run(["parse", CLIRunner.fixture("plans/tasks-mac-roman.md")])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == 1)
        let kits = object?["kits"] as? [[String: Any]]
        let documents = kits?.first?["documents"] as? [[String: Any]]
        #expect((documents?.first?["phases"] as? [Any])?.count == 7)
        // Same input, same bytes.
        #expect(try CLIRunner.run(["parse", CLIRunner.fixture("plans/tasks-mac-roman.md")]).stdout == outcome.stdout)
    }

    @Test("text outline shows phases with status and counts, tasks indented, and repaired mojibake")
    func text() throws {
        let outcome = try CLIRunner.run(["parse", "--format", "text", CLIRunner.fixture("plans/tasks-mac-roman.md")])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("    T2 — Ingest Service  [in_progress (⏳ IN PROGRESS)]  0/9 tasks done"))
        #expect(outcome.stdout.contains("        [ ] T2.1.1 Check the payload against the schema"))
        #expect(outcome.stdout.contains("[parse.mojibake]"))
    }

    @Test("the project's own kit parses", arguments: ["spec", "spec/speckit"])
    func ownKit(path: String) throws {
        let outcome = try CLIRunner.run(["parse", path, "--format", "text"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("kit speckit [speckit]"))
        #expect(outcome.stdout.contains("tasks.md (tasks, markdown)"))
    }

    @Test("--output writes the report to a file and nothing to stdout")
    func outputFile() throws {
        let folder = try CLIRunner.temporaryFolder()
        let target = folder.appendingPathComponent("model.json").path
        let outcome = try CLIRunner.run(["parse", CLIRunner.fixture("plans/roadmap.md"), "--output", target])
        #expect(outcome.status == 0 && outcome.stdout.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("{") && written.contains("\"schemaVersion\" : 1"))
    }

    @Test(
        "bad input: one line on stderr naming the file or flag, exit 2",
        arguments: [
            (["parse", "does-not-exist.md"], "does-not-exist.md: no such file or directory"),
            (["parse", "--jobs", "0", "spec"], "--jobs must be at least 1"),
            (["parse", "--format", "yaml", "spec"], "--format"),
            (["parse", "--bogus", "spec"], "--bogus"),
            (["frobnicate"], "frobnicate"),
            (["parse", "spec", "--output", "/nonexistent-folder/x.json"], "/nonexistent-folder/x.json: cannot write"),
        ])
    func badArguments(arguments: [String], expected: String) throws {
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("speckit: error: "))
        #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test("bad files: empty, binary, folder without plans, invalid UTF-8, 90,000 and 200,000 nested lists")
    func badFiles() throws {
        let folder = try CLIRunner.temporaryFolder()
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }
        let empty = try write("empty.md", [])
        let binary = try write("binary.md", Array("# a\u{0}b".utf8))
        let invalid = try write("invalid.md", Array("# Plan\n- [ ] T1 caf".utf8) + [0xE9, 0x0A])
        let deep = try write("deep.md", Array((String(repeating: "- ", count: 90_000) + "x\n").utf8))
        let tooDeep = try write("too-deep.md", Array((String(repeating: "- ", count: 200_000) + "x\n").utf8))
        let noPlans = folder.appendingPathComponent("nothing")
        try FileManager.default.createDirectory(at: noPlans, withIntermediateDirectories: true)

        let emptyOutcome = try CLIRunner.run(["parse", empty])
        #expect(emptyOutcome.status == 2 && emptyOutcome.stderr.contains("empty.md: no kits found"))
        #expect(emptyOutcome.stderr.hasSuffix("; skipped 1 file that is not a plan, see --verbose\n") && emptyOutcome.stdout.isEmpty)
        let binaryOutcome = try CLIRunner.run(["parse", binary])
        #expect(binaryOutcome.status == 2 && binaryOutcome.stderr.contains("binary.md: binary file (NUL byte at offset 3)"))
        let folderOutcome = try CLIRunner.run(["parse", noPlans.path])
        #expect(folderOutcome.status == 2 && folderOutcome.stderr.contains("nothing: no plan files found"))
        let invalidOutcome = try CLIRunner.run(["parse", "--format", "text", invalid])
        #expect(invalidOutcome.status == 0)
        #expect(invalidOutcome.stdout.contains("invalid.md:2:1: warning: 1 byte sequence(s) are not valid UTF-8"))
        let deepOutcome = try CLIRunner.run(["parse", deep], timeout: 30)
        #expect(deepOutcome.status == 0, "\(deepOutcome.stderr)")
        // Beyond limits.blocks: refused with the setting named, exit 2 (parse has no findings to report).
        let tooDeepOutcome = try CLIRunner.run(["parse", tooDeep], timeout: 30)
        #expect(tooDeepOutcome.status == 2 && tooDeepOutcome.stderr.contains("opens more than 200000 blocks"), "\(tooDeepOutcome.stderr)")
    }

    @Test("--help lists parse; --version prints the version")
    func help() throws {
        let help = try CLIRunner.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("parse"))
        let version = try CLIRunner.run(["--version"])
        #expect(version.status == 0 && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }
}
