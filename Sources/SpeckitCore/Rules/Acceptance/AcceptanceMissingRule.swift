/// `acceptance.missing`: a user story, requirement or phase that says nothing about when it is done.
struct AcceptanceMissingRule: Rule {
    static let description = RuleDescription(
        id: .acceptanceMissing,
        title: "No acceptance criteria",
        severity: .warning,
        rationale: """
            Work without acceptance criteria cannot be checked off honestly. User stories and requirements \
            (Kiro's `### Requirement 1`, OpenSpec's `### Requirement:`) need criteria in every profile; in \
            speckit and freeform plans each Markdown phase with work in it needs "Acceptance checks" (or \
            criteria on one of its tasks). Numbered functional requirements (FR-001) are covered by the stories.
            """,
        triggering: [
            RuleExample(
                "# Spec\n\n↓### User Story 1 - Pay by card (Priority: P1)\n\nAs a buyer I want to pay by card.\n", path: "spec.md",
                messages: ["user story US1 ('Pay by card') has no"]),
            RuleExample(
                "# Plan\n\n↓## Phase 1 — Contract\n\nDeliverables:\n\n* Define states\n", path: "plan.md",
                messages: ["Phase 1 ('Contract') has no acceptance criteria"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Spec

                ### User Story 1 - Pay by card (Priority: P1)

                **Acceptance Scenarios**:

                1. **Given** a cart, **When** the user pays by card, **Then** an order is created
                """, path: "spec.md"),
            RuleExample(
                "# Plan\n\n## Phase 1 — Contract\n\nDeliverables:\n\n* Define states\n\nAcceptance checks:\n\n* A payment cannot complete without an order id\n",
                path: "plan.md"),
        ]
    )

    func check(_ context: RuleContext) {
        let phasesNeedCriteria = context.kit.profile == .speckit || context.kit.profile == .freeform
        for document in context.kit.documents {
            for requirement in document.requirements where requirement.kind != .functional && requirement.acceptanceCriteria.isEmpty {
                let what =
                    requirement.kind == .userStory
                    ? "user story \(requirement.id)"
                    : requirement.id.hasPrefix("Requirement") ? requirement.id : "requirement \(requirement.id)"
                let title = requirement.text == requirement.id || requirement.text.isEmpty ? "" : " ('\(requirement.text)')"
                context.report(
                    "\(what)\(title) has no acceptance criteria",
                    at: requirement.range, fix: "add acceptance scenarios (Given/When/Then) or criteria")
            }
            guard phasesNeedCriteria, document.format == .markdown, document.kind != .tasks || context.kit.profile == .freeform
            else { continue }
            for phase in document.phases where !phase.tasks.isEmpty || !phase.deliverables.isEmpty {
                let tasks = phase.allTasks
                guard phase.acceptanceCriteria.isEmpty, !tasks.contains(where: { !$0.acceptanceCriteria.isEmpty }) else { continue }
                let title = phase.title.isEmpty ? "" : " ('\(phase.title)')"
                context.report(
                    "\(phase.id)\(title) has no acceptance criteria", at: phase.range,
                    fix: "add an 'Acceptance checks:' list under the phase")
            }
        }
    }
}
