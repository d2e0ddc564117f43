extension MarkdownPlanBuilder {
    /// Nests the flat records into the model, bottom up, and fills `document`.
    func assemble(into document: inout Document) {
        var records = tasks
        normaliseDependencies(&records)
        for index in records.indices {
            let statuses = records[index].task.statuses
            records[index].task.status = statuses.first { $0.value != .unknown }?.value ?? statuses.first?.value ?? .unknown
        }
        var criteriaByTask: [Int: [AcceptanceCriterion]] = [:]
        var criteriaByPhase: [Int: [AcceptanceCriterion]] = [:]
        var requirementsOut = requirements
        var documentCriteria: [AcceptanceCriterion] = []
        for record in criteria {
            switch record.target {
            case .task(let index): criteriaByTask[index, default: []].append(record.criterion)
            case .phase(let index): criteriaByPhase[index, default: []].append(record.criterion)
            case .requirement(let index): requirementsOut[index].acceptanceCriteria.append(record.criterion)
            case .document: documentCriteria.append(record.criterion)
            }
        }

        // Children come after their parents in document order, so building from the end nests them bottom up.
        var children: [[Int]] = Array(repeating: [], count: records.count)
        for index in records.indices where records[index].parent >= 0 { children[records[index].parent].append(index) }
        var built: [PlanTask?] = Array(repeating: nil, count: records.count)
        for index in records.indices.reversed() {
            var task = records[index].task
            task.acceptanceCriteria = criteriaByTask[index] ?? []
            task.subtasks = children[index].compactMap { built[$0] }
            for child in children[index] { built[child] = nil }
            built[index] = task
        }

        var phaseTasks: [Int: [PlanTask]] = [:]
        var documentTasks: [PlanTask] = []
        for index in records.indices where records[index].parent < 0 {
            guard let task = built[index] else { continue }
            let owner = records[index].phase
            if owner >= 0, !phases[owner].isGroup { phaseTasks[owner, default: []].append(task) } else { documentTasks.append(task) }
        }
        var phasesOut: [Phase] = []
        for (index, record) in phases.enumerated() {
            if record.isGroup {
                documentCriteria += criteriaByPhase[index] ?? []
                continue
            }
            var phase = record.phase
            phase.tasks = phaseTasks[index] ?? []
            phase.acceptanceCriteria = criteriaByPhase[index] ?? []
            phasesOut.append(phase)
        }

        document.title = title ?? sections.first?.title
        document.sections = sectionTree()
        document.phases = phasesOut
        document.tasks = documentTasks
        document.requirements = requirementsOut
        document.acceptanceCriteria = documentCriteria
        document.claims = claims
        document.checklist = checklist
    }

    /// Writes each dependency the way the document writes the id it names: `[2]` in a document of
    /// `Task N` blocks is `Task 2`; `Task 1.2` in a document of `1.2` ids is `1.2`.
    private func normaliseDependencies(_ records: inout [TaskRecord]) {
        var known = Set(records.compactMap(\.task.id))
        known.formUnion(phases.map(\.phase.id))
        let usesTaskPrefix = known.contains { $0.hasPrefix("Task ") }
        let prefixes = Set(known.compactMap(DependencyText.ticketPrefix))
        let schemes = Set(known.map(DependencyText.scheme))
        for index in records.indices {
            // `depends on HLS-006` in a document whose tasks are not HLS-n names another kind of thing.
            records[index].task.dependencies.removeAll { dependency in
                DependencyText.ticketPrefix(dependency.id).map { !prefixes.contains($0) } ?? false
            }
            // A `### TODO-032:` task's "**Dependencies**: TODO-014 (US-001 v2 generated), HLS-003 (approved)"
            // also names stories and documents: only ids in the document's own task scheme are dependencies.
            if records[index].checksBelow {
                records[index].task.dependencies.removeAll { dependency in
                    let prefix = DependencyText.scheme(dependency.id)
                    return !prefix.isEmpty && prefix != "PHASE" && !schemes.contains(prefix)
                }
            }
            records[index].task.dependencies = records[index].task.dependencies.map { dependency in
                var out = dependency
                if known.contains(dependency.id) { return out }
                // `TASK-012` read as `Task -012`.
                if dependency.id.hasPrefix("Task -"), known.contains("TASK" + dependency.id.dropFirst(5)) {
                    out.id = "TASK" + dependency.id.dropFirst(5)
                    return out
                }
                let bare = dependency.id.first?.isNumber == true
                if bare, usesTaskPrefix || known.contains("Task \(dependency.id)") {
                    out.id = "Task \(dependency.id)"
                } else if dependency.id.hasPrefix("Task "), known.contains(String(dependency.id.dropFirst(5))) {
                    out.id = String(dependency.id.dropFirst(5))
                }
                return out
            }
        }
    }

    /// The heading tree (headings nest at most six levels, so a stack suffices).
    private func sectionTree() -> [Section] {
        var roots: [Section] = []
        var stack: [Section] = []
        func close(to level: Int) {
            while let last = stack.last, last.level >= level {
                stack.removeLast()
                if stack.isEmpty { roots.append(last) } else { stack[stack.count - 1].children.append(last) }
            }
        }
        for record in sections {
            close(to: record.level)
            stack.append(Section(title: record.title, level: record.level, range: record.range))
        }
        close(to: 0)
        return roots
    }
}
