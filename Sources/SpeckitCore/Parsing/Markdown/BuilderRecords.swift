/// Flat records the Markdown builder collects while it walks; `assemble()` nests them at the end, bottom
/// up, so that no step recurses however deep the input nests.
struct TaskRecord {
    var task: PlanTask
    /// Index of the parent task record, or -1.
    var parent: Int
    /// Index of the phase the task belongs to, or -1 for the document.
    var phase: Int
    /// 1 for a task directly under a phase or the document.
    var depth: Int
    /// A `### T001:` heading or `**ID 24.4: Title**` line: checkboxes under it without an id of their own
    /// are its acceptance criteria, not subtasks.
    var checksBelow = false
}

struct PhaseRecord {
    var phase: Phase
    /// A phase heading with phase headings nested inside ("# Phase 14" over "## Phase 14.1 …") groups them:
    /// it is kept as a section, not listed as a phase.
    var isGroup = false
}

/// Where a criterion, field or deliverable goes.
enum Target: Equatable {
    case document
    case phase(Int)
    case task(Int)
    case requirement(Int)
}

struct CriterionRecord {
    var target: Target
    var criterion: AcceptanceCriterion
}

struct SectionRecord {
    var title: String
    var level: Int
    var range: SourceRange
}
