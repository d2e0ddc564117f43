/// A YAML or JSON file that is plainly a plan, in a shape speckit cannot read, or whose work speckit finds no
/// task in: said once, naming the keys it saw, rather than read as an empty plan or as no plan at all.
enum UnreadShape {
    /// Where the docs describe the shapes speckit reads.
    static let docs = "docs/structured-plans.md"

    /// The note for a mapping that fills no document although its keys say it is a plan (`sprint:`,
    /// `roadmap:`, `development_status:` …); nil when nothing in it says plan.
    static func unrecognised(_ root: PlanValue, source: SourceText) -> Diagnostic? {
        guard let pairs = root.pairs, let planKey = firstPlanKey(pairs) else { return nil }
        return note("no tasks found: top-level keys \(keyList(pairs))", at: planKey, source: source)
    }

    /// The note for a document read without a single task although its phases hold lists of entries under
    /// keys speckit does not read as tasks (`work_packages:`, `jobs:` …); nil when it has tasks, or when
    /// nothing was left unread (a roadmap of milestones with deliverables is a plan without tasks).
    static func empty(_ document: Document, root: PlanValue, source: SourceText) -> Diagnostic? {
        guard document.allTasks.isEmpty, let pairs = root.pairs else { return nil }
        let groups = pairs.filter { StructuredKeys.phaseLists.contains(StructuredKeys.fold($0.key)) }
        var unread: [String] = []
        for group in groups {
            for entry in StructuredLists.entries(group.value) ?? [] {
                for pair in entry.pairs ?? [] where StructuredKeys.role(of: pair.key) == .other {
                    if StructuredEntry.holdsEntries(pair.value), !unread.contains(pair.key) { unread.append(pair.key) }
                }
            }
        }
        guard let first = groups.first, !unread.isEmpty else { return nil }
        let holders = groups.map(\.key).joined(separator: ", ")
        return note(
            "no tasks found: top-level keys \(keyList(pairs)); \(holders) entries hold \(unread.joined(separator: ", ")), "
                + "which speckit does not read as tasks", at: first, source: source)
    }

    /// The first top-level key (or key of a top-level mapping) that only a plan has.
    private static func firstPlanKey(_ pairs: [PlanValue.Pair]) -> PlanValue.Pair? {
        if let pair = pairs.first(where: isPlanKey) { return pair }
        return pairs.first { $0.value.pairs?.contains(where: isPlanKey) ?? false }
    }

    /// A plan word holding a mapping (`sprint: {…}`; `plan: free` is a setting) or a list of entries written
    /// as mappings (`items: [Home, Blog]` is a menu, `features: [search, export]` a list of words).
    private static func isPlanKey(_ pair: PlanValue.Pair) -> Bool {
        let key = StructuredKeys.fold(pair.key)
        guard StructuredKeys.planKeys.contains(key) else { return false }
        if pair.value.pairs != nil { return !StructuredKeys.softLists.contains(key) || StructuredEntry.holdsEntries(pair.value) }
        return pair.value.items != nil && StructuredEntry.holdsEntries(pair.value)
    }

    /// `project, sprints, backlog`, cut after ten keys.
    private static func keyList(_ pairs: [PlanValue.Pair]) -> String {
        let keys = pairs.map(\.key)
        return keys.prefix(10).joined(separator: ", ") + (keys.count > 10 ? " … (\(keys.count) keys)" : "")
    }

    private static func note(_ message: String, at pair: PlanValue.Pair, source: SourceText) -> Diagnostic {
        let expected = "speckit reads phases/milestones/sprints/epics/… holding tasks/tickets/stories/… (see \(docs))"
        return Diagnostic(
            .unreadShape, .warning, "\(message); \(expected)",
            at: SourceRange(
                file: source.path, line: pair.keyLine, column: source.diskColumn(line: pair.keyLine, scalarColumn: pair.keyColumn)))
    }
}
