/// `tasks.duplicate-id`: two tasks of one document with the same id.
struct DuplicateTaskIDRule: Rule {
    static let description = RuleDescription(
        id: .duplicateID,
        title: "Two tasks share an id",
        severity: .error,
        rationale: """
            Dependencies, requirement links and status updates name tasks by id; when two different tasks of one \
            document share an id, every reference to it is ambiguous. A task restated with the same title (in a \
            progress list, say) is the same task, not a duplicate.

            Error: the same id on two different tasks in one scope makes every reference to it ambiguous, and the \
            structure shows it for certain.
            """,
        triggering: [
            RuleExample(
                "# Tasks\n\n- [ ] T1 Write the schema\n- [ ] T2 Write the API\n↓- [ ] T1 Write the UI\n",
                messages: ["task id T1 is already used on line 3 ('Write"])
        ],
        nonTriggering: [
            RuleExample("# Tasks\n\n- [ ] T1 Write the schema\n  - [ ] T1.1 Tables\n- [ ] T2 Write the API\n"),
            RuleExample("# Tasks\n\n- [x] T1 Write the schema\n\n## Progress\n\n- [x] T1 Write the schema\n"),
        ]
    )

    /// Letters and digits, lowercased: how titles are compared.
    static func fold(_ title: String) -> String {
        String(title.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    func check(_ context: RuleContext) {
        let byDocument = Dictionary(grouping: context.scopedTasks, by: \.document.path)
        for document in context.kit.documents {
            var first: [String: PlanTask] = [:]
            let entries = (byDocument[document.path] ?? [])
                .sorted { ($0.task.range.line, $0.task.range.column) < ($1.task.range.line, $1.task.range.column) }
            for (_, scope, task) in entries {
                guard let id = task.id else { continue }
                if let earlier = first[scope + "|" + id], Self.fold(earlier.title) != Self.fold(task.title) {
                    context.report(
                        "task id \(id) is already used on line \(earlier.range.line) ('\(earlier.title)')",
                        at: task.range,
                        related: [RelatedLocation("\(id) first used here", at: earlier.range)],
                        fix: "give this task a new id")
                } else if first[scope + "|" + id] == nil {
                    first[scope + "|" + id] = task
                }
            }
        }
    }
}
