/// `status.unknown-value`: a status field whose value is not a status speckit knows.
struct UnknownStatusValueRule: Rule {
    static let description = RuleDescription(
        id: .unknownValue,
        title: "Unknown status value",
        severity: .warning,
        rationale: """
            A `**Status**:` field, heading suffix or YAML `status:` that matches no known status word leaves the \
            task's state unknown to every report. Fix the word, or teach speckit a team word with `statusWords` \
            in .speckit.yml.

            Warning: the field is certainly a status field, but an unknown word may be a team's own (add it under \
            `statusWords` in `.speckit.yml`).
            """,
        triggering: [
            RuleExample(
                "# Plan\n\n### Task 1: Schema\n\n↓**Status**: frobnicated\n", messages: ["Task 1 has status 'frobnicated', which is not a"]),
            RuleExample(
                "tasks:\n  - id: T1\n    title: Schema\n    status: ↓shipped-to-qa\n", path: "tasks.yaml",
                messages: ["T1 has status 'shipped-to-qa', which is not a"]),
        ],
        nonTriggering: [
            RuleExample("# Plan\n\n### Task 1: Schema\n\n**Status**: in-progress\n"),
            RuleExample(
                "tasks:\n  - id: T1\n    title: Schema\n    status: shipped-to-qa\n", path: "tasks.yaml",
                config: "statusWords:\n  shipped-to-qa: review\n"),
        ]
    )

    func check(_ context: RuleContext) {
        for document in context.kit.documents {
            for phase in document.phases {
                for status in phase.statuses where status.value == .unknown {
                    report(status, of: phase.id, fallback: phase.range, context)
                }
            }
            for task in context.documentTasks[document.path] ?? [] {
                for status in task.statuses where status.value == .unknown {
                    report(status, of: task.label, fallback: task.range, context)
                }
            }
        }
    }

    private func report(_ status: Status, of name: String, fallback: SourceRange, _ context: RuleContext) {
        context.report(
            "\(name) has status '\(status.raw)', which is not a known status",
            at: status.range ?? fallback,
            fix: "use one of todo, in progress, review, blocked, deferred, done, cancelled, failed")
    }
}
