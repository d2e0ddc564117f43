import Testing

@testable import SpeckitCore

/// One fixture per plan style people write.
@Suite("Markdown plan styles")
struct MarkdownStyleTests {
    @Test("GitHub Spec Kit task lines: ids, [P]/[US1] tags, depends-on, requirement refs, markers kept")
    func specKit() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.fixture("markdown/spec-kit-tasks.md"))
        #expect(document.kind == .tasks)
        #expect(document.phases.map(\.id) == ["Phase 1", "Phase 3"])
        #expect(document.phases[1].priority == "P1")
        let tasks = document.allTasks
        #expect(tasks.map { $0.marker?.raw } == ["[x]", "[X]", "[ ]", "[ ]", "[ ]", "[~]", "[-]", "[/]"])
        #expect(tasks.map { $0.marker?.kind } == [.gfm, .gfm, .gfm, .gfm, .gfm, .extended, .extended, .extended])
        #expect(tasks.map(\.status) == [.done, .done, .todo, .todo, .todo, .inProgress, .cancelled, .inProgress])
        let t011 = try #require(tasks.first { $0.id == "T011" })
        #expect(t011.tags == ["US1"])
        #expect(t011.dependencies.map(\.id) == ["T010", "T003"])
        #expect(tasks.first { $0.id == "T010" }?.tags == ["P", "US1"])
        #expect(tasks.first { $0.id == "T012" }?.requirementRefs == ["FR-001", "FR-004"])
        #expect(tasks.first { $0.id == "T014" }?.assignee == "codex")
    }

    @Test("Kiro tasks: numbered ids, optional [ ]* marker, _Requirements_ references")
    func kiro() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.fixture("markdown/kiro-tasks.md"))
        let tasks = document.allTasks
        #expect(tasks.compactMap(\.id) == ["1", "2", "2.1", "2.2"])
        let optional = try #require(tasks.first { $0.id == "2.2" })
        #expect(optional.marker?.raw == "[ ]*" && optional.marker?.optional == true && optional.marker?.kind == .extended)
        #expect(tasks.first { $0.id == "2.1" }?.requirementRefs == ["2.1", "3.3"])
        #expect(tasks.first { $0.id == "1" }?.requirementRefs == ["1.1"])
        #expect(document.tasks[1].subtasks.count == 2)
    }

    @Test("### Task N: blocks with Status/Priority/Dependencies lines; fenced examples are not tasks")
    func taskBlocks() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.fixture("markdown/task-blocks.md"))
        let blocks = document.phases[0].tasks
        #expect(blocks.compactMap(\.id) == ["Task 39", "Task 40"])
        #expect(blocks[0].status == .done && blocks[0].priority == "CRITICAL")
        #expect(blocks[0].dates.started?.iso == "2025-11-09")
        #expect(
            blocks[0].acceptanceCriteria.map(\.text) == [
                "Single schema file contains all health tables",
                "All tests pass with consolidated schema",
            ])
        #expect(blocks[1].status == .inProgress)
        #expect(blocks[1].dates.lastUpdated?.iso == "2026-01-08")
        #expect(!document.allTasks.contains { $0.id == "Task 55" })
        #expect(document.tasks.map(\.taskRefs) == [["Task 39"], ["Task 40"]])
        #expect(document.tasks[0].dates.completed?.iso == "2025-11-10")
    }

    @Test("attribute tables give complexity, dependencies and risk")
    func attributeTable() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.fixture("markdown/attribute-table.md"))
        let blocks = document.allTasks.filter { $0.form == .heading }
        #expect(blocks.map { $0.fields.map(\.key) } == [["Complexity", "Risk"], ["Complexity", "Risk"], ["Complexity", "Risk"]])
        #expect(blocks[0].dependencies.isEmpty)
        #expect(blocks[2].dependencies.map(\.id) == ["Task 1.1", "Task 1.2"])
        #expect(blocks[0].subtasks.count == 2)
        #expect(document.claims.map(\.count) == [2])
    }

    @Test("acceptance criteria: labelled lists, Given/When/Then, EARS, OpenSpec scenarios, FR-xxx requirements")
    func acceptance() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.fixture("markdown/acceptance.md"))
        let story = try #require(document.requirements.first { $0.id == "US1" })
        #expect(story.kind == .userStory && story.priority == "P1")
        #expect(story.acceptanceCriteria.count == 2 && story.acceptanceCriteria.allSatisfy { $0.style == .scenario })
        #expect(document.requirements.filter { $0.kind == .functional }.map(\.id) == ["FR-001", "FR-002"])
        #expect(document.requirements.flatMap(\.acceptanceCriteria).contains { $0.style == .ears })
        let phase = try #require(document.phases.first)
        #expect(phase.deliverables.map(\.text) == ["Define payment states", "Define the API"])
        #expect(phase.acceptanceCriteria.map(\.label) == ["Acceptance checks", "Acceptance checks"])
        let receipts = try #require(document.requirements.first { $0.id == "Receipts" })
        let scenario = try #require(receipts.acceptanceCriteria.first)
        #expect(scenario.style == .scenario && scenario.text.contains("WHEN a payment succeeds"))
    }

    @Test("an Acceptance Criteria heading under an FR bullet belongs to that requirement")
    func requirementCriteria() throws {
        let text =
            "## Parsing\n\n- **FR-001**: speckit MUST parse plans\n\n### Acceptance Criteria\n\n- **Given** a plan, **When** parsed, **Then** phases are listed\n\n## Output\n\n- **Given** nothing, **When** run, **Then** it fails\n"
        let source = try TextDecoding.decode(Array(text.utf8), path: "prd.md")
        let (document, _) = try MarkdownPlanParser.parse(source, kind: .prd)
        #expect(document.requirements.map(\.id) == ["FR-001"])
        #expect(document.requirements[0].acceptanceCriteria.count == 1)
        #expect(document.acceptanceCriteria.count == 1)
    }

    @Test("statuses from emoji, words and fields; claims from a summary")
    func statuses() throws {
        let (document, _) = try FixturePaths.parse(FixturePaths.fixture("markdown/statuses.md"))
        #expect(document.phases.map { $0.declaredStatus?.value } == [.done, .inProgress, .inProgress, .todo, .blocked, .cancelled, .todo])
        #expect(document.phases[5].declaredStatus?.source == .heading)
        #expect(document.phases[6].declaredStatus?.source == .field)
        #expect(document.claims.contains { $0.kind == .fraction && $0.subject == "T1" && $0.count == 1 && $0.total == 2 })
        #expect(document.claims.contains { $0.remaining && $0.count == 5 })
    }
}
