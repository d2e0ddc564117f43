/// `speckit set-status`: a task's status changed everywhere it is stated, and with it its parents, its phase's
/// declared status and every count claim that was true before.
package enum StatusChange {
    /// Changes the status of the task `name` names (an id or `FILE:LINE`) to `value` in `editor`'s files.
    /// - Throws: `EditRefusal` when the change is refused (a dependency or subtask still open without
    ///   `force`, lines changed since `expectHash`); `SpeckitError` when the task is not found, is ambiguous, or a
    ///   statement cannot be found in its file.
    package static func run(
        _ editor: inout KitEditor, task name: String, to value: CanonicalStatus, force: Bool, expectHash: String?
    ) throws {
        let before = editor.kit()
        let places = try TaskPlace.named(name, in: before)
        let place = places[0]
        if let expectHash {
            let file = editor.file(of: place.document)
            let lines = TaskLines.trimmed(TaskLines.ownLines(of: place.task), of: file.bytes, table: file.lines)
            let now = TaskLines.hash(lines, of: file.bytes, table: file.lines)
            guard now == expectHash.lowercased() else {
                throw EditRefusal(
                    "\(place.label) changed since it was read (hash \(expectHash), now \(now)) at \(place.task.range.file):\(place.task.range.line); read it again"
                )
            }
        }
        if value.isClosed, !force { try refuseOpenWork(place, in: before, value: value) }
        guard places.contains(where: { !$0.task.statuses.isEmpty }) else {
            throw SpeckitError.cannotEdit(
                place.task.range.file, reason: "\(place.label) states no status to change (no checkbox, status field or suffix)")
        }
        try setEverywhere(&editor, places, to: value, kit: before)
        // A statement that cannot say the status (a `[ ]`/`[x]` checkbox says only done or not) would leave the
        // task as it was while the command said it changed: refused, nothing written.
        let after = try TaskPlace.named(name, in: editor.kit())
        if let stuck = after.first(where: { $0.task.status != value && !($0.task.status.isClosed && value.isClosed) }) {
            throw SpeckitError.cannotEdit(
                stuck.task.range.file,
                reason: "\(stuck.label) cannot be marked \(value.phrase) in this file's wording (a [ ]/[x] checkbox says only done or "
                    + "not done; a status field or [~] says more); nothing was changed")
        }
        try followParents(&editor, from: place, value: value)
        if let phase = place.phase { try followPhase(&editor, phase, before: before) }
        try ClaimUpdate.keepTrue(&editor, before: before)
    }

    /// Refuses to close a task whose dependencies (its own, its parents', its phase's) or required subtasks
    /// are still open.
    private static func refuseOpenWork(_ place: TaskPlace, in kit: Kit, value: CanonicalStatus) throws {
        var units = WorkUnits(kit)
        units.keepCounted()
        if let unit = units.tasks.first(where: { $0.task.range == place.task.range }) {
            for dependency in unit.allDependencies where !units.isMet(dependency, for: unit) {
                let status =
                    units.unit(named: dependency, from: unit).map { units.tasks[$0].task.status.phrase }
                    ?? units.phaseStatus(dependency.id)?.phrase ?? "not found"
                throw EditRefusal(
                    "\(place.label) waits for \(dependency.id) (\(status)): not marked \(value.phrase) (--force marks it anyway)")
            }
        }
        let open = place.task.flattened.dropFirst().filter { $0.countsAsWork && !$0.status.isClosed }
        if !open.isEmpty {
            let names = open.prefix(4).map { $0.id ?? $0.title }.joined(separator: ", ") + (open.count > 4 ? ", …" : "")
            throw EditRefusal(
                "\(place.label) has \(Plural.count(open.count, "open subtask")) (\(names)): not marked \(value.phrase) (--force marks it anyway)"
            )
        }
    }

    /// Makes every statement of the task, wherever it is written, say `value`.
    private static func setEverywhere(_ editor: inout KitEditor, _ places: [TaskPlace], to value: CanonicalStatus, kit: Kit) throws {
        var edits: [(edit: PlanEdit, what: String)] = []
        for place in places {
            edits += try editor.statusEdits(place.task.statuses, of: place.label, to: value, in: place.document, kit: kit)
        }
        editor.apply(edits)
    }

    /// Closes each parent whose required subtasks are now all closed, or reopens a closed parent when one of
    /// them reopens, up the tree.
    private static func followParents(_ editor: inout KitEditor, from place: TaskPlace, value: CanonicalStatus) throws {
        for depth in stride(from: place.ancestors.count - 1, through: 0, by: -1) {
            let kit = editor.kit()
            let all = TaskPlace.all(in: kit)
            guard let parent = all.first(where: { $0.task.range == place.ancestors[depth].range }) else { return }
            let required = parent.task.subtasks.filter(\.countsAsWork)
            let target: CanonicalStatus
            if value.isClosed {
                guard !parent.task.status.isClosed, !required.isEmpty, required.allSatisfy(\.status.isClosed) else { return }
                target = .done
            } else {
                guard parent.task.status.isClosed else { return }
                target = parent.task.subtasks.contains { $0.status.isClosed || $0.status == .inProgress } ? .inProgress : .todo
            }
            let places =
                parent.task.id.map { id in all.filter { $0.task.id == id && $0.document.path == parent.document.path } } ?? [parent]
            try setEverywhere(&editor, places.isEmpty ? [parent] : places, to: target, kit: kit)
        }
    }

    /// Keeps the phase's declared status true: when it agreed with its tasks before and does not now, it says
    /// what the tasks say (done when all are closed, in progress when any is started, else not started).
    private static func followPhase(_ editor: inout KitEditor, _ phase: Phase, before: Kit) throws {
        guard PhaseContradictionRule.contradicting(phase) == nil, !PhaseContradictionRule.statementsConflict(phase),
            let declared = phase.declaredStatus
        else { return }
        let kit = editor.kit()
        guard let document = kit.documents.first(where: { $0.path == phase.range.file }),
            let now = document.phases.first(where: { $0.range == phase.range })
        else { return }
        let tasks = now.allTasks.filter(\.countsAsWork)
        guard !tasks.isEmpty else { return }
        let target = PhaseStatus.of(tasks)
        let contradicted = PhaseContradictionRule.contradicting(now) != nil
        let finished = declared.value == .inProgress && target == .done
        guard contradicted || finished else { return }
        let edits = try editor.statusEdits(
            now.statuses.filter { $0.source == .heading || $0.source == .field }, of: now.id, to: target, in: document, kit: kit)
        try PhaseStatus.applyChecked(&editor, edits, phase: now)
    }
}

/// The status a phase's tasks add up to.
package enum PhaseStatus {
    /// Makes every phase whose declared status its tasks contradict (`status.phase-contradiction`) say what
    /// its tasks say (`fix --claims`).
    package static func correct(_ editor: inout KitEditor) throws {
        let kit = editor.kit()
        for document in kit.documents {
            for phase in document.phases {
                guard let (_, tasks, _) = PhaseContradictionRule.contradicting(phase), !tasks.isEmpty else { continue }
                let edits = try editor.statusEdits(
                    phase.statuses.filter { $0.source == .heading || $0.source == .field }, of: phase.id, to: of(tasks),
                    in: document, kit: kit)
                try applyChecked(&editor, edits, phase: phase)
            }
        }
    }

    /// Makes `edits` of `phase`'s statements, and keeps them only if the phase, read again, no longer
    /// contradicts its tasks nor itself (a heading `✅ Sprint 4 — COMPLETE` says its status twice, and only
    /// one of them is the statement speckit read): else the phase is left for a person.
    static func applyChecked(_ editor: inout KitEditor, _ edits: [(edit: PlanEdit, what: String)], phase: Phase) throws {
        guard !edits.isEmpty else { return }
        let before = editor
        let old = Set(phase.statuses.map(\.value))
        let restated = edits.contains { edit in
            StatusWording.restates(
                before.current[edit.edit.path] ?? [], outside: edit.edit.range, old, vocabulary: before.settings.vocabulary)
        }
        editor.apply(edits)
        let now = editor.kit().documents.first { $0.path == phase.range.file }?.phases.first { $0.range.line == phase.range.line }
        if !restated, let now, PhaseContradictionRule.contradicting(now) == nil, !PhaseContradictionRule.statementsConflict(now),
            !now.statuses.contains(where: { $0.value != now.statuses[0].value })
        {
            return
        }
        editor = before
        editor.leave(
            "\(phase.range.file):\(phase.range.line): \(phase.id) states its status more than once in a way speckit cannot rewrite whole: left for you"
        )
    }

    /// Done when every task is closed, in progress when any is done or under way, else to do.
    static func of(_ tasks: [PlanTask]) -> CanonicalStatus {
        if tasks.allSatisfy(\.status.isClosed) { return .done }
        if tasks.contains(where: { $0.status.isClosed || $0.status == .inProgress || $0.status == .review }) { return .inProgress }
        return .todo
    }
}
