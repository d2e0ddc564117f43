import Foundation
import Testing

/// Issue 16, cause 8, end to end: YAML and JSON plans in other shapes are validated and counted, and a plan
/// speckit cannot read is one warning naming its keys — not `input.unreadable`, not an empty pass.
@Suite("validate/status on structured plans in other shapes (issue 16)")
struct StructuredShapeCLITests {
    static func validate(_ fixture: String, format: String? = nil) throws -> CLIRunner.Outcome {
        try CLIRunner.run(
            ["validate", CLIRunner.fixture("structured/\(fixture)")] + (format.map { ["--format", $0] } ?? []),
            in: CLIRunner.repositoryRoot)
    }

    @Test("phases → epics → tasks: six tasks read, the one dependency on a missing task is the only finding")
    func phasesOfEpics() throws {
        let run = try Self.validate("phases-epics-tasks.yaml")
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.contains(
                "phases-epics-tasks.yaml:26:13: error: task T4 depends on T9, which does not exist [tasks.unknown-dependency]"),
            "\(run.stdout)")
        #expect(run.stdout.contains("1 error, 0 warnings, 0 notes in 1 file (1 kit, 6 tasks): failed"), "\(run.stdout)")
    }

    @Test("sprints of tickets: seven tasks, LAN-9 the one unknown dependency, `after: 2 seconds` none")
    func sprintsOfTickets() throws {
        let run = try Self.validate("sprints-tickets.yaml")
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.contains(
                "sprints-tickets.yaml:38:9: error: task 42 depends on LAN-9, which does not exist [tasks.unknown-dependency]"),
            "\(run.stdout)")
        #expect(run.stdout.contains("1 error, 0 warnings, 0 notes in 1 file (1 kit, 7 tasks): failed"), "\(run.stdout)")
        #expect(!run.stdout.contains("input.unreadable"), "\(run.stdout)")
    }

    @Test("status counts milestone deliverables with a state: 3 of 5 done, per milestone")
    func milestoneStatus() throws {
        let run = try CLIRunner.run(
            ["status", CLIRunner.fixture("structured/milestones-deliverables.yaml")], in: CLIRunner.repositoryRoot)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("3/5 tasks done (60%)"), "\(run.stdout)")
        #expect(run.stdout.contains("100%  2/2  Design"), "\(run.stdout)")
        #expect(run.stdout.contains(" 33%  1/3  Renderer"), "\(run.stdout)")
    }

    @Test("a JSON plan wrapped in `project:` with iterations of work items: one scope, no false unknown dependency")
    func wrappedJSON() throws {
        let run = try Self.validate("sprints-stories.json")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("0 errors, 0 warnings, 0 notes in 1 file (1 kit, 3 tasks): passed"), "\(run.stdout)")
    }

    @Test("a plan speckit cannot read: one warning naming its keys, exit 0")
    func unreadShape() throws {
        let run = try Self.validate("unread-shape.yaml")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.contains(
                "unread-shape.yaml:2:1: warning: no tasks found: top-level keys sprint, owner; speckit reads phases/milestones/sprints/epics/… holding tasks/tickets/stories/… (see docs/structured-plans.md) [yaml.unread-shape]"
            ), "\(run.stdout)")
        #expect(run.stdout.contains("0 errors, 1 warning, 0 notes"), "\(run.stdout)")
    }

    @Test("phases whose work is under an unknown key: one warning, not a silent empty pass")
    func unreadNested() throws {
        let run = try Self.validate("unread-nested.yaml")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("unread-nested.yaml:3:1: warning: no tasks found: top-level keys project, phases;"), "\(run.stdout)")
        #expect(run.stdout.contains("0 errors, 1 warning, 0 notes"), "\(run.stdout)")
    }

    @Test("found by walking, a configuration file is still skipped and a Compose file is still no plan")
    func nonPlansStaySkipped() throws {
        let folder = try CLIRunner.folder([
            "roadmap.yaml": "server:\n  port: 80\nfeatures: [search, export]\n",
            "tasks.yaml": "services:\n  web:\n    image: nginx\n",
            "sprint-plan.yaml": "sprints:\n  - id: S1\n    tickets:\n      - {key: A-1, title: Login, state: DONE}\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIRunner.run(["validate", "."], in: folder)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("in 1 file (1 kit, 1 task): passed"), "\(run.stdout)")
        #expect(!run.stdout.contains("yaml.unread-shape"), "\(run.stdout)")
    }

    @Test("stories numbered per epic: no duplicate-id error, and a dependency on a missing story is still found")
    func numberedPerEpic() throws {
        let run = try Self.validate("epics-numbered-stories.yaml")
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains("tasks.duplicate-id"), "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "epics-numbered-stories.yaml:22:9: error: task 2.2 depends on 7, which does not exist [tasks.unknown-dependency]"),
            "\(run.stdout)")
        #expect(run.stdout.contains("1 error, 0 warnings, 0 notes in 1 file (1 kit, 4 tasks): failed"), "\(run.stdout)")
    }
}
