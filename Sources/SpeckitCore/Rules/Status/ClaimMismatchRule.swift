import Foundation

/// `status.claim-mismatch`: a sentence in which the document counts itself, and no reasonable count agrees.
struct ClaimMismatchRule: Rule {
    static let description = RuleDescription(
        id: .claimMismatch,
        title: "Progress claim does not match the tasks",
        severity: .error,
        rationale: """
            Summaries such as "18 completed (16%)", "(3/27 subtasks)" or "111 total subtasks" go stale as soon as \
            a box is ticked. A claim is accepted when any reasonable way of counting its scope (the phase or task \
            it names, else the whole document) agrees: top-level tasks, all tasks, or leaf tasks.

            Error: a claim in a summary line or table, or beside a phase or task, names the scope it counts, so the \
            numbers can be checked for certain.
            """,
        triggering: [
            RuleExample(
                "# Plan\n\n## T1 — Setup\n\n- [x] T1.1 Repo\n- [ ] T1.2 CI\n\n## Summary\n\n↓- T1: Setup (2/2 subtasks)\n",
                messages: ["'2/2 subtasks' does not match T1: 1/2 top-level"]),
            RuleExample(
                "# Plan\n\n- [x] T1 Repo\n- [ ] T2 CI\n- [ ] T3 Docs\n\n↓**5 total tasks**, **1 completed**\n",
                messages: ["'5 total tasks' does not match the document: 3"]),
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
        ]
    )

    func check(_ context: RuleContext) {
        for document in context.kit.documents {
            for check in ClaimCheck.checks(in: document) where !check.matches {
                context.report(
                    "'\(check.claim)' does not match \(check.subject ?? "the document"): \(check.actual)",
                    at: check.range, fix: "update the count")
            }
        }
    }
}
