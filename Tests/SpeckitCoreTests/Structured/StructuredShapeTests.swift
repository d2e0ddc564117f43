import Testing

@testable import SpeckitCore

/// Issue 16, cause 8: YAML and JSON plans in other shapes than `phases:`/`tasks:` — sprints of tickets,
/// phases of epics of tasks, milestones of deliverables with a state — are read, and a plan in a shape
/// speckit cannot read is said once instead of being refused or read as empty.
@Suite("Structured plans in other shapes (issue 16)")
struct StructuredShapeTests {
    /// The fixture parsed with its parse notes.
    static func parseNoting(_ name: String) throws -> (Document, [Diagnostic]) {
        var notes: [Diagnostic] = []
        let format: Document.Format = name.hasSuffix(".json") ? .json : .yaml
        let document = try StructuredPlanParser.parse(
            StructuredFixtures.source(name), format: format, kind: .tasks, notes: &notes)
        return (document, notes)
    }

    @Test("sprints hold tickets, stories and issues; ids from key/number, statuses through the vocabulary")
    func sprintsOfTickets() throws {
        let (document, notes) = try Self.parseNoting("sprints-tickets.yaml")
        #expect(notes.isEmpty)
        #expect(document.title == "Lantern")
        #expect(document.phases.map(\.id) == ["SP1", "SP2", "SP3"])
        #expect(document.phases.map(\.tasks.count) == [2, 3, 2])
        #expect(document.phases[0].declaredStatus?.value == .done)
        #expect(document.phases[1].declaredStatus?.value == .inProgress)
        let ids = document.allTasks.map { $0.id ?? "-" }
        #expect(ids == ["LAN-1", "LAN-2", "LAN-3", "LAN-4", "LAN-5", "41", "42"])
        #expect(document.allTasks.map(\.status) == [.done, .done, .inProgress, .todo, .done, .todo, .blocked])
        #expect(document.task("LAN-1")?.title == "Create the repository and CI")
        #expect(document.task("LAN-2")?.dependencies == [Dependency(raw: "LAN-1", id: "LAN-1")])
        #expect(document.task("LAN-2")?.range.line == 12)
        #expect(document.task("41")?.dependencies.map(\.id) == ["LAN-3", "LAN-4"])
        #expect(document.task("42")?.dependencies.map(\.id) == ["LAN-9"])
    }

    @Test("`after: 2 seconds` names no task: no dependency, kept as a field")
    func proseDependency() throws {
        let document = try StructuredFixtures.parse("sprints-tickets.yaml")
        let retry = try #require(document.task("LAN-4"))
        #expect(retry.dependencies.isEmpty)
        #expect(retry.fields.contains { $0.key == "after" && $0.value == "2 seconds" })
    }

    @Test(
        "dependency tokens: ids are kept, numbers with units and words are not",
        arguments: [
            ("T1", true), ("3.2", true), ("sprint_1", true), ("auth-setup", true), ("#12", true), ("2", true),
            ("LAN-3", true), ("60s", false), ("2h", false), ("3days", false), ("2 seconds", false),
            ("the database", false),
        ])
    func idShaped(token: String, expected: Bool) {
        #expect(StructuredEntry.idShaped(token) == expected)
    }

    @Test("phases → epics → tasks: every epic (and a feature inside one) is a phase of its own with its tasks")
    func phasesOfEpics() throws {
        let (document, notes) = try Self.parseNoting("phases-epics-tasks.yaml")
        #expect(notes.isEmpty)
        #expect(document.phases.map(\.id) == ["P1", "E1", "E2", "P2", "E3", "F1"])
        #expect(document.phases.map(\.tasks.count) == [0, 2, 2, 0, 0, 2])
        #expect(document.allTasks.map { $0.id ?? "-" } == ["T1", "T2", "T3", "T4", "T5", "T6"])
        #expect(document.allTasks.map(\.subtasks.count) == [0, 0, 0, 0, 0, 0])
        #expect(document.task("T4")?.dependencies.map(\.id) == ["T3", "T9"])
        #expect(document.task("T6")?.dependencies.map(\.id) == ["T5", "T3"])
        #expect(document.allTasks.map(\.dependencies.count) == [0, 1, 1, 2, 1, 2])
        let billing = document.phases[2]
        #expect(billing.declaredStatus?.value == .inProgress)
        #expect(billing.fields.first == Field(key: "parent", value: "P1"))
        #expect(document.phases[5].fields.first == Field(key: "parent", value: "E3"))
        #expect(document.phases[0].declaredStatus?.value == .done)
    }

    @Test("milestones whose deliverables carry `state: DONE/TODO` hold them as tasks; plain deliverables stay deliverables")
    func milestoneDeliverables() throws {
        let document = try StructuredFixtures.parse("milestones-deliverables.yaml")
        #expect(document.phases.map(\.title) == ["Design", "Renderer", "Later"])
        #expect(document.phases.map(\.tasks.count) == [2, 3, 0])
        #expect(document.allTasks.map(\.status) == [.done, .done, .done, .todo, .inProgress])
        #expect(document.allTasks.map(\.title)[3] == "Web renderer")
        #expect(document.phases[2].deliverables.map(\.text) == ["Plugin system", "Themes"])
        #expect(document.phases[1].deliverables.isEmpty)
    }

    @Test("a JSON plan wrapped once (`project.iterations[].work_items`) is read, its ids in one scope")
    func wrappedJSON() throws {
        let document = try StructuredFixtures.parse("sprints-stories.json")
        #expect(document.phases.map(\.id) == ["IT1", "IT2"])
        #expect(document.allTasks.map { $0.id ?? "-" } == ["B-1", "B-2", "B-3"])
        #expect(document.allTasks.map(\.status) == [.done, .todo, .inProgress])
        #expect(document.task("B-3")?.dependencies.map(\.id) == ["B-2", "B-1"])
    }

    @Test("a plan in a shape speckit cannot read is a document without tasks and one note naming its keys")
    func unreadShape() throws {
        let (document, notes) = try Self.parseNoting("unread-shape.yaml")
        #expect(document.allTasks.isEmpty && document.phases.isEmpty)
        #expect(notes.count == 1)
        let note = try #require(notes.first)
        #expect(note.ruleId == .unreadShape)
        #expect(note.severity == .warning)
        #expect(note.range.line == 2 && note.range.column == 1)
        #expect(note.message.hasPrefix("no tasks found: top-level keys sprint, owner; speckit reads phases/"))
        #expect(note.message.contains("docs/structured-plans.md"))
    }

    @Test("one work item written out (a story's own file) is a plan of that one task, with its criteria: no note")
    func singleStoryFile() throws {
        let (document, notes) = try Self.parseNoting("single-story.yaml")
        #expect(document.allTasks.map { "\($0.id ?? "-") \($0.status)" } == ["2.4 inProgress"])
        #expect(document.allTasks.first?.title == "Export the report as CSV")
        #expect(notes.isEmpty, "\(notes.map(\.message))")
    }

    @Test("phases whose work sits under an unknown key: one note naming that key, not an empty plan in silence")
    func unreadNested() throws {
        let (document, notes) = try Self.parseNoting("unread-nested.yaml")
        #expect(document.phases.count == 2)
        #expect(document.allTasks.isEmpty)
        #expect(notes.map(\.ruleId) == [.unreadShape])
        #expect(notes.first?.range.line == 3)
        #expect(
            notes.first?.message.hasPrefix(
                "no tasks found: top-level keys project, phases; phases entries hold work_packages, which speckit does not read as tasks")
                == true)
    }

    @Test(
        "plain lists under group words stay fields; a configuration file is still no plan",
        arguments: [
            "phases:\n  - id: P1\n    features: [search, export]\n    tasks:\n      - id: T1\n        status: done\n"
        ])
    func plainWordLists(text: String) throws {
        let document = try StructuredFixtures.parse(text: text)
        #expect(document.phases.map(\.id) == ["P1"])
        #expect(document.allTasks.map { $0.id ?? "-" } == ["T1"])
        #expect(document.phases[0].fields.contains { $0.key == "features" && $0.value == "search, export" })
        let config = StructuredFixtures.error { try StructuredFixtures.parse(text: "server:\n  port: 80\nfeatures: [a, b]\nplan: free\n") }
        #expect(config == .unrecognisedStructure(file: "inline.yaml", expected: StructuredPlanParser.expectedShape))
    }

    @Test("a milestone list that only names dates beside sprints holding the work: the sprints are the phases")
    func listWithWorkWins() throws {
        let text = """
            milestones:
              - name: Beta
                date: 2026-05-01
            sprints:
              - id: S1
                tickets:
                  - {key: A-1, title: Login, state: DONE}
            """
        let document = try StructuredFixtures.parse(text: text + "\n")
        #expect(document.phases.map(\.id) == ["S1"])
        #expect(document.allTasks.map(\.status) == [.done])
    }
}

extension StructuredShapeTests {
    @Test("a work breakdown (phase → deliverable → tasks): deliverables holding tasks are phases of their own")
    func workBreakdown() throws {
        let document = try StructuredFixtures.parse("phases-deliverables-tasks.yaml")
        #expect(document.phases.map(\.title) == ["Discovery", "Charter", "Risk list", "Build", "API"])
        #expect(document.phases.map(\.tasks.count) == [0, 2, 0, 0, 1])
        #expect(document.task("1.1.2")?.dependencies.map(\.id) == ["1.1.1"])
        #expect(document.task("2.1.1")?.dependencies.map(\.id) == ["1.1.2"])
        #expect(document.phases[0].deliverables.isEmpty)
    }
}

extension StructuredShapeTests {
    @Test("stories numbered from 1 again in every epic are epic.story, not one id used twice")
    func numberedPerGroup() throws {
        let document = try StructuredFixtures.parse("epics-numbered-stories.yaml")
        #expect(document.allTasks.map { $0.id ?? "-" } == ["1.1", "1.2", "2.1", "2.2"])
        #expect(document.task("1.2")?.dependencies == [Dependency(raw: "1", id: "1.1")])
        #expect(document.task("2.1")?.dependencies.map(\.id) == ["1.2"])
        #expect(document.task("2.2")?.dependencies.map(\.id) == ["2.1", "7"])
    }
}

extension StructuredShapeTests {
    @Test("sprints as numbered top-level keys are phases named by their keys; `{item: …}` names a dependency")
    func keyedSprints() throws {
        let document = try StructuredFixtures.parse("keyed-sprints.yaml")
        #expect(document.phases.map(\.id) == ["sprint_1", "sprint_2"])
        #expect(document.phases.map(\.title) == ["Parser", "Checker"])
        #expect(document.allTasks.map { $0.id ?? "-" } == ["TERN-001", "TERN-002", "TERN-003"])
        #expect(document.allTasks.map(\.status) == [.done, .inProgress, .unknown])
        #expect(document.task("TERN-002")?.dependencies.map(\.id) == ["TERN-001"])
        #expect(document.task("TERN-003")?.dependencies.map(\.id) == ["TERN-002"])
    }
}

extension StructuredShapeTests {
    @Test("a YAML mapping of plain word lists (a menu's items) is still no plan")
    func menuIsNoPlan() {
        let error = StructuredFixtures.error {
            try StructuredFixtures.parse(text: "menu:\n  items: [Home, Blog]\nfooter:\n  items: [About]\n")
        }
        #expect(error == .unrecognisedStructure(file: "inline.yaml", expected: StructuredPlanParser.expectedShape))
    }
}

extension StructuredShapeTests {
    @Test("a wrapper around phases wins over a mapping that happens to hold entries (`files_created: {stories: …}`)")
    func wrapperBeforeKeyedGroups() throws {
        let text = """
            implementation_plan:
              phases:
                phase_1:
                  name: Setup
                  status: Complete
                  tasks:
                    - task: Create the folders
                      status: done
            files_created:
              stories:
                - path: docs/stories/1-1.yaml
                  status: complete
            """
        let document = try StructuredFixtures.parse(text: text + "\n")
        #expect(document.phases.map(\.id) == ["phase_1"])
        #expect(document.allTasks.map(\.title) == ["Create the folders"])
    }
}
