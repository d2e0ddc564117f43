import Foundation

/// What the structured parser needs to know while it builds phases and tasks.
struct StructuredContext {
    let source: SourceText
    let vocabulary: StatusVocabulary
    /// Taskmaster numbering: a subtask's id and numeric dependencies are local to its parent task.
    let taskmaster: Bool
    /// Fields whose values have the wrong shape, noted while entries are read.
    let notes = InvalidFieldNotes()

    init(source: SourceText, vocabulary: StatusVocabulary, taskmaster: Bool) {
        self.source = source
        self.vocabulary = vocabulary
        self.taskmaster = taskmaster
    }
}

/// Collects `parse.invalid-field` notes while a structured plan is read (one parse, one thread).
final class InvalidFieldNotes {
    private(set) var all: [Diagnostic] = []

    func add(key: String, expected: String, value: PlanValue, source: SourceText) {
        all.append(Diagnostic(.invalidField, .warning, "field '\(key)' should be \(expected)", at: source.range(of: value)))
    }
}

/// A dependency as written, before it is resolved against the task that declares it.
struct StructuredDependency: Equatable {
    var raw: String
    /// Written as a plain number (`2`), not a string (`"2"`, `"3.2"`).
    var isNumber: Bool
}

/// Everything a phase or task entry (a YAML/JSON mapping) says, read in one pass over its keys.
struct StructuredEntry {
    var id: String?
    var title: String?
    /// The first line of `description`/`details`, for an entry without a title.
    var titleFallback: String?
    var statuses: [Status] = []
    var priority: String?
    var dependencies: [StructuredDependency] = []
    var dates = TaskDates()
    var fields: [Field] = []
    var acceptance: [AcceptanceCriterion] = []
    var deliverables: [ListEntry] = []
    /// The entries listed under `tasks`, `subtasks`, `children`, `tickets`, `stories` … (and deliverables
    /// written as entries with a state: `deliverables: [{title: …, state: DONE}]`).
    var children: [PlanValue] = []
    /// Groups listed under `epics`, `sprints`, `features` … inside this entry, each with the key it was under.
    var groups: [(key: String, entries: [PlanValue])] = []
    var assignee: String?
    var tags: [String] = []
    var requirementRefs: [String] = []
    var range: SourceRange

    init(_ value: PlanValue, context: StructuredContext) {
        let source = context.source
        range = source.range(of: value)
        for pair in value.pairs ?? [] {
            let item = pair.value
            let role = StructuredKeys.role(of: pair.key)
            if role == .doneFlag || role == .completed, let flag = item.bool {
                statuses.append(
                    Status(
                        value: flag ? .done : .todo, raw: "\(pair.key): \(flag)",
                        source: .structured, range: source.range(of: item)))
                continue
            }
            let folded = StructuredKeys.fold(pair.key)
            if StructuredKeys.softLists.contains(folded), !Self.holdsEntries(item) {
                fields += StructuredLists.fields(key: pair.key, value: item, source: source)
                continue
            }
            if role == .deliverables, Self.holdsEntries(item, withAnyOf: Self.workRoles) {
                children += StructuredLists.entries(item) ?? []
                continue
            }
            // A work breakdown (phase → deliverable → tasks): deliverables that hold tasks are groups.
            if role == .deliverables, StructuredLists.entries(item)?.contains(where: Self.holdsWork) == true {
                groups.append((pair.key, StructuredLists.entries(item) ?? []))
                continue
            }
            if let expected = Self.expectedShape(of: role, item) {
                context.notes.add(key: pair.key, expected: expected, value: item, source: source)
                continue
            }
            switch role {
            case .id: if id == nil { id = item.nonNullText }
            case .title: if title == nil { title = item.nonNullText }
            case .status:
                if let text = item.nonNullText {
                    let value = context.vocabulary.status(forWord: text) ?? context.vocabulary.leadingStatus(in: text)
                    statuses.append(
                        Status(
                            value: value ?? .unknown, raw: text, source: .structured,
                            range: source.range(of: item)))
                }
            case .children: children += StructuredLists.entries(item) ?? []
            case .groups: groups.append((pair.key, StructuredLists.entries(item) ?? []))
            case .dependencies:
                let (ids, prose) = Self.dependencies(item)
                dependencies += ids
                if !prose.isEmpty {
                    fields.append(Field(key: pair.key, value: prose.joined(separator: ", "), range: source.range(of: item)))
                }
            case .priority: priority = item.nonNullText ?? priority
            case .acceptance: acceptance += StructuredLists.criteria(item, source: source)
            case .deliverables:
                deliverables += StructuredLists.texts(item).map {
                    ListEntry(text: $0.text, range: source.range(of: $0.value))
                }
            case .started: dates.started = item.nonNullText.map(StructuredDates.value) ?? dates.started
            case .completed: dates.completed = item.nonNullText.map(StructuredDates.value) ?? dates.completed
            case .due: dates.due = item.nonNullText.map(StructuredDates.value) ?? dates.due
            case .lastUpdated: dates.lastUpdated = item.nonNullText.map(StructuredDates.value) ?? dates.lastUpdated
            case .assignee: assignee = StructuredLists.texts(item).map(\.text).joined(separator: ", ")
            case .tags: tags += StructuredLists.texts(item, splittingCommas: true).map(\.text)
            case .requirements: requirementRefs += StructuredLists.texts(item, splittingCommas: true).map(\.text)
            case .prose:
                if let text = item.nonNullText {
                    fields.append(Field(key: pair.key, value: text, range: source.range(of: item)))
                    if titleFallback == nil {
                        titleFallback = text.split(whereSeparator: \.isNewline).first.map(String.init)
                    }
                }
            case .doneFlag, .other:
                fields += StructuredLists.fields(key: pair.key, value: item, source: source)
            }
        }
    }

    /// What a field's value should have been, when it has the wrong shape: ids, titles, statuses, priorities
    /// and dates are single values; dependencies are a value or a list, though a mapping of lists is groups of
    /// prerequisites (`required: [{dependency: "yq installed"}]`), not task ids: no dependency, no note; child
    /// tasks are a list.
    static func expectedShape(of role: StructuredKeys.Role, _ item: PlanValue) -> String? {
        let scalar = item.pairs == nil && item.items == nil
        switch role {
        case .id, .title, .status, .priority, .started, .completed, .due, .lastUpdated:
            return scalar ? nil : "a single value (text or number), not a \(item.pairs != nil ? "mapping" : "list")"
        case .dependencies:
            guard let pairs = item.pairs, !pairs.allSatisfy({ $0.value.pairs != nil || $0.value.items != nil }) else { return nil }
            return "a task id or a list of task ids, not a mapping"
        case .children:
            return StructuredLists.entries(item) != nil ? nil : "a list of tasks (or a mapping of id: task)"
        default:
            return nil
        }
    }

    /// Keys that make a mapping a piece of work rather than a named thing: an id, a status, a done flag, a
    /// dependency.
    static let workRoles: Set<StructuredKeys.Role> = [.id, .status, .doneFlag, .completed, .dependencies]

    /// Whether an entry holds work of its own: tasks, groups, or deliverables with a state.
    static func holdsWork(_ value: PlanValue) -> Bool {
        (value.pairs ?? []).contains { pair in
            switch StructuredKeys.role(of: pair.key) {
            case .children:
                if StructuredKeys.softLists.contains(StructuredKeys.fold(pair.key)) { return holdsEntries(pair.value) }
                return StructuredLists.entries(pair.value)?.isEmpty == false
            case .groups: return holdsEntries(pair.value)
            case .deliverables:
                return holdsEntries(pair.value, withAnyOf: workRoles)
                    || StructuredLists.entries(pair.value)?.contains(where: holdsWork) == true
            default: return false
            }
        }
    }

    /// Whether `value` lists entries and at least one of them is a mapping (with one of `roles`, when given).
    static func holdsEntries(_ value: PlanValue, withAnyOf roles: Set<StructuredKeys.Role>? = nil) -> Bool {
        guard let entries = StructuredLists.entries(value) else { return false }
        return entries.contains { entry in
            guard let pairs = entry.pairs else { return false }
            guard let roles else { return true }
            return pairs.contains { roles.contains(StructuredKeys.role(of: $0.key)) }
        }
    }
}
