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
            document's own id scheme is checked, so a missing target is certain. A loose Markdown plan read on its \
            own (a freeform kit of one file) naming a ticket-style id (`TODO-013`, `TASK-12`) is not checked: \
            teams spread that scheme over one file per ticket or epic and drop finished tickets from their TODO \
            lists, so the task may live in a sibling file or be done and gone (on real plans none of these were \
            errors). Nor is a loose file of a single task (a design note for "Task 15" that depends on Task 14 of \
            the team's tracker): what it depends on is kept elsewhere by necessity.
            """,
        triggering: [
            RuleExample(
                files: [
                    ("specs/001-api/spec.md", "# Feature: API\n"),
                    ("specs/001-api/tasks.md", "# Tasks\n\n- [ ] T1 Write the schema\n↓- [ ] T2 Write the API (depends on T9)\n"),
                ], messages: ["task T2 depends on T9, which does not exist"]),
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
            // Versions, sections and dates in a dependency field name no task; nor do words in a YAML plan.
            RuleExample(
                "# Tasks\n\n### T010: Provision the database\n**Dependencies**: PostgreSQL 15, Redis 7.2, Section 4.2, PR #42\n\n"
                    + "### T011: Migrations\n**Dependencies**: T010, deadline 2025-01-15\n"),
            RuleExample(
                "tasks:\n  - {id: T1, title: DB, requires: [postgresql, redis]}\n  - {id: T2, title: API, dependencies: [T1, auth-service]}\n"
                    + "  - {id: T3, title: Deploy, needs: docker}\n", path: "tasks.yaml"),
            // A loose file's ticket may live in a sibling file, or be done and dropped from the list.
            RuleExample("# Backlog\n\n### TODO-031: Schema\n\n### TODO-032: API\n\n**Dependencies**: TODO-014\n", path: "TODO-HLS-001.md"),
            RuleExample(
                "# Task 15: Recommendation engine - implementation plan\n\n**Dependencies: Task 14 (Complete)**\n\n## Steps\n\nBuild it.\n",
                path: "scripts/task-15-plan.md"),
        ]
    )

    func check(_ context: RuleContext) {
        let graph = context.taskGraph
        let loose =
            context.kit.profile == .freeform && context.kit.documents.count == 1
            && context.kit.documents[0].format == .markdown
        // A loose file about one task (`# Task 15: … implementation plan`) depends on tasks kept elsewhere, by
        // necessity; a list of one checkbox is still a list.
        let single = loose && context.kit.documents[0].allTasks.count == 1 && context.kit.documents[0].allTasks[0].form == .heading
        for (_, scope, task) in context.scopedTasks {
            var reported: Set<String> = []
            for dependency in task.dependencies
            where dependency.id != task.id && !graph.knows(dependency.id, in: scope)
                && reported.insert(dependency.id).inserted
            {
                if loose, single || DependencyText.ticketPrefix(dependency.id) != nil { continue }
                context.report(
                    "\(task.name) depends on \(dependency.id), which does not exist", at: task.range,
                    fix: "fix the id or remove the dependency")
            }
        }
    }
}
