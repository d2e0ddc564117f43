/// `status.regression`: a task that was done at the base and is not any more, or a phase that was declared
/// complete and is not any more.
struct RegressionRule: DiffRule {
    static let description = RuleDescription(
        id: .regression,
        title: "Task or phase went back from done",
        severity: .error,
        rationale: """
            A box unticked by accident, a merge that took the older side of a conflict, or an agent that rewrote a \
            tasks file from a stale copy all look like ordinary edits in review. Work going back from done is \
            rarely meant; when it is, say so by marking the task in progress or reopening it in the same change.

            Error: the same task or phase id carries its own status at both revisions, so the step back is certain; \
            a deliberate reopening is suppressed with a `speckit-disable-next-line` comment.
            """,
        triggering: [
            RuleExample(
                files: [(path: "tasks.md", text: "# Plan\n\n↓- [ ] T1 Repo\n- [x] T2 CI\n")],
                base: [(path: "tasks.md", text: "# Plan\n\n- [x] T1 Repo\n- [ ] T2 CI\n")],
                messages: ["T1 went back from done to todo since base"]),
            RuleExample(
                files: [(path: "plan.md", text: "# Plan\n\n↓## Phase 1 — Setup ⏳ IN PROGRESS\n\n- [x] T1 Repo\n")],
                base: [(path: "plan.md", text: "# Plan\n\n## Phase 1 — Setup ✅ COMPLETE\n\n- [x] T1 Repo\n")],
                messages: ["Phase 1 went back from done to in_progress"]),
        ],
        nonTriggering: [
            RuleExample(
                files: [(path: "tasks.md", text: "# Plan\n\n- [x] T1 Repo\n- [x] T2 CI\n- [ ] T3 Docs\n")],
                base: [(path: "tasks.md", text: "# Plan\n\n- [x] T1 Repo\n- [ ] T2 CI\n")]),
            RuleExample(
                files: [(path: "tasks.md", text: "# Plan\n\n- [-] T1 Repo (dropped)\n")],
                base: [(path: "tasks.md", text: "# Plan\n\n- [x] T1 Repo\n")]),
        ]
    )

    func check(_ context: DiffContext) {
        let diff = context.diff
        for change in diff.changes where change.kind == .status && change.regression {
            let what = change.subject == .phase ? "was declared done" : "was done"
            let related = diff.baseIsRevision ? [] : change.baseRange.map { [RelatedLocation("\(what) here", at: $0)] } ?? []
            context.report(
                "\(change.label) went back from \(change.from?.rawValue ?? "done") to \(change.to?.rawValue ?? "unknown") since \(diff.base)",
                at: change.range, related: related,
                fix: "restore the done status, or reopen the work on purpose (mark it in progress)")
        }
    }
}
