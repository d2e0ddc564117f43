/// A checkbox that is not a unit of work: an item of a Spec Kit checklist (`checklists/*.md`), of a spec's
/// "Review & Acceptance Checklist", of plan.md's "Progress Tracking", of a tasks file's "Validation
/// Checklist", or an acceptance criterion ticked under a task. Kept and shown apart; never counted as a task.
public struct ChecklistItem: Codable, Hashable, Sendable {
    /// The item's text without its checkbox.
    public var text: String
    public var marker: TaskMarker
    /// The heading or label the item stands under ("Review & Acceptance Checklist", "Acceptance Criteria").
    public var section: String?
    /// The task whose acceptance criterion the item is (its id, else its title).
    public var task: String?
    public var range: SourceRange

    public init(text: String, marker: TaskMarker, section: String? = nil, task: String? = nil, range: SourceRange) {
        self.text = text
        self.marker = marker
        self.section = section
        self.task = task
        self.range = range
    }

    /// Whether the box is ticked.
    public var checked: Bool { marker.checked }
}
