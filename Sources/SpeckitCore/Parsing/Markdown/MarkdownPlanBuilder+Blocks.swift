extension MarkdownPlanBuilder {
    /// A paragraph outside a list item's first line: labels, fields, requirements, criteria and claims.
    mutating func paragraph(_ index: Int) {
        let node = tree.nodes[index]
        let parent = node.parent
        // The first paragraph of a list item is the item's own text, read with the item.
        if parent >= 0, case .item = tree.nodes[parent].kind, tree.nodes[parent].firstChild == index { return }
        let text = node.text
        scanClaims(text, at: index)
        if idTasks, boldLineTask(index, text: text) { return }
        if let name = Self.checklistLabel(text) {
            pendingLabel = (.checklist(name), node.nextSibling)
            return
        }
        if Self.isReferenceLabel(text) {
            pendingLabel = (.reference, node.nextSibling)
            return
        }

        if let label = LabelClassifier.label(text, requireColon: true, words: vocabulary.concepts) {
            pendingLabel = (label, node.nextSibling)
            return
        }
        let owner = enclosingTask[index]
        let target: Target? = owner >= 0 ? .task(Int(owner)) : workTarget
        if let target {
            for fact in FieldLineParser.fields(in: text, words: vocabulary.concepts) { apply(fact, to: target, at: index) }
        }
        if requirementLine(text, at: index) { return }
        criterionLine(text, at: index)
    }

    /// `**ID 24.4: Title**` on a line of its own opens a task block; the field lines that follow in the same
    /// paragraph (`**Status:** done`, `**Dependencies:** T-000`) are that task's.
    private mutating func boldLineTask(_ index: Int, text: String) -> Bool {
        let node = tree.nodes[index]
        if node.parent >= 0, case .item = tree.nodes[node.parent].kind { return false }
        guard TaskHeading.isBoldLine(source.line(node.startLine)) else { return false }
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let first = lines[0].trimmingCharacters(in: .whitespaces)
        let suffix = StatusSuffix.extract(from: first, vocabulary: vocabulary)
        let bare = suffix?.rest ?? StatusSuffix.withoutColourLabel(first, vocabulary: vocabulary)
        guard let match = TaskHeading.match(bare, anyPrefix: tasksDocument), !restates(match.id) else {
            return false
        }
        let line = source.range(node.startLine, node.startColumn, node.startLine, node.startColumn + source.line(node.startLine).utf8.count)
        let status = suffix.map { Status(value: $0.status, raw: $0.raw, source: .heading, range: line) }
        // A bold-line task follows the task heading of its section rather than nesting in it.
        if let open = headingTask, open.level >= headingLevel { headingTask = nil }
        openIDTask(id: match.id, title: match.title, status: status, range: line, level: headingLevel + 1)
        if lines.count > 1, let owner = headingTask?.index {
            for fact in FieldLineParser.fields(in: String(lines[1]), words: vocabulary.concepts) {
                apply(fact, to: .task(owner), at: index)
            }
        }
        return true
    }

    /// A list takes the label of the paragraph just before it ("Acceptance checks:").
    mutating func list(_ index: Int) {
        if isLegend(index) {
            listLabel[index] = .legend
        } else if let pending = pendingLabel, pending.next == index {
            listLabel[index] = pending.label
        } else if let headingLabel, tree.nodes[index].parent == 0 {
            listLabel[index] = headingLabel.label
        }
        pendingLabel = nil
    }

    /// Whether every item of the list is a box and the status it stands for (`- [!] **Blocked** - Cannot
    /// proceed`), each status once: a legend of the plan's markers.
    private func isLegend(_ index: Int) -> Bool {
        var texts: [Substring] = []
        for item in tree.children(of: index) {
            let first = tree.nodes[item].firstChild
            guard first >= 0, tree.nodes[first].kind == .paragraph else { return false }
            let line = source.line(tree.nodes[item].startLine)
            // The box as written: cmark-gfm drops `[ ]`/`[x]` from the text, but not `[!]` or `[~]`.
            guard let open = line.firstIndex(of: "["), line[..<open].allSatisfy({ " \t-*+.)".contains($0) || $0.isNumber }),
                let close = line[open...].firstIndex(of: "]"), line.distance(from: open, to: close) <= 3
            else { return false }
            // A source line holds no line break: the rest of it is the item's first line.
            texts.append(line[line.index(after: close)...])
            if texts.count > 12 { return false }
        }
        return ListLegend.isLegend(texts, vocabulary: vocabulary)
    }

    /// A two-column table under a task block or phase is read as `key | value` attributes; a table of tasks or
    /// of phase statuses is kept for `settleTables()`.
    mutating func table(_ index: Int) {
        claims += ClaimTable.claims(in: tree, table: index, words: vocabulary.concepts) { range(of: $0) }
        collectTableRows(index)
        guard let target = workTarget else { return }
        for row in tree.children(of: index) {
            guard case .tableRow(header: false) = tree.nodes[row].kind else { continue }
            let cells = tree.children(of: row).map { tree.nodes[$0].text.collapsingWhitespace }
            guard cells.count == 2, let key = FieldLineParser.key(for: cells[0], anyKey: true, words: vocabulary.concepts) else { continue }
            apply(FieldFact(key: key, name: cells[0], value: cells[1]), to: target, at: row)
        }
    }

    /// `FR-001: The system MUST …` (bold or not, in a paragraph or list item) is a functional requirement.
    mutating func requirementLine(_ text: String, at index: Int) -> Bool {
        guard let match = text.prefixMatch(of: MarkdownPatterns.functionalRequirement) else {
            return false
        }
        requirements.append(
            Requirement(
                id: String(match.1), text: String(match.2).collapsingWhitespace,
                kind: .functional, range: range(of: index)))
        // Open until the next heading at the level of the section it stands in: a deeper
        // "### Acceptance Criteria" heading below it still belongs to it.
        requirement = (requirements.count - 1, max(headingLevel, 1))
        return true
    }

    /// Given/When/Then and EARS sentences are acceptance criteria wherever they stand.
    mutating func criterionLine(_ text: String, at index: Int) {
        let parent = tree.nodes[index].parent
        if let open = openScenario, open.parent == parent, CriterionClassifier.continuesScenario(text, words: vocabulary.concepts) {
            criteria[open.criterion].criterion.text += " " + text.collapsingWhitespace
            return
        }
        openScenario = nil
        let style =
            CriterionClassifier.style(of: text, words: vocabulary.concepts)
            ?? (CriterionClassifier.startsScenario(text, words: vocabulary.concepts) ? .scenario : nil)
        guard let style else { return }
        let label = style == .scenario ? "Given/When/Then" : "EARS"
        criteria.append(
            CriterionRecord(
                target: criterionTarget,
                criterion: AcceptanceCriterion(
                    text: text.collapsingWhitespace, style: style, label: label, range: range(of: index))))
        if style == .scenario { openScenario = (criteria.count - 1, parent) }
    }

    /// Records a field on a task, phase or requirement.
    mutating func apply(_ fact: FieldFact, to target: Target, at index: Int) {
        let place = range(of: index)
        switch target {
        case .task(let task): apply(fact, toTask: task, range: place)
        case .phase(let phaseIndex): apply(fact, toPhase: phaseIndex, range: place)
        case .requirement, .document: break
        }
    }

    mutating func apply(_ fact: FieldFact, toTask index: Int, range: SourceRange) {
        switch fact.key {
        case .status:
            // "**State:**" over a code block states nothing.
            guard !fact.value.isEmpty else { break }
            tasks[index].task.statuses.append(status(from: fact.value, range: range))
        case .priority: tasks[index].task.priority = tasks[index].task.priority ?? fact.value
        case .dependencies:
            // "None (blocks T005-T035)" names the tasks this one blocks, not ones it waits for.
            guard !Self.saysNone(fact.value) else { break }
            tasks[index].task.dependencies += DependencyText.ids(in: fact.value).map { Dependency(raw: fact.value, id: $0) }
        case .assignee: tasks[index].task.assignee = Self.assignee(fact.value)
        case .started: tasks[index].task.dates.started = DateText.value(fact.value)
        case .completed: tasks[index].task.dates.completed = DateText.value(fact.value)
        case .lastUpdated: tasks[index].task.dates.lastUpdated = DateText.value(fact.value)
        case .due: tasks[index].task.dates.due = DateText.value(fact.value)
        case .other(let name):
            if Self.requirementKeys.contains(StatusVocabulary.fold(name)) {
                for ref in RequirementRefText.ids(in: fact.value) where !tasks[index].task.requirementRefs.contains(ref) {
                    tasks[index].task.requirementRefs.append(ref)
                }
            } else {
                tasks[index].task.fields.append(Field(key: name, value: fact.value, range: range))
            }
        }
    }

    mutating func apply(_ fact: FieldFact, toPhase index: Int, range: SourceRange) {
        switch fact.key {
        case .status:
            let status = status(from: fact.value, range: range)
            phases[index].phase.statuses.append(status)
            if phases[index].phase.declaredStatus == nil { phases[index].phase.declaredStatus = status }
        case .priority: phases[index].phase.priority = phases[index].phase.priority ?? fact.value
        case .dependencies:
            phases[index].phase.dependencies += DependencyText.ids(in: fact.value).map { Dependency(raw: fact.value, id: $0) }
        case .started: phases[index].phase.dates.started = DateText.value(fact.value)
        case .completed: phases[index].phase.dates.completed = DateText.value(fact.value)
        case .lastUpdated: phases[index].phase.dates.lastUpdated = DateText.value(fact.value)
        case .due: phases[index].phase.dates.due = DateText.value(fact.value)
        case .assignee, .other:
            phases[index].phase.fields.append(Field(key: fact.name, value: fact.value, range: range))
        }
    }

    /// A field value that says there is nothing: "None", "None (blocks T005)", "N/A", "-".
    static func saysNone(_ value: String) -> Bool {
        let folded = value.lowercased().trimmingCharacters(in: [" ", "\t", "*", "_", "`"])
        return folded.hasPrefix("none") || folded.hasPrefix("n/a") || folded == "-" || folded == "—"
    }

    /// Field names whose value lists the requirements a task cites.
    static let requirementKeys: Set<String> = ["requirements", "requirement", "mapstorequirements", "mapsto"]

    /// The name in an assignee field, without a trailing status or remark ("codex ✅ COMPLETED" → "codex").
    static func assignee(_ value: String) -> String {
        let cut = value.prefix { !StatusVocabulary.standard.isStatusEmoji($0) && $0 != "(" }
        return cut.trimmingCharacters(in: .whitespaces)
    }

    func status(from value: String, range: SourceRange) -> Status {
        Status(value: vocabulary.leadingStatus(in: value) ?? .unknown, raw: value, source: .field, range: range)
    }
}
