import Foundation

/// `tasks.done-before-dependency`: a task marked done while a task it depends on is still open.
struct DoneBeforeDependencyRule: Rule {
    static let description = RuleDescription(
        id: .doneBeforeDependency,
        title: "Task done before its dependency",
        severity: .warning,
        rationale: """
            A task marked done while a task it depends on is still open means one of the two statuses is wrong: \
            either the dependency was finished and not ticked, or the task was ticked too early.

            Warning: a sound heuristic. The order is stated, but the dependency may have been done and not ticked, \
            or dropped.
            """,
        triggering: [
            RuleExample(
                "# Tasks\n\n- [ ] T1 Write the schema\n↓- [x] T2 Write the API (depends on T1)\n",
                messages: ["task T2 is done but depends on T1, which is todo"])
        ],
        nonTriggering: [
            RuleExample("# Tasks\n\n- [x] T1 Write the schema\n- [x] T2 Write the API (depends on T1)\n"),
            RuleExample("# Tasks\n\n- [-] T1 Dropped spike\n- [x] T2 Write the API (depends on T1)\n"),
        ]
    )

    func check(_ context: RuleContext) {
        let graph = context.taskGraph
        for (_, scope, task) in context.scopedTasks where task.status == .done {
            for dependency in task.dependencies where dependency.id != task.id {
                guard let other = graph.task(dependency.id, in: scope), !other.status.isClosed, other.status != .unknown else { continue }
                context.report(
                    "\(task.name) is done but depends on \(dependency.id), which is \(other.status.phrase)",
                    at: task.range,
                    related: [RelatedLocation("\(dependency.id) is \(other.status.phrase)", at: other.range)])
            }
        }
    }
}
