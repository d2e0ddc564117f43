/// `yaml.unread-shape`: a YAML/JSON file that is plainly a plan (its keys say so) in which speckit finds no
/// task, because its work sits under keys speckit does not read as phases or tasks.
struct YAMLUnreadShapeRule: Rule {
    static let description = RuleDescription(
        id: .yamlUnreadShape,
        title: "Plan in a shape speckit cannot read",
        severity: .warning,
        rationale: """
            speckit reads groups of work (`phases`, `milestones`, `sprints`, `epics`, `stages`, `iterations` …, \
            nested or not) holding tasks (`tasks`, `tickets`, `stories`, `issues`, `items`, `todos`, \
            deliverables with a `state` …). A file whose keys say it is a plan but whose work is kept some other \
            way would otherwise read as an empty plan, every check passing on nothing. It is said once, with the \
            keys speckit saw, so that the shape can be changed or reported.

            Warning: a sound heuristic. The keys say plan, but the file may hold no work at all.
            """,
        triggering: [
            RuleExample(
                "↓sprint:\n  id: S1\n  goal: Ship the login\n", path: "sprint-plan.yaml",
                messages: ["no tasks found: top-level keys sprint; speckit"]),
            RuleExample(
                "project: Shop\n↓phases:\n  - name: Build\n    work_packages:\n      - id: WP1\n        status: done\n", path: "plan.yaml",
                messages: ["no tasks found: top-level keys project, phases;"]),
        ],
        nonTriggering: [
            RuleExample(
                "sprints:\n  - id: S1\n    tickets:\n      - key: S1-1\n        title: Login\n        status: DONE\n", path: "plan.yaml"),
            RuleExample("milestones:\n  - title: Beta\n    deliverables:\n      - Installer\n", path: "roadmap.yaml"),
            RuleExample("services:\n  web:\n    image: nginx\n", path: "tasks.yaml"),
        ]
    )

    func check(_ context: RuleContext) {
        context.reportNotes(.unreadShape, fix: "keep the work under phases/tasks-like keys (see \(UnreadShape.docs))")
    }
}
