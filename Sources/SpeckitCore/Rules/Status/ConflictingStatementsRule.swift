/// `status.conflicting-statements`: one task stated done in one place and open in another.
struct ConflictingStatementsRule: Rule {
    static let description = RuleDescription(
        id: .conflictingStatements,
        title: "Task stated done and open in different places",
        severity: .error,
        rationale: """
            Plans restate task status in several places: the task's own block, a summary, a success-criteria \
            list, a to-do list. When one place says done and another says pending or in progress, at least one \
            is stale. The finding lists every place that states a status for the task. A phase whose heading and \
            `Status:` line disagree is reported the same way. A second task with the same id and a different \
            title is another task (`tasks.duplicate-id`), not a second statement about the first.

            Error: both statements name the same task id in the document's own status syntax (a status line, a \
            checkbox), so they certainly disagree.
            """,
        triggering: [
            RuleExample(
                """
                # Plan

                ↓### Task 43: Resolve dependency issues

                **Status**: pending

                ## To-dos

                - [x] Dependency issues resolved (Task 43)
                """, messages: ["Task 43 is stated done in 1 place and open in 1"]),
            RuleExample(
                "# Plan\n\n↓## Phase 1 — Foundation ✅ COMPLETE\n\n**Status**: ⏳ IN PROGRESS\n\n- [x] T1 Schema\n", path: "plan.md",
                messages: ["Phase 1 is stated done and open: ✅ COMPLETE"]),
            RuleExample(
                files: [
                    ("spec/app/tasks.md", "# Tasks\n\n- [x] T1 Schema\n"),
                    ("spec/app/plan.md", "# Plan\n\n## Phase 1\n\n↓- [ ] T1 Schema\n"),
                ], messages: ["T1 is stated done in 1 place and open in 1: [ ]"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Plan

                ### Task 43: Resolve dependency issues

                **Status**: completed

                ## To-dos

                - [x] Dependency issues resolved (Task 43)
                - [ ] Follow-up after Task 43 lands
                """),
            RuleExample("# Tasks\n\n- [ ] 6.5 Write property test for frame sync\n- [x] 6.5 Implement error handling\n"),
            // Tables numbered anew in every phase hold different tasks.
            RuleExample(
                "# Plan\n\n## Phase 1: Setup\n\n| # | Task | Status |\n|---|---|---|\n| 1 | Create repo | ✅ Done |\n\n"
                    + "## Phase 2: Build\n\n| # | Task | Status |\n|---|---|---|\n| 1 | Write API | ⏳ In progress |\n"),
            // A Status line in a list about another artifact (the user story a task implements) is that artifact's.
            RuleExample(
                "# Backlog\n\n### TODO-031: Implement US-002\n**Status**: ✅ Completed\n\n**User Story Reference:**\n"
                    + "- `artifacts/US-002.md`\n- Status: Backlog → Ready for Implementation\n"),
        ]
    )

    /// How many places the message and the related locations list (every place, unless a file repeats
    /// one task thousands of times).
    static let listedPlaces = 12, listedRelated = 200

    /// One place that states a status for a task.
    struct Statement {
        var status: Status
        var range: SourceRange
    }

    func check(_ context: RuleContext) {
        var statements: [String: [Statement]] = [:]
        var definitions: [String: PlanTask] = [:]
        var order: [String] = []
        /// (key, file, line, status) already recorded: one statement per status per line.
        var seen: Set<String> = []
        func add(_ key: String, _ task: PlanTask) {
            if statements[key] == nil {
                order.append(key)
                statements[key] = []
            }
            for status in task.statuses {
                let range = status.range ?? task.range
                guard seen.insert("\(key)\u{0}\(range.file)\u{0}\(range.line)\u{0}\(status.value.rawValue)").inserted else { continue }
                statements[key]!.append(Statement(status: status, range: range))
            }
        }
        var phaseOf: [String: [String: String]] = [:]
        for document in context.kit.documents { phaseOf[document.path] = TaskIdentity.restartingPhases(in: document) }
        for (document, documentScope, task) in context.scopedTasks {
            if let id = task.id {
                // Numbers that restart in every phase are per phase; a second task with the id and another
                // title is a different task (`tasks.duplicate-id` reports it), not a restatement of the first.
                let scope = phaseOf[document.path]?[TaskIdentity.key(task.range)].map { documentScope + "#" + $0 } ?? documentScope
                if let definition = definitions[scope + "|" + id] {
                    if TaskIdentity.sameTask(definition.title, task.title) { add(scope + "|" + id, task) }
                } else {
                    definitions[scope + "|" + id] = task
                    add(scope + "|" + id, task)
                }
            }
            if task.taskRefs.count == 1, let ref = task.taskRefs.first, ref != task.id, Self.isAbout(task.title, ref) {
                add(documentScope + "|" + ref, task)
            }
        }
        for document in context.kit.documents {
            for phase in document.phases {
                let done = phase.statuses.filter { $0.value == .done }
                let open = phase.statuses.filter { $0.value.isOpen }
                guard !done.isEmpty, !open.isEmpty else { continue }
                let places = phase.statuses.map { "\($0.raw) (line \(($0.range ?? phase.range).line))" }
                context.report(
                    "\(phase.id) is stated done and open: \(places.joined(separator: ", "))",
                    at: phase.range,
                    related: phase.statuses.map {
                        RelatedLocation("\(phase.id): \($0.raw) (\($0.value.phrase))", at: $0.range ?? phase.range)
                    },
                    fix: "update the stale statement so both agree")
            }
        }
        for key in order {
            let id = TaskGraph.id(of: key)
            let all = statements[key] ?? []
            let done = all.filter { $0.status.value == .done }
            let open = all.filter { $0.status.value.isOpen }
            guard !done.isEmpty, !open.isEmpty else { continue }
            let shown = all.prefix(Self.listedPlaces).map { "\($0.status.raw) (\(Self.place($0.range, from: definitions[key]?.range)))" }
            let places = shown + (all.count > Self.listedPlaces ? ["and \(all.count - Self.listedPlaces) more"] : [])
            let anchor = definitions[key]?.range ?? all[0].range
            context.report(
                "\(id) is stated done in \(Plural.count(done.count, "place")) and open in \(open.count): \(places.joined(separator: ", "))",
                at: anchor,
                related: all.prefix(Self.listedRelated).map {
                    RelatedLocation("\(id): \($0.status.raw) (\($0.status.value.phrase))", at: $0.range)
                },
                fix: "update the stale statements so they agree")
        }
    }

    /// Whether an item's text is about `ref` (`Task 47: …`, `Complete Task 41: …`, `… (Task 43) …`) rather
    /// than merely mentioning it.
    static func isAbout(_ title: String, _ ref: String) -> Bool {
        let lower = title.lowercased()
        let id = ref.lowercased()
        func bounded(_ prefix: String) -> Bool {
            guard lower.hasPrefix(prefix) else { return false }
            let next = lower.dropFirst(prefix.count).first
            return next == nil || !(next!.isNumber || next! == ".")
        }
        return bounded(id) || bounded("complete " + id) || lower.contains("(" + id + ")")
    }

    /// `line 12`, or `plan.md:12` when the statement is in another file than the task.
    static func place(_ range: SourceRange, from home: SourceRange?) -> String {
        if let home, home.file != range.file {
            return "\(range.file.split(separator: "/").last.map(String.init) ?? range.file):\(range.line)"
        }
        return "line \(range.line)"
    }
}
