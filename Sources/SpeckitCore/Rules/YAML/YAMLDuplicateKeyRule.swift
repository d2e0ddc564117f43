/// `yaml.duplicate-key`: a YAML mapping that states the same key twice.
struct YAMLDuplicateKeyRule: Rule {
    static let description = RuleDescription(
        id: .yamlDuplicateKey,
        title: "YAML mapping repeats a key",
        severity: .error,
        rationale: """
            When a mapping repeats a key (two `status:` lines for one task), YAML readers disagree on which one \
            wins, so the plan says two things at once. speckit refuses to guess and does not read the file.

            Error: YAML forbids a key twice in one mapping; which value counts is certain to be misread by some \
            tool.
            """,
        triggering: [
            RuleExample(
                "tasks:\n  - id: T1\n    status: done\n    ↓status: todo\n", path: "tasks.yaml",
                messages: ["duplicate key 'status' (first written on line 3)"])
        ],
        nonTriggering: [
            RuleExample("tasks:\n  - id: T1\n    status: done\n  - id: T2\n    status: todo\n", path: "tasks.yaml")
        ]
    )

    func check(_ context: RuleContext) {
        for failure in context.failures {
            guard case .yamlDuplicateKey(let file, let line, let column, let problem) = failure.error else { continue }
            context.report(
                problem, at: SourceRange(file: file, line: max(line ?? 1, 1), column: column ?? 1),
                fix: "keep one of the keys")
        }
    }
}
