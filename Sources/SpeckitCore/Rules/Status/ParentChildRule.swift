/// `status.parent-child`: a finished task over unfinished subtasks, or a task not started whose subtasks are
/// all done (probably not ticked).
struct ParentChildRule: Rule {
    static let description = RuleDescription(
        id: .parentChild,
        title: "Task status contradicts its subtasks",
        severity: .warning,
        rationale: """
            A task ticked done while some of its subtasks are open claims work that is not finished. The reverse, \
            a task not started whose subtasks are all done, is usually a box nobody ticked. A task declared in \
            progress over done subtasks is not reported: its own remaining work can lie outside them (an epic whose \
            implementation tasks are listed elsewhere). Optional subtasks (Kiro's `[ ]*`) do not count, nor does an item that restates the task itself \
            (`- [ ] Smoke tests run (Task 50)` under `### Task 50`), which `status.conflicting-statements` reports.

            Warning: a sound heuristic. Items nested under a task are usually its subtasks, but can be acceptance \
            checks or notes.
            """,
        triggering: [
            RuleExample(
                "# Tasks\n\n↓- [x] T1 Schema\n  - [x] T1.1 Tables\n  - [ ] T1.2 Indexes\n",
                messages: ["T1 is done but 1 of its 2 subtasks is open: T1.2"]),
            RuleExample(
                "# Tasks\n\n↓- [ ] T1 Schema\n  - [x] T1.1 Tables\n  - [x] T1.2 Indexes\n",
                messages: ["T1 is todo but all 2 of its subtasks are done"]),
            RuleExample(
                "# Tasks\n\n↓- [ ] T4 Schema\n  - [x] T4.1 Tables\n  - [-] T4.2 Dropped\n",
                messages: ["T4 is todo but all of its subtasks are done or"]),
            RuleExample(
                "# Plan\n\n↓### Task 50: Smoke tests\n\n**Status**: completed\n\n- [ ] Health endpoints answer\n",
                messages: ["Task 50 is done but its only subtask is open"]),
        ],
        nonTriggering: [
            RuleExample("# Tasks\n\n- [x] T1 Schema\n  - [x] T1.1 Tables\n  - [-] T1.2 Dropped\n"),
            RuleExample("# Tasks\n\n- [ ] T1 Schema\n  - [x] T1.1 Tables\n  - [ ] T1.2 Indexes\n"),
            RuleExample(
                "# Tasks\n\n- [x] 1. Search\n  - [x] 1.1 Index\n  - [ ]* 1.2 Optional benchmarks\n", path: ".kiro/specs/s/tasks.md"),
            RuleExample(
                "# Tasks\n\n- [ ] 2. Camera\n  - [x] 2.1 Stream\n  - [ ]* 2.2 Optional property test\n", path: ".kiro/specs/s/tasks.md"),
            // In progress over done subtasks: the epic's own work goes on elsewhere.
            RuleExample("# Backlog\n\n### ⏳ EPIC-006: Server\n\n- [x] PRD-006 Generate the PRD\n- [x] HLS-006 Generate the stories\n"),
        ]
    )

    /// Whether `child` is its parent stated again: the parent's id, or an item about it (`… (Task 50)`).
    static func restates(_ child: PlanTask, _ parent: PlanTask) -> Bool {
        guard let id = parent.id else { return false }
        if child.id == id { return true }
        return child.taskRefs == [id] && ConflictingStatementsRule.isAbout(child.title, id)
    }

    func check(_ context: RuleContext) {
        for (_, parent) in context.allTasks where !parent.subtasks.isEmpty {
            // A child item that only restates its parent ("- [ ] Smoke tests run (Task 50)" under `### Task 50`)
            // is a second statement about the parent, which `status.conflicting-statements` reports.
            let children = parent.subtasks.filter { child in
                child.marker?.optional != true && child.status != .unknown && !Self.restates(child, parent)
            }
            guard !children.isEmpty else { continue }
            if parent.status == .done {
                let open = children.filter { $0.status.isOpen }
                guard !open.isEmpty else { continue }
                context.report(
                    "\(parent.label) is done but \(Plural.share(open.count, of: children.count, "subtask")) open: \(summarise(open))",
                    at: parent.range,
                    related: open.prefix(20).map { RelatedLocation("\($0.label) is \($0.status.phrase)", at: $0.range) },
                    fix: "finish the subtasks or reopen \(parent.label)")
            } else if parent.status == .todo,
                children.allSatisfy(\.status.isClosed), children.contains(where: { $0.status == .done }),
                // An open parent may be waiting for its optional subtasks (Kiro's `[ ]*`): no contradiction.
                !parent.subtasks.contains(where: { $0.isOptional && $0.status.isOpen })
            {
                let cancelled = children.count { $0.status == .cancelled }
                let what =
                    cancelled == 0
                    ? (children.count == 1 ? "its only subtask is done" : "all \(children.count) of its subtasks are done")
                    : "all of its subtasks are done or cancelled"
                context.report(
                    "\(parent.label) is \(parent.status.phrase) but \(what)",
                    at: parent.range, fix: "tick \(parent.label)")
            }
        }
    }
}
