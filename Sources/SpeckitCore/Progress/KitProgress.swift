/// How far one kit has come: what `speckit status` prints. Tasks restated in several places (a summary
/// that repeats `Task 43`) count once, at their first appearance.
public struct KitProgress: Codable, Hashable, Sendable {
    public var name: String
    public var root: String
    public var profile: Kit.Profile
    /// A kit kept for the record (OpenSpec's `changes/archive/`): shown, but counted apart.
    public var archived: Bool
    public var total: Int
    public var done: Int
    /// Tasks per canonical status (only statuses that occur).
    public var statuses: [String: Int]
    /// Phases that have tasks, in document order.
    public var phases: [PhaseProgress]
    public var inProgress: [TaskReference]
    public var blocked: [TaskReference]
    /// Tasks to do with no open subtask whose every dependency (and every dependency of their parents and
    /// phase) is done.
    public var ready: [TaskReference]
    /// The kit's claims about itself against what its tasks say.
    public var claims: [ClaimCheck]
    /// Optional tasks still open (Kiro's `[ ]*`): listed apart, never counted in `total`.
    public var optionalOpen: Int
    /// Checklist items (Spec Kit checklists, review checklists, acceptance boxes): checks, not tasks.
    public var checklist: ChecklistProgress

    public init(kit: Kit) {
        self.name = kit.name
        self.root = kit.root
        self.profile = kit.profile
        self.archived = kit.archived
        let all = WorkUnits(kit)
        var units = all
        units.keepCounted()
        self.total = units.tasks.count
        self.done = units.tasks.count { $0.task.status == .done }
        self.optionalOpen = all.tasks.count - units.tasks.count
        self.checklist = ChecklistProgress(kit.documents.flatMap(\.checklist))
        self.statuses = Dictionary(grouping: units.tasks, by: \.task.status.rawValue).mapValues(\.count)
        self.phases = PhaseProgress.phases(of: kit)
        self.inProgress = units.tasks.filter { $0.task.status == .inProgress || $0.task.status == .review }
            .map { TaskReference($0.task, phase: $0.phase?.id) }
        self.blocked = units.tasks.filter { $0.task.status == .blocked }.map { TaskReference($0.task, phase: $0.phase?.id) }
        self.ready = units.tasks.indices.filter(units.isReady).map { TaskReference(units.tasks[$0].task, phase: units.tasks[$0].phase?.id) }
        self.claims = kit.documents.flatMap(ClaimCheck.checks(in:))
    }

    /// Whole percent done, rounded down.
    public var percent: Int { ProgressBar.percent(done, of: total) }
}

/// How many checklist items a kit has and how many are ticked.
public struct ChecklistProgress: Codable, Hashable, Sendable {
    public var total: Int
    public var checked: Int

    public init(_ items: [ChecklistItem]) {
        self.total = items.count
        self.checked = items.count(where: \.checked)
    }
}
