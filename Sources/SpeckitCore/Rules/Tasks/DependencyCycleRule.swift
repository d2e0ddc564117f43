/// `tasks.dependency-cycle`: tasks that wait for each other in a circle.
struct DependencyCycleRule: Rule {
    static let description = RuleDescription(
        id: .dependencyCycle,
        title: "Dependency cycle",
        severity: .error,
        rationale: """
            Tasks that depend on each other in a circle can never start. The finding names the whole cycle, \
            reported once at the task of the cycle that comes first in the kit.

            Error: the dependencies are read from dependency syntax only, so a cycle among them is certain and no \
            order can satisfy it.
            """,
        triggering: [
            RuleExample(
                "# Tasks\n\n↓- [ ] T1 Schema (depends on T3)\n- [ ] T2 API (depends on T1)\n- [ ] T3 UI (depends on T2)\n",
                messages: ["dependency cycle: T1 → T3 → T2 → T1"]),
            RuleExample(
                files: [
                    ("spec/app/plan.md", "# Plan\n\n## Phase 1\n\n↓- [ ] T2 Logout\n"),
                    ("spec/app/tasks.md", "# Tasks\n\n- [ ] T2 Logout (depends on T3)\n- [ ] T3 Session (depends on T2)\n"),
                ], messages: ["dependency cycle: T2 → T3 → T2"]),
        ],
        nonTriggering: [
            RuleExample("# Tasks\n\n- [ ] T1 Schema\n- [ ] T2 API (depends on T1)\n- [ ] T3 UI (depends on T1, T2)\n")
        ]
    )

    func check(_ context: RuleContext) {
        let graph = context.taskGraph
        let position = Dictionary(uniqueKeysWithValues: graph.order.enumerated().map { ($1, $0) })
        for component in Self.stronglyConnected(graph) where component.count > 1 {
            guard let start = component.min(by: { position[$0]! < position[$1]! }),
                let cycle = Self.cycle(from: start, within: Set(component), graph: graph),
                let task = graph.tasks[start]
            else { continue }
            let related = cycle.dropLast().compactMap { key in
                graph.tasks[key].map { RelatedLocation("\(TaskGraph.id(of: key)) is part of the cycle", at: $0.range) }
            }
            context.report(
                "dependency cycle: \(cycle.map(TaskGraph.id(of:)).joined(separator: " → "))", at: task.range, related: related,
                fix: "remove one of the dependencies in the cycle")
        }
    }

    /// Tarjan's strongly connected components, iteratively (no recursion on deep graphs).
    static func stronglyConnected(_ graph: TaskGraph) -> [[String]] {
        var index: [String: Int] = [:]
        var low: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var out: [[String]] = []
        var counter = 0
        for root in graph.order where index[root] == nil {
            var work: [(id: String, next: Int)] = [(root, 0)]
            index[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack.insert(root)
            while let (id, next) = work.last {
                let edges = graph.edges(id)
                if next < edges.count {
                    work[work.count - 1].next += 1
                    let target = edges[next]
                    if index[target] == nil {
                        index[target] = counter
                        low[target] = counter
                        counter += 1
                        stack.append(target)
                        onStack.insert(target)
                        work.append((target, 0))
                    } else if onStack.contains(target) {
                        low[id] = min(low[id]!, index[target]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.id] = min(low[parent.id]!, low[id]!) }
                if low[id] == index[id] {
                    var component: [String] = []
                    while let top = stack.popLast() {
                        onStack.remove(top)
                        component.append(top)
                        if top == id { break }
                    }
                    out.append(component)
                }
            }
        }
        return out
    }

    /// One cycle through `start` inside the component, as ids ending where it began (breadth first, shortest).
    static func cycle(from start: String, within component: Set<String>, graph: TaskGraph) -> [String]? {
        var previous: [String: String] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let id = queue[head]
            head += 1
            for target in graph.edges(id) where component.contains(target) {
                if target == start {
                    var path = [id]
                    while let before = previous[path[0]] { path.insert(before, at: 0) }
                    return path + [start]
                }
                if previous[target] == nil && target != start {
                    previous[target] = id
                    queue.append(target)
                }
            }
        }
        return nil
    }
}
