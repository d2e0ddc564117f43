import Testing

@testable import SpeckitCore

/// Dialects read as the tools that write them mean them: Kiro's markers, id-heading and bold-line tasks with
/// their field lines, checklists kept apart from work, and a checkbox's state taken from the box itself.
@Suite("Plan dialects")
struct DialectTests {
    private func parse(_ text: String, path: String = "tasks.md", kind: Document.Kind = .tasks) throws -> Document {
        try FixturePaths.markdown(text, path: path, kind: kind)
    }

    @Test("a status legend's boxes define markers: neither tasks nor checks; a list of real tasks is no legend")
    func statusLegend() throws {
        let legend = try parse(
            """
            # Roadmap

            ## Phase 1: Sync

            - [x] T1 Sync contacts
            - [ ] T2 Cadence

            ### Status Indicators
            - [ ] **Todo** - Not started
            - [-] **In Progress** - Being worked on
            - [x] **Completed** - Done (with timestamp)
            - [!] **Blocked** - Cannot proceed
            - [~] Deferred: moved to a later phase
            """, path: "ROADMAP.md", kind: .plan)
        #expect(legend.allTasks.map { $0.id ?? $0.title } == ["T1", "T2"])
        #expect(legend.checklist.isEmpty)
        // Tasks that start with a status word are still tasks when they repeat one ("Review: …" twice).
        let tasks = try parse("# Tasks\n\n- [ ] Review: the schema\n- [ ] Review: the API\n- [x] Done: the docs\n")
        #expect(tasks.allTasks.count == 3)
    }

    @Test("Kiro's [-] is a task in progress; elsewhere it is cancelled")
    func kiroDash() throws {
        let text = "# Tasks\n\n- [-] 1. Receipts\n"
        #expect(try parse(text, path: ".kiro/specs/pay/tasks.md").allTasks.map(\.status) == [.inProgress])
        #expect(try parse(text, path: "docs/tasks.md").allTasks.map(\.status) == [.cancelled])
    }

    @Test("Kiro's [ ]* and [x]* are optional tasks; an open one is not counted as work, a done one is")
    func kiroOptional() throws {
        let document = try parse(
            "# Tasks\n\n- [ ] 2. Camera\n  - [x] 2.1 Stream\n  - [ ]* 2.2 Property test\n  - [x]* 2.3 Unit test\n",
            path: ".kiro/specs/cam/tasks.md")
        let tasks = document.allTasks
        #expect(tasks.map(\.isOptional) == [false, false, true, true])
        #expect(tasks.map(\.countsAsWork) == [true, true, false, true])
        #expect(tasks.map(\.status) == [.todo, .done, .todo, .done])
    }

    @Test("Kiro's _Requirements:_ keeps id-shaped citations and drops free text")
    func kiroRequirementRefs() throws {
        let document = try parse(
            """
            # Tasks

            - [ ] 1. Form
              - _Requirements: 1.2, 3.4_
            - [ ] 2. Retry
              - _Requirements: All requirements 1-31_
            - [ ] 3. Suite
              - _Requirements: 23 (ACs 1–5_
            - [ ] 4. Mail
              - _Requirements: FR-001, US-1.1_

            """, path: ".kiro/specs/pay/tasks.md")
        #expect(document.allTasks.map(\.requirementRefs) == [["1.2", "3.4"], [], [], ["FR-001", "US-1.1"]])
    }

    @Test("id headings and bold lines are tasks; their field lines are theirs, their boxes acceptance criteria")
    func headingTasks() throws {
        let document = try parse(
            """
            # Tasks

            ## Phase 1: Setup

            ### T001: Create the module

            **Status:** done
            **Dependencies:** None
            **Maps to requirements:** FR-001

            - [x] The module builds
            - [ ] The README explains it

            ### ENV-01 — Environment [US1]

            - **Status**: in progress
            - **Dependencies**: T001

            **ID 24.4: Session cookie**
            **Status:** todo
            **Dependencies:** ENV-01

            - [ ] Cookie is HttpOnly

            """)
        let phase = try #require(document.phases.first)
        #expect(phase.declaredStatus == nil)
        #expect(phase.tasks.map(\.id) == ["T001", "ENV-01", "24.4"])
        #expect(phase.tasks.map(\.status) == [.done, .inProgress, .todo])
        #expect(phase.tasks.map { $0.dependencies.map(\.id) } == [[], ["T001"], ["ENV-01"]])
        #expect(phase.tasks.map(\.requirementRefs) == [["FR-001"], [], []])
        #expect(phase.tasks[1].tags == ["US1"])
        #expect(phase.tasks[1].title == "Environment")
        #expect(phase.tasks.map(\.acceptanceCriteria.count) == [2, 0, 1])
        #expect(document.allTasks.count == 3)
        #expect(document.checklist.map(\.task) == ["T001", "T001", "24.4"])
        #expect(document.checklist.map(\.checked) == [true, false, false])
    }

    @Test("tags before the colon, 'None (blocks …)' and a restating description section")
    func headingTaskEdges() throws {
        let document = try parse(
            """
            # Tasks

            - [x] T001 Migration
            - [ ] T002 Model

            ### T003 [P]: Create the model ✅

            **Dependencies**: None (blocks T004-T009)

            ## Detailed Task Descriptions

            ### T001: Migration

            Adds the table.

            """)
        #expect(document.allTasks.map(\.id) == ["T001", "T002", "T003"])
        let model = try #require(document.allTasks.last)
        #expect(model.tags == ["P"])
        #expect(model.title == "Create the model")
        #expect(model.status == .done)
        #expect(model.dependencies.isEmpty)
    }

    @Test("a progress list restating id-heading tasks gives their status, not second tasks")
    func restatedByCheckboxes() throws {
        let document = try parse("# Tasks\n\n### T002 [P]: Contract test\n\nWrite it.\n\n## Progress\n\n- [x] T002 [P]: Contract test\n")
        #expect(document.allTasks.map(\.id) == ["T002"])
        #expect(document.allTasks.map(\.status) == [.done])
    }

    @Test("a spec's acceptance-criterion headings and a short T2 phase heading stay what they were")
    func notHeadingTasks() throws {
        let spec = try parse("# Spec\n\n### AC-001: Exact match\n\n- [ ] Matches one host\n", path: "spec.md", kind: .prd)
        #expect(spec.allTasks.count == 1)
        let plan = try parse("# Plan\n\n## T2 — Edge Function\n\n- [ ] T2.1 Deploy\n", path: "plan.md", kind: .plan)
        #expect(plan.phases.map(\.id) == ["T2"])
        let fr = try parse("# Tasks\n\n### FR-005: Export\n\n- [ ] T1 Build it\n")
        #expect(fr.allTasks.map(\.id) == ["T1"])
        // A report heads its criteria with ids; only task-shaped ids head tasks outside a tasks file.
        let report = try parse(
            "# QA Report\n\n### IV1: Docs integrate\n\n### T-004: Fix the adapter\n", path: "docs/qa/report.md", kind: .other)
        #expect(report.allTasks.map(\.id) == ["T-004"])
    }

    @Test("boxes under a **Checklist:** label are checks of their task, not tasks")
    func checklistLabel() throws {
        let document = try parse(
            "# Tarefas\n\n## Fase 1\n\n### Task 1.1: Tabela\n\n**Checklist:**\n- [ ] Tabela criada\n- [x] Índices\n\n### Task 1.2: Deploy\n\n- [ ] Subir\n",
            path: "tasks.md", kind: .tasks)
        #expect(document.allTasks.map(\.id) == ["Task 1.1", "Task 1.2", nil])
        #expect(document.checklist.map(\.text) == ["Tabela criada", "Índices"])
        #expect(document.checklist.map(\.section) == ["Checklist", "Checklist"])
    }

    @Test("a sprint's Definition of Done is a checklist, not the sprint's open work")
    func definitionOfDone() throws {
        let document = try parse(
            "# Backlog\n\n## Sprint 0 — COMPLETE\n\n- [x] 0.1 Repo\n\n### Definition of Done\n\n- [ ] Docs reviewed\n- [ ] Demo given\n",
            path: "backlog.md", kind: .plan)
        #expect(document.allTasks.map(\.id) == ["0.1"])
        #expect(document.checklist.map(\.text) == ["Docs reviewed", "Demo given"])
        #expect(document.checklist.map(\.section) == ["Definition of Done", "Definition of Done"])
    }

    @Test("checklist sections, acceptance labels and checklists/ files are checks, never tasks")
    func checklists() throws {
        let tasks = try parse(
            """
            # Tasks

            - [x] T001 Build
            - [x] T002 Ship

              Acceptance:

              - [ ] Smoke test passes

            ## Validation Checklist

            - [ ] All tasks have ids

            """)
        #expect(tasks.allTasks.map(\.id) == ["T001", "T002"])
        #expect(tasks.checklist.map(\.text) == ["Smoke test passes", "All tasks have ids"])
        #expect(tasks.checklist.map(\.section) == ["Acceptance", "Validation Checklist"])
        let spec = try parse(
            "# Spec\n\n## Review & Acceptance Checklist\n\n### Content Quality\n- [x] No implementation details\n",
            path: "specs/001-x/spec.md", kind: .prd)
        #expect(spec.allTasks.isEmpty)
        #expect(spec.checklist.map(\.section) == ["Content Quality"])
        let plan = try parse(
            "# Plan\n\n## Progress Tracking\n\n- [x] Phase 0: Research complete\n", path: "specs/001-x/plan.md", kind: .plan)
        #expect(plan.allTasks.isEmpty)
        #expect(plan.checklist.count == 1)
        let checklist = try parse(
            "# Quality Checklist\n\n- [x] CHK001 Testable\n- [ ] CHK002 Measurable\n", path: "specs/001-x/checklists/requirements.md",
            kind: .checklist)
        #expect(checklist.allTasks.isEmpty)
        #expect(checklist.checklist.map(\.checked) == [true, false])
    }

    @Test("a box written [ ] stays unchecked when its text holds `- [x]` (cmark-gfm says checked)")
    func checkedFollowsRawMarker() throws {
        let text = "# Tasks\n\n- [ ] T1 Parse `- [x] code` spans\n- [x] T2 Done\n"
        let task = try #require(try parse(text).allTasks.first)
        #expect(task.marker?.raw == "[ ]")
        #expect(task.marker?.checked == false)
        #expect(task.status == .todo)
        // cmark-gfm's own reading, which the model corrects: both items checked.
        let counts = CmarkParser.parse(text).gfmTaskCounts
        #expect(counts.total == 2)
        #expect(counts.checked == 2)
    }
}
