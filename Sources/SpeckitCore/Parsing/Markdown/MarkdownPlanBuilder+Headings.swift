extension MarkdownPlanBuilder {
    /// A heading closes the contexts at its level or deeper and may open a phase, task block,
    /// requirement, scenario or label.
    mutating func heading(_ index: Int, level: Int) {
        let text = tree.nodes[index].text.collapsingWhitespace
        let headingRange = range(of: index)
        sections.append(SectionRecord(title: text, level: level, range: headingRange))
        if title == nil, level == 1 { title = text }
        pendingLabel = nil
        openScenario = nil
        headingLevel = level
        brokenSinceHeading = false

        if let open = headingTask, open.level >= level { headingTask = nil }
        if let open = phase, open.level >= level { phase = nil }
        if let open = requirement, open.level >= level { requirement = nil }
        if let open = headingLabel, open.level >= level { headingLabel = nil }
        if let open = scenario, open.level >= level { scenario = nil }
        if let open = summaryLevel, open >= level { summaryLevel = nil }
        defer { scanClaims(text, at: index, phaseHeading: phase.map { phases[$0.index].phase.range == headingRange } ?? false) }
        if let open = checklistSection, open.level >= level { checklistSection = nil }

        let suffix = StatusSuffix.extract(from: text, vocabulary: vocabulary)
        let status = suffix.map { Status(value: $0.status, raw: $0.raw, source: .heading, range: headingRange) }

        let bare = suffix?.rest ?? StatusSuffix.withoutColourLabel(text, vocabulary: vocabulary)
        if idTasks, !bare.lowercased().hasPrefix("task "), let match = TaskHeading.match(bare, anyPrefix: tasksDocument),
            !restates(match.id)
        {
            openIDTask(id: match.id, title: match.title, status: status, range: headingRange, level: level)
            return
        }
        let role = HeadingClassifier.classify(bare, words: vocabulary.concepts)
        if Self.isChecklistHeading(bare) {
            switch role {
            case .plain, .label: checklistSection = (bare, level)
            default: break
            }
        }
        switch role {
        case .phase(let id, let phaseTitle, let priority):
            if let outer = phase { phases[outer.index].isGroup = true }
            var newPhase = Phase(id: id, title: phaseTitle, level: level, range: headingRange)
            newPhase.priority = priority
            if let status {
                newPhase.declaredStatus = status
                newPhase.statuses = [status]
            }
            phases.append(PhaseRecord(phase: newPhase))
            phase = (phases.count - 1, level)
            headingTask = nil
        case .task(let id, let taskTitle):
            var task = PlanTask(id: id, title: taskTitle, form: .heading, range: headingRange)
            if let status { task.statuses = [status] }
            let parent = headingTask?.index ?? -1
            let depth = parent >= 0 ? tasks[parent].depth + 1 : 1
            tasks.append(TaskRecord(task: task, parent: parent, phase: phase?.index ?? -1, depth: depth))
            headingTask = (tasks.count - 1, level)
        case .requirement(let id, let requirementTitle, let kind, let priority):
            var newRequirement = Requirement(id: id, text: requirementTitle, kind: kind, range: headingRange)
            newRequirement.priority = priority
            requirements.append(newRequirement)
            requirement = (requirements.count - 1, level)
        case .scenario(let name):
            let criterion = AcceptanceCriterion(text: name, style: .scenario, label: "Scenario: \(name)", range: headingRange)
            criteria.append(CriterionRecord(target: criterionTarget, criterion: criterion))
            scenario = (criteria.count - 1, level)
        case .label(let label):
            headingLabel = (label, level)
        case .plain:
            if ClaimPlace.isSummaryHeading(text) { summaryLevel = level }
        }
    }

    /// Whether a task of this id was already written above (a "Detailed Task Descriptions" section that
    /// restates the checklist): the heading then describes that task and is not a second one.
    mutating func restates(_ id: String) -> Bool {
        while seenTaskIDs < tasks.count {
            if let known = tasks[seenTaskIDs].task.id { taskIDs.insert(known) }
            seenTaskIDs += 1
        }
        return taskIDs.contains(id)
    }

    /// Opens a task block from a `### T001: Title` heading or a `**ID 24.4: Title**` line at `level`.
    mutating func openIDTask(id: String, title: String, status: Status?, range: SourceRange, level: Int) {
        // The title may carry tags and requirement ids as a checkbox line does (`T002 — Hashing [US1] [P]`).
        let (bare, tags) = TaskHeading.tags(in: title)
        var task = PlanTask(id: id, title: bare, form: .heading, range: range)
        task.tags = tags
        task.requirementRefs = TaskLineParser.parse(title, words: vocabulary.concepts).requirementRefs
        if let status { task.statuses = [status] }
        if let open = headingTask, open.level >= level { headingTask = nil }
        let parent = headingTask?.index ?? -1
        let depth = parent >= 0 ? tasks[parent].depth + 1 : 1
        var record = TaskRecord(task: task, parent: parent, phase: phase?.index ?? -1, depth: depth)
        record.checksBelow = true
        tasks.append(record)
        if idTaskIndex[id] == nil { idTaskIndex[id] = tasks.count - 1 }
        headingTask = (tasks.count - 1, level)
    }

    /// Headings of checklists that check a document rather than plan work: Spec Kit's "Review & Acceptance
    /// Checklist" (and its "Content Quality", "Requirement Completeness", "Feature Readiness" parts), its
    /// "Execution Status", plan.md's "Progress Tracking", a tasks file's "Validation Checklist" or "Checklist".
    /// Other checklists ("Verification Checklist", "Phase 1 Deliverables Checklist") often list work still
    /// to do and stay tasks.
    /// The name of a paragraph that is only a checklist label (`**Checklist:**`, `Definition of Done:`).
    static func checklistLabel(_ text: String) -> String? {
        guard mayEndWithColon(text) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 40, trimmed.hasSuffix(":") || trimmed.hasSuffix(":**") || trimmed.hasSuffix("：") else { return nil }
        let name = String(trimmed.drop { "*_ ".contains($0) }.reversed().drop { "*_:： ".contains($0) }.reversed())
        return isChecklistHeading(name) ? name : nil
    }

    /// A label, on a line of its own, that introduces a list about another artifact: "**User Story Reference:**",
    /// "References:", "**Source:**", "Related:", "See also:".
    static func isReferenceLabel(_ text: String) -> Bool {
        guard mayEndWithColon(text) else { return false }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 40, !trimmed.contains("\n"), trimmed.hasSuffix(":") || trimmed.hasSuffix(":**") else { return false }
        let words = trimmed.lowercased().split { !$0.isLetter }
        guard let last = words.last else { return false }
        return ["reference", "references", "source", "sources", "related", "links"].contains(last)
            || words.suffix(2) == ["see", "also"]
    }

    /// Whether `text`, without trailing whitespace, may end with `:`, `:**` or `：`: false when its last byte
    /// other than an ASCII space or tab is ASCII and neither `:` nor `*` (most paragraphs, decided without
    /// trimming or counting them).
    static func mayEndWithColon(_ text: String) -> Bool {
        guard let last = text.utf8.last(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return false }
        return last >= 0x80 || last == UInt8(ascii: ":") || last == UInt8(ascii: "*")
    }

    static func isChecklistHeading(_ text: String) -> Bool {
        let folded = String(StatusVocabulary.fold(text).unicodeScalars.filter { $0.properties.isAlphabetic })
        return checklistHeadings.contains(folded)
    }

    /// Folded checklist headings (letters only, lower case).
    static let checklistHeadings: Set<String> = [
        "checklist", "validationchecklist", "reviewchecklist", "reviewacceptancechecklist", "reviewandacceptancechecklist",
        "acceptancechecklist", "qualitychecklist", "specificationqualitychecklist", "requirementsqualitychecklist",
        "progresstracking", "executionstatus", "requirementcompleteness", "contentquality", "featurereadiness",
        "constitutioncheck", "definitionofdone", "dod", "exitcriteria", "donecriteria",
    ]
}
