/// `status.unknown-value`: a status field whose value is not a status speckit knows.
struct UnknownStatusValueRule: Rule {
    static let description = RuleDescription(
        id: .unknownValue,
        title: "Unknown status value",
        severity: .warning,
        rationale: """
            A `**Status**:` field, heading suffix or YAML `status:` that matches no known status word leaves the \
            task's state unknown to every report. Fix the word, or teach speckit a team word with `statusWords` \
            in .speckit.yml. A field that holds a sentence or a number ("98/100 tests passing", "Equipment limits \
            are correctly implemented") is a progress note, not a status word, and is left alone.

            Warning: the field is certainly a status field, but an unknown word may be a team's own (add it under \
            `statusWords` in `.speckit.yml`). On real plans every unknown word was such a team word (a roadmap's \
            IDEA and COMMITTED, a workflow's "brainstormed"), so the rule is off unless `.speckit.yml` turns it \
            on: a team that has fixed its words turns it on to catch typos.
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
                "# Plan\n\n### Task 1: Schema\n\n**Status**: 98/100 tests passing\n\n### Task 2: API\n\n"
                    + "**Status**: Equipment limits are correctly implemented\n"),
            RuleExample(
                "milestones:\n  - id: M1\n    title: Beta\n    state: REACHED\n    deliverables:\n      - id: D1\n        state: DONE\n",
                path: "roadmap.yaml"),
            RuleExample(
                "tasks:\n  - id: T1\n    title: Schema\n    status: shipped-to-qa\n", path: "tasks.yaml",
                config: "statusWords:\n  shipped-to-qa: review\n"),
        ],
        optIn: true
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
        guard !Self.isNote(status.raw) else { return }
        context.report(
            "\(name) has status '\(status.raw)', which is not a known status",
            at: status.range ?? fallback,
            fix: "use one of todo, in progress, review, blocked, deferred, done, cancelled, failed")
    }

    /// Whether a status field's value is a progress note rather than one status word: four words or more, or a
    /// number in it.
    static func isNote(_ raw: String) -> Bool {
        raw.split(whereSeparator: \.isWhitespace).count >= 4 || raw.contains { $0.isASCII && $0.isNumber }
    }
}
