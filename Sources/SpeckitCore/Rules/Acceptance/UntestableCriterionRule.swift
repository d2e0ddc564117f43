/// `acceptance.untestable`: an acceptance criterion with vague words and nothing that can be measured.
struct UntestableCriterionRule: Rule {
    static let description = RuleDescription(
        id: .acceptanceUntestable,
        title: "Acceptance criterion cannot be tested",
        severity: .note,
        rationale: """
            "Fast", "user-friendly", "works correctly" cannot be checked by anyone. A criterion is accepted when \
            it names something observable: a number, a quoted value or code, an observable outcome (returns, \
            shows, rejects, exits …), or the test that checks it.

            Note: a guess from wording ("fast", "intuitive"); a vague word may still be measured somewhere speckit \
            does not see. \
            Opt-in: on real plans nearly every criterion it flagged was fine in context, so it runs only when \
            `.speckit.yml` turns it on.
            """,
        triggering: [
            RuleExample(
                "# Plan\n\n## Phase 1 — API\n\n- [ ] T1 Build\n\nAcceptance checks:\n\n↓* The API is fast and user-friendly\n",
                path: "plan.md", messages: ["acceptance criterion 'The API is fast and"])
        ],
        nonTriggering: [
            RuleExample(
                "# Plan\n\n## Phase 1 — API\n\n- [ ] T1 Build\n\nAcceptance checks:\n\n* The API answers in under 200 ms at p95\n",
                path: "plan.md"),
            RuleExample(
                "# Plan\n\n## Phase 1 — API\n\n- [ ] T1 Build\n\nAcceptance checks:\n\n* Invalid input is rejected with a clear error\n",
                path: "plan.md"),
        ],
        optIn: true
    )

    static let vague: Set<String> = [
        "fast", "quick", "quickly", "easy", "easily", "simple", "simply", "intuitive", "user-friendly", "friendly",
        "robust", "scalable", "seamless", "seamlessly", "efficient", "efficiently", "good", "better", "nice",
        "appropriate", "appropriately", "properly", "correctly", "reasonable", "adequate", "sufficient", "smooth",
        "smoothly", "modern", "flexible", "reliable", "performant", "optimal", "optimized", "secure",
    ]
    static let observable: Set<String> = [
        "returns", "return", "responds", "shows", "show", "displays", "display", "prints", "print", "exits",
        "exit", "writes", "creates", "contains", "equals", "rejects", "rejected", "refuses", "refused", "fails",
        "logs", "logged", "emits", "emitted", "stores", "stored", "sends", "sent", "redirects", "lists", "blocks",
        "given", "when", "then", "shall", "must", "error", "status", "header", "field", "file", "within",
        "displayed", "shown", "returned", "created", "written", "rendered", "saved", "deleted", "exported",
        "imported", "test", "tests", "tested", "passes", "pass",
    ]

    func check(_ context: RuleContext) {
        for document in context.kit.documents {
            var criteria = document.acceptanceCriteria
            criteria += document.requirements.flatMap(\.acceptanceCriteria)
            criteria += document.phases.flatMap { $0.acceptanceCriteria + $0.allTasks.flatMap(\.acceptanceCriteria) }
            criteria += document.tasks.flatMap(\.flattened).flatMap(\.acceptanceCriteria)
            for criterion in criteria where criterion.style == .checklist {
                guard let word = Self.vagueWord(in: criterion.text) else { continue }
                context.report(
                    "acceptance criterion '\(criterion.text)' says '\(word)' but names nothing measurable",
                    at: criterion.range, fix: "state a number, a value or an observable outcome")
            }
        }
    }

    /// The first vague word of a criterion that has nothing measurable, or nil.
    static func vagueWord(in text: String) -> String? {
        if text.contains(where: { $0.isNumber || $0 == "`" || $0 == "\"" || $0 == "'" }) { return nil }
        let words = text.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "-") }).map(String.init)
        if words.contains(where: observable.contains) { return nil }
        return words.first(where: vague.contains)
    }
}
