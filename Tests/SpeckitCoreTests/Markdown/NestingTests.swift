import Testing

@testable import SpeckitCore

@Suite("Deep nesting")
struct NestingTests {
    @Test("200,000 nested list levels are walked without recursion (with limits.blocks raised to let them in)")
    func deepLists() throws {
        let text = String(repeating: "- ", count: 200_000) + "[ ] deepest\n"
        let tree = CmarkParser.parse(text)
        #expect(tree.nodes.count > 400_000)
        let source = try TextDecoding.decode(Array(text.utf8), path: "deep.md")
        var limits = Limits.standard
        limits.blocks = 500_000
        let (document, _) = try MarkdownPlanParser.parse(source, kind: .tasks, limits: limits)
        #expect(document.allTasks.count == tree.gfmTaskCounts.total)
    }

    @Test("tasks nested beyond 32 levels are kept, hung under their level-32 ancestor, and reported")
    func taskDepthCap() throws {
        let lines = (0..<100).map { String(repeating: "  ", count: $0) + "- [ ] T\($0) level \($0)" }
        let source = try TextDecoding.decode(Array(lines.joined(separator: "\n").utf8), path: "nested.md")
        let (document, diagnostics) = try MarkdownPlanParser.parse(source, kind: .tasks)
        #expect(document.allTasks.count == 100)
        #expect(diagnostics.map(\.ruleId) == [.nestingTooDeep])
        var depth = 0
        var level = document.tasks
        while let first = level.first {
            depth += 1
            level = first.subtasks
        }
        #expect(depth == 32)
    }

    @Test("the nesting limit is a setting: with limits.nesting 5, tasks hang under their level-5 ancestor")
    func configuredDepth() throws {
        let lines = (0..<10).map { String(repeating: "  ", count: $0) + "- [ ] T\($0) level \($0)" }
        let source = try TextDecoding.decode(Array(lines.joined(separator: "\n").utf8), path: "nested.md")
        var limits = Limits.standard
        limits.nesting = 5
        let (document, diagnostics) = try MarkdownPlanParser.parse(source, kind: .tasks, limits: limits)
        #expect(document.allTasks.count == 10)
        #expect(
            diagnostics.map(\.message) == [
                "tasks nest more than 5 levels deep; deeper tasks are listed under their ancestor at level 5 (limits.nesting)"
            ])
        var depth = 0
        var level = document.tasks
        while let first = level.first {
            depth += 1
            level = first.subtasks
        }
        #expect(depth == 5)
    }
}
