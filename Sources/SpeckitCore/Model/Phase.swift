/// A heading that groups work: `## T2 — Edge Function ⏳ IN PROGRESS`, `### Phase 1 — Control Plane API`,
/// `## Phase 14.1 — Task lifecycle contract`, `## Phase 3: User Story 1 (Priority: P1)`, or a YAML phase.
public struct Phase: Codable, Hashable, Sendable {
    /// How people refer to the phase: `T2`, `Phase 14.1`, a YAML id.
    public var id: String
    /// The heading text without its id and status suffix.
    public var title: String
    /// The heading level (1–6); 0 for phases from YAML/JSON.
    public var level: Int
    /// The status the phase declares for itself (heading suffix first, then a `Status:` line), if any.
    public var declaredStatus: Status?
    /// Every status the phase declares, in document order.
    public var statuses: [Status]
    public var priority: String?
    public var dependencies: [Dependency]
    public var dates: TaskDates
    public var fields: [Field]
    /// Plain (non-checkbox) items listed under a "Deliverables:" label.
    public var deliverables: [ListEntry]
    public var acceptanceCriteria: [AcceptanceCriterion]
    /// Tasks directly under the phase (each with its subtasks).
    public var tasks: [PlanTask]
    public var range: SourceRange

    public init(id: String, title: String, level: Int, range: SourceRange) {
        self.id = id
        self.title = title
        self.level = level
        self.declaredStatus = nil
        self.statuses = []
        self.priority = nil
        self.dependencies = []
        self.dates = TaskDates()
        self.fields = []
        self.deliverables = []
        self.acceptanceCriteria = []
        self.tasks = []
        self.range = range
    }

    /// Every task of the phase, subtasks included, depth first.
    public var allTasks: [PlanTask] { tasks.flatMap(\.flattened) }
}

/// A plain list entry (no checkbox), such as a deliverable.
public struct ListEntry: Codable, Hashable, Sendable {
    public var text: String
    public var range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}
