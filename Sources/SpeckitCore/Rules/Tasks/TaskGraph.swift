/// The dependency graph of a kit: every task by scoped id (see `RuleContext.scopedTasks`), the tasks it
/// depends on, and the kit's phases (which tasks may also depend on).
struct TaskGraph {
    /// The first task of each scoped id (`scope|id`), in document order.
    var tasks: [String: PlanTask] = [:]
    /// Scoped ids in document order.
    var order: [String] = []
    /// The scope of each task's key.
    var scopes: [String: String] = [:]
    /// Every dependency stated for a key, by any task carrying it (a task restated in a summary or another
    /// document keeps the dependencies written at its definition).
    var dependencies: [String: [String]] = [:]
    /// Phase ids and the status each declares, if any.
    var phases: [String: Status?] = [:]
    /// `edges(_:)` of every key, worked out once (a task may list thousands of dependencies, and the cycle
    /// search asks for a task's edges once per edge).
    private var edgeLists: [String: [String]] = [:]

    init(_ context: RuleContext) {
        var stated: [String: Set<String>] = [:]
        for (_, scope, task) in context.scopedTasks {
            guard let id = task.id else { continue }
            let key = Self.key(id, scope)
            for dependency in task.dependencies where stated[key, default: []].insert(dependency.id).inserted {
                dependencies[key, default: []].append(dependency.id)
            }
            guard tasks[key] == nil else { continue }
            tasks[key] = task
            scopes[key] = scope
            order.append(key)
        }
        for document in context.kit.documents {
            for phase in document.phases where phases.index(forKey: phase.id) == nil {
                phases.updateValue(phase.declaredStatus, forKey: phase.id)
            }
        }
        for (key, ids) in dependencies {
            guard let scope = scopes[key] else { continue }
            edgeLists[key] = ids.map { Self.key($0, scope) }.filter { $0 != key && tasks[$0] != nil }
        }
    }

    static func key(_ id: String, _ scope: String) -> String { scope + "|" + id }

    /// The task a dependency of a task in `scope` names.
    func task(_ id: String, in scope: String) -> PlanTask? { tasks[Self.key(id, scope)] }

    /// Whether `id`, written in `scope`, names a task or a phase of the kit.
    func knows(_ id: String, in scope: String) -> Bool {
        tasks[Self.key(id, scope)] != nil || phases.index(forKey: id) != nil
    }

    /// The keys the task under `key` depends on that name tasks, without itself.
    func edges(_ key: String) -> [String] { edgeLists[key] ?? [] }

    /// The id part of a key.
    static func id(of key: String) -> String {
        key.firstIndex(of: "|").map { String(key[key.index(after: $0)...]) } ?? key
    }
}
