extension MarkdownPlanBuilder {
    /// A list item: a task when it has a checkbox, else possibly a deliverable, criterion, requirement or field.
    mutating func item(_ index: Int, gfmChecked: Bool?) {
        let node = tree.nodes[index]
        let first = node.firstChild
        var text = first >= 0 && tree.nodes[first].kind == .paragraph ? tree.nodes[first].text : ""
        let label = listLabel[node.parent]
        if label == .legend { return }
        var marker: TaskMarker?
        if let checked = gfmChecked {
            // cmark-gfm's tasklist extension looks for `[x]` anywhere on the item's first line, so
            // "- [ ] Parse `- [x] code`" comes back checked: the box as written decides.
            let raw = rawMarker(at: index, checked: checked)
            marker = TaskMarker(raw: raw, kind: .gfm, checked: raw == "[x]" || raw == "[X]")
        } else if let match = text.prefixMatch(of: MarkdownPatterns.extendedMarker),
            !(" xX".contains(match.1) && match.2.isEmpty)
        {
            // `[ ]`/`[x]` that cmark-gfm did not take as a task item stays text: nothing is invented.
            let raw = "[\(match.1)]" + String(match.2)
            marker = TaskMarker(
                raw: raw, kind: .extended, checked: match.1 == "x" || match.1 == "X",
                optional: !match.2.isEmpty)
            text = String(text[match.range.upperBound...])
        }
        if !text.isEmpty { scanClaims(text, at: index) }

        if let marker {
            checkbox(index, text: text, marker: marker, label: label)
            return
        }
        if let scenario {
            criteria[scenario.criterion].criterion.text += " " + text.collapsingWhitespace
            return
        }
        switch label {
        case .deliverables?:
            if let phase {
                phases[phase.index].phase.deliverables.append(ListEntry(text: text.collapsingWhitespace, range: range(of: index)))
            }
            return
        case .checklist?, .reference?, .legend?:
            return
        case .acceptance(let name)?:
            addCriterion(text, label: name, checked: nil, at: index)
            return
        case nil:
            break
        }
        if enclosingTask[index] >= 0 {
            for fact in FieldLineParser.fields(in: text, words: vocabulary.concepts) {
                apply(fact, to: .task(Int(enclosingTask[index])), at: index)
            }
        } else if let owner = headingTask?.index, tasks[owner].checksBelow {
            // `- **Status**: done` under a `### T001:` task is the task's field, as a bold line would be.
            for fact in FieldLineParser.fields(in: text, words: vocabulary.concepts) { apply(fact, to: .task(owner), at: index) }
        }
        if requirementLine(text, at: index) { return }
        criterionLine(text, at: index)
    }

    /// A checkbox is a task unless it checks rather than plans: an item under an acceptance label in a task, in a
    /// checklist (a `checklists/` file, a "Review & Acceptance Checklist" or "Progress Tracking" section), or
    /// an id-less box under a `### T001:` task, which is that task's acceptance criterion.
    private mutating func checkbox(_ index: Int, text: String, marker: TaskMarker, label: ListLabel?) {
        let owner = Int(enclosingTask[index])
        if case .checklist(let name)? = label {
            let heading = headingTask?.index
            addCheck(text, marker: marker, section: name, task: owner >= 0 ? owner : heading, at: index)
            return
        }
        if case .acceptance(let name)? = label {
            addCriterion(text, label: name, checked: marker.checked, at: index)
            // Under a checkbox task or a `### T001:` task the boxes check that task. Under a phase, the document
            // ("Success Criteria for Stage Smoke: - [ ] Dependencies resolved (Task 43)") or a `### Task 1.1:`
            // block ("Testing Requirements:") they stay tasks as well, as they always were: they often restate work.
            let heading = headingTask.flatMap { tasks[$0.index].checksBelow ? $0.index : nil }
            if let task = owner >= 0 ? owner : heading {
                addCheck(text, marker: marker, section: name, task: task, at: index)
                return
            }
        }
        if checklistDocument || checklistSection != nil {
            addCheck(text, marker: marker, section: checklistSection?.title ?? title, task: nil, at: index)
            return
        }
        if case .acceptance? = label {
            checkboxTask(index, text: text, marker: marker)
            return
        }
        if owner < 0, let heading = headingTask?.index, tasks[heading].checksBelow,
            TaskLineParser.parse(text, words: vocabulary.concepts).id == nil
        {
            addCriterion(text, label: "Acceptance Criteria", checked: marker.checked, at: index)
            addCheck(text, marker: marker, section: nil, task: heading, at: index)
            return
        }
        checkboxTask(index, text: text, marker: marker)
    }

    private mutating func addCheck(_ text: String, marker: TaskMarker, section: String?, task: Int?, at index: Int) {
        let owner = task.map { tasks[$0].task.id ?? tasks[$0].task.title }
        checklist.append(
            ChecklistItem(
                text: text.collapsingWhitespace, marker: marker, section: section, task: owner, range: range(of: index)))
    }

    /// Creates the task for a checkbox item and hangs it under its enclosing task, task block, phase or document.
    private mutating func checkboxTask(_ index: Int, text: String, marker: TaskMarker) {
        let facts = TaskLineParser.parse(text, words: vocabulary.concepts)
        // A progress list restating `### T002:` tasks ("- [x] T002 [P]: Contract test") states their status;
        // it is not a second task of the same id.
        if let id = facts.id, let block = idTaskIndex[id] {
            tasks[block].task.statuses.append(
                Status(value: marker.impliedStatus(kiro: kiro), raw: marker.raw, source: .checkbox, range: range(of: index)))
            return
        }
        var task = PlanTask(id: facts.id, title: facts.title, form: .checkbox, range: range(of: index))
        task.marker = marker
        task.statuses = [Status(value: marker.impliedStatus(kiro: kiro), raw: marker.raw, source: .checkbox, range: task.range)]
        task.tags = facts.tags
        task.dependencies = facts.dependencies.map { Dependency(raw: $0, id: $0) }
        task.requirementRefs = facts.requirementRefs
        task.taskRefs = facts.taskRefs
        task.assignee = facts.assignee
        task.priority = facts.priority
        task.dates.completed = facts.completed.map(DateText.value)
        task.dates.started = facts.started.map(DateText.value)

        var parent = Int(enclosingTask[index])
        if parent < 0 { parent = headingTask?.index ?? -1 }
        if parent >= 0, tasks[parent].depth >= maxTaskDepth {
            while parent >= 0, tasks[parent].depth >= maxTaskDepth { parent = tasks[parent].parent }
            if !reportedDepth {
                reportedDepth = true
                diagnostics.append(
                    Diagnostic(
                        .nestingTooDeep, .warning,
                        "tasks nest more than \(maxTaskDepth) levels deep; deeper tasks are listed under their ancestor at level \(maxTaskDepth) (limits.nesting)",
                        at: task.range))
            }
        }
        let depth = parent >= 0 ? tasks[parent].depth + 1 : 1
        tasks.append(TaskRecord(task: task, parent: parent, phase: phase?.index ?? -1, depth: depth))
        itemTask[index] = Int32(tasks.count - 1)
    }

    private mutating func addCriterion(_ text: String, label: String, checked: Bool?, at index: Int) {
        var body = text.collapsingWhitespace
        var isChecked = checked
        if let first = body.first, let status = vocabulary.status(forEmoji: first) {
            isChecked = status == .done
            body = String(body.dropFirst()).trimmingCharacters(in: [" ", "\u{FE0F}"])
        }
        let style = CriterionClassifier.style(of: body, words: vocabulary.concepts) ?? .checklist
        criteria.append(
            CriterionRecord(
                target: criterionTarget,
                criterion: AcceptanceCriterion(
                    text: body, style: style, label: label, checked: isChecked, range: range(of: index))))
    }

    /// The checkbox exactly as written on the item's line (`[x]` or `[X]`).
    private func rawMarker(at index: Int, checked: Bool) -> String {
        let node = tree.nodes[index]
        let line = source.line(node.startLine)
        // The box follows the item's bullet: search from where the item starts (`> - [ ]`, `1. - [ ]`).
        let from = line.utf8.index(line.startIndex, offsetBy: max(0, node.startColumn - 1), limitedBy: line.endIndex) ?? line.startIndex
        if let open = line[from...].firstIndex(of: "[") {
            let marker = line[open...].prefix(3)
            if marker.count == 3, marker.last == "]" { return String(marker) }
        }
        return checked ? "[x]" : "[ ]"
    }
}
