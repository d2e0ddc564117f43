import Foundation
import Testing

/// End to end on kits in their real layouts: a Kiro spec and a Spec Kit feature written with heading tasks,
/// bold-line tasks and checklists. Today's binary reads `[-]` as cancelled, counts optional tasks and checks
/// as work, pins task Status lines on phases and reports Kiro's free-text citations as errors.
@Suite("Dialects end to end")
struct DialectCommandTests {
    @Test("a Kiro spec validates clean: criterion-level _Requirements_, free text, optional subtasks")
    func kiroValidates() throws {
        let folder = try FixtureRepos.copy("kiro-dialect")
        let run = try CLIRunner.run(["validate", "."], in: folder)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout == "0 errors, 0 warnings, 0 notes in 3 files (1 kit, 9 tasks): passed\n", "\(run.stdout)")
    }

    @Test("Kiro status: [-] is in progress, open optional tasks are shown apart and not counted")
    func kiroStatus() throws {
        let folder = try FixtureRepos.copy("kiro-dialect")
        let run = try CLIRunner.run(["status", "."], in: folder)
        #expect(run.status == 0)
        #expect(
            run.stdout.hasPrefix(
                "checkout (.kiro/specs/checkout, kiro): 4/7 tasks done (57%) · 1 in progress · 0 blocked · 2 ready to start\n"
                    + "  optional: 2 open optional tasks (not counted)\n"), "\(run.stdout)")
        #expect(run.stdout.contains("    2 Receipts (.kiro/specs/checkout/tasks.md:8)\n"), "\(run.stdout)")
    }

    @Test("a Kiro citation of a criterion the requirement does not have is an unknown-requirement error")
    func kiroMissingCriterion() throws {
        let folder = try FixtureRepos.copy("kiro-dialect")
        let tasks = folder.appendingPathComponent(".kiro/specs/checkout/tasks.md")
        let text = try String(contentsOf: tasks, encoding: .utf8).replacingOccurrences(
            of: "_Requirements: 2.1_", with: "_Requirements: 2.1, 1.5_")
        try Data(text.utf8).write(to: tasks)
        let run = try CLIRunner.run(["validate", "."], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                ".kiro/specs/checkout/tasks.md:9:3: error: task 2.1 cites 1.5, but Requirement 1 has 2 acceptance criteria [trace.unknown-requirement]"
            ), "\(run.stdout)")
    }

    @Test("a criterion of a prefixed story (US-1.1) resolves to the story: no unknown-requirement error")
    func prefixedCriterion() throws {
        let folder = try CLIRunner.folder([
            ".kiro/specs/cam/requirements.md":
                "# Requirements\n\n## Introduction\n\nCamera.\n\n### US-1: Camera access\n\n1. WHEN the page opens THEN the system SHALL ask for the camera\n",
            ".kiro/specs/cam/tasks.md": "# Implementation Plan\n\n- [ ] 1. Camera\n  - _Requirements: US-1.1, US-2.1_\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIRunner.run(["validate", ".", "--format", "json"], in: folder)
        let messages = (try FixtureRepos.json(run)["findings"] as? [[String: Any]] ?? [])
            .filter { $0["ruleId"] as? String == "trace.unknown-requirement" }.compactMap { $0["message"] as? String }
        #expect(messages == ["task 1 cites US-2.1, which no document of the kit defines"], "\(run.stdout)")
    }

    @Test("Spec Kit with heading tasks and checklists: every numbered task done is 100%, checks shown apart")
    func specKitStatus() throws {
        let folder = try FixtureRepos.copy("spec-kit-forms")
        let run = try CLIRunner.run(["status", "."], in: folder)
        #expect(run.status == 0)
        #expect(
            run.stdout.hasPrefix(
                "001-login (specs/001-login, github-spec-kit): 4/4 tasks done (100%) · 0 in progress · 0 blocked · 0 ready to start\n"
                    + "  checklists: 10/20 items checked (not counted as tasks)\n"
                    + "  ██████████ 100%  2/2  Phase 1 — Setup\n"
                    + "  ██████████ 100%  2/2  Phase 2 — Lockout\n"), "\(run.stdout)")
        let json = try FixtureRepos.json(try CLIRunner.run(["status", ".", "--format", "json"], in: folder))
        let kit = try FixtureRepos.firstKit(json).kit
        #expect(kit["checklist"] as? [String: Int] == ["total": 20, "checked": 10])
        #expect(kit["optionalOpen"] as? Int == 0)
    }

    @Test("Spec Kit heading tasks: Status lines are the task's, never the phase's, so no phase contradiction")
    func specKitValidates() throws {
        let folder = try FixtureRepos.copy("spec-kit-forms")
        let run = try CLIRunner.run(["validate", ".", "--format", "json"], in: folder)
        let json = try FixtureRepos.json(run)
        let findings = json["findings"] as? [[String: Any]] ?? []
        #expect(findings.filter { $0["severity"] as? String == "error" }.isEmpty, "\(run.stdout)")
        #expect(!findings.contains { $0["ruleId"] as? String == "status.phase-contradiction" })
        #expect(!findings.contains { $0["ruleId"] as? String == "trace.uncovered-requirement" })
        let parse = try FixtureRepos.json(try CLIRunner.run(["parse", "specs/001-login/tasks.md"], in: folder))
        let document = try #require(try FixtureRepos.firstKit(parse).documents.first)
        let phases = document["phases"] as? [[String: Any]] ?? []
        #expect(phases.map { $0["declaredStatus"] == nil } == [true, true])
        let tasks = phases.flatMap { $0["tasks"] as? [[String: Any]] ?? [] }
        #expect(tasks.compactMap { $0["id"] as? String } == ["T001", "T002", "T003", "T004"])
        #expect(tasks.compactMap { $0["status"] as? String } == ["done", "done", "done", "done"])
        let checklist = document["checklist"] as? [[String: Any]] ?? []
        #expect(checklist.count == 8)
        // The box is written `[ ]`; its text holds `- [x] nested` in a code span.
        let last = try #require(checklist.last?["marker"] as? [String: Any])
        #expect(last["raw"] as? String == "[ ]")
        #expect(last["checked"] as? Bool == false)
    }
}
