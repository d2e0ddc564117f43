import Foundation
import Testing

/// `speckit set-status` and `speckit fix --claims` on a copy of `plans/tasks-mac-roman.md` (a plan shaped like
/// seed 001: Mac Roman mojibake, phases with status suffixes, a summary of fractions and totals) and on the
/// other layouts: what changes is exactly the intended spans.
@Suite("speckit set-status and fix --claims")
struct SetStatusCommandTests {
    /// A scratch repository holding the Mac Roman plan as `tasks.md`, optionally with a BOM and CRLF line ends.
    static func plan(bom: Bool = false, crlf: Bool = false) throws -> (folder: URL, original: [UInt8]) {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("plans/tasks-mac-roman.md"))))
        if crlf { bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8) }
        if bom { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        let folder = try CLIRunner.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data(bytes).write(to: folder.appendingPathComponent("tasks.md"))
        return (folder, bytes)
    }

    /// The lines that differ between two versions of a file, as `N: old => new` (lines split at `\n`, so a
    /// CRLF file's `\r` stays part of its lines).
    static func changedLines(_ old: [UInt8], _ new: [UInt8]) -> [String] {
        let a = old.split(separator: 0x0A, omittingEmptySubsequences: false)
        let b = new.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard a.count == b.count else { return ["line count \(a.count) => \(b.count)"] }
        return zip(a, b).enumerated().compactMap { index, pair in
            pair.0.elementsEqual(pair.1)
                ? nil : "\(index + 1): \(String(decoding: pair.0, as: UTF8.self)) => \(String(decoding: pair.1, as: UTF8.self))"
        }
    }

    static func read(_ folder: URL, _ name: String = "tasks.md") throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    @Test("one subtask done changes that one line, nothing else")
    func oneLine() throws {
        let (folder, original) = try Self.plan()
        let run = try CLIRunner.run(["set-status", "T2.1.1", "done"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "tasks.md:34: T2.1.1 [ ] → [x]\nchanged 1 file: tasks.md\n")
        #expect(
            Self.changedLines(original, try Self.read(folder)) == [
                "34:   - [ ] T2.1.1 Check the payload against the schema =>   - [x] T2.1.1 Check the payload against the schema"
            ])
    }

    @Test("the last subtask done ticks the parent and keeps the phase's summary line true; BOM and CRLF are kept")
    func parentAndSummary() throws {
        for (bom, crlf) in [(false, false), (true, true)] {
            let (folder, original) = try Self.plan(bom: bom, crlf: crlf)
            for id in ["T2.1.1", "T2.1.2", "T2.1.3"] {
                #expect(try CLIRunner.run(["set-status", id, "done"], in: folder).status == 0)
            }
            let end = crlf ? "\r" : ""
            let changed = Self.changedLines(original, try Self.read(folder))
            #expect(
                changed == [
                    "33: - [ ] T2.1 Accept a batch of readings\(end) => - [x] T2.1 Accept a batch of readings\(end)",
                    "34:   - [ ] T2.1.1 Check the payload against the schema\(end) =>   - [x] T2.1.1 Check the payload against the schema\(end)",
                    "35:   - [ ] T2.1.2 Refuse readings from unknown sensors\(end) =>   - [x] T2.1.2 Refuse readings from unknown sensors\(end)",
                    "36:   - [ ] T2.1.3 Store the batch in one transaction\(end) =>   - [x] T2.1.3 Store the batch in one transaction\(end)",
                    "107: - T2: Ingest Service (0/4 subtasks)\(end) => - T2: Ingest Service (1/4 subtasks)\(end)",
                ], "bom \(bom), crlf \(crlf)")
            let now = try Self.read(folder)
            #expect(now.starts(with: [0xEF, 0xBB, 0xBF]) == bom)
            #expect(now.count == original.count)
        }
    }

    @Test("a task whose phase waits for an open phase is refused (exit 1), --force marks it anyway")
    func refusedDependency() throws {
        let (folder, original) = try Self.plan()
        let run = try CLIRunner.run(["set-status", "T3.1.1", "done"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == "speckit: error: T3.1.1 waits for T2 (in progress): not marked done (--force marks it anyway)\n")
        #expect(try Self.read(folder) == original)
        let parent = try CLIRunner.run(["set-status", "T2.1", "done"], in: folder)
        #expect(parent.status == 1)
        #expect(parent.stderr.contains("T2.1 has 3 open subtasks (T2.1.1, T2.1.2, T2.1.3)"), "\(parent.stderr)")
        // Forced, the task is done, and its phase, declared not started, is now in progress, and the phase counts say so.
        let forced = try CLIRunner.run(["set-status", "T3.1.1", "done", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(
            Self.changedLines(original, try Self.read(folder)) == [
                "48: ## T3 ‚Äî Alerts ‚ùå NOT STARTED => ## T3 ‚Äî Alerts ‚è≥ IN PROGRESS",
                "51:   - [ ] T3.1.1 Minimum and maximum per reading type =>   - [x] T3.1.1 Minimum and maximum per reading type",
                "106: ### In Progress: 2 task groups ‚è≥ => ### In Progress: 3 task groups ‚è≥",
                "110: ### Not Started: 3 task groups ‚ùå => ### Not Started: 2 task groups ‚ùå",
            ])
    }

    @Test("reopening a task of a complete phase reopens the phase and keeps the phase counts true, in the file's mojibake")
    func reopen() throws {
        let (folder, original) = try Self.plan()
        let run = try CLIRunner.run(["set-status", "T0.1", "todo"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            Self.changedLines(original, try Self.read(folder)) == [
                "11: ## T0 ‚Äî Repository + Tooling ‚úÖ COMPLETE => ## T0 ‚Äî Repository + Tooling ‚è≥ IN PROGRESS",
                "13: - [x] T0.1 Create the repository with a license and a readme => - [ ] T0.1 Create the repository with a license and a readme",
                "102: ### Completed: 2 task groups ‚úÖ => ### Completed: 1 task groups ‚úÖ",
                "106: ### In Progress: 2 task groups ‚è≥ => ### In Progress: 3 task groups ‚è≥",
            ])
    }

    @Test("fix --claims: no claim or phase finding is left, and only those lines change")
    func fixClaims() throws {
        let (folder, original) = try Self.plan(bom: true, crlf: true)
        let dry = try CLIRunner.run(["fix", "--claims", "--dry-run"], in: folder)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("+## T5 ‚Äî Release Automation ‚è≥ IN PROGRESS"), "\(dry.stdout)")
        #expect(try Self.read(folder) == original)
        let run = try CLIRunner.run(["fix", "--claims"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let changed = Self.changedLines(original, try Self.read(folder)).map { $0.replacingOccurrences(of: "\r", with: "") }
        #expect(
            changed == [
                "75: ## T5 ‚Äî Release Automation ‚ùå NOT STARTED => ## T5 ‚Äî Release Automation ‚è≥ IN PROGRESS",
                "106: ### In Progress: 2 task groups ‚è≥ => ### In Progress: 3 task groups ‚è≥",
                "108: - T4: Dashboard (1/9 subtasks) => - T4: Dashboard (2/4 subtasks)",
                "110: ### Not Started: 3 task groups ‚ùå => ### Not Started: 2 task groups ‚ùå",
                "111: - T3: Alerts (0/12 subtasks) => - T3: Alerts (0/3 subtasks)",
                "112: - T5: Release Automation (0/5 subtasks) => - T5: Release Automation (2/5 subtasks)",
                "116: - **45 total subtasks** => - **42 total subtasks**",
                "117: - **9 completed (20%)** => - **13 completed (31%)**",
                "118: - **36 remaining (80%)** => - **29 remaining (69%)**",
            ])
        let validate = try CLIRunner.run(["validate", "tasks.md", "--format", "json"], in: folder)
        let rules = (try FixtureRepos.json(validate)["findings"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }
        #expect(!rules.contains("status.claim-mismatch") && !rules.contains("status.phase-contradiction"), "\(rules)")
        let again = try CLIRunner.run(["fix", "--claims"], in: folder)
        #expect(again.stdout == "nothing to change: every claim and phase status checked agrees with the tasks\n")
    }

    @Test("fix --claims: numbered tasks before checklist items, a decimal percentage kept in step, 'all N' left for a person")
    func fixClaimsWording() throws {
        let folder = try CLIRunner.folder([
            "tasks.md": """
            # Tasks

            ## Phase 1: Setup

            - [x] T001 Repository
            - [x] T002 CI
            - [ ] T003 Docs
            - [ ] Tell the team

            ## Summary

            **Progress: 1/4 tasks (25.0%) completed**
            **Status**: All 3 tasks finished

            """
        ])
        let run = try CLIRunner.run(["fix", "--claims", "tasks.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == "left alone: tasks.md:13: '3 tasks finished' says all, and no number makes that true: left for you\n"
                + "tasks.md:12: '1/4 tasks (25.0%) completed' → 2/3 numbered tasks\nchanged 1 file: tasks.md\n")
        let text = String(decoding: try Self.read(folder), as: UTF8.self)
        #expect(text.contains("**Progress: 2/3 tasks (66.7%) completed**\n**Status**: All 3 tasks finished\n"), "\(text)")
    }

    @Test("fix --claims FILE rewrites that file only; the kit's other files are read, not written")
    func fixClaimsNamedFile() throws {
        let plan = "# Plan\n\n- [x] P1 A\n- [ ] P2 B\n\n## Summary\n\n**Total Tasks**: 9\n"
        let folder = try CLIRunner.folder([
            "spec/k/tasks.md": "# Tasks\n\n- [x] T1 A\n- [ ] T2 B\n\n## Summary\n\n**Total Tasks**: 5\n", "spec/k/plan.md": plan,
        ])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let run = try CLIRunner.run(["fix", "--claims", "spec/k/tasks.md"], in: folder)
        #expect(run.stdout == "spec/k/tasks.md:8: 'Total Tasks: 5' → 2 tasks in all\nchanged 1 file: spec/k/tasks.md\n", "\(run.stdout)")
        #expect(String(decoding: try Self.read(folder, "spec/k/plan.md"), as: UTF8.self) == plan)
    }

    @Test("--expect-hash: the hash next printed is accepted; once the line changed, refused (exit 1)")
    func expectHash() throws {
        let (folder, _) = try Self.plan()
        let next = try CLIRunner.run(["next", "--format", "json"], in: folder)
        let task = try #require(((try FixtureRepos.json(next)["kits"] as? [[String: Any]])?.first?["tasks"] as? [[String: Any]])?.first)
        let id = try #require(task["id"] as? String)
        let hash = try #require(task["hash"] as? String)
        #expect(id == "T2.1.1")
        var text = String(decoding: try Self.read(folder), as: UTF8.self)
        text = text.replacingOccurrences(of: "T2.1.1 Check the payload", with: "T2.1.1 Check every payload")
        try Data(text.utf8).write(to: folder.appendingPathComponent("tasks.md"))
        let stale = try CLIRunner.run(["set-status", id, "done", "--expect-hash", hash], in: folder)
        #expect(stale.status == 1)
        #expect(stale.stderr.hasPrefix("speckit: error: T2.1.1 changed since it was read (hash \(hash), now "), "\(stale.stderr)")
        let fresh = try FixtureRepos.json(try CLIRunner.run(["next", "--format", "json"], in: folder))
        let now = try #require(((fresh["kits"] as? [[String: Any]])?.first?["tasks"] as? [[String: Any]])?.first?["hash"] as? String)
        #expect(try CLIRunner.run(["set-status", id, "done", "--expect-hash", now], in: folder).status == 0)
    }

    @Test("other layouts: Taskmaster JSON, a YAML flag, Kiro and a status table change their own values")
    func layouts() throws {
        let taskmaster = try FixtureRepos.copy("taskmaster")
        let path = ".taskmaster/tasks/tasks.json"
        let before = try Self.read(taskmaster, path)
        #expect(try CLIRunner.run(["set-status", "2.2", "done"], in: taskmaster).status == 0)
        #expect(
            Self.changedLines(before, try Self.read(taskmaster, path)) == [
                #"20:         "status": "in-progress", =>         "status": "done","#,
                #"25:           { "id": 2, "title": "Parse lines", "status": "pending", "dependencies": [1] } =>           { "id": 2, "title": "Parse lines", "status": "done", "dependencies": [1] }"#,
            ])
        let kiro = try FixtureRepos.copy("kiro-dialect")
        let kiroPath = ".kiro/specs/checkout/tasks.md"
        let kiroBefore = try Self.read(kiro, kiroPath)
        #expect(try CLIRunner.run(["set-status", "2.2", "done"], in: kiro).status == 0)
        #expect(
            Self.changedLines(kiroBefore, try Self.read(kiro, kiroPath)) == [
                "8: - [-] 2. Receipts => - [x] 2. Receipts",
                "11:   - [ ] 2.2 Retry a receipt the mail server refused =>   - [x] 2.2 Retry a receipt the mail server refused",
            ])
        let table = try FixtureRepos.copy("table-tasks")
        let tableBefore = try Self.read(table, "TASK-STATUS.md")
        #expect(try CLIRunner.run(["set-status", "SY-01", "in-progress"], in: table).status == 0)
        #expect(
            Self.changedLines(tableBefore, try Self.read(table, "TASK-STATUS.md")) == [
                "24: | SY-01 | Poll the remote | ⬜ TODO | - | - | => | SY-01 | Poll the remote | 🔄 IN PROGRESS | - | - |"
            ])
        let yaml = try CLIRunner.folder(["plan.yaml": "tasks:\n  - id: T1\n    title: Lint\n    done: false\n  - id: T2\n    title: Test\n"]
        )
        #expect(try CLIRunner.run(["set-status", "T1", "done", "plan.yaml"], in: yaml).status == 0)
        #expect(
            String(decoding: try Self.read(yaml, "plan.yaml"), as: UTF8.self)
                == "tasks:\n  - id: T1\n    title: Lint\n    done: true\n  - id: T2\n    title: Test\n")
        let none = try CLIRunner.run(["set-status", "T2", "done", "plan.yaml"], in: yaml)
        #expect(none.status == 2)
        #expect(
            none.stderr == "speckit: error: plan.yaml: cannot edit: T2 states no status to change (no checkbox, status field or suffix)\n")
    }

    @Test("links and hostile names: a plan behind a link is refused with no change claimed; a control character is escaped")
    func hostilePaths() throws {
        let outside = try CLIRunner.folder(["kit/tasks.md": "# Tasks\n\n- [ ] T1 Lint\n", "tasks.md": "# Tasks\n\n- [ ] T1 Lint\n"])
        let folder = try CLIRunner.folder(["spec/c/ta\u{1B}sks.md": "# Tasks\n\n- [ ] T1 Lint\n"])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("spec/a"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("spec/a/tasks.md").path,
            withDestinationPath: outside.appendingPathComponent("tasks.md").path)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("spec/b").path, withDestinationPath: outside.appendingPathComponent("kit").path)
        for kit in ["spec/a", "spec/b"] {
            let run = try CLIRunner.run(["set-status", "T1", "done", kit], in: folder)
            #expect(run.status == 2, "\(kit): \(run.stdout)")
            #expect(run.stdout.isEmpty, "\(kit): \(run.stdout)")
            #expect(run.stderr.contains("symbolic link"), "\(kit): \(run.stderr)")
        }
        for file in ["tasks.md", "kit/tasks.md"] {
            #expect(String(decoding: try Self.read(outside, file), as: UTF8.self) == "# Tasks\n\n- [ ] T1 Lint\n")
        }
        let odd = try CLIRunner.run(["set-status", "T1", "done", "spec/c/ta\u{1B}sks.md"], in: folder)
        #expect(odd.status == 0, "\(odd.stderr)")
        #expect(!odd.stdout.contains("\u{1B}") && odd.stdout.hasSuffix("changed 1 file: spec/c/ta\\u{1B}sks.md\n"), "\(odd.stdout)")
    }

    @Test("bad input: an unknown task or status, an ambiguous id, a task already so")
    func badInput() throws {
        let (folder, original) = try Self.plan()
        let unknown = try CLIRunner.run(["set-status", "T9.9", "done"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no task 'T9.9' in kit"), "\(unknown.stderr)")
        let status = try CLIRunner.run(["set-status", "T2.1.1", "finished-ish"], in: folder)
        #expect(status.status == 2)
        #expect(status.stderr.contains("'finished-ish' is not a status"), "\(status.stderr)")
        let same = try CLIRunner.run(["set-status", "T0.1", "done"], in: folder)
        #expect(same.status == 0)
        #expect(same.stdout == "nothing to change: T0.1 done already\n")
        #expect(try Self.read(folder) == original)
        let twice = try CLIRunner.folder(["tasks.md": "# Tasks\n\n## Phase 1\n\n- [ ] T1 Lint\n\n## Phase 2\n\n- [ ] T1 Deploy\n"])
        let ambiguous = try CLIRunner.run(["set-status", "T1", "done", "tasks.md"], in: twice)
        #expect(ambiguous.status == 2)
        #expect(
            ambiguous.stderr.contains("'T1' names 2 different tasks (tasks.md:5, tasks.md:9); name one as FILE:LINE"), "\(ambiguous.stderr)"
        )
        #expect(try CLIRunner.run(["set-status", "tasks.md:9", "done", "tasks.md"], in: twice).status == 0)
        #expect(String(decoding: try Self.read(twice), as: UTF8.self).hasSuffix("- [ ] T1 Lint\n\n## Phase 2\n\n- [x] T1 Deploy\n"))
    }
}
