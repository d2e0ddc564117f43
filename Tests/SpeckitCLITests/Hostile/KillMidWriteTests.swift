import Foundation
import Testing

/// Nothing lost: every command that writes is killed with SIGKILL at random points of its run, many times,
/// and after each kill what it writes is either exactly as it was before or exactly what a complete run
/// writes: never half, never gone. No temporary file is left behind. The one exception is a kill in the few
/// microseconds between naming a finished file and renaming it. That leaves a complete temporary file, and
/// the next run into the same folder must remove it.
@Suite("Nothing lost: SIGKILL mid-write", .serialized)
struct KillMidWriteTests {
    /// A command, run in a scratch folder, and what it writes.
    struct Writer: Sendable, CustomStringConvertible {
        var name: String
        var arguments: [String]
        /// Prepares the scratch folder (the previous content, and the inputs).
        var prepare: @Sendable (URL) throws -> Void
        /// The paths (relative) whose content is compared, before and after.
        var outputs: [String]
        var description: String { name }
    }

    static let kills = 20

    /// A tree of `count` large plans (252 tasks each, see `LargePlan`): validating it takes a while, and its
    /// report is a few megabytes, written out while the run goes on.
    static func tree(in folder: URL, count: Int) throws {
        try LargePlan.tree(in: folder.appendingPathComponent("tree"), count: count)
    }

    /// A plan of 5,000 open tasks in one phase, whose summary claims `completed` of them are done.
    static func statusPlan(completed: Int) -> String {
        "# Tasks\n\n## Phase 1: Build ⏳ IN PROGRESS\n\n"
            + (1...5_000).map { "- [ ] T\($0) Ship part \($0)\n" }.joined()
            + "\n## Summary\n\n- **Total Tasks**: 5000\n- **\(completed) completed (0%)**\n"
    }

    static func write(_ text: String, _ path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static let writers: [Writer] = [
        Writer(
            name: "validate --output", arguments: ["validate", "tree", "--format", "json", "--output", "report.json"],
            prepare: { folder in
                try tree(in: folder, count: 25)
                try write("{\"previous\": true}\n", "report.json", in: folder)
            }, outputs: ["report.json"]),
        Writer(
            name: "fix", arguments: ["fix", "tasks.md"],
            prepare: { folder in
                // 1.6 MB of mojibake to repair, so the rewrite takes a while.
                try write(
                    "# Tasks\n\n" + String(repeating: "- [ ] T1 Ship it \u{00E2}\u{0153}\u{2026}\n", count: 60_000), "tasks.md", in: folder)
            }, outputs: ["tasks.md"]),
        Writer(
            name: "set-status", arguments: ["set-status", "T1", "done", "tasks.md"],
            prepare: { folder in
                // 5,000 tasks and a summary that counts them: read four times over while the change is made.
                try write(statusPlan(completed: 0), "tasks.md", in: folder)
            }, outputs: ["tasks.md"]),
        Writer(
            name: "fix --claims", arguments: ["fix", "--claims", "tasks.md"],
            prepare: { folder in try write(statusPlan(completed: 7), "tasks.md", in: folder) }, outputs: ["tasks.md"]),
        Writer(
            name: "pack", arguments: ["pack", "tree", "--out", "kit.zip"],
            prepare: { folder in
                try tree(in: folder, count: 25)
                try write("previous zip\n", "kit.zip", in: folder)
            }, outputs: ["kit.zip"]),
        Writer(
            name: "generate --force over a kit",
            arguments: [
                "generate", "--name", "Shop", "--goal", "Sell", "--phase", "Build",
                "--out", "kit", "--force", "--zip", "kit.zip",
            ],
            prepare: { folder in
                for name in ["constitution.md", "prd.md", "plan.md", "tasks.md"] {
                    try write("previous \(name)\n", "kit/\(name)", in: folder)
                }
                try write("previous zip\n", "kit.zip", in: folder)
            }, outputs: ["kit/constitution.md", "kit/prd.md", "kit/plan.md", "kit/tasks.md", "kit.zip"]),
        Writer(
            name: "generate a new kit", arguments: ["generate", "--name", "Shop", "--goal", "Sell", "--out", "kit"],
            prepare: { _ in }, outputs: ["kit/constitution.md", "kit/prd.md", "kit/plan.md", "kit/tasks.md"]),
        Writer(
            name: "run validate_spec_kit", arguments: ["run", "validate_spec_kit", "--params", "p.json", "--artifacts", "out"],
            prepare: { folder in
                try tree(in: folder, count: 25)
                try write(#"{"path": "tree", "formats": ["markdown", "junit", "sarif"]}"#, "p.json", in: folder)
            }, outputs: ["out/report.json", "out/report.md", "out/report.junit.xml", "out/report.sarif", "out/artifacts.json"]),
        Writer(
            name: "run into an empty folder the worker made",
            arguments: ["run", "validate_spec_kit", "--params", "p.json", "--artifacts", "out"],
            prepare: { folder in
                try tree(in: folder, count: 25)
                try write(#"{"path": "tree", "formats": ["markdown"]}"#, "p.json", in: folder)
                try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: false)
            }, outputs: ["out/report.json", "out/report.md", "out/artifacts.json"]),
    ]

    /// The bytes at each output path (nil: missing), and every speckit temporary name in the folder tree.
    static func snapshot(_ folder: URL, _ outputs: [String]) -> (contents: [String: Data?], temporaries: [String]) {
        var contents: [String: Data?] = [:]
        for output in outputs { contents[output] = try? Data(contentsOf: folder.appendingPathComponent(output)) }
        let all = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        return (contents, all.filter { $0.contains(".speckit-") }.sorted())
    }

    /// Starts speckit and returns the process.
    static func start(_ arguments: [String], in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(
        "killed at random points, each writer leaves the old content or the complete new one, and no temporary file",
        arguments: writers)
    func killMidWrite(_ writer: Writer) throws {
        // One complete run: how long it takes and what it writes.
        let reference = try CLIRunner.temporaryFolder()
        try writer.prepare(reference)
        let before = Self.snapshot(reference, writer.outputs).contents
        let started = Date()
        let complete = try Self.start(writer.arguments, in: reference)
        complete.waitUntilExit()
        let duration = Date().timeIntervalSince(started)
        #expect([0, 1].contains(complete.terminationStatus), "\(writer.name) exits \(complete.terminationStatus)")
        var after = Self.snapshot(reference, writer.outputs)
        #expect(after.temporaries.isEmpty)
        // Artifacts carry the time they were made; compare the ones that do not.
        if writer.arguments.first == "run" { after.contents["out/artifacts.json"] = nil }
        #expect(after.contents != before)

        var outcomes: [String: Int] = [:]
        var killed = 0
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<Self.kills {
            let folder = try CLIRunner.temporaryFolder()
            try writer.prepare(folder)
            let process = try Self.start(writer.arguments, in: folder)
            Thread.sleep(forTimeInterval: Double.random(in: 0...(duration * 0.8), using: &generator))
            let running = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if running, process.terminationReason == .uncaughtSignal { killed += 1 }
            var now = Self.snapshot(folder, writer.outputs)
            if writer.arguments.first == "run", now.contents["out/artifacts.json"] != nil {
                // Complete artifacts: every artifact is there, whole, with its index.
                now.contents["out/artifacts.json"] = nil
            }
            let state = now.contents == before ? "old" : now.contents == after.contents ? "new" : "MIXED"
            outcomes[state, default: 0] += 1
            if writer.name == "generate --force over a kit", state == "MIXED" {
                // Four files replaced one by one: each must still be whole, old or new.
                for output in writer.outputs {
                    #expect(
                        now.contents[output] == before[output] || now.contents[output] == after.contents[output],
                        "\(output) is neither the old nor the new file")
                }
            } else {
                #expect(state != "MIXED", "\(writer.name): after a kill the outputs are neither the old nor the new ones")
            }
            if !now.temporaries.isEmpty {
                // Killed between naming a complete file and renaming it: the next run must clear it away.
                outcomes["temporary left, swept by the next run", default: 0] += 1
                let again = try Self.start(writer.arguments + (writer.name == "generate a new kit" ? ["--force"] : []), in: folder)
                again.waitUntilExit()
                #expect(
                    Self.snapshot(folder, writer.outputs).temporaries.isEmpty,
                    "\(writer.name) left \(now.temporaries), and the next run did not remove them")
            }
        }
        print(
            "\(writer.name): \(killed) of \(Self.kills) runs killed while working (\(String(format: "%.2f", duration)) s each): \(outcomes.sorted { $0.key < $1.key })"
        )
        // Most kills must land while the command works, or the test proves little.
        #expect(killed >= Self.kills / 3, "only \(killed) of \(Self.kills) kills landed while \(writer.name) was running")
    }
}
