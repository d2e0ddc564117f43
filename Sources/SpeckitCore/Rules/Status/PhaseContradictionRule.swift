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

    /// The lines of `document` that state a phase's status its tasks contradict (the declared status line and
    /// the phase heading): a count on those lines is the same stale statement, reported here and not again by
    /// `status.claim-mismatch`.
    static func contradictedLines(in document: Document) -> Set<Int> {
        var lines: Set<Int> = []
        for phase in document.phases where !statementsConflict(phase) {
            guard let declared = phase.declaredStatus else { continue }
            let tasks = phase.allTasks
            let contradicted =
                switch declared.value {
                case .done: tasks.contains { $0.status.isOpen }
                case .todo: tasks.contains { $0.status == .done || $0.status == .inProgress }
                default: false
                }
            guard contradicted else { continue }
            lines.insert(phase.range.line)
            if let range = declared.range { lines.insert(range.line) }
        }
        return lines
    }

    func check(_ context: RuleContext) {
        for document in context.kit.documents {
            for phase in document.phases where !Self.statementsConflict(phase) {
                guard let declared = phase.declaredStatus else { continue }
                // An optional task still open (Kiro's `[ ]*`) is nobody's debt: it neither keeps a phase open nor starts it.
                let tasks = phase.allTasks.filter(\.countsAsWork)
                let at = declared.range ?? phase.range
                switch declared.value {
                case .done:
                    let open = tasks.filter { $0.status.isOpen }
                    guard !open.isEmpty else { continue }
                    context.report(
                        "\(phase.id) is declared '\(declared.raw)' but \(open.count) of its \(tasks.count) tasks are open: \(summarise(open))",
                        at: at, related: open.prefix(20).map { RelatedLocation("\($0.label) is \($0.status.phrase)", at: $0.range) },
                        fix: "finish or close the open tasks, or change the phase status")
                case .todo:
                    let started = tasks.filter { $0.status == .done || $0.status == .inProgress }
                    guard !started.isEmpty else { continue }
                    let done = started.filter { $0.status == .done }
                    let what = done.count == started.count ? "done" : "done or in progress"
                    context.report(
                        "\(phase.id) is declared '\(declared.raw)' but \(started.count) of its \(tasks.count) tasks are \(what): \(summarise(started))",
                        at: at, related: started.prefix(20).map { RelatedLocation("\($0.label) is \($0.status.phrase)", at: $0.range) },
                        fix: "mark the phase in progress")
                default:
                    continue
                }
            }
        }
    }
}
