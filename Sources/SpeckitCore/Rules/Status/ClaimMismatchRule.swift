import Foundation

/// `status.claim-mismatch`: a sentence in which the document counts itself, and no reasonable count agrees.
struct ClaimMismatchRule: Rule {
    static let description = RuleDescription(
        id: .claimMismatch,
        title: "Progress claim does not match the tasks",
        severity: .error,
        rationale: """
            Summaries such as "18 completed (16%)", "(3/27 subtasks)", "**Total Tasks**: 142" or a per-phase \
            table go stale as soon as a box is ticked. Only counts whose scope is clear are claims: a summary or \
            progress section or table, the document's header fields, a phase's heading or status line, or a count \
            beside the phase or task it names. Ordinals ("Phase 1 tasks"), examples, test scenarios, quotes and \
            sentences about another file or spec are not. A claim is accepted when any reasonable way of counting \
            its scope (top-level tasks, all tasks, or leaf tasks) agrees. A count followed by the list it counts \
            ("Completed Phases: 6 (Phases 1, 2, 3, 5, 6, 7, 8)") must agree with its own list and with the \
            statuses of the phases it names. A count on a phase status line that `status.phase-contradiction` \
            already reports is not reported again.

            Error: a claim in a summary line or table, or beside a phase or task, names the scope it counts, so the \
            numbers can be checked for certain.
            """,
        triggering: [
            RuleExample(
                "# Plan\n\n## T1 — Setup\n\n- [x] T1.1 Repo\n- [ ] T1.2 CI\n\n## Summary\n\n↓- T1: Setup (2/2 subtasks)\n",
                messages: ["'2/2 subtasks' does not match T1: 1/2 top-level"]),
            RuleExample(
                "# Plan\n\n- [x] T1 Repo\n- [ ] T2 CI\n- [ ] T3 Docs\n\n## Summary\n\n↓**5 total tasks**, **1 completed**\n",
                messages: ["'5 total tasks' does not match the document: 3"]),
            RuleExample(
                "# Tasks\n\n↓**Total Tasks**: 4\n\n## Phase 1\n\n- [x] T1 Repo\n- [ ] T2 CI\n- [ ] T3 Docs\n",
                messages: ["'Total Tasks: 4' does not match the document: 3"]),
            RuleExample(
                "# Plan\n\n## Phase 1 ✅ DONE\n\n- [x] T1 Repo\n\n## Phase 2 ✅ DONE\n\n- [x] T2 CI\n\n## Status\n\n↓Completed Phases: 1 (Phases 1, 2)\n",
                messages: ["'Completed Phases: 1 (Phases 1, 2)' lists 2"]),
            RuleExample(
                "# Plan\n\n| Phase | Tasks | Done |\n|---|---|---|\n↓| Phase 1: Setup | 2 | 2 |\n\n## Phase 1: Setup\n\n- [x] T1 Repo\n- [ ] T2 CI\n",
                messages: ["'Phase 1: Setup | 2 | 2' does not match Phase"]),
        ],
        nonTriggering: [
            RuleExample("# Plan\n\n## T1 — Setup\n\n- [x] T1.1 Repo\n- [ ] T1.2 CI\n\n## Summary\n\n- T1: Setup (1/2 subtasks)\n"),
            RuleExample(
                """
                # Plan

                - [x] T1 Repo
                  - [x] T1.1 Create
                  - [x] T1.2 Protect
                - [ ] T2 CI

                ## Summary

                **4 total tasks**, **3 completed**
                """),
            RuleExample(
                """
                # Plan

                - [x] T1 Repo
                - [ ] T2 CI (depends on Phase 5 complete)

                1 of 3 done. Sprint 2 complete. Retries: 2 completed attempts are logged.

                **codex** (8 tasks total):
                """),
            RuleExample(
                """
                # Plan

                ## Phase 1: Setup

                - [x] T1 Repo
                - [ ] T2 Create 5 incomplete and 3 complete tasks in the fixture

                ## Progress

                - All Phase 1 tasks complete? Not yet: 1/2 tasks done.
                - 510/510 tasks complete in specs/002-auth.
                - 0/0 tasks initially.
                """),
            // Success metrics count users and steps; a milestone table numbers milestones, not phases; "Pending" may
            // mean not done.
            RuleExample(
                "# Plan\n\n## Phase 1: Wizard\n\n- [x] T001 Build the wizard\n- [~] T002 Add analytics\n- [ ] T003 Docs\n\n"
                    + "## Success Metrics\n\n- 5 steps completed in under 2 minutes by 90% of new users\n\n## Summary\n\n"
                    + "- Completed: 1\n- Pending: 2\n\n| Milestone | Tasks | Done |\n|---|---|---|\n| 1 — Alpha | 5 | 4 |\n"),
            // After a thematic break a field is a footer of the document, not a status line of the last phase.
            RuleExample(
                "# Archive\n\n## Phase 1: Setup\n\n- [x] T1 Repo\n\n## Phase 2: Design (In Progress)\n\n---\n\n"
                    + "**Total Completed Tasks:** 16\n"),
        ]
    )

    func check(_ context: RuleContext) {
        for document in context.kit.documents {
            let contradicted = PhaseContradictionRule.contradictedLines(in: document)
            var listed: [Int: String] = [:]
            for claim in document.claims {
                guard listed[claim.range.line] == nil, let problem = Self.listProblem(claim, in: document) else { continue }
                listed[claim.range.line] = problem
                context.report(problem, at: claim.range, fix: "update the count or the list")
            }
            for check in ClaimCheck.checks(in: document) where !check.matches {
                guard !contradicted.contains(check.range.line), listed[check.range.line] == nil else { continue }
                context.report(
                    "'\(check.claim)' does not match \(check.subject ?? "the document"): \(check.actual)",
                    at: check.range, fix: "update the count")
            }
        }
    }

    /// What is wrong with a count followed by the list it counts: "Completed Phases: 6 (Phases 1, 2, 3, 5, 6, 7,
    /// 8)" lists seven; "Completed Phases: 2 (Phases 1, 3)" where Phase 3 is in progress.
    static func listProblem(_ claim: Claim, in document: Document) -> String? {
        guard claim.kind != .fraction, let members = ClaimScanner.listedMembers(in: claim.text) else { return nil }
        let quoted = ClaimCounting.quote(claim)
        let list = members.joined(separator: ", ")
        if members.count != claim.count {
            return "'\(quoted)' lists \(members.count) \(claim.noun)s, not \(claim.count): \(list)"
        }
        guard claim.noun == "phase", claim.status == .done, !document.phases.isEmpty else { return nil }
        let notDone = members.compactMap { member -> String? in
            let id = member.first?.isNumber == true ? "Phase \(member)" : member
            guard let phase = document.phases.first(where: { $0.id == id }), phase.effectiveStatus != .done else { return nil }
            return "\(phase.id) is \(phase.effectiveStatus.phrase)"
        }
        guard !notDone.isEmpty else { return nil }
        return "'\(quoted)' names phases that are not done: \(notDone.joined(separator: ", "))"
    }
}
