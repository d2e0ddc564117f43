import Testing

@testable import SpeckitCore

@Suite("Structured YAML plans")
struct StructuredYAMLPlanTests {
    @Test("tasks.yaml: phases with ids, titles, statuses, dates, deliverables and acceptance criteria")
    func phases() throws {
        let document = try StructuredFixtures.parse("tasks.yaml")
        #expect(document.format == .yaml)
        #expect(document.kind == .tasks)
        #expect(document.phases.map(\.id) == ["P1", "P2"])
        #expect(document.phases.map(\.title) == ["Foundations", "Invoicing"])
        #expect(document.phases.allSatisfy { $0.level == 0 })

        let first = document.phases[0]
        #expect(first.declaredStatus?.value == .done)
        #expect(first.declaredStatus?.raw == "✅ Complete")
        #expect(first.declaredStatus?.source == .structured)
        #expect(first.declaredStatus?.range?.line == 10)
        #expect(first.range == SourceRange(file: "tasks.yaml", line: 8, column: 5, endLine: 40))
        #expect(first.dates.started == DateValue(raw: "2025-10-01", iso: "2025-10-01"))
        #expect(first.dates.completed == DateValue(raw: "October 20, 2025", iso: "2025-10-20"))
        #expect(first.deliverables.map(\.text) == ["Database schema", "CI pipeline"])
        #expect(first.deliverables.map(\.range.line) == [14, 15])
        #expect(first.acceptanceCriteria.map(\.text) == ["Migrations run on a clean database", "CI is green on main"])
        #expect(first.acceptanceCriteria.allSatisfy { $0.style == .checklist && $0.label == "acceptance" })

        let second = document.phases[1]
        #expect(second.declaredStatus?.value == .blocked)
        #expect(second.declaredStatus?.raw == "Blocked on legal review")
        #expect(second.dependencies == [Dependency(raw: "P1", id: "P1")])
        #expect(second.priority == "high")
    }

    @Test("tasks.yaml: tasks, nested subtasks, dependencies and statuses with their lines")
    func tasks() throws {
        let document = try StructuredFixtures.parse("tasks.yaml")
        #expect(document.allTasks.count == 7)
        #expect(document.tasks.isEmpty)

        let schema = try #require(document.task("T1"))
        #expect(schema.form == .structured)
        #expect(schema.status == .done)
        #expect(
            schema.statuses == [
                Status(
                    value: .done, raw: "done", source: .structured,
                    range: SourceRange(file: "tasks.yaml", line: 22, column: 17))
            ])
        #expect(schema.assignee == "alice")
        #expect(schema.tags == ["db", "backend"])
        #expect(schema.requirementRefs == ["FR-001", "FR-002"])
        #expect(schema.range.line == 20)

        let ci = try #require(document.task("T2"))
        #expect(ci.status == .inProgress)
        #expect(ci.statuses.first?.raw == "in-progress")
        #expect(ci.dependencies == [Dependency(raw: "T1", id: "T1")])
        #expect(
            ci.fields.contains(
                Field(
                    key: "estimate", value: "3d",
                    range: SourceRange(file: "tasks.yaml", line: 30, column: 19))))
        #expect(ci.subtasks.map(\.id) == ["T2.1", "T2.2", "T2.3"])
        #expect(ci.range.line == 26)
        #expect(ci.range.endLine == 40)

        let lint = try #require(document.task("T2.1"))
        #expect(lint.status == .done)
        #expect(lint.statuses.first?.raw == "done: true")
        let test = try #require(document.task("T2.2"))
        #expect(test.status == .todo)
        #expect(test.dependencies == [Dependency(raw: "T2.1", id: "T2.1")])
        let deploy = try #require(document.task("T2.3"))
        #expect(deploy.status == .unknown)
        #expect(deploy.statuses.isEmpty)
        #expect(deploy.range.line == 39)
    }

    @Test("an unknown status is kept raw as unknown; a bare string is a task title")
    func unknownStatusAndScalarTask() throws {
        let document = try StructuredFixtures.parse("tasks.yaml")
        let pdf = try #require(document.task("T3"))
        #expect(pdf.status == .unknown)
        #expect(pdf.statuses.first?.raw == "someday maybe")
        #expect(pdf.dates.due?.iso == "2026-01-15")
        #expect(pdf.fields.first?.key == "description")
        #expect(pdf.fields.first?.value == "Render invoices as PDF.\nUse the house template.\n")
        let docs = try #require(document.phases[1].tasks.last)
        #expect(docs.id == nil)
        #expect(docs.title == "Write the invoice docs")
        #expect(docs.status == .unknown)
        #expect(docs.range.line == 54)
    }

    @Test("top-level metadata becomes the front matter and names the document")
    func metadata() throws {
        let document = try StructuredFixtures.parse("tasks.yaml")
        #expect(document.title == "Billing Service")
        #expect(
            document.frontMatter
                == .object([
                    .init("project", .string("Billing Service")),
                    .init("version", .number(1.2)),
                    .init("owner", .string("platform-team")),
                    .init("last_updated", .string("2025-11-10")),
                ]))
    }

    @Test("a top-level list of tasks, with numeric ids and comma-separated dependencies")
    func topLevelList() throws {
        let document = try StructuredFixtures.parse("task-list.yaml")
        #expect(document.phases.isEmpty)
        #expect(document.frontMatter == nil)
        #expect(document.title == nil)
        #expect(document.tasks.map(\.id) == ["1", "2", "3"])
        #expect(document.tasks.map(\.status) == [.done, .inProgress, .unknown])
        #expect(document.tasks[1].statuses.first?.raw == "WIP")
        #expect(document.tasks[1].dependencies == [Dependency(raw: "1", id: "1")])
        #expect(document.tasks[2].dependencies.map(\.id) == ["1", "2"])
        #expect(document.tasks.map(\.range.line) == [1, 4, 8])
    }

    @Test("roadmap.yml: milestones are phases, keyed by `key`, named by `name`")
    func roadmap() throws {
        let document = try StructuredFixtures.parse("roadmap.yml", kind: .plan)
        #expect(document.title == "Product Roadmap 2026")
        #expect(document.phases.map(\.id) == ["M1", "M2"])
        #expect(document.phases.map(\.title) == ["Private beta", "Public launch"])
        #expect(document.phases.map { $0.declaredStatus?.value } == [.done, .todo])
        #expect(document.phases[0].dates.due?.iso == "2026-02-01")
        #expect(document.phases[1].dependencies == [Dependency(raw: "M1", id: "M1")])
        #expect(document.phases[1].acceptanceCriteria.map(\.text) == ["1000 sign-ups", "Less than 1% error rate"])
        #expect(document.phases[1].tasks.map(\.title) == ["Pricing page", "Status page"])
        #expect(document.phases[1].tasks.map(\.status) == [.unknown, .done])
        #expect(document.phases[1].range.line == 10)
    }

    @Test("merge keys copy an anchored mapping's entries; entries written in place win")
    func mergeKeys() throws {
        let document = try StructuredFixtures.parse("anchors.yaml")
        #expect(document.tasks.map(\.priority) == ["medium", "high"])
        #expect(document.tasks.map(\.assignee) == ["carol", "carol"])
    }

    @Test("an empty task list is an empty document, not an error")
    func emptyList() throws {
        let document = try StructuredFixtures.parse(text: "title: Nothing yet\ntasks: []\n")
        #expect(document.allTasks.isEmpty)
        #expect(document.title == "Nothing yet")
        let bare = try StructuredFixtures.parse(text: "tasks:\n")
        #expect(bare.allTasks.isEmpty)
    }

    @Test("phases keyed by id, and a top-level list of phases")
    func keyedAndListedPhases() throws {
        let keyed = try StructuredFixtures.parse(
            text: """
                phases:
                  setup:
                    title: Setup
                    tasks: [{id: S1, title: Install}]
                  build:
                    tasks: [Compile]
                """)
        #expect(keyed.phases.map(\.id) == ["setup", "build"])
        #expect(keyed.phases.map(\.title) == ["Setup", "build"])
        #expect(keyed.phases.map(\.range.line) == [2, 5])
        #expect(keyed.phases[1].tasks.map(\.title) == ["Compile"])

        let listed = try StructuredFixtures.parse(text: "- name: One\n  tasks: [A, B]\n- name: Two\n  tasks: []\n")
        #expect(listed.phases.map(\.id) == ["One", "Two"])
        #expect(listed.phases[0].tasks.map(\.title) == ["A", "B"])
    }
}
