import Testing

@testable import SpeckitCore

/// Tables as the tools that write them mean them: `| ID | Task | Status |` rows are tasks, a row restating a task
/// states its status, and `| Phase | Status |` rows state the status of the phases they name. Tables that list
/// something else (a status legend, requirements, one task's attributes, per-phase counts) stay as they were.
@Suite("Table tasks")
struct TableTaskTests {
    private func parse(_ text: String, path: String = "tasks.md", kind: Document.Kind = .tasks) throws -> Document {
        try FixturePaths.markdown(text, path: path, kind: kind)
    }

    @Test("an id column and a status column make each row a task of the phase the table stands in")
    func idStatusTable() throws {
        let document = try parse(
            """
            # Board

            ## Phase 1: Setup

            | ID | Task | Status | Owner |
            |----|------|--------|-------|
            | T001 | Create the repository | ✅ Done | ana |
            | T002 | Configure CI | 🟡 In progress | bo |
            | T003 | Write the README | Not started | ana |
            | T004 | Pick a logo | qa-check | ana |

            """)
        let tasks = try #require(document.phases.first).tasks
        #expect(tasks.map(\.id) == ["T001", "T002", "T003", "T004"])
        #expect(tasks.map(\.title) == ["Create the repository", "Configure CI", "Write the README", "Pick a logo"])
        #expect(tasks.map(\.form) == [.table, .table, .table, .table])
        #expect(tasks.map(\.status) == [.done, .inProgress, .todo, .unknown])
        #expect(tasks.map(\.statuses.count) == [1, 1, 1, 0])
        #expect(tasks.map(\.range.line) == [7, 8, 9, 10])
    }

    @Test("owner, date and dependency columns are the task's fields; a dependency on no task here is dropped")
    func fieldColumns() throws {
        let document = try parse(
            """
            # Sprint 1

            | # | Ticket | Status | Owner | Depends | Started |
            |---|--------|--------|-------|---------|---------|
            | DH-016 | Key repository | done | Backend | DH-007 | 2026-01-05 |
            | DH-017 | Key service | todo | - | DH-016, DH-007 | - |

            """)
        let tasks = document.allTasks
        #expect(tasks.map(\.id) == ["DH-016", "DH-017"])
        #expect(tasks.map(\.title) == ["Key repository", "Key service"])
        #expect(tasks.map(\.assignee) == ["Backend", nil])
        #expect(tasks.map { $0.dependencies.map(\.id) } == [[], ["DH-016"]])
        #expect(tasks.map(\.dates.started?.iso) == ["2026-01-05", nil])
    }

    @Test("a task column whose cells start with an id, and headers in another language")
    func taskColumnAndLanguages() throws {
        let english = try parse("# Plan\n\n| Task | Status |\n|---|---|\n| TASK-12: Wire the queue | ✅ Done |\n| 1.2 Add retries | [ ] |\n")
        #expect(english.allTasks.map(\.id) == ["TASK-12", "1.2"])
        #expect(english.allTasks.map(\.title) == ["Wire the queue", "Add retries"])
        #expect(english.allTasks.map(\.status) == [.done, .todo])
        let spanish = try parse("# Plan\n\n| ID | Tarea | Estado |\n|---|---|---|\n| T010 | Migrar datos | Completado |\n")
        #expect(spanish.allTasks.map(\.id) == ["T010"])
        #expect(spanish.allTasks.map(\.status) == [.done])
        let japanese = try parse("# 計画\n\n| ID | タスク | ステータス |\n|---|---|---|\n| T020 | 設計 | 完了 |\n| T021 | 実装 | 進行中 |\n")
        #expect(japanese.allTasks.map(\.status) == [.done, .inProgress])
    }

    @Test("a row restating a checkbox task states its status; it is not a second task, before or after the box")
    func restatedTask() throws {
        let document = try parse(
            """
            # Tasks

            | ID | Task | Status |
            |----|------|--------|
            | T004 | Build the endpoint | ✅ Done |

            - [ ] T004 Build the endpoint
            - [x] T005 Document the endpoint

            | ID | Task | Status |
            |----|------|--------|
            | T005 | Document the endpoint | ✅ Done |

            """)
        let tasks = document.allTasks
        #expect(tasks.map(\.id) == ["T004", "T005"])
        #expect(tasks.map(\.form) == [.checkbox, .checkbox])
        #expect(tasks[0].statuses.map(\.value) == [.todo, .done])
        #expect(tasks[0].statuses.map(\.range?.line) == [7, 5])
        #expect(tasks[1].statuses.map(\.value) == [.done, .done])
    }

    @Test("a phase and status table sets the status of the phases the document has, and no other")
    func phaseStatusTable() throws {
        let document = try parse(
            """
            # Roadmap

            ## Phase 1: Storage

            - [x] T001 Schema

            ## Fase 2: Sync

            - [ ] T002 Poll

            ## Progress

            | Phase | Status |
            |-------|--------|
            | Phase 1 | ✅ Complete |
            | 2 | 🔄 In progress |
            | Phase 7 | ✅ Complete |
            | Phase 1 | 3/5 |

            """)
        #expect(document.phases.map(\.id) == ["Phase 1", "Fase 2"])
        #expect(document.phases.map { $0.declaredStatus?.value } == [.done, .inProgress])
        #expect(document.phases.map { $0.statuses.map(\.range?.line) } == [[15], [16]])
        #expect(document.allTasks.count == 2)
    }

    @Test("legends, requirements, attributes, per-phase counts and spec tables are not tasks")
    func notTaskTables() throws {
        let document = try parse(
            """
            # Tracker

            | Status | Code | Meaning |
            |--------|------|---------|
            | ✅ Done | `DONE` | Merged |

            ## Phase 1: Setup

            | ID | Requirement | Status |
            |----|-------------|--------|
            | FR-001 | Login | ✅ Done |
            | US1 | Sign up | ✅ Done |

            | Field | Value |
            |-------|-------|
            | Status | Done |

            | ID | Source | Status |
            |----|--------|--------|
            | 1 | interview notes | reviewed-by-pm |

            | # | Risk | Status |
            |---|------|--------|
            | 1 | Vendor lock-in | Open |

            | Phase | Tasks | Done |
            |-------|-------|------|
            | Phase 1 | 3 | 1 |

            """)
        #expect(document.allTasks.isEmpty)
        #expect(document.phases.first?.declaredStatus?.value == .done)
        #expect(document.claims.map(\.text) == ["| Phase 1 | 3 | 1 |", "| Phase 1 | 3 | 1 |"])
        let spec = try parse(
            "# Spec\n\n| ID | Task | Status |\n|---|---|---|\n| T001 | Login | ✅ Done |\n", path: "data-model.md", kind: .reference)
        #expect(spec.allTasks.isEmpty)
    }
}
