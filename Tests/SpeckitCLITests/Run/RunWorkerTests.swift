import Foundation
import SpeckitCore
import Testing

/// `speckit run`, driven the way a worker drives it: params on stdin, events read from stdout as they arrive,
/// artifacts checked against their events and `artifacts.json`.
@Suite("speckit run (end to end, as a worker)")
struct RunWorkerTests {
    static let types: Set<String> = ["step.started", "progress", "finding", "artifact", "heartbeat", "step.completed", "step.cancelled"]
    static var time: Regex<Substring> { #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/# }

    /// Checks every line is one JSON object with the next sequence number, a known type, an RFC 3339 UTC time
    /// and the run id; returns the objects.
    static func checkStream(_ step: StepProcess, run: String) throws -> [[String: Any]] {
        #expect(step.unterminated.isEmpty, "stdout ends in the middle of a line")
        var objects: [[String: Any]] = []
        for (index, line) in step.lines.enumerated() {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.text.utf8)) as? [String: Any], "line \(index + 1): \(line.text)")
            #expect(object["seq"] as? Int == index + 1, "\(line.text)")
            #expect(types.contains(object["type"] as? String ?? ""), "\(line.text)")
            #expect((object["time"] as? String)?.wholeMatch(of: time) != nil, "\(line.text)")
            #expect(object["run"] as? String == run)
            objects.append(object)
        }
        return objects
    }

    /// The `artifact` events, each checked against the file it names and against `artifacts.json`.
    static func checkArtifacts(_ events: [[String: Any]], in folder: URL) throws -> [String] {
        let artifacts = events.filter { $0["type"] as? String == "artifact" }
        for artifact in artifacts {
            let path = try #require(artifact["path"] as? String)
            let bytes = try Data(contentsOf: folder.appendingPathComponent(path))
            #expect(artifact["bytes"] as? Int == bytes.count, "\(path)")
            #expect(artifact["sha256"] as? String == SHA256.hex(Array(bytes)), "\(path)")
        }
        let index = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("artifacts.json"))) as? [String: Any])
        let listed = try #require(index["artifacts"] as? [[String: Any]])
        let fields = ["name", "path", "mediaType", "bytes", "sha256"]
        #expect(
            listed.map { NSDictionary(dictionary: $0) }
                == artifacts.map { event in
                    NSDictionary(dictionary: event.filter { fields.contains($0.key) })
                })
        #expect(index["schemaVersion"] as? Int == 1)
        #expect(index["run"] as? String == artifacts.first?["run"] as? String)
        // Nothing in the folder that no artifact names.
        var onDisk: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: nil),
                (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)[.type] as? FileAttributeType)
                    == .typeRegular
            {
                onDisk.append(path)
            }
        }
        #expect(onDisk.sorted() == (artifacts.compactMap { $0["path"] as? String } + ["artifacts.json"]).sorted())
        return artifacts.compactMap { $0["name"] as? String }
    }

    @Test(
        "generate_spec_kit with params on stdin: events in sequence, every artifact as its event says; then validate_spec_kit on its kit.zip"
    )
    func generateThenValidate() throws {
        let folder = try CLIRunner.temporaryFolder()
        let generate = try StepProcess(
            ["run", "generate_spec_kit", "--params", "-", "--artifacts", "out", "--run-id", "worker-1"], in: folder,
            input:
                #"{"name": "Ops Control Room", "description": "Runs for workers.", "goals": ["Workers claim runs", "Events stream live"]}"#)
        #expect(generate.wait() == 0, "\(generate.stderr)")
        let events = try Self.checkStream(generate, run: "worker-1")
        #expect(events.first?["type"] as? String == "step.started")
        #expect(events.first?["template"] as? String == "generate_spec_kit")
        let last = try #require(events.last)
        #expect(last["type"] as? String == "step.completed")
        #expect(last["status"] as? String == "success" && last["exitCode"] as? Int == 0)
        #expect((last["counts"] as? [String: Any])?["artifacts"] as? Int == 6)
        #expect(events.contains { $0["type"] as? String == "progress" && $0["what"] as? String == "generate" && $0["done"] as? Int == 4 })
        #expect(
            events.contains {
                $0["type"] as? String == "finding" && (($0["finding"] as? [String: Any])?["ruleId"] as? String) == "content.placeholder"
            })
        let names = try Self.checkArtifacts(events, in: folder.appendingPathComponent("out"))
        #expect(names == ["constitution.md", "prd.md", "plan.md", "tasks.md", "kit.zip", "report.json"])
        #expect(generate.stderr.contains("generate_spec_kit: 6 artifacts"))
        // Events come before their artifact event's file is used: every finding points at an artifact path.
        for event in events where event["type"] as? String == "finding" {
            let file = ((event["finding"] as? [String: Any])?["range"] as? [String: Any])?["file"] as? String ?? ""
            #expect(file.hasPrefix("kit/"), "\(file)")
        }

        let validate = try StepProcess(
            ["run", "validate_spec_kit", "--params", "-", "--artifacts", "checked", "--run-id", "worker-2"], in: folder,
            input: #"{"path": "out/kit.zip", "formats": ["markdown", "junit", "sarif", "gitlab"]}"#)
        #expect(validate.wait() == 0, "\(validate.stderr)")
        let checked = try Self.checkStream(validate, run: "worker-2")
        #expect(
            try Self.checkArtifacts(checked, in: folder.appendingPathComponent("checked"))
                == ["report.json", "report.md", "report.junit.xml", "report.sarif", "report.gitlab.json"])
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("checked/report.json"))) as? [String: Any]
        )
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 4 && summary["errors"] as? Int == 0)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(
            !findings.isEmpty
                && findings.allSatisfy { (($0["range"] as? [String: Any])?["file"] as? String)?.hasPrefix("out/kit.zip/") == true })
        #expect(checked.filter { $0["type"] as? String == "finding" }.count == findings.count)
        #expect(
            try String(contentsOf: folder.appendingPathComponent("checked/report.md"), encoding: .utf8).hasPrefix("<!-- speckit:report -->")
        )
    }

    @Test("findings at error severity: exit 1, status failed, and the report is still delivered")
    func failingKit() throws {
        let folder = try CLIRunner.folder([
            "kit/tasks.md": "# Tasks\n\n## Phase 1 ✅ COMPLETE\n\n- [ ] T1 Open task\n- [ ] T2 Needs T9 (depends on T9)\n"
        ])
        let step = try StepProcess(
            ["run", "validate_spec_kit", "--params", "-", "--artifacts", "out", "--run-id", "r"], in: folder,
            input: #"{"path": "kit"}"#)
        #expect(step.wait() == 1, "\(step.stderr)")
        let events = try Self.checkStream(step, run: "r")
        let last = try #require(events.last)
        #expect(last["status"] as? String == "failed" && last["exitCode"] as? Int == 1)
        #expect(((last["counts"] as? [String: Any])?["errors"] as? Int ?? 0) >= 1)
        #expect(try Self.checkArtifacts(events, in: folder.appendingPathComponent("out")) == ["report.json"])
    }

    @Test("strict and profile given as parameters win over the nearest .speckit.yml")
    func paramsOverConfig() throws {
        let folder = try CLIRunner.folder([
            "cfg/.speckit.yml": "strict: true\n",
            "cfg/k/tasks.md": "# Tasks\n\n## Phase 1\n\n- [ ] T1 Write the plan TBD\n",
        ])
        let configured = try StepProcess(
            ["run", "validate_spec_kit", "--params", "-", "--artifacts", "a"], in: folder, input: #"{"path": "cfg/k"}"#)
        #expect(configured.wait() == 1, "the configuration's strict applies when the parameters say nothing")
        let relaxed = try StepProcess(
            ["run", "validate_spec_kit", "--params", "-", "--artifacts", "b"], in: folder,
            input: #"{"path": "cfg/k", "strict": false}"#)
        #expect(relaxed.wait() == 0, "\(relaxed.stderr)")
        let last = try #require(relaxed.events.last ?? nil)
        #expect(((last["counts"] as? [String: Any])?["warnings"] as? Int ?? 0) >= 1)
    }

    @Test("parameters from a pipe path (/dev/stdin, <(…)) are read like a file")
    func paramsFromPipePath() throws {
        let folder = try CLIRunner.temporaryFolder()
        let step = try StepProcess(
            ["run", "generate_spec_kit", "--params", "/dev/stdin", "--artifacts", "out"], in: folder,
            input: #"{"name": "Piped"}"#)
        #expect(step.wait() == 0, "\(step.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/kit.zip").path))
    }
}
