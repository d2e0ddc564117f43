import Testing

@testable import SpeckitCore

/// The plan fixtures under Tests/Fixtures/plans/, each written in the style of one of the real plans the
/// project was created from, and what must be read from each. (The real plans themselves are checked by
/// scripts/seed-acceptance.py when they are beside the repository.)
@Suite("Plan fixtures")
struct PlanFixtureTests {
    @Test("phase headings with emoji statuses: seven phases T0–T6, 42 task items with 13 checked, Mac Roman mojibake repaired")
    func macRomanTasks() throws {
        let (document, diagnostics) = try FixturePaths.parse(FixturePaths.fixture("plans/tasks-mac-roman.md"))
        #expect(document.phases.map(\.id) == (0...6).map { "T\($0)" })
        #expect(document.phases.map { $0.declaredStatus?.value } == [.done, .done, .inProgress, .todo, .inProgress, .todo, .todo])
        #expect(document.phases[2].declaredStatus?.raw == "⏳ IN PROGRESS")
        #expect(document.phases[2].title == "Ingest Service")
        #expect(document.phases[4].declaredStatus?.raw == "⏳ PARTIALLY COMPLETE")
        let tasks = document.allTasks
        #expect(tasks.count == 42)
        #expect(tasks.filter { $0.marker?.checked == true }.count == 13)
        #expect(document.text.mojibake == .macRoman)
        #expect(document.text.mojibakeRepairs == 23)
        #expect(diagnostics.contains { $0.ruleId == .mojibake && $0.severity == .warning })
        // T2.1 has its three subtasks nested under it.
        let t21 = try #require(document.phases[2].tasks.first)
        #expect(t21.id == "T2.1")
        #expect(t21.subtasks.map(\.id) == ["T2.1.1", "T2.1.2", "T2.1.3"])
        #expect(document.phases[3].dependencies.map(\.id) == ["T2"])
        #expect(document.phases[0].dates.completed?.iso == "2026-03-03")
        // The summary's claims are kept for checking.
        let total = try #require(document.claims.first { $0.kind == .total })
        #expect(total.count == 45 && total.noun == "subtask")
        let fraction = try #require(document.claims.first { $0.subject == "T4" })
        #expect(fraction.count == 1 && fraction.total == 9)
        #expect(document.claims.contains { $0.count == 9 && $0.percent == 20 && $0.status == .done })
        #expect(!document.claims.contains { $0.text.hasPrefix("Dependencies") })
    }

    @Test("task blocks: Task 21–28 with status, priority, dependencies and dates; the fenced Task 30 ignored; Windows-1252 repaired")
    func windows1252TaskBlocks() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.fixture("plans/release-plan-windows-1252.md"))
        let blocks = document.allTasks.filter { $0.form == .heading }
        #expect(blocks.compactMap(\.id) == (21...28).map { "Task \($0)" })
        #expect(!document.allTasks.contains { $0.id == "Task 30" })
        let task21 = try #require(blocks.first)
        #expect(task21.status == .done)
        #expect(task21.priority == "CRITICAL")
        #expect(task21.dependencies.map(\.id) == ["Task 20"])
        #expect(task21.dates.started?.iso == "2026-01-12")
        #expect(task21.dates.completed?.iso == "2026-01-15")
        #expect(task21.assignee == "agent-blue")
        #expect(task21.acceptanceCriteria.count == 5)
        let task23 = try #require(blocks.first { $0.id == "Task 23" })
        #expect(task23.status == .todo && task23.statuses.first?.raw == "pending")
        #expect(task23.dependencies.isEmpty)
        let task28 = try #require(blocks.first { $0.id == "Task 28" })
        #expect(task28.dependencies.map(\.id) == ["Task 21", "Task 22", "Task 23", "Task 24"])
        #expect(task28.assignee == "agent-red")
        #expect(document.text.mojibake == .windows1252)
        #expect(document.sections.first?.children.first?.title == "⚠️ IMPORTANT: How Agents Record Progress")
        // Checkbox items that mention a task are linked to it.
        let linked = document.allTasks.filter { $0.taskRefs.contains("Task 23") && $0.form == .checkbox }
        #expect(linked.count == 2)
    }

    @Test("roadmap: phases 0–6 with declared statuses; 33 task items, 9 checked; Phase 0 verified by four ticked checks")
    func roadmap() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.fixture("plans/roadmap.md"))
        #expect(document.phases.map(\.id) == (0...6).map { "Phase \($0)" })
        #expect(document.phases.map { $0.declaredStatus?.value } == [.done, .inProgress, .todo, .inProgress, .todo, .todo, .todo])
        let tasks = document.allTasks
        #expect(tasks.count == 33)
        #expect(tasks.filter { $0.marker?.checked == true }.count == 9)
        #expect(document.phases[0].acceptanceCriteria.count == 4)
        #expect(document.phases[0].acceptanceCriteria.allSatisfy { $0.checked == true })
    }

    @Test("deliverables and acceptance checks: phases 7.1–7.4, each with both lists")
    func phaseDeliverables() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.fixture("plans/phase-deliverables.md"))
        #expect(document.phases.map(\.id) == ["Phase 7.1", "Phase 7.2", "Phase 7.3", "Phase 7.4"])
        #expect(document.phases.map(\.deliverables.count) == [3, 2, 3, 3])
        #expect(document.phases.map(\.acceptanceCriteria.count) == [3, 2, 1, 3])
        #expect(document.phases[0].acceptanceCriteria[1].text == "A cancelled booking cannot move back to confirmed.")
    }

    @Test("attribute tables: phases 1–3, tasks 1.1–3.2 from their tables, 18 unchecked items")
    func implementationPlan() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.fixture("plans/sync-kit/implementation-plan.md"))
        #expect(document.phases.map(\.id) == (1...3).map { "Phase \($0)" })
        let blocks = document.allTasks.filter { $0.form == .heading }
        #expect(blocks.count == 7)
        #expect(blocks.first?.id == "Task 1.1" && blocks.last?.id == "Task 3.2")
        let task13 = try #require(blocks.first { $0.id == "Task 1.3" })
        #expect(task13.dependencies.map(\.id) == ["Task 1.1", "Task 1.2"])
        #expect(task13.fields.first { $0.key == "Complexity" }?.value == "Medium")
        #expect(task13.fields.first { $0.key == "Risk" }?.value == "Medium (data migration)")
        let items = document.allTasks.filter { $0.form == .checkbox }
        #expect(items.count == 18)
        #expect(items.allSatisfy { $0.marker?.checked == false })
        #expect(document.claims.contains { $0.noun == "phase" && $0.count == 3 })
    }

    @Test("a plan pasted inside a diff: its added lines are not read as tasks or phases")
    func planInADiff() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.fixture("plans/plan-in-a-diff.txt"))
        #expect(document.phases.isEmpty)
        #expect(document.allTasks.isEmpty)
    }
}
