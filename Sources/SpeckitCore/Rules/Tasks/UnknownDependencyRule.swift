/// `tasks.unknown-dependency`: a task that depends on a task or phase the kit does not have.
struct UnknownDependencyRule: Rule {
    static let description = RuleDescription(
        id: .unknownDependency,
        title: "Dependency on a task that does not exist",
        severity: .error,
        rationale: """
            A dependency on a task id that no document of the kit defines is a typo or a task that was removed; \
            either way the order of work the plan describes cannot be followed.

            Error: only an explicit dependency (a dependency label or field) naming an id-shaped token in the \
            document's own id scheme is checked, so a missing target is certain.
            """,
        triggering: [
            RuleExample(
                "# Tasks\n\n- [ ] T1 Write the schema\n↓- [ ] T2 Write the API (depends on T9)\n",
                messages: ["task T2 depends on T9, which does not exist"]),
            RuleExample(
                "tasks:\n  - ↓id: T1\n    title: Schema\n    dependencies: [T7]\n", path: "tasks.yaml",
                messages: ["task T1 depends on T7, which does not exist"]),
        ],
        nonTriggering: [
            RuleExample("# Tasks\n\n- [ ] T1 Write the schema\n- [ ] T2 Write the API (depends on T1)\n"),
            RuleExample("# Plan\n\n## T1 — Setup\n\n- [ ] T1.1 Repo\n\n## T2 — Build\n\n- [ ] T2.1 API (depends on T1)\n"),
        ]
    )

    func check(_ context: RuleContext) {
        let graph = context.taskGraph
        for (_, scope, task) in context.scopedTasks {
            var reported: Set<String> = []
            for dependency in task.dependencies
            where dependency.id != task.id && !graph.knows(dependency.id, in: scope)
                && reported.insert(dependency.id).inserted
            {
                context.report(
                    "\(task.name) depends on \(dependency.id), which does not exist", at: task.range,
                    fix: "fix the id or remove the dependency")
            }
        }
    }
}
