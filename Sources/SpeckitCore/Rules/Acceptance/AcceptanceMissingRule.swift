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

            Warning: a sound heuristic. A user story or phase is where Spec Kit and most plans say how the work is \
            checked, but the criteria may live elsewhere; tasks files and completion reports are not checked at all. \
            Opt-in: on real plans the criteria were nearly always written elsewhere (the spec, a plan-wide \
            success section), so it runs only when `.speckit.yml` turns it on.
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
            // A tasks file breaks the work down; its phases are not where criteria are written.
            RuleExample("# Tasks\n\n## Phase 1: Setup\n\n- [ ] T001 Create the project\n", path: "specs/001-pay/tasks.md"),
            // Spec Kit's `**Independent Test**:` and `**Checkpoint**:` say how a phase is checked.
            RuleExample(
                "# Plan\n\n## Phase 3: User Story 1\n\n**Independent Test**: pay with a test card\n\n- [ ] T010 Card form\n\n**Checkpoint**: story 1 works alone\n",
                path: "plan.md"),
            // A roadmap's bold criteria label with a remark after it.
            RuleExample(
                "# Roadmap\n\n### Phase 1: Fork\n**Success Criteria** (what must be TRUE):\n  1. The fork builds\n\n- [x] Fork the repository\n",
                path: "ROADMAP.md"),
            // A completion report looks back on phases; it does not plan them.
            RuleExample("# Phase 2 completion report\n\n## Phase 2: API\n\n- [x] T020 Endpoints\n", path: "PHASE2_COMPLETION_REPORT.md"),
            // Stories restated in a quickstart refer to the spec's.
            RuleExample("# Quickstart\n\n### User Story 1 - Pay by card\n\nRun the app and pay.\n", path: "specs/001-pay/quickstart.md"),
        ],
        optIn: true
    )

    func check(_ context: RuleContext) {
        let phasesNeedCriteria = context.kit.profile == .speckit || context.kit.profile == .freeform
        for document in context.kit.documents {
            // Stories and requirements are where a spec says how they are checked; the same headings restated
            // in a tasks file, a quickstart or a report are references to them, not the requirements.
            for requirement in document.requirements
            where document.kind == .prd && requirement.kind != .functional && requirement.acceptanceCriteria.isEmpty {
                let what =
                    requirement.kind == .userStory
                    ? "user story \(requirement.id)"
                    : requirement.id.hasPrefix("Requirement") ? requirement.id : "requirement \(requirement.id)"
                let title = requirement.text == requirement.id || requirement.text.isEmpty ? "" : " ('\(requirement.text)')"
                context.report(
                    "\(what)\(title) has no acceptance criteria",
                    at: requirement.range, fix: "add acceptance scenarios (Given/When/Then) or criteria")
            }
            // Phases need criteria in a plan only: a tasks file breaks the work down and a completion report
            // looks back on it; neither is where a team writes how a phase is accepted.
            guard phasesNeedCriteria, document.format == .markdown, document.kind == .plan, !Self.isReport(document.path)
            else { continue }
            let phases = document.phases.sorted { $0.range.line < $1.range.line }
            let checkpoints = Self.checkpointLines(context.proseLines(of: document))
            for (index, phase) in phases.enumerated() where !phase.tasks.isEmpty || !phase.deliverables.isEmpty {
                let tasks = phase.allTasks
                guard phase.acceptanceCriteria.isEmpty, !tasks.contains(where: { !$0.acceptanceCriteria.isEmpty }) else { continue }
                let end = index + 1 < phases.count ? phases[index + 1].range.line : Int.max
                guard !checkpoints.contains(where: { $0 > phase.range.line && $0 < end }) else { continue }
                let title = phase.title.isEmpty ? "" : " ('\(phase.title)')"
                context.report(
                    "\(phase.id)\(title) has no acceptance criteria", at: phase.range,
                    fix: "add an 'Acceptance checks:' list under the phase")
            }
        }
    }

    /// Lines that say how a phase is checked: Spec Kit's `**Independent Test**: …` and `**Checkpoint**: …`, and a
    /// bold label the list parser does not take as one (`**Success Criteria** (what must be TRUE):`).
    static func checkpointLines(_ lines: [(number: Int, text: Substring)]) -> [Int] {
        lines.compactMap { line in
            let text = line.text.drop { $0 == " " || $0 == "-" || $0 == "*" || $0 == "_" || $0 == ">" }.lowercased()
            return checkpointLabels.contains { text.hasPrefix($0) } ? line.number : nil
        }
    }

    static let checkpointLabels = [
        "independent test", "checkpoint", "test criteria", "exit criteria", "success criteria", "acceptance",
        "definition of done", "done when", "completion criteria",
    ]

    /// A status or completion report, by its file name: it records what was done, it does not plan it.
    static func isReport(_ path: String) -> Bool {
        let file = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        return ["report", "summary", "status", "complete", "completion", "changelog", "retro", "progress"].contains {
            file.contains($0)
        }
    }
}
