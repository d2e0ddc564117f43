/// `trace.unknown-requirement`: a task citing a requirement the kit does not define.
struct UnknownRequirementRule: Rule {
    static let description = RuleDescription(
        id: .unknownRequirement,
        title: "Task cites a requirement that does not exist",
        severity: .error,
        rationale: """
            A task that cites FR-009, a `[US4]` story or Kiro's `_Requirements: 2.3_` when the kit defines no such \
            requirement breaks the trace from work to intent. Checked only in kits that define requirements.

            Error: the task cites an id in the kit's own requirement scheme and no document defines it, so the \
            reference is certainly broken.
            """,
        triggering: [
            RuleExample(
                files: [
                    ("specs/001-pay/spec.md", "# Spec\n\n- **FR-001**: System MUST accept cards\n"),
                    ("specs/001-pay/tasks.md", "# Tasks\n\n↓- [ ] T001 Card form (FR-009)\n"),
                ], messages: ["task T001 cites FR-009, which no document of"]),
            RuleExample(
                files: [
                    (
                        ".kiro/specs/pay/requirements.md",
                        "# Requirements\n\n### Requirement 1\n\n1. WHEN a card is valid THEN THE SYSTEM SHALL charge it\n"
                    ),
                    (".kiro/specs/pay/tasks.md", "# Tasks\n\n↓- [ ] 1. Card form\n  - _Requirements: 2.1_\n"),
                ], messages: ["task 1 cites 2.1, which no document of the kit"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                (
                    "specs/001-pay/spec.md",
                    "# Spec\n\n- FR-001 System MUST accept cards\n\n| FR-002 | System MUST refund |\n\n### FR-003: Export\n"
                ),
                (
                    "specs/001-pay/tasks.md",
                    "# Tasks\n\n- [ ] T001 Card form (FR-001)\n- [ ] T002 Refunds (FR-002)\n- [ ] T003 Export (FR-003)\n"
                ),
            ]),
            RuleExample(files: [
                ("specs/001-pay/spec.md", "# Spec\n\n### User Story 1 - Pay (Priority: P1)\n\n- **FR-001**: System MUST accept cards\n"),
                ("specs/001-pay/tasks.md", "# Tasks\n\n- [ ] T001 [US1] Card form (FR-001)\n"),
            ]),
            RuleExample("# Tasks\n\n- [ ] T001 Card form (FR-009)\n"),
        ]
    )

    func check(_ context: RuleContext) {
        let index = context.requirementIndex
        guard !index.byID.isEmpty || !index.written.isEmpty else { return }
        for (_, task) in context.allTasks {
            for citation in Set(RequirementIndex.citations(of: task)).sorted() where index.resolve(citation) == nil {
                let what =
                    index.kiroCriterion(citation).map { kiro in
                        ", but \(kiro.requirement.id) has \(index.mostCriteria[kiro.requirement.id] ?? 0) acceptance criteria"
                    } ?? ", which no document of the kit defines"
                context.report(
                    "\(task.name) cites \(citation)\(what)",
                    at: task.range, fix: "fix the reference or add the requirement")
            }
        }
    }
}
