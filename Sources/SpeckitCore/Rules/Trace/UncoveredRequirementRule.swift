/// `trace.uncovered-requirement`: a requirement no task cites.
struct UncoveredRequirementRule: Rule {
    static let description = RuleDescription(
        id: .uncoveredRequirement,
        title: "Requirement no task cites",
        severity: .warning,
        rationale: """
            When tasks cite requirements, a requirement that no task cites is work nobody planned. Checked only for \
            the kinds of requirement the kit's tasks cite at all: Spec Kit's tasks cite user stories (`[US1]`), not \
            FRs, so there stories are checked and FRs are not, except that an FR a covered story names is covered.

            Warning: a sound heuristic, checked only where the kit's tasks trace to requirement ids; a requirement \
            may be covered by work nobody tagged. \
            Opt-in: on real plans most requirements it named were covered by a range or a story, deferred on \
            purpose, or built under a sub-requirement, so it runs only when `.speckit.yml` turns it on.
            """,
        triggering: [
            RuleExample(
                files: [
                    (
                        "specs/001-pay/spec.md",
                        "# Spec\n\n- **FR-001**: System MUST accept cards\n↓- **FR-002**: System MUST email a receipt\n"
                    ),
                    ("specs/001-pay/tasks.md", "# Tasks\n\n- [ ] T001 Card form (FR-001)\n"),
                ], messages: ["FR-002 ('System MUST email a receipt') is not"]),
            RuleExample(
                files: [
                    (
                        "specs/002-cart/spec.md",
                        "# Spec\n\n### User Story 1 - Add to cart (Priority: P1)\n\n1. **Given** a product, **When** added, **Then** the cart shows it\n\n↓### User Story 2 - Share cart (Priority: P2)\n\n1. **Given** a cart, **When** shared, **Then** a link is made\n\n- **FR-001**: System MUST keep the cart\n"
                    ),
                    ("specs/002-cart/tasks.md", "# Tasks\n\n- [ ] T001 [US1] Cart model\n"),
                ], messages: ["US2"]),
        ],
        nonTriggering: [
            // Spec Kit's convention: tasks cite stories, so the FRs are not checked.
            RuleExample(files: [
                (
                    "specs/002-cart/spec.md",
                    "# Spec\n\n### User Story 1 - Add to cart (Priority: P1)\n\n1. **Given** a product, **When** added, **Then** the cart shows it\n\n- **FR-001**: System MUST keep the cart\n- **FR-002**: System MUST show a total\n"
                ),
                ("specs/002-cart/tasks.md", "# Tasks\n\n- [ ] T001 [US1] Cart model\n"),
            ]),
            RuleExample(files: [
                ("specs/001-pay/spec.md", "# Spec\n\n- **FR-001**: System MUST accept cards\n- **FR-002**: System MUST email a receipt\n"),
                ("specs/001-pay/tasks.md", "# Tasks\n\n- [ ] T001 Card form (FR-001)\n- [ ] T002 Receipt mail (FR-002)\n"),
            ]),
            RuleExample(files: [
                ("specs/001-pay/spec.md", "# Spec\n\n- **FR-001**: System MUST accept cards\n"),
                ("specs/001-pay/tasks.md", "# Tasks\n\n- [ ] T001 Card form\n"),
            ]),
        ],
        optIn: true
    )

    func check(_ context: RuleContext) {
        let index = context.requirementIndex
        let cited = context.allTasks.flatMap { RequirementIndex.citations(of: $0.task) }
        guard !index.ordered.isEmpty, !cited.isEmpty else { return }
        var covered = Set(cited.compactMap { index.resolve($0)?.id })
        // The kinds the tasks trace to. Spec Kit's tasks cite stories (`[US1]`), not FRs: there an FR is
        // covered through a covered story that names it, and a kit whose tasks cite no FR at all is not
        // checked for FRs (the convention does not ask for it).
        // Only the kit's task lists say what its tasks trace to: a review table in an analysis note that
        // lists FRs beside task ids does not make a kit that cites stories cite FRs.
        let planned = context.allTasks.filter { $0.document.kind == .tasks || $0.document.kind == .plan }
        let tracing = (planned.isEmpty ? context.allTasks : planned).flatMap { RequirementIndex.citations(of: $0.task) }
        let tracedKinds = Set(tracing.compactMap { index.resolve($0)?.kind })
        for story in index.ordered where story.kind != .functional && covered.contains(story.id) {
            let text = ([story.text] + story.acceptanceCriteria.map(\.text)).joined(separator: " ")
            for match in text.matches(of: Self.requirementID) {
                if let named = index.resolve(String(match.0)) { covered.insert(named.id) }
            }
        }
        for requirement in index.ordered where tracedKinds.contains(requirement.kind) && !covered.contains(requirement.id) {
            context.report(
                "\(requirement.id) ('\(requirement.text)') is not cited by any task", at: requirement.range,
                fix: "cite \(requirement.id) from the task that implements it")
        }
    }

    /// A requirement id as a story names it: `FR-001`, `NFR-2`, `SC-003`.
    nonisolated(unsafe) static let requirementID = /\b[A-Z]{1,6}-\d{1,4}[a-z]?\b/
}
