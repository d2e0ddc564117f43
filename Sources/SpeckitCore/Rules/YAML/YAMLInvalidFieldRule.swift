/// `yaml.invalid-field`: a known field of a YAML/JSON plan whose value has the wrong shape.
struct YAMLInvalidFieldRule: Rule {
    static let description = RuleDescription(
        id: .yamlInvalidField,
        title: "Plan field has the wrong shape",
        severity: .warning,
        rationale: """
            A field speckit knows (id, title, status, priority, dates, dependencies, subtasks) holding the wrong \
            kind of value, such as a list of statuses or a mapping as a title, is ignored, so the task reads \
            differently from what its author meant.

            Warning: the field's shape is certainly wrong, but only that field is skipped; the rest of the task is \
            read.
            """,
        triggering: [
            RuleExample(
                "tasks:\n  - id: T1\n    title: Write\n    status: ↓[done, todo]\n", path: "tasks.yaml",
                messages: ["field 'status' should be a single value (text"]),
            RuleExample(
                "tasks:\n  - id: T1\n    title: Write\n    dependencies: ↓{after: T0}\n", path: "tasks.yaml",
                messages: ["field 'dependencies' should be a task id or a"]),
        ],
        nonTriggering: [
            RuleExample("tasks:\n  - id: T1\n    title: Write\n    status: done\n    dependencies: [T0]\n", path: "tasks.yaml"),
            // Dependencies grouped into lists of prerequisites (tools to install) are not task ids.
            RuleExample(
                "story:\n  id: \"1.1\"\n  title: Generate\n  dependencies:\n    required:\n      - dependency: yq installed\n",
                path: "story.yaml"),
        ]
    )

    func check(_ context: RuleContext) {
        context.reportNotes(.invalidField)
    }
}
