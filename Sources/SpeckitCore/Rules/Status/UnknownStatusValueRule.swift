/// `status.unknown-value`: a status field whose value is not a status speckit knows.
struct UnknownStatusValueRule: Rule {
    static let description = RuleDescription(
        id: .unknownValue,
        title: "Unknown status value",
        severity: .warning,
        rationale: """
            A `**Status**:` field, heading suffix or YAML `status:` that matches no known status word leaves the \
            task's state unknown to every report. Each unknown word is reported once per kit, at its first use, \
            with the other places it is used. Fix the word, or teach speckit a team word with `statusWords` \
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
            RuleExample(
                "tasks:\n  - id: T1\n    title: Schema\n    status: ↓Staged\n  - id: T2\n    title: API\n    status: Staged\n"
                    + "  - id: T3\n    title: UI\n    status: staged\n",
                path: "tasks.yaml", messages: ["T1 has status 'Staged', which is not a known status; 2 other places in this kit use it too"]
            ),
        ],
        nonTriggering: [
            RuleExample("# Plan\n\n### Task 1: Schema\n\n**Status**: in-progress\n"),
            RuleExample(
                "# Plan\n\n### Task 1: Schema\n\n**Status**: 98/100 tests passing\n\n### Task 2: API\n\n"
                    + "**Status**: Equipment limits are correctly implemented\n"),
            RuleExample("# Plan\n\n### Task 1: Screens\n\n**Status**: UI/API共に実装済み。\n"),
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
        // One finding per word per kit: a word a tool or a team writes on every task is one thing to teach
        // speckit (or fix), not one per task. The other places are listed with the first.
        var order: [String] = []
        var places: [String: [(status: Status, name: String, at: SourceRange)]] = [:]
        func note(_ status: Status, of name: String, fallback: SourceRange) {
            guard status.value == .unknown, !Self.isNote(status.raw) else { return }
            let word = status.raw.trimmingCharacters(in: .whitespaces).lowercased()
            if places[word] == nil { order.append(word) }
            places[word, default: []].append((status, name, status.range ?? fallback))
        }
        for document in context.kit.documents {
            for phase in document.phases {
                for status in phase.statuses { note(status, of: phase.id, fallback: phase.range) }
            }
            for task in context.documentTasks[document.path] ?? [] {
                for status in task.statuses { note(status, of: task.label, fallback: task.range) }
            }
        }
        for word in order {
            guard let all = places[word], let first = all.first else { continue }
            let others = all.dropFirst()
            let more =
                others.isEmpty
                ? "" : "; \(Plural.count(others.count, "other place")) in this kit \(Plural.pick(others.count, "uses", "use")) it too"
            context.report(
                "\(first.name) has status '\(first.status.raw)', which is not a known status\(more)",
                at: first.at,
                related: others.prefix(20).map { RelatedLocation("\($0.name) has status '\($0.status.raw)'", at: $0.at) },
                fix:
                    "use one of todo, in progress, review, blocked, deferred, done, cancelled, failed, or name it under statusWords in .speckit.yml"
            )
        }
    }

    /// Whether a status field's value is a progress note rather than one status word: four words or more, a
    /// number in it, or a sentence's full stop (`UI/API共に実装済み。`: a language written without spaces).
    static func isNote(_ raw: String) -> Bool {
        raw.split(whereSeparator: \.isWhitespace).count >= 4 || raw.contains { $0.isASCII && $0.isNumber }
            || raw.trimmingCharacters(in: .whitespaces).hasSuffix("。") || raw.trimmingCharacters(in: .whitespaces).hasSuffix(".")
    }
}
