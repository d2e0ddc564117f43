/// A task ready to start, as `speckit next` lists it.
public struct ReadyTask: Codable, Hashable, Sendable {
    public var id: String?
    public var title: String
    public var kit: String
    public var file: String
    public var line: Int
    /// The last of the task's own lines (its subtasks are not its own).
    public var endLine: Int
    /// The phase the task sits in, when it sits in one.
    public var phase: String?
    /// The priority as written (the task's, else its phase's).
    public var priority: String?
    /// The ids the task waits for (its own, its parents' and its phase's dependencies), all done.
    public var dependencies: [String]
    /// How many open tasks wait for this one, directly or through others.
    public var unblocks: Int
    /// The content hash of the task's own lines (`set-status --expect-hash`); nil when the file cannot be
    /// read again (a kit inside an archive).
    public var hash: String?

    /// `T2.1 Write the API`, or the title alone.
    public var label: String { id.map { "\($0) \(title)" } ?? title }
}

/// What `speckit next` reads from a kit: the tasks ready to start, soonest first.
public enum NextTasks {
    /// The kit's ready tasks (to do, no open subtask, every dependency done, not optional), in the order to start
    /// them: earliest phase, then priority (`P1`, "high", 🔴 …), then how many open tasks wait on them, then
    /// document order. `bytes` gives a file's bytes for the content hash (nil: no hash).
    public static func ready(in kit: Kit, bytes: (String) -> [UInt8]?) -> [ReadyTask] {
        var units = WorkUnits(kit)
        units.keepCounted()
        let phaseOrder = Dictionary(
            kit.documents.flatMap(\.phases).enumerated().map { ($0.element.range.file + "#" + $0.element.id, $0.offset) },
            uniquingKeysWith: { first, _ in first })
        let waiting = Waiting(units)
        var files: [String: ([UInt8], LineTable)?] = [:]
        var ranked: [(key: (Int, Int, Int, Int), task: ReadyTask)] = []
        for (index, unit) in units.tasks.enumerated() where units.isReady(index) {
            var lines = TaskLines.ownLines(of: unit.task)
            let file = unit.task.range.file
            if files.index(forKey: file) == nil { files[file] = bytes(file).map { ($0, LineTable($0)) } }
            var hash: String?
            if let (data, table) = files[file] ?? nil {
                lines = TaskLines.trimmed(lines, of: data, table: table)
                hash = TaskLines.hash(lines, of: data, table: table)
            }
            let priority = unit.task.priority ?? unit.phase?.priority
            let unblocks = waiting.count(waitingOn: index)
            let task = ReadyTask(
                id: unit.task.id, title: unit.task.title, kit: kit.name, file: file, line: lines.lowerBound,
                endLine: lines.upperBound, phase: unit.phase?.id, priority: priority,
                dependencies: unit.allDependencies.map(\.id).uniqued(), unblocks: unblocks, hash: hash)
            let phase = unit.phase.flatMap { phaseOrder[$0.range.file + "#" + $0.id] } ?? Int.max
            ranked.append(((phase, TaskPriority.rank(priority), -unblocks, index), task))
        }
        return ranked.sorted { $0.key < $1.key }.map(\.task)
    }

    /// Which open units wait on which: a unit waits on the tasks it (or its parent, or its phase) depends on,
    /// their subtasks, and every task of a phase it depends on.
    private struct Waiting {
        /// For each unit, the open units that wait on it directly.
        private var waiters: [[Int]]

        init(_ units: WorkUnits) {
            waiters = Array(repeating: [], count: units.tasks.count)
            var phaseMembers: [String: [Int]] = [:]
            for (index, unit) in units.tasks.enumerated() {
                if let phase = unit.phase { phaseMembers[phase.id, default: []].append(index) }
            }
            for (index, unit) in units.tasks.enumerated() where !unit.task.status.isClosed {
                var waitedOn: Set<Int> = []
                for dependency in unit.allDependencies where dependency.id != unit.task.id {
                    if let target = units.unit(named: dependency, from: unit) {
                        waitedOn.insert(target)
                    } else if let members = phaseMembers[dependency.id], units.phaseStatus(dependency.id) != nil {
                        waitedOn.formUnion(members)
                    }
                }
                waitedOn.remove(index)
                for target in waitedOn { waiters[target].append(index) }
            }
            // Waiting on a task is waiting on its subtasks too (a parent comes before its subtasks, so its own
            // list already holds what waits on the tasks above it).
            for (index, unit) in units.tasks.enumerated() {
                if let parent = unit.parent { waiters[index] += waiters[parent] }
            }
        }

        /// How many open units wait on `index`, directly or through others.
        func count(waitingOn index: Int) -> Int {
            var seen: Set<Int> = [index]
            var pending = waiters[index]
            while let next = pending.popLast() {
                guard seen.insert(next).inserted else { continue }
                pending += waiters[next]
            }
            return seen.count - 1
        }
    }
}
