/// Recognises the shapes of structured plans and fills a `Document` from them:
///
/// - a top-level list of tasks (or of phases, when every item has a `tasks:` list of its own);
/// - a mapping with a list of groups under `phases|milestones|stages|epics|sprints|iterations|…` and/or a list
///   of tasks under `tasks|items|todos|tickets|stories|…`, whose other entries are the document's metadata;
/// - such a mapping wrapped once (`project: {sprints: […]}`);
/// - keyed groups, each mapping that holds a task list a phase named by its key: `sprint_1: {tickets: …}`;
///   so is a tagged Taskmaster file, `{"master": {"tasks": […], "metadata": {…}}, "feature-x": {…}}`, each tag a phase.
enum StructuredShape {
    /// Fills `document` from `root`; false when `root` has none of the shapes.
    static func fill(_ document: inout Document, from root: PlanValue, context: StructuredContext) -> Bool {
        switch root.kind {
        case .scalar:
            return false
        case .sequence(let items):
            guard items.allSatisfy({ $0.pairs != nil || $0.nonNullText != nil }) else { return false }
            if !items.isEmpty, items.allSatisfy(isPhase) {
                document.phases = StructuredPhases.phases(items, context: context)
                if !context.taskmaster { GroupNumbering.localise(&document.phases) }
            } else {
                document.tasks = StructuredTasks.tasks(items, parentID: nil, context: context)
            }
            return true
        case .mapping(let pairs):
            return fillFromMapping(&document, pairs: pairs, context: context)
        }
    }

    /// `story:` (or `task:`, `ticket:` …) holding one entry with a title or id.
    private static func isSingleItem(_ pair: PlanValue.Pair) -> Bool {
        guard StructuredKeys.singleItems.contains(StructuredKeys.fold(pair.key)), let entry = pair.value.pairs else { return false }
        return entry.contains { ["title", "name", "id", "summary"].contains(StructuredKeys.fold($0.key)) }
    }

    private static func fillFromMapping(
        _ document: inout Document, pairs: [PlanValue.Pair],
        context: StructuredContext, wrapped: Bool = false
    ) -> Bool {
        let phaseLists = pairs.indices.filter { listed(pairs[$0], under: StructuredKeys.phaseLists) != nil }
        // `milestones:` naming dates beside `sprints:` holding the work: the list with work in it wins.
        let phaseIndex =
            phaseLists.first { index in
                listed(pairs[index], under: StructuredKeys.phaseLists)?.contains(where: StructuredEntry.holdsWork) == true
            } ?? phaseLists.first
        let taskIndex = pairs.firstIndex { listed($0, under: StructuredKeys.taskLists) != nil }
        var used = Set([phaseIndex, taskIndex].compactMap { $0 })
        if let phaseIndex, let entries = listed(pairs[phaseIndex], under: StructuredKeys.phaseLists) {
            document.phases = StructuredPhases.phases(entries, context: context)
            if !context.taskmaster { GroupNumbering.localise(&document.phases) }
        }
        if let taskIndex, let entries = listed(pairs[taskIndex], under: StructuredKeys.taskLists) {
            document.tasks = StructuredTasks.tasks(entries, parentID: nil, context: context)
        }
        // A tasks.json's tags come first; in YAML a wrapper around phases does (`implementation_plan: {phases: …}`
        // beside `files_created: {stories: […]}`).
        if used.isEmpty, context.taskmaster { used = fillKeyedGroups(&document, pairs: pairs, context: context) }
        if used.isEmpty, !wrapped,
            let wrapper = pairs.first(where: { pair in
                pair.value.pairs?.contains { listed($0, under: StructuredKeys.phaseLists) != nil } ?? false
            }),
            let inner = wrapper.value.pairs,
            // One wrapper around the plan (`project: {name: …, sprints: […]}`, `roadmap: {milestones: […]}`).
            fillFromMapping(&document, pairs: inner, context: context, wrapped: true)
        {
            return true
        }
        if used.isEmpty, !context.taskmaster { used = fillKeyedGroups(&document, pairs: pairs, context: context) }
        // One work item written out (`story: {id, title, status, acceptance_criteria}`, a ticket's own file):
        // a plan of that one task.
        if used.isEmpty, !wrapped, let index = pairs.firstIndex(where: isSingleItem) {
            document.tasks = StructuredTasks.tasks([pairs[index].value], parentID: nil, context: context)
            used = [index]
        }
        guard !used.isEmpty else { return false }
        let rest = pairs.indices.filter { !used.contains($0) }.map { pairs[$0] }
        if let criteria = rest.first(where: { StructuredKeys.role(of: $0.key) == .acceptance }) {
            document.acceptanceCriteria = StructuredLists.criteria(criteria.value, source: context.source)
        }
        if !rest.isEmpty {
            document.frontMatter = .object(rest.map { JSONValue.KeyValue($0.key, $0.value.jsonValue) })
        }
        document.title = title(rest)
        return true
    }

    /// Keyed groups: every mapping that holds a task list is a phase named by its key — the tags of a
    /// Taskmaster tasks.json (`{"master": {"tasks": […]}}`), or `sprint_1: {tickets: {…}}`, `sprint_2: …`.
    /// Outside a tasks.json the tasks must be written as mappings: `menu: {items: [Home, Blog]}` is no plan.
    /// The indices of the groups read.
    private static func fillKeyedGroups(_ document: inout Document, pairs: [PlanValue.Pair], context: StructuredContext) -> Set<Int> {
        let tags = pairs.indices.filter { index in
            pairs[index].value.pairs?.contains {
                listed($0, under: StructuredKeys.taskLists) != nil && (context.taskmaster || StructuredEntry.holdsEntries($0.value))
            } ?? false
        }
        guard !tags.isEmpty else { return [] }
        document.phases = tags.enumerated().map { position, index in
            let tag = pairs[index]
            let value = tag.value.withDefaultID(tag.key, line: tag.keyLine, column: tag.keyColumn)
            return StructuredPhases.phase(value, position: position + 1, context: context)
        }
        if !context.taskmaster { GroupNumbering.localise(&document.phases) }
        return Set(tags)
    }

    /// The entries of `pair` when its key is one of `names` and its value a list of entries (of mappings, for
    /// a key that may also hold plain words: `features: [login, search]` is no list of phases).
    static func listed(_ pair: PlanValue.Pair, under names: Set<String>) -> [PlanValue]? {
        let key = StructuredKeys.fold(pair.key)
        guard names.contains(key) else { return nil }
        if StructuredKeys.softLists.contains(key), !StructuredEntry.holdsEntries(pair.value) { return nil }
        return StructuredLists.entries(pair.value)
    }

    /// A list item that holds a task list (or a list of groups) of its own, and so is a phase of a top-level list.
    private static func isPhase(_ item: PlanValue) -> Bool {
        guard let pairs = item.pairs else { return false }
        return pairs.contains {
            listed($0, under: StructuredKeys.taskLists) != nil
                || (listed($0, under: StructuredKeys.phaseLists)?.contains(where: StructuredEntry.holdsWork) ?? false)
        }
    }

    /// `title`, `name`, `project` or `projectName` of the document or of its `metadata`/`project` mapping.
    private static func title(_ pairs: [PlanValue.Pair]) -> String? {
        let document = PlanValue(.mapping(pairs), line: 1, column: 1)
        for key in StructuredKeys.documentTitles {
            guard let value = document.value(forAny: [key]) else { continue }
            if let text = value.nonNullText { return text }
            if let nested = value.value(forAny: ["title", "name"])?.nonNullText { return nested }
        }
        let metadata = document.value(forAny: StructuredKeys.metadata)
        return StructuredKeys.documentTitles.lazy.compactMap { metadata?.value(forAny: [$0])?.nonNullText }.first
    }
}
