import Testing

@testable import SpeckitCore

@Suite("Structured Taskmaster tasks.json")
struct StructuredTaskmasterTests {
    @Test("flat tasks.json: ids, statuses, priorities, dependencies and lines")
    func flat() throws {
        let document = try StructuredFixtures.parse("taskmaster-tasks.json")
        #expect(document.format == .json)
        #expect(document.phases.isEmpty)
        #expect(document.tasks.map(\.id) == ["1", "2", "3", "4"])
        #expect(document.tasks.map(\.status) == [.done, .review, .inProgress, .cancelled])
        #expect(document.tasks.map { $0.statuses.first?.raw } == ["done", "review", "in-progress", "cancelled"])
        #expect(document.tasks.map(\.priority) == ["high", "medium", "high", nil])
        #expect(document.tasks[2].dependencies == [Dependency(raw: "1", id: "1"), Dependency(raw: "2", id: "2")])
        #expect(document.tasks.map(\.range.line) == [3, 14, 21, 49])
        #expect(document.tasks[2].statuses.first?.range?.line == 25)
        #expect(document.tasks[0].fields.map(\.key) == ["description", "details", "testStrategy"])
        #expect(document.tasks[0].subtasks.isEmpty)
    }

    @Test("subtask ids are local to their task; numeric subtask dependencies name siblings")
    func subtasks() throws {
        let document = try StructuredFixtures.parse("taskmaster-tasks.json")
        let api = try #require(document.task("3"))
        #expect(api.subtasks.map(\.id) == ["3.1", "3.2", "3.3"])
        #expect(api.subtasks.map(\.status) == [.done, .todo, .deferred])
        let handlers = try #require(document.task("3.2"))
        #expect(handlers.dependencies == [Dependency(raw: "1", id: "3.1")])
        #expect(handlers.range.line == 35)
        let docs = try #require(document.task("3.3"))
        #expect(docs.dependencies == [Dependency(raw: "2", id: "3.2"), Dependency(raw: "2.1", id: "2.1")])
    }

    @Test("the metadata is the front matter; its project name is the title")
    func metadata() throws {
        let document = try StructuredFixtures.parse("taskmaster-tasks.json")
        #expect(document.title == "Acme API")
        #expect(document.frontMatter?["metadata"]?["projectName"] == .string("Acme API"))
        #expect(document.frontMatter?["tasks"] == nil)
    }

    @Test("tagged tasks.json: each tag is a phase named by the tag")
    func tagged() throws {
        let document = try StructuredFixtures.parse("taskmaster-tagged.json")
        #expect(document.tasks.isEmpty)
        #expect(document.phases.map(\.id) == ["master", "feature-auth"])
        #expect(document.phases.map(\.title) == ["master", "feature-auth"])
        #expect(document.phases.map(\.range.line) == [2, 26])
        #expect(document.phases[0].fields.contains { $0.key == "metadata.description" && $0.value == "Tasks for master context" })
        #expect(document.phases[0].tasks.map(\.id) == ["1", "2"])
        #expect(document.phases[0].tasks[1].status == .blocked)
        let triage = try #require(document.phases[0].allTasks.first { $0.id == "2.2" })
        #expect(triage.dependencies == [Dependency(raw: "1", id: "2.1")])
        #expect(document.phases[1].tasks.map(\.title) == ["Login form"])
        #expect(document.frontMatter == nil)
    }

    @Test("tab-indented JSON still gets its lines")
    func tabs() throws {
        let document = try StructuredFixtures.parse("tabs.json")
        #expect(document.tasks.map(\.title) == ["Tabbed"])
        #expect(document.tasks.first?.range.line == 3)
        #expect(document.tasks.first?.status == .todo)
    }

    @Test("a key written twice in a tasks.json is a duplicate key at its place, never read last-wins")
    func duplicateKey() throws {
        #expect(
            throws: SpeckitError.yamlDuplicateKey(
                file: "duplicate-key.json", line: 3, column: 16, problem: "duplicate key 'title' in a mapping")
        ) {
            try StructuredFixtures.parse("duplicate-key.json")
        }
    }

    @Test("string ids and a dotless string dependency naming a sibling")
    func stringIDs() throws {
        let json = """
            {"tasks": [{"id": "7", "title": "Parent", "status": "pending", "subtasks": [
              {"id": "1", "title": "A", "status": "done"},
              {"id": "2", "title": "B", "status": "pending", "dependencies": ["1", "5"]}
            ]}]}
            """
        let document = try StructuredFixtures.parse(text: json, path: "inline.json", format: .json)
        let second = try #require(document.task("7.2"))
        #expect(second.dependencies.map(\.id) == ["7.1", "5"])
        #expect(second.range.line == 3)
    }
}
