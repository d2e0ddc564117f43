/// Builds `Phase`s from the entries of a `phases:`/`milestones:`/`sprints:` list or the tags of a Taskmaster file.
///
/// Groups nested in a phase (`phases:` → `epics:` → `tasks:`) become phases of their own, listed right after
/// the phase that holds them, the way a `###` heading under a `##` one is a phase of its own in Markdown: each
/// keeps its own status, dependencies and tasks, and names the group it sits in in a `parent` field.
enum StructuredPhases {
    static func phases(_ values: [PlanValue], context: StructuredContext) -> [Phase] {
        values.enumerated().flatMap { index, value in
            phaseAndGroups(value, position: index + 1, parentID: nil, depth: 0, context: context)
        }
    }

    /// A phase; without an id of its own it is named by its title, else by its position (`1`, `2` …).
    static func phase(_ value: PlanValue, position: Int, context: StructuredContext) -> Phase {
        phaseAndGroups(value, position: position, parentID: nil, depth: 0, context: context)[0]
    }

    /// Nested groups deeper than this are read as tasks with subtasks (a hostile file cannot make a phase
    /// per node).
    private static let maxDepth = 4

    /// The phase, then the phases of the groups inside it, depth first.
    private static func phaseAndGroups(
        _ value: PlanValue, position: Int, parentID: String?, depth: Int, context: StructuredContext
    ) -> [Phase] {
        guard value.pairs != nil else {
            let title = value.nonNullText ?? ""
            return [
                Phase(
                    id: title.isEmpty ? positional(position, parentID: parentID) : title, title: title, level: 0,
                    range: context.source.range(of: value))
            ]
        }
        let entry = StructuredEntry(value, context: context)
        let id = entry.id ?? entry.title ?? positional(position, parentID: parentID)
        var phase = Phase(id: id, title: entry.title ?? entry.titleFallback ?? id, level: 0, range: entry.range)
        phase.statuses = entry.statuses
        phase.declaredStatus = entry.statuses.first
        phase.priority = entry.priority
        phase.dependencies = entry.dependencies.map { Dependency(raw: $0.raw, id: $0.raw) }
        phase.dates = entry.dates
        phase.fields = (parentID.map { [Field(key: "parent", value: $0)] } ?? []) + entry.fields + extraFields(entry)
        phase.deliverables = entry.deliverables
        phase.acceptanceCriteria = entry.acceptance
        // A group whose entries hold no work of their own (`epics: [{id: E1, status: done}]`) lists leaves:
        // tasks of this phase.
        let leaves = entry.groups.filter { !$0.entries.contains(where: StructuredEntry.holdsWork) }.flatMap(\.entries)
        let nested = entry.groups.filter { $0.entries.contains(where: StructuredEntry.holdsWork) }.flatMap(\.entries)
        guard depth < maxDepth else {
            phase.tasks = StructuredTasks.tasks(entry.children + leaves + nested, parentID: nil, context: context)
            return [phase]
        }
        phase.tasks = StructuredTasks.tasks(entry.children + leaves, parentID: nil, context: context)
        return [phase]
            + nested.enumerated().flatMap { index, group in
                phaseAndGroups(group, position: index + 1, parentID: id, depth: depth + 1, context: context)
            }
    }

    /// `2` for the second phase; `P1.2` for the second group inside phase `P1`.
    private static func positional(_ position: Int, parentID: String?) -> String {
        parentID.map { "\($0).\(position)" } ?? "\(position)"
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
