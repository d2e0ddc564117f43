/// One unit of work: a checkbox item, a `### Task 39:` heading block, or an entry of a YAML/JSON plan.
public struct PlanTask: Codable, Hashable, Sendable {
    /// How the task was written.
    public enum Form: String, Codable, Sendable {
        /// A Markdown list item with a checkbox.
        case checkbox
        /// A Markdown heading block such as `### Task 39: Health Schema Consolidation`.
        case heading
        /// An entry of a YAML plan or a Taskmaster `tasks.json`.
        case structured
        /// A row of a Markdown table with an id column and a status column (`| T001 | Setup | ✅ Done |`).
        case table
    }

    /// The id as written (`T2.1`, `T012`, `Task 39`, `1.2`, a YAML id), when there is one.
    public var id: String?
    public var title: String
    public var form: Form
    /// The checkbox, for checkbox tasks.
    public var marker: TaskMarker?
    /// The status speckit settles on: the first declared status, else what the checkbox implies.
    public var status: CanonicalStatus
    /// Every status the document declares for this task, in document order.
    public var statuses: [Status]
    public var priority: String?
    public var dependencies: [Dependency]
    public var assignee: String?
    public var dates: TaskDates
    /// Bracketed tags such as `P` (parallel) and `US1` (user story).
    public var tags: [String]
    /// Requirement ids the task cites (`FR-001`, Kiro's `_Requirements: 1.1, 2.3_`).
    public var requirementRefs: [String]
    /// Other tasks the text mentions (`(Task 43)`, `Complete Task 55: …`).
    public var taskRefs: [String]
    /// Other `key: value` facts: attribute-table rows and fields (`Complexity`, `Risk`, `Estimated` …).
    public var fields: [Field]
    public var acceptanceCriteria: [AcceptanceCriterion]
    public var subtasks: [PlanTask]
    public var range: SourceRange

    public init(id: String?, title: String, form: Form, range: SourceRange) {
        self.id = id
        self.title = title
        self.form = form
        self.marker = nil
        self.status = .unknown
        self.statuses = []
        self.priority = nil
        self.dependencies = []
        self.assignee = nil
        self.dates = TaskDates()
        self.tags = []
        self.requirementRefs = []
        self.taskRefs = []
        self.fields = []
        self.acceptanceCriteria = []
        self.subtasks = []
        self.range = range
    }

    /// Kiro's `- [ ]*` / `- [x]*`: a task the plan marks optional.
    public var isOptional: Bool { marker?.optional == true }

    /// Whether the task counts as work in progress figures: an optional task still open does not (it is
    /// nobody's debt), a done one does.
    public var countsAsWork: Bool { !isOptional || status.isClosed }

    /// This task and every subtask below it, depth first.
    public var flattened: [PlanTask] {
        var out: [PlanTask] = []
        var stack: [PlanTask] = [self]
        while let task = stack.popLast() {
            out.append(task)
            stack.append(contentsOf: task.subtasks.reversed())
        }
        return out
    }
}

/// A task this task waits for, as written and as speckit reads it.
public struct Dependency: Codable, Hashable, Sendable {
    /// The text as written (`2`, `Task 1.1`, `T1 complete`).
    public var raw: String
    /// The id it names, normalised the way task ids are written in the same document (`Task 2`, `T1`).
    public var id: String

    public init(raw: String, id: String) {
        self.raw = raw
        self.id = id
    }
}

/// Dates a task or phase records. Each keeps the text as written; `iso` is set when it could be read.
public struct TaskDates: Codable, Hashable, Sendable {
    public var started: DateValue?
    public var completed: DateValue?
    public var lastUpdated: DateValue?
    public var due: DateValue?

    public init() {}

    public var isEmpty: Bool { started == nil && completed == nil && lastUpdated == nil && due == nil }
}

/// A date as written (`2025-11-10`, `January 8, 2026`) and, when it could be read, as `YYYY-MM-DD`.
public struct DateValue: Codable, Hashable, Sendable {
    public var raw: String
    public var iso: String?

    public init(raw: String, iso: String?) {
        self.raw = raw
        self.iso = iso
    }
}

/// A `key: value` fact attached to a task or phase.
public struct Field: Codable, Hashable, Sendable {
    public var key: String
    public var value: String
    public var range: SourceRange?

    public init(key: String, value: String, range: SourceRange? = nil) {
        self.key = key
        self.value = value
        self.range = range
    }
}
