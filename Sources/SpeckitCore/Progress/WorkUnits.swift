/// The kit's tasks, each once, with the phase it sits in and the scope its id is unique in.
struct WorkUnits {
    struct Unit {
        var task: PlanTask
        var phase: Phase?
        var scope: String
        /// The dependencies of the tasks it sits under (a subtask waits for what its parent waits for).
        var inherited: [Dependency]
        /// The unit of the task it sits under, when that task was kept.
        var parent: Int?

        /// Everything the task waits for: its own dependencies, its parents' and its phase's.
        var allDependencies: [Dependency] { task.dependencies + inherited + (phase?.dependencies ?? []) }
    }

    private(set) var tasks: [Unit] = []
    private var byID: [String: Int] = [:]
    /// Units that a restatement elsewhere (a summary, a second list) says are done or cancelled.
    private var closedElsewhere: Set<Int> = []
    private var phases: [String: CanonicalStatus] = [:]

    init(_ kit: Kit) {
        for document in kit.documents {
            // A tagged Taskmaster file numbers every tag's tasks from 1 again: ids are unique per tag.
            let tagged = document.format == .json && document.phases.count > 1
            // A document numbering its tasks anew in every phase (`1.`, `| 1 |`, `### Task 1:`): per phase too.
            let restarting = !TaskIdentity.restartingPhases(in: document).isEmpty
            for phase in document.phases {
                if phases.index(forKey: phase.id) == nil { phases[phase.id] = phase.effectiveStatus }
                for task in phase.tasks {
                    add(task, phase: phase, inherited: [], parent: nil) { task in
                        let perPhase = tagged || (restarting && task.id.map(TaskIdentity.isPhaseNumber) == true)
                        return perPhase ? "\(document.path)#\(phase.id)" : ""
                    }
                }
            }
            for task in document.tasks { add(task, phase: nil, inherited: [], parent: nil) { _ in tagged ? document.path : "" } }
        }
    }

    /// Drops optional tasks still open: they are not work anyone owes.
    mutating func keepCounted() {
        let kept = tasks.indices.filter { tasks[$0].task.countsAsWork }
        var moved: [Int: Int] = [:]
        for (new, old) in kept.enumerated() { moved[old] = new }
        tasks = kept.map { old in
            var unit = tasks[old]
            unit.parent = unit.parent.flatMap { moved[$0] }
            return unit
        }
        byID = byID.compactMapValues { moved[$0] }
        closedElsewhere = Set(closedElsewhere.compactMap { moved[$0] })
    }

    /// Adds `task` and its subtasks, depth first. A task whose id was seen already in its scope (a summary
    /// restating `Task 43`) is counted once, at its first appearance; its subtasks still are.
    private mutating func add(
        _ task: PlanTask, phase: Phase?, inherited: [Dependency], parent: Int?, scope: (PlanTask) -> String
    ) {
        let scopeName = scope(task)
        var index: Int?
        if let id = task.id {
            let key = scopeName + "|" + id
            if let first = byID[key] {
                if task.status.isClosed { closedElsewhere.insert(first) }
            } else {
                byID[key] = tasks.count
                index = tasks.count
            }
        } else {
            index = tasks.count
        }
        if index != nil {
            tasks.append(Unit(task: task, phase: phase, scope: scopeName, inherited: inherited, parent: parent))
        }
        for subtask in task.subtasks {
            add(subtask, phase: phase, inherited: inherited + task.dependencies, parent: index ?? parent, scope: scope)
        }
    }

    /// The unit a dependency of `unit` names, when it names a task of the kit.
    func unit(named dependency: Dependency, from unit: Unit) -> Int? { byID[unit.scope + "|" + dependency.id] }

    /// The status of the phase `id` names, when it names one.
    func phaseStatus(_ id: String) -> CanonicalStatus? { phases[id] }

    /// Whether the unit at `index` is a task still to do, with no open subtask (optional ones aside), that no
    /// restatement says is done, and whose dependencies (and its parents' and its phase's) are all done. A
    /// dependency speckit cannot find (a typo, another kit) keeps the task from being ready.
    func isReady(_ index: Int) -> Bool {
        let unit = tasks[index]
        // A task that states no status at all (a YAML entry without one) has not been started.
        let toDo = unit.task.status == .todo || (unit.task.status == .unknown && unit.task.statuses.isEmpty)
        guard toDo, !closedElsewhere.contains(index) else { return false }
        // A task stated done in one place and to do in another (`status.conflicting-statements`) is no one's to start.
        guard !unit.task.statuses.contains(where: \.value.isClosed) else { return false }
        guard unit.task.subtasks.allSatisfy({ !$0.countsAsWork || $0.status.isClosed }) else { return false }
        return unit.allDependencies.allSatisfy { isMet($0, for: unit) }
    }

    /// Whether `dependency` of `unit` is done (a task or phase that is closed, or the task itself).
    func isMet(_ dependency: Dependency, for unit: Unit) -> Bool {
        if dependency.id == unit.task.id { return true }
        if let index = self.unit(named: dependency, from: unit) { return tasks[index].task.status.isClosed }
        if let status = phases[dependency.id] { return status.isClosed }
        return false
    }
}
