import Foundation
import Testing

/// End to end on a tracker whose tasks are table rows (`| ID | Task | Status |`) under phase headings, with a
/// status legend, a phase-status overview and a per-phase count table. Today's binary sees one task (the only
/// checkbox) and reports every per-phase count as a mismatch against nothing.
@Suite("Table tasks end to end")
struct TableTaskCommandTests {
    @Test("status counts the table rows as tasks of their phases; the legend is not tasks")
    func statusCountsRows() throws {
        let folder = try FixtureRepos.copy("table-tasks")
        let run = try CLIRunner.run(["status", ".", "--format", "json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let kit = try FixtureRepos.firstKit(try FixtureRepos.json(run)).kit
        #expect(kit["total"] as? Int == 5)
        #expect(kit["done"] as? Int == 2)
        #expect((kit["inProgress"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["ST-03"])
        let phases = (kit["phases"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? "?") \($0["done"] ?? "?")/\($0["total"] ?? "?")" }
        #expect(phases == ["Phase 1 2/3", "Phase 2 0/2"], "\(run.stdout)")
    }

    @Test("parse gives the rows the form table, their ids, titles and lines")
    func parseForms() throws {
        let folder = try FixtureRepos.copy("table-tasks")
        let run = try CLIRunner.run(["parse", "TASK-STATUS.md", "--format", "json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try FixtureRepos.firstKit(try FixtureRepos.json(run)).documents.first)
        let tasks = (document["phases"] as? [[String: Any]] ?? []).flatMap { $0["tasks"] as? [[String: Any]] ?? [] }
        let rows = tasks.map { task -> String in
            let line = (task["range"] as? [String: Any])?["line"] as? Int ?? 0
            return "\(task["form"] ?? "?") \(task["id"] ?? "?") \(line) \(task["status"] ?? "?")"
        }
        #expect(
            rows == [
                "table ST-01 16 done", "table ST-02 17 done", "table ST-03 18 in_progress", "checkbox SY-02 27 todo",
                "table SY-01 24 todo",
            ], "\(run.stdout)")
    }

    @Test("a table row saying done against an open checkbox, and a phase row against its tasks, are findings")
    func validateFindings() throws {
        let folder = try FixtureRepos.copy("table-tasks")
        let run = try CLIRunner.run(["validate", "."], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                TASK-STATUS.md:27:1: error: SY-02 is stated done in 1 place and open in 1: [ ] (line 27), ✅ DONE (line 25) [status.conflicting-statements]
                    TASK-STATUS.md:25:1: note: SY-02: ✅ DONE (done)
                TASK-STATUS.md:33:1: error: Phase 1 is declared '✅ DONE' but 1 of its 3 tasks is open: ST-03 [status.phase-contradiction]
                    TASK-STATUS.md:18:1: note: ST-03 is in progress
                2 errors, 0 warnings, 0 notes in 1 file (1 kit, 5 tasks): failed

                """, "\(run.stdout)")
    }
}
