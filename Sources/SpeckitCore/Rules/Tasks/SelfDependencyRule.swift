/// `tasks.self-dependency`: a task that depends on itself.
struct SelfDependencyRule: Rule {
    static let description = RuleDescription(
        id: .selfDependency,
        title: "Task depends on itself",
        severity: .error,
        rationale: """
            A task that waits for itself can never start; the id in its dependency list is a typo.

            Error: an explicit dependency of a task on its own id is certain and can never be satisfied.
            """,
        triggering: [
            RuleExample(
                "# Tasks\n\n- [ ] T1 Write the schema\n↓- [ ] T2 Write the API (depends on T2)\n", messages: ["task T2 depends on itself"])
        ],
        nonTriggering: [
            RuleExample("# Tasks\n\n- [ ] T1 Write the schema\n- [ ] T2 Write the API (depends on T1)\n")
        ]
    )

    func check(_ context: RuleContext) {
        for (_, task) in context.allTasks {
            guard let id = task.id, task.dependencies.contains(where: { $0.id == id }) else { continue }
            context.report("\(task.name) depends on itself", at: task.range, fix: "remove \(id) from its own dependencies")
        }
    }
}
