import Foundation
import Testing

/// Issue 17, item 1: inline suppressions in Markdown and YAML, each form end to end, counted in the reports,
/// and a suppression that suppresses nothing reported so that it does not rot.
@Suite("Inline suppressions (end to end)")
struct SuppressionTests {
    /// `validate` in a folder holding `files`, as text.
    private func validate(_ files: [String: String], _ extra: [String] = []) throws -> CLIRunner.Outcome {
        let folder = try CLIRunner.folder(files.merging([".git/HEAD": ""]) { $1 })
        return try CLIRunner.run(["validate", "."] + extra, in: folder)
    }

    @Test("disable-next-line hides the next line's finding of that rule only, and the summary counts it")
    func nextLine() throws {
        let run = try validate([
            "tasks.md": """
            # Tasks

            - [ ] T1 Write the schema
            <!-- speckit-disable-next-line tasks.unknown-dependency -->
            - [ ] T2 Write the API (depends on T9)
            - [ ] T3 Write the UI (depends on T8)

            """
        ])
        #expect(
            run.stdout == """
                tasks.md:6:1: error: task T3 depends on T8, which does not exist [tasks.unknown-dependency]
                1 error, 0 warnings, 0 notes in 1 file (1 kit, 3 tasks): failed; 1 suppressed

                """, "\(run.stdout)")
        #expect(run.status == 1)
    }

    @Test("disable … enable hides a stretch, by glob; a blank line after disable-next-line is skipped")
    func region() throws {
        let run = try validate([
            "plan.md": """
            # Plan

            <!-- speckit-disable content.* -->
            Owner: TBD
            Reviewer: TBD
            <!-- speckit-enable -->
            Approver: TBD
            <!-- speckit-disable-next-line content.placeholder -->

            Date: TBD

            """
        ])
        #expect(
            run.stdout == """
                plan.md:7:11: warning: unfinished note 'TBD' left in the document [content.placeholder]
                0 errors, 1 warning, 0 notes in 1 file (1 kit, 0 tasks): passed; 3 suppressed

                """, "\(run.stdout)")
    }

    @Test("disable-file hides a rule in the whole file; a directive naming no rule hides every rule")
    func file() throws {
        let run = try validate([
            "tasks.md": """
            <!-- speckit-disable-file tasks.unknown-dependency -->
            # Tasks

            - [ ] T1 A (depends on T9)
            - [ ] T2 B (depends on T8)
            <!-- speckit-disable-next-line -->
            - [x] T1 C

            """
        ])
        // Two unknown dependencies hidden by the file's directive; T1 used twice (duplicate-id) by the line's.
        #expect(run.stdout == "0 errors, 0 warnings, 0 notes in 1 file (1 kit, 2 tasks): passed; 3 suppressed\n", "\(run.stdout)")
        #expect(run.status == 0)
    }

    @Test("YAML: # speckit-disable-next-line before an entry hides its finding")
    func yaml() throws {
        let run = try validate([
            "tasks.yaml": """
            tasks:
              - id: T1
                title: Schema
              # speckit-disable-next-line tasks.unknown-dependency
              - id: T2
                title: API
                depends_on: [T9]

            """
        ])
        #expect(run.stdout == "0 errors, 0 warnings, 0 notes in 1 file (1 kit, 2 tasks): passed; 1 suppressed\n", "\(run.stdout)")
    }

    @Test("a suppression that hides nothing is a note; one in a code block is an example; JSON and SARIF count them")
    func unusedAndCounted() throws {
        let files = [
            "tasks.md": """
            # Tasks

            <!-- speckit-disable-next-line tasks.duplicate-id -->
            - [ ] T1 Write the schema
            <!-- speckit-disable-next-line tasks.unknown-dependency -->
            - [ ] T2 Write the API (depends on T9)
            <!-- speckit-disable-next-line tasks.unknown-dependancy -->
            - [ ] T3 Write the UI

            ```markdown
            <!-- speckit-disable-file status.claim-mismatch -->
            ```

            """
        ]
        let run = try validate(files)
        #expect(
            run.stdout == """
                tasks.md:3:1: note: speckit-disable-next-line tasks.duplicate-id suppresses nothing [suppression.unused]
                tasks.md:7:1: note: speckit-disable-next-line tasks.unknown-dependancy suppresses nothing (tasks.unknown-dependancy names no rule) [suppression.unused]
                0 errors, 0 warnings, 2 notes in 1 file (1 kit, 3 tasks): passed; 1 suppressed

                """, "\(run.stdout)")
        let json = try FixtureRepos.json(try validate(files, ["--format", "json"]))
        #expect((json["summary"] as? [String: Any])?["suppressed"] as? Int == 1)
        let sarif = try FixtureRepos.json(try validate(files, ["--format", "sarif"]))
        let runs = sarif["runs"] as? [[String: Any]]
        #expect((runs?.first?["properties"] as? [String: Any])?["suppressed"] as? Int == 1)
    }
}
