/// Builds `Phase`s from the entries of a `phases:`/`milestones:` list or the tags of a Taskmaster file.
enum StructuredPhases {
    static func phases(_ values: [PlanValue], context: StructuredContext) -> [Phase] {
        values.enumerated().map { index, value in phase(value, position: index + 1, context: context) }
    }

    /// A phase; without an id of its own it is named by its title, else by its position (`1`, `2` …).
    static func phase(_ value: PlanValue, position: Int, context: StructuredContext) -> Phase {
        guard value.pairs != nil else {
            let title = value.nonNullText ?? ""
            return Phase(
                id: title.isEmpty ? "\(position)" : title, title: title, level: 0,
                range: context.source.range(of: value))
        }
        let entry = StructuredEntry(value, context: context)
        let id = entry.id ?? entry.title ?? "\(position)"
        var phase = Phase(id: id, title: entry.title ?? entry.titleFallback ?? id, level: 0, range: entry.range)
        phase.statuses = entry.statuses
        phase.declaredStatus = entry.statuses.first
        phase.priority = entry.priority
        phase.dependencies = entry.dependencies.map { Dependency(raw: $0.raw, id: $0.raw) }
        phase.dates = entry.dates
        phase.fields = entry.fields + extraFields(entry)
        phase.deliverables = entry.deliverables
        phase.acceptanceCriteria = entry.acceptance
        phase.tasks = StructuredTasks.tasks(entry.children, parentID: nil, context: context)
        return phase
    }

    /// What a phase entry says that `Phase` has no property for.
    private static func extraFields(_ entry: StructuredEntry) -> [Field] {
        var out: [Field] = []
        if let assignee = entry.assignee, !assignee.isEmpty { out.append(Field(key: "assignee", value: assignee)) }
        if !entry.tags.isEmpty { out.append(Field(key: "tags", value: entry.tags.joined(separator: ", "))) }
        if !entry.requirementRefs.isEmpty {
            out.append(Field(key: "requirements", value: entry.requirementRefs.joined(separator: ", ")))
        }
        return out
    }
}
