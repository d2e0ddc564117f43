/// `status.phase-contradiction`: a phase whose declared status its own tasks contradict.
struct PhaseContradictionRule: Rule {
    static let description = RuleDescription(
        id: .phaseContradiction,
        title: "Phase status contradicts its tasks",
        severity: .error,
        rationale: """
            A phase declared COMPLETE while some of its tasks are open, or declared NOT STARTED while some are \
            done or under way, is a plan lying about itself: one of the two was not updated.
            """,
        triggering: [
            RuleExample("# Plan\n\n## T1 — Setup ✅ COMPLETE\n\n- [x] T1.1 Repo\n- [ ] T1.2 CI\n"),
            RuleExample("# Plan\n\n## T5 — Run types ❌ NOT STARTED\n\n- [ ] T5.1 Schema\n- [x] T5.2 API\n"),
        ],
        nonTriggering: [
            RuleExample("# Plan\n\n## T1 — Setup ✅ COMPLETE\n\n- [x] T1.1 Repo\n- [x] T1.2 CI\n- [-] T1.3 Dropped\n"),
            RuleExample("# Plan\n\n## T2 — Build ⏳ IN PROGRESS\n\n- [x] T2.1 Schema\n- [ ] T2.2 API\n"),
        ]
    )

    func check(_ context: RuleContext) {
        for document in context.kit.documents {
            for phase in document.phases {
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
