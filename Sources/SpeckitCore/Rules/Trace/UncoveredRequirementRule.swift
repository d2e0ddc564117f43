/// `trace.uncovered-requirement`: a requirement no task cites.
struct UncoveredRequirementRule: Rule {
    static let description = RuleDescription(
        id: .uncoveredRequirement,
        title: "Requirement no task cites",
        severity: .warning,
        rationale: """
            When tasks cite requirements, a requirement that no task cites is work nobody planned. Checked only in \
            kits whose tasks cite requirements at all.
            """,
        triggering: [
            RuleExample(
                files: [
                    (
                        "specs/001-pay/spec.md",
                        "# Spec\n\n- **FR-001**: System MUST accept cards\n↓- **FR-002**: System MUST email a receipt\n"
                    ),
                    ("specs/001-pay/tasks.md", "# Tasks\n\n- [ ] T001 Card form (FR-001)\n"),
                ], messages: ["FR-002 ('System MUST email a receipt') is not"])
        ],
        nonTriggering: [
            RuleExample(files: [
                ("specs/001-pay/spec.md", "# Spec\n\n- **FR-001**: System MUST accept cards\n- **FR-002**: System MUST email a receipt\n"),
                ("specs/001-pay/tasks.md", "# Tasks\n\n- [ ] T001 Card form (FR-001)\n- [ ] T002 Receipt mail (FR-002)\n"),
            ]),
            RuleExample(files: [
                ("specs/001-pay/spec.md", "# Spec\n\n- **FR-001**: System MUST accept cards\n"),
                ("specs/001-pay/tasks.md", "# Tasks\n\n- [ ] T001 Card form\n"),
            ]),
        ]
    )

    func check(_ context: RuleContext) {
        let index = context.requirementIndex
        let cited = context.allTasks.flatMap { RequirementIndex.citations(of: $0.task) }
        guard !index.ordered.isEmpty, !cited.isEmpty else { return }
        let covered = Set(cited.compactMap { index.resolve($0)?.id })
        for requirement in index.ordered where !covered.contains(requirement.id) {
            context.report(
                "\(requirement.id) ('\(requirement.text)') is not cited by any task", at: requirement.range,
                fix: "cite \(requirement.id) from the task that implements it")
        }
    }
}
