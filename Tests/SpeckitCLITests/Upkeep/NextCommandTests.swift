import Foundation
import Testing

/// `speckit next`: on every layout, the task a careful reader would start next, and why.
@Suite("speckit next")
struct NextCommandTests {
    /// `id file:line` of each task `next --all --format json` lists, kit by kit.
    static func ready(_ arguments: [String], in folder: URL) throws -> [String] {
        let run = try CLIRunner.run(["next", "--all", "--format", "json"] + arguments, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try FixtureRepos.json(run)
        return (json["kits"] as? [[String: Any]] ?? []).flatMap { kit in
            (kit["tasks"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? $0["title"] ?? "") \($0["file"] ?? ""):\($0["line"] ?? "")" }
        }
    }

    @Test(
        "each layout: what to start next, in order",
        arguments: [
            // Spec Kit: T004 waited for T003 (done) in the P1 story; T006 belongs to the P2 story.
            ("spec-kit-user", ["T004 specs/001-photo-albums/tasks.md:11", "T006 specs/001-photo-albums/tasks.md:16"]),
            // Kiro: the optional `[ ]*` tasks are left out; 3 is ready once its required subtask is done.
            ("kiro-dialect", ["2.2 .kiro/specs/checkout/tasks.md:11", "3 .kiro/specs/checkout/tasks.md:13"]),
            // OpenSpec: the open change's tasks; the archived change and the specs have none to start.
            ("openspec", ["1.2 openspec/changes/add-export/tasks.md:4", "1.3 openspec/changes/add-export/tasks.md:5"]),
            // Taskmaster: subtask 2.2 waits for 2.1 (done) and its parent's dependency 1 (done); 3 waits for 2.
            ("taskmaster", ["2.2 .taskmaster/tasks/tasks.json:25"]),
            // A status table: SY-02 is ticked done in its row and open in a list below, so it is no one's to start.
            ("table-tasks", ["SY-01 TASK-STATUS.md:24"]),
        ])
    func layouts(repository: String, expected: [String]) throws {
        let folder = try FixtureRepos.copy(repository)
        #expect(try Self.ready(["."], in: folder) == expected)
    }

    @Test("speckit's own layout (spec/<kit>/): the open subtask of the earliest open phase")
    func speckitLayout() throws {
        let folder = try CLIRunner.folder([
            "spec/greenhouse/tasks.md": String(
                decoding: try Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("plans/tasks-mac-roman.md"))), as: UTF8.self),
            "spec/greenhouse/plan.md": "# Plan\n\n## Phases\n\nSee tasks.md.\n",
        ])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        // T2 is the earliest open phase; T2.1.1 its first open leaf (T2 waits for T1, which is done). T6 waits for
        // nothing but comes later; T3 waits for T2.
        let ready = try Self.ready(["."], in: folder)
        #expect(ready.first == "T2.1.1 spec/greenhouse/tasks.md:34", "\(ready)")
        #expect(!ready.contains { $0.hasPrefix("T3") }, "\(ready)")
        #expect(ready.contains("T6.1 spec/greenhouse/tasks.md:92"), "\(ready)")
    }

    @Test("a YAML plan: a subtask with no status is to do; its parent's dependency must be done")
    func yaml() throws {
        let folder = try CLIRunner.folder([
            "plan.yaml": """
            phases:
              - id: P1
                tasks:
                  - id: T1
                    title: Schema
                    status: done
                  - id: T2
                    title: CI
                    status: in-progress
                    depends_on: [T1]
                    subtasks:
                      - {id: T2.1, title: Lint, done: true}
                      - {id: T2.2, title: Test, done: false, needs: T2.1}
                      - {id: T2.3, title: Deploy}
                  - id: T3
                    title: Docs
                    depends_on: [T4]
                  - id: T4
                    title: Release
                    status: todo
                    depends_on: [T2]
            """
        ])
        #expect(try Self.ready(["plan.yaml"], in: folder) == ["T2.2 plan.yaml:13", "T2.3 plan.yaml:14"])
    }

    @Test("order: earliest phase, then priority, then what it unblocks, then document order")
    func order() throws {
        let folder = try CLIRunner.folder([
            "tasks.md": """
            # Tasks

            ## Phase 1: Setup

            - [ ] T1 Docs
            - [ ] T2 Lint
            - [ ] T3 CI **Priority:** P1
            - [ ] T4 Schema
            - [ ] T5 Migrations (depends on T4)
            - [ ] T6 Seed data (depends on T5)

            ## Phase 2: Build

            - [ ] T7 API **Priority:** critical
            """
        ])
        // T3 is P1; T4 unblocks two tasks (T5 directly, T6 through it); T1 and T2 tie, in document order; T7 is
        // critical but in a later phase.
        #expect(
            try Self.ready(["tasks.md"], in: folder) == [
                "T3 tasks.md:7", "T4 tasks.md:8", "T1 tasks.md:5", "T2 tasks.md:6", "T7 tasks.md:14",
            ])
        let first = try CLIRunner.run(["next", "tasks.md"], in: folder)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("T3 CI Priority: P1  (tasks.md:7, phase Phase 1, priority P1)\n  hash: "), "\(first.stdout)")
        #expect(first.stdout.hasSuffix("(4 more ready: --all lists them)\n"), "\(first.stdout)")
    }

    @Test("a parent's and a phase's dependencies hold their tasks back; a done restatement holds a task back")
    func heldBack() throws {
        let folder = try CLIRunner.folder([
            "tasks.md": """
            # Tasks

            ## Phase 1: Setup

            - [x] T1 Repo
            - [ ] T2 CI (depends on T3)
              - [ ] T2.1 Lint
            - [ ] T3 Docs

            ## Phase 2: Build

            **Dependencies:** Phase 1

            - [ ] T4 API
            """
        ])
        let run = try CLIRunner.run(["next", "--all", "--format", "json", "tasks.md"], in: folder)
        let kit = try #require((try FixtureRepos.json(run)["kits"] as? [[String: Any]])?.first)
        let tasks = try #require(kit["tasks"] as? [[String: Any]])
        #expect(tasks.map { $0["id"] as? String } == ["T3"])
        // T2.1 and T4 wait on T3: through T2 and through Phase 1.
        #expect(tasks.first?["unblocks"] as? Int == 3)
        #expect(kit["open"] as? Int == 4)
        #expect(kit["ready"] as? Int == 1)
    }

    @Test("the hash covers the task's own lines: the same with CRLF, another once the line changes")
    func hash() throws {
        let text = "# Tasks\n\n- [ ] T1 Repo\n  - [ ] T1.1 Create\n- [ ] T2 CI\n"
        let folder = try CLIRunner.folder(["a/tasks.md": text, "b/tasks.md": text.replacingOccurrences(of: "\n", with: "\r\n")])
        func hashes(_ file: String) throws -> [String] {
            let run = try CLIRunner.run(["next", "--all", "--format", "json", file], in: folder)
            let kit = try #require((try FixtureRepos.json(run)["kits"] as? [[String: Any]])?.first)
            return (kit["tasks"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? "") \($0["hash"] ?? "")" }
        }
        let lf = try hashes("a/tasks.md")
        #expect(lf.count == 2)
        #expect(try hashes("b/tasks.md") == lf)
        try Data(text.replacingOccurrences(of: "T2 CI", with: "T2 CI and CD").utf8).write(to: folder.appendingPathComponent("a/tasks.md"))
        let changed = try hashes("a/tasks.md")
        #expect(changed.first == lf.first)
        #expect(changed.last != lf.last)
    }

    @Test("nothing ready, nothing left, no tasks: each said in one line, exit 0; no kit at all is exit 2")
    func nothing() throws {
        let folder = try CLIRunner.folder([
            "waiting/tasks.md": "# Tasks\n\n- [~] T1 Repo\n- [ ] T2 CI (depends on T1)\n",
            "done/tasks.md": "# Tasks\n\n- [x] T1 Repo\n",
            "prose/spec.md": "# Spec\n\nNo tasks here.\n",
        ])
        let waiting = try CLIRunner.run(["next", "waiting/tasks.md"], in: folder)
        #expect(waiting.status == 0)
        #expect(waiting.stdout == "nothing ready to start: 2 open tasks are in progress, blocked, or waiting for a dependency\n")
        let done = try CLIRunner.run(["next", "done/tasks.md"], in: folder)
        #expect(done.stdout == "nothing to start: every task is done\n")
        let prose = try CLIRunner.run(["next", "prose/spec.md"], in: folder)
        #expect(prose.status == 0)
        #expect(prose.stdout == "nothing to start: the plans read hold no tasks\n")
        let missing = try CLIRunner.run(["next", "nowhere"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("speckit: error: "), "\(missing.stderr)")
    }
}
