/// Builds `PlanTask`s from the entries of a YAML `tasks:` list or a Taskmaster `tasks.json`.
enum StructuredTasks {
    /// The tasks of a list; `parentID` is the id of the task they are subtasks of.
    static func tasks(_ values: [PlanValue], parentID: String?, context: StructuredContext) -> [PlanTask] {
        let entries = values.map { value in value.pairs == nil ? nil : StructuredEntry(value, context: context) }
        let siblings = Set(entries.compactMap { $0?.id })
        return zip(values, entries).map { value, entry in
            guard let entry else { return scalarTask(value, context: context) }
            return task(entry, parentID: parentID, siblings: siblings, context: context)
        }
    }

    /// A list item that is only text (`- Write the docs`).
    private static func scalarTask(_ value: PlanValue, context: StructuredContext) -> PlanTask {
        PlanTask(id: nil, title: value.nonNullText ?? "", form: .structured, range: context.source.range(of: value))
    }

    private static func task(
        _ entry: StructuredEntry, parentID: String?, siblings: Set<String>,
        context: StructuredContext
    ) -> PlanTask {
        let id = entry.id.map { fullID($0, parentID: parentID, context: context) }
        var task = PlanTask(
            id: id, title: entry.title ?? entry.titleFallback ?? id ?? "", form: .structured,
            range: entry.range)
        task.statuses = entry.statuses
        task.status = entry.statuses.first?.value ?? .unknown
        task.priority = entry.priority
        task.dependencies = entry.dependencies.map {
            dependency($0, parentID: parentID, siblings: siblings, context: context)
        }
        task.assignee = entry.assignee.flatMap { $0.isEmpty ? nil : $0 }
        task.dates = entry.dates
        task.tags = entry.tags
        task.requirementRefs = entry.requirementRefs
        task.fields = entry.fields + entry.deliverables.map { Field(key: "deliverable", value: $0.text, range: $0.range) }
        task.acceptanceCriteria = entry.acceptance
        // Groups inside a task (`features:` of a story) are more subtasks: a task has no phases of its own.
        task.subtasks = tasks(entry.children + entry.groups.flatMap(\.entries), parentID: id, context: context)
        return task
    }

    /// Taskmaster numbers subtasks within their parent: subtask `1` of task `3` is `3.1`.
    /// Elsewhere ids are kept as written.
    static func fullID(_ id: String, parentID: String?, context: StructuredContext) -> String {
        guard context.taskmaster, let parentID, !id.contains(".") else { return id }
        return "\(parentID).\(id)"
    }

    /// Taskmaster subtasks name sibling subtasks by number (`2` → `3.2`) and other tasks in full (`"3.2"`);
    /// a dotless string names a sibling when there is one by that id.
    static func dependency(
        _ token: StructuredDependency, parentID: String?, siblings: Set<String>,
        context: StructuredContext
    ) -> Dependency {
        guard context.taskmaster, let parentID, !token.raw.contains(".") else {
            return Dependency(raw: token.raw, id: token.raw)
        }
        if token.isNumber || siblings.contains(token.raw) {
            return Dependency(raw: token.raw, id: "\(parentID).\(token.raw)")
        }
        return Dependency(raw: token.raw, id: token.raw)
    }
}
