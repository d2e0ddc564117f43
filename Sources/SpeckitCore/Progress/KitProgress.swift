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
    /// Open tasks without subtasks whose every dependency (and every dependency of their phase) is done.
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
        self.ready = units.tasks.filter { units.isReady($0) }.map { TaskReference($0.task, phase: $0.phase?.id) }
        self.claims = kit.documents.flatMap(ClaimCheck.checks(in:))
    }

    /// Whole percent done, rounded down.
    public var percent: Int { ProgressBar.percent(done, of: total) }
}

/// The kit's tasks, each once, with the phase it sits in and the scope its id is unique in.
struct WorkUnits {
    struct Unit {
        var task: PlanTask
        var phase: Phase?
        var scope: String
    }

    private(set) var tasks: [Unit] = []
    private var byID: [String: CanonicalStatus] = [:]
    private var phases: [String: CanonicalStatus] = [:]

    init(_ kit: Kit) {
        for document in kit.documents {
            // A tagged Taskmaster file numbers every tag's tasks from 1 again: ids are unique per tag.
            let tagged = document.format == .json && document.phases.count > 1
            // A document numbering its tasks anew in every phase (`1.`, `| 1 |`, `### Task 1:`): per phase too.
            let restarting = !TaskIdentity.restartingPhases(in: document).isEmpty
            for phase in document.phases {
                if phases.index(forKey: phase.id) == nil { phases[phase.id] = phase.effectiveStatus }
                for task in phase.allTasks {
                    let perPhase = tagged || (restarting && task.id.map(TaskIdentity.isPhaseNumber) == true)
                    add(task, phase: phase, scope: perPhase ? "\(document.path)#\(phase.id)" : "")
                }
            }
            for task in document.tasks.flatMap(\.flattened) { add(task, phase: nil, scope: tagged ? document.path : "") }
        }
    }

    /// Drops optional tasks still open: they are not work anyone owes.
    mutating func keepCounted() { tasks.removeAll { !$0.task.countsAsWork } }

    private mutating func add(_ task: PlanTask, phase: Phase?, scope: String) {
        if let id = task.id {
            let key = scope + "|" + id
            guard byID.index(forKey: key) == nil else { return }
            byID[key] = task.status
        }
        tasks.append(Unit(task: task, phase: phase, scope: scope))
    }

    /// Whether the unit is a leaf task still to do whose dependencies are all done. A dependency speckit
    /// cannot find (a typo, another kit) keeps the task from being ready.
    func isReady(_ unit: Unit) -> Bool {
        guard unit.task.status == .todo, unit.task.subtasks.isEmpty else { return false }
        let dependencies = unit.task.dependencies + (unit.phase?.dependencies ?? [])
        return dependencies.allSatisfy { dependency in
            if dependency.id == unit.task.id { return true }
            if let status = byID[unit.scope + "|" + dependency.id] { return status.isClosed }
            if let status = phases[dependency.id] { return status.isClosed }
            return false
        }
    }
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
