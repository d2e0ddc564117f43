/// `tasks.ticked-without-change`: with `--base REF`, a task ticked done in this change that names files of
/// the repository, none of which the change touched.
struct TickedWithoutChangeRule: DiffRule {
    static let description = RuleDescription(
        id: .tickedWithoutChange,
        title: "Task ticked without touching the files it names",
        severity: .note,
        rationale: """
            The other half of `tasks.done-without-evidence`, for a pull request: a task ticked done in this \
            change that names repository paths (`src/worker/claim.ts`), none of which the change edits, adds or \
            deletes, may have been ticked for work done elsewhere, or not at all. File paths are read from the \
            task's text as `tasks.done-without-evidence` reads them (folders and the plan's own documents left \
            out), and looked up from the plan's folder up to the repository's top, or as the end of a touched path. Only `validate --base REF` and `diff --base REF` \
            know what the change touched.

            Note: the work may well have landed in an earlier change; this is a question for review, not a defect.
            """,
        triggering: [
            RuleExample(
                files: [
                    (
                        path: "spec/ops/tasks.md",
                        text: "# Tasks\n\n- [x] T1 Schema in db/schema.sql\n↓- [x] T2 Worker in src/worker/claim.ts\n"
                    ),
                    (path: "db/schema.sql", text: "create table runs ();\n"),
                    (path: "src/worker/claim.ts", text: "export {}\n"),
                ],
                base: [
                    (
                        path: "spec/ops/tasks.md",
                        text: "# Tasks\n\n- [ ] T1 Schema in db/schema.sql\n- [ ] T2 Worker in src/worker/claim.ts\n"
                    ),
                    (path: "db/schema.sql", text: "\n"),
                    (path: "src/worker/claim.ts", text: "export {}\n"),
                ],
                messages: ["T2 was ticked done in this change, but it touches none of the files it names: src/worker/claim.ts"])
        ],
        nonTriggering: [
            RuleExample(
                files: [(path: "spec/ops/tasks.md", text: "# Tasks\n\n- [x] T1 Write the runbook\n- [x] T2 Worker in src/claim.ts\n")],
                base: [(path: "spec/ops/tasks.md", text: "# Tasks\n\n- [ ] T1 Write the runbook\n- [x] T2 Worker in src/claim.ts\n")])
        ]
    )

    func check(_ context: DiffContext) {
        guard let touched = context.touched else { return }
        for change in context.diff.changes where change.kind == .status && change.subject == .task && change.completion {
            // Files only (a bare `review/` in prose is as often a folder the program manages), and none of the
            // plan's own folder: "Validate quickstart.md" reads its kit's document, it does not write it.
            let folder = RepositoryFiles.parent(of: change.range.file)
            let named = change.title.split(separator: " ").compactMap { NamedPaths.path(String($0)) }
                .filter { !$0.hasSuffix("/") && !(folder.isEmpty ? false : $0.hasPrefix(folder + "/")) }.uniqued()
            guard !named.isEmpty, !named.contains(where: { touched.touched($0, from: change.range.file) }) else { continue }
            context.report(
                "\(change.label) was ticked done in this change, but it touches none of the files it names: "
                    + named.prefix(3).joined(separator: ", ") + (named.count > 3 ? ", …" : ""),
                at: change.range, fix: "include the work in the change, or say where it landed")
        }
    }
}
