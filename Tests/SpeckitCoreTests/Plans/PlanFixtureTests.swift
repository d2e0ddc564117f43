import Testing

@testable import SpeckitCore

/// The real inputs the project was created from, and what must be read from each.
@Suite("Seeds")
struct SeedTests {
    @Test("001: nine phases T0–T8, 259 task items with 21 checked, Mac Roman mojibake repaired")
    func seed001() throws {
        let (document, diagnostics) = try FixturePaths.parse(FixturePaths.seed("001_"))
        #expect(document.phases.map(\.id) == (0...8).map { "T\($0)" })
        #expect(
            document.phases.map { $0.declaredStatus?.value } == [.done, .done, .inProgress, .todo, .inProgress, .todo, .todo, .todo, .todo])
        #expect(document.phases[2].declaredStatus?.raw == "⏳ IN PROGRESS")
        #expect(document.phases[2].title == "Edge Function: ops-executor")
        let tasks = document.allTasks
        #expect(tasks.count == 259)
        #expect(tasks.filter { $0.marker?.checked == true }.count == 21)
        #expect(document.text.mojibake == .macRoman)
        #expect(diagnostics.contains { $0.ruleId == .mojibake && $0.severity == .warning })
        // T2.1 has its four subtasks nested under it.
        let t21 = try #require(document.phases[2].tasks.first)
        #expect(t21.id == "T2.1")
        #expect(t21.subtasks.map(\.id) == ["T2.1.1", "T2.1.2", "T2.1.3", "T2.1.4"])
        #expect(document.phases[3].dependencies.map(\.id) == ["T2"])
        #expect(document.phases[0].dates.completed?.iso == "2026-01-08")
        // The summary's claims are kept for checking.
        let total = try #require(document.claims.first { $0.kind == .total })
        #expect(total.count == 111 && total.noun == "subtask")
        let fraction = try #require(document.claims.first { $0.subject == "T4" })
        #expect(fraction.count == 3 && fraction.total == 27)
        #expect(document.claims.contains { $0.count == 18 && $0.percent == 16 && $0.status == .done })
        #expect(!document.claims.contains { $0.text.hasPrefix("Dependencies") })
    }

    @Test("003: Task 39–54 blocks with status, priority, dependencies and dates; Windows-1252 repaired")
    func seed003() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.seed("003_"))
        let blocks = document.allTasks.filter { $0.form == .heading }
        #expect(blocks.compactMap(\.id) == (39...54).map { "Task \($0)" })
        #expect(!document.allTasks.contains { $0.id == "Task 55" })
        let task39 = try #require(blocks.first)
        #expect(task39.status == .done)
        #expect(task39.priority == "CRITICAL")
        #expect(task39.dependencies.map(\.id) == ["Task 2"])
        #expect(task39.dates.completed?.iso == "2025-11-10")
        #expect(task39.assignee == "cursor-composer1")
        #expect(task39.acceptanceCriteria.count == 5)
        let task43 = try #require(blocks.first { $0.id == "Task 43" })
        #expect(task43.status == .todo && task43.statuses.first?.raw == "pending")
        let task50 = try #require(blocks.first { $0.id == "Task 50" })
        #expect(task50.dependencies.map(\.id) == ["Task 39", "Task 40", "Task 43", "Task 44"])
        #expect(document.text.mojibake == .windows1252)
        #expect(document.sections.first?.children.first?.title == "⚠️ CRITICAL: Agent Workflow & Status Tracking")
        // Checkbox items that mention a task are linked to it.
        let linked = document.allTasks.filter { $0.taskRefs.contains("Task 43") && $0.form == .checkbox }
        #expect(!linked.isEmpty)
    }

    @Test("004: phases 0–6 with declared statuses; 129 task items, 16 checked")
    func seed004() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.seed("004_"))
        #expect(document.phases.map(\.id) == (0...6).map { "Phase \($0)" })
        #expect(document.phases.map { $0.declaredStatus?.value } == [.done, .inProgress, .todo, .inProgress, .todo, .todo, .todo])
        let tasks = document.allTasks
        #expect(tasks.count == 129)
        #expect(tasks.filter { $0.marker?.checked == true }.count == 16)
        #expect(document.phases[0].acceptanceCriteria.count == 4)
        #expect(document.phases[0].acceptanceCriteria.allSatisfy { $0.checked == true })
    }

    @Test("000: phases 14.1–14.5, each with deliverables and acceptance checks")
    func seed000() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.seed("000_"))
        #expect(document.phases.map(\.id) == ["Phase 14.1", "Phase 14.2", "Phase 14.3", "Phase 14.4", "Phase 14.5"])
        #expect(document.phases.map(\.deliverables.count) == [3, 3, 3, 3, 2])
        #expect(document.phases.map(\.acceptanceCriteria.count) == [3, 3, 3, 2, 2])
        #expect(document.phases[0].acceptanceCriteria[1].text == "Updates cannot regress state (e.g., complete → running).")
    }

    @Test("from-002 implementation plan: phases 1–5, tasks 1.1–5.4 from their attribute tables, 122 unchecked items")
    func implementationPlan() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.seed("from-002/implementation-plan.md"))
        #expect(document.phases.map(\.id) == (1...5).map { "Phase \($0)" })
        let blocks = document.allTasks.filter { $0.form == .heading }
        #expect(blocks.count == 22)
        #expect(blocks.first?.id == "Task 1.1" && blocks.last?.id == "Task 5.4")
        let task14 = try #require(blocks.first { $0.id == "Task 1.4" })
        #expect(task14.dependencies.map(\.id) == ["Task 1.1", "Task 1.2", "Task 1.3"])
        #expect(task14.fields.first { $0.key == "Complexity" }?.value == "Medium")
        #expect(task14.fields.first { $0.key == "Risk" }?.value == "Medium (schema change)")
        let items = document.allTasks.filter { $0.form == .checkbox }
        #expect(items.count == 122)
        #expect(items.allSatisfy { $0.marker?.checked == false })
        #expect(document.claims.contains { $0.noun == "phase" && $0.count == 5 })
    }
}
