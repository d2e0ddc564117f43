/// `tasks.duplicate-id`: two tasks of one document with the same id.
struct DuplicateTaskIDRule: Rule {
    static let description = RuleDescription(
        id: .duplicateID,
        title: "Two tasks share an id",
        severity: .error,
        rationale: """
            Dependencies, requirement links and status updates name tasks by id; when two different tasks of one \
            document share an id, every reference to it is ambiguous. A task restated with the same or a similar \
            title (in a summary or a "remaining work" list, say, perhaps shortened) is the same task, not a \
            duplicate; list numbers that restart in every phase (`1.`, `2.` under each phase) are per phase.

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
            RuleExample("# Tasks\n\n- [ ] T7 Implement the login form with validation\n\n## Remaining work\n\n- [ ] T7 Login form\n"),
            RuleExample("# Tasks\n\n## Phase 1: Setup\n\n- [x] 1. Create the repo\n\n## Phase 2: Build\n\n- [ ] 1. Write the API\n"),
            // `### Task 1:` again in every phase.
            RuleExample(
                "# Plan\n\n## Phase 1: Data\n\n### Task 1: Create the schema\n\n### Task 2: Seed data\n\n"
                    + "## Phase 2: API\n\n### Task 1: Write the handlers\n\n### Task 2: Deploy the API\n"),
            // A "recently completed" list restates tasks in other words.
            RuleExample(
                "# Tasks\n\n- [x] T005 Login form\n- [ ] T006 Logout\n\n## Recently Completed\n\n"
                    + "- [x] T005 Implemented login page with validation ✅\n"),
        ]
    )

    func check(_ context: RuleContext) {
        let byDocument = Dictionary(grouping: context.scopedTasks, by: \.document.path)
        for document in context.kit.documents {
            let phaseOf = TaskIdentity.restartingPhases(in: document)
            let summaries = Self.summaryLines(in: document)
            var first: [String: PlanTask] = [:]
            let entries = (byDocument[document.path] ?? [])
                .sorted { ($0.task.range.line, $0.task.range.column) < ($1.task.range.line, $1.task.range.column) }
            for (_, documentScope, task) in entries {
                guard let id = task.id else { continue }
                let scope = phaseOf[TaskIdentity.key(task.range)].map { documentScope + "#" + $0 } ?? documentScope
                // A task restated in a summary or "recently completed" list is the same task in other words.
                if let earlier = first[scope + "|" + id], !TaskIdentity.sameTask(earlier.title, task.title),
                    !summaries.contains(where: { $0.contains(task.range.line) })
                {
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

    /// The line ranges of the document's summary, progress and "completed" sections ("## Summary",
    /// "### Recently Completed", "## Done"), where tasks are restated rather than defined.
    static func summaryLines(in document: Document) -> [ClosedRange<Int>] {
        var flat: [Section] = []
        var pending = document.sections
        while let section = pending.popLast() {
            flat.append(section)
            pending += section.children
        }
        flat.sort { $0.range.line < $1.range.line }
        var out: [ClosedRange<Int>] = []
        for (index, section) in flat.enumerated() where isRestatingHeading(section.title) {
            let end = flat[(index + 1)...].first { $0.level <= section.level }.map { $0.range.line - 1 } ?? Int.max
            if end >= section.range.line { out.append(section.range.line...end) }
        }
        return out
    }

    static func isRestatingHeading(_ title: String) -> Bool {
        if ClaimPlace.isSummaryHeading(title) { return true }
        // Only a heading made of such words ("Recently Completed", "Completed Tasks", "Done"): "Phase 1: Setup
        // (Completed)" defines its tasks.
        let words = Set(title.lowercased().split { !$0.isLetter }.map(String.init))
        return !words.isDisjoint(with: restating) && words.isSubset(of: restatingOrFiller)
    }

    static let restating: Set<String> = ["completed", "done", "recently", "changelog", "accomplished", "finished"]
    static let restatingOrFiller = restating.union(["tasks", "work", "items", "the", "so", "far"])
}
