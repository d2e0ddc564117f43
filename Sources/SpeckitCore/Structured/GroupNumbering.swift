/// Tasks numbered from 1 again in every group (`epics: [{id: 1, stories: [{id: 1}, {id: 2}]}, {id: 2,
/// stories: [{id: 1} …]}]`): story `1` of epic `2` is `2.1`, as BMAD and Taskmaster write it, so that the
/// numbering is not read as the same id on two tasks.
enum GroupNumbering {
    /// Qualifies the task ids of `phases` with their phase's id when every task of every phase is numbered
    /// with a plain number and one number is used in more than one phase. A numeric dependency naming a task
    /// of the same phase is qualified the same way; other dependencies are kept as written.
    static func localise(_ phases: inout [Phase]) {
        guard phases.count > 1 else { return }
        var seen: [String: Int] = [:]
        for phase in phases {
            for task in phase.tasks {
                guard let id = task.id, Int(id) != nil else { return }
                seen[id, default: 0] += 1
            }
        }
        guard seen.values.contains(where: { $0 > 1 }) else { return }
        for index in phases.indices {
            let phaseID = phases[index].id
            let siblings = Set(phases[index].tasks.compactMap(\.id))
            phases[index].tasks = phases[index].tasks.map { task in
                var task = task
                task.id = task.id.map { "\(phaseID).\($0)" }
                task.dependencies = task.dependencies.map { dependency in
                    siblings.contains(dependency.id) ? Dependency(raw: dependency.raw, id: "\(phaseID).\(dependency.id)") : dependency
                }
                return task
            }
        }
    }
}
