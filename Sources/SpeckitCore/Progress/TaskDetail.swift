/// One task with what a coding agent needs to work on it: where it is written, its phase, what it waits for
/// (and whether that is done), the requirements it cites and its acceptance criteria. What `speckit mcp`'s
/// `task` tool returns.
public struct TaskDetail: Codable, Hashable, Sendable {
    public struct PhaseInfo: Codable, Hashable, Sendable {
        public var id: String
        public var title: String
        public var status: CanonicalStatus
    }

    public struct DependencyInfo: Codable, Hashable, Sendable {
        public var id: String
        /// The status of the task or phase it names; nil when speckit finds neither.
        public var status: CanonicalStatus?
    }

    public struct RequirementInfo: Codable, Hashable, Sendable {
        public var id: String
        /// The requirement's text, when the kit defines it.
        public var text: String?
        public var acceptanceCriteria: [AcceptanceCriterion]
    }

    public struct SubtaskInfo: Codable, Hashable, Sendable {
        public var id: String?
        public var title: String
        public var status: CanonicalStatus
        public var line: Int
    }

    public var id: String?
    public var title: String
    public var status: CanonicalStatus
    /// Every status the plan states for the task, where and as written.
    public var statuses: [Status]
    public var kit: String
    public var file: String
    public var line: Int
    /// The last of the task's own lines.
    public var endLine: Int
    /// The content hash of the task's own lines (`set-status --expect-hash`).
    public var hash: String?
    public var phase: PhaseInfo?
    /// The id of the task it sits under.
    public var parent: String?
    public var priority: String?
    /// What it waits for (its own, its parents' and its phase's dependencies) and how far each is.
    public var dependencies: [DependencyInfo]
    public var requirements: [RequirementInfo]
    public var acceptanceCriteria: [AcceptanceCriterion]
    public var subtasks: [SubtaskInfo]
    public var fields: [Field]

    /// The task `name` names (an id or `FILE:LINE`) in `kit`; `bytes` reads a file for the hash.
    /// - Throws: `SpeckitError.taskNotFound` or `.cannotEdit` as `set-status` does for a name it cannot resolve.
    public init(_ name: String, in kit: Kit, bytes: (String) -> [UInt8]?) throws {
        let place = try TaskPlace.named(name, in: kit)[0]
        let task = place.task
        var units = WorkUnits(kit)
        units.keepCounted()
        let unit = units.tasks.first { $0.task.range == task.range }
        var lines = TaskLines.ownLines(of: task)
        var hash: String?
        if let data = bytes(task.range.file) {
            let table = LineTable(data)
            lines = TaskLines.trimmed(lines, of: data, table: table)
            hash = TaskLines.hash(lines, of: data, table: table)
        }
        let requirements = kit.documents.flatMap(\.requirements)
        let dependencies = task.dependencies + place.ancestors.flatMap(\.dependencies) + (place.phase?.dependencies ?? [])
        self.id = task.id
        self.title = task.title
        self.status = task.status
        self.statuses = task.statuses
        self.kit = kit.name
        self.file = task.range.file
        self.line = lines.lowerBound
        self.endLine = lines.upperBound
        self.hash = hash
        self.phase = place.phase.map { PhaseInfo(id: $0.id, title: $0.title, status: $0.effectiveStatus) }
        self.parent = place.ancestors.last.map { $0.id ?? $0.title }
        self.priority = task.priority ?? place.phase?.priority
        self.dependencies = dependencies.map(\.id).uniqued().map { id in
            let status = unit.flatMap { unit in
                units.unit(named: Dependency(raw: id, id: id), from: unit).map { units.tasks[$0].task.status }
            }
            return DependencyInfo(id: id, status: status ?? units.phaseStatus(id))
        }
        self.requirements = task.requirementRefs.uniqued().map { ref in
            let found = requirements.first { $0.id == ref }
            return RequirementInfo(id: ref, text: found?.text, acceptanceCriteria: found?.acceptanceCriteria ?? [])
        }
        self.acceptanceCriteria = task.acceptanceCriteria
        self.subtasks = task.subtasks.map { SubtaskInfo(id: $0.id, title: $0.title, status: $0.status, line: $0.range.line) }
        self.fields = task.fields
    }
}
