import Foundation

/// `status.phase-contradiction`: a phase whose declared status its own tasks contradict.
struct PhaseContradictionRule: Rule {
    static let description = RuleDescription(
        id: .phaseContradiction,
        title: "Phase status contradicts its tasks",
        severity: .error,
        rationale: """
            A phase declared COMPLETE while some of its tasks are open, or declared NOT STARTED while some are \
            done or under way, is a plan lying about itself: one of the two was not updated. A phase whose own \
            statements already disagree (heading and `Status:` line) is reported once, by \
            `status.conflicting-statements`.

            Error: the phase's own heading or status line and the checkboxes of its tasks are both structure, so the \
            contradiction is certain.
            """,
        triggering: [
            RuleExample(
                "# Plan\n\n↓## T1 — Setup ✅ COMPLETE\n\n- [x] T1.1 Repo\n- [ ] T1.2 CI\n",
                messages: ["T1 is declared '✅ COMPLETE' but 1 of its 2"]),
            RuleExample(
                "# Plan\n\n↓## T5 — Run types ❌ NOT STARTED\n\n- [ ] T5.1 Schema\n- [x] T5.2 API\n",
                messages: ["T5 is declared '❌ NOT STARTED' but 1 of its 2"]),
        ],
        nonTriggering: [
            RuleExample("# Plan\n\n## T1 — Setup ✅ COMPLETE\n\n- [x] T1.1 Repo\n- [x] T1.2 CI\n- [-] T1.3 Dropped\n"),
            RuleExample("# Plan\n\n## T2 — Build ⏳ IN PROGRESS\n\n- [x] T2.1 Schema\n- [ ] T2.2 API\n"),
            // The status names its exception.
            RuleExample(
                "# Plan\n\n## Phase 1: Setup\n\n**Status**: Complete (except T003, deferred)\n\n- [x] T001 Repo\n- [x] T002 CI\n- [ ] T003 Docs\n"
            ),
            // Coloured circles before the title colour-code the phases; they state no status.
            RuleExample(
                "# Tasks\n\n### 🔴 Phase 6.1: Setup\n\n- [x] T1 Repo\n\n### 🟡 Phase 6.2: Build\n\n- [ ] T2 API\n\n"
                    + "### 🟢 Phase 6.3: Tests\n\n- [ ] T3 Suite\n"),
        ]
    )

    /// Whether the phase's own statements disagree (heading ✅ COMPLETE, `Status:` in progress): which one is
    /// stale is the finding, and `status.conflicting-statements` reports it with every place listed.
    static func statementsConflict(_ phase: Phase) -> Bool {
        phase.statuses.contains { $0.value == .done } && phase.statuses.contains { $0.value.isOpen }
    }

    /// The tasks that contradict the phase's declared status: open ones under a done phase, started ones under a
    /// phase not started. Optional tasks still open (Kiro's `[ ]*`) are nobody's debt, and a task the status names
    /// as an exception ("Complete (except T003, deferred)") is excluded by the status itself.
    static func contradicting(_ phase: Phase) -> (declared: Status, tasks: [PlanTask], against: [PlanTask])? {
        guard !statementsConflict(phase), let declared = phase.declaredStatus else { return nil }
        let excepted = exceptions(in: declared.raw)
        let tasks = phase.allTasks.filter { $0.countsAsWork && !($0.id.map(excepted.contains) ?? false) }
        let against =
            switch declared.value {
            case .done: tasks.filter { $0.status.isOpen }
            case .todo: tasks.filter { $0.status == .done || $0.status == .inProgress }
            default: [PlanTask]()
            }
        return against.isEmpty ? nil : (declared, tasks, against)
    }

    /// The task ids a status names after "except", "apart from", "other than" or "but".
    static func exceptions(in raw: String) -> Set<String> {
        guard let word = raw.range(of: #"(?i)\b(except|excluding|apart from|other than|but)\b"#, options: .regularExpression) else {
            return []
        }
        return Set(DependencyText.ids(in: String(raw[word.upperBound...])))
    }

    /// The lines of `document` that state a phase's status its tasks contradict (the declared status line and
    /// the phase heading): a count on those lines is the same stale statement, reported here and not again by
    /// `status.claim-mismatch`.
    static func contradictedLines(in document: Document) -> Set<Int> {
        var lines: Set<Int> = []
        for phase in document.phases {
            guard let (declared, _, _) = contradicting(phase) else { continue }
            lines.insert(phase.range.line)
            if let range = declared.range { lines.insert(range.line) }
        }
        return lines
    }

    func check(_ context: RuleContext) {
        for document in context.kit.documents {
            for phase in document.phases {
                guard let (declared, tasks, against) = Self.contradicting(phase) else { continue }
                let at = declared.range ?? phase.range
                if declared.value == .done {
                    context.report(
                        "\(phase.id) is declared '\(declared.raw)' but \(Plural.share(against.count, of: tasks.count, "task")) open: \(summarise(against))",
                        at: at, related: against.prefix(20).map { RelatedLocation("\($0.label) is \($0.status.phrase)", at: $0.range) },
                        fix: "finish or close the open tasks, or change the phase status")
                } else {
                    let done = against.filter { $0.status == .done }
                    let what = done.count == against.count ? "done" : "done or in progress"
                    context.report(
                        "\(phase.id) is declared '\(declared.raw)' but \(Plural.share(against.count, of: tasks.count, "task")) \(what): \(summarise(against))",
                        at: at, related: against.prefix(20).map { RelatedLocation("\($0.label) is \($0.status.phrase)", at: $0.range) },
                        fix: "mark the phase in progress")
                }
            }
        }
    }
}
