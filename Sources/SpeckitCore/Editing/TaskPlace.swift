/// A task where it is written: its document, its phase and the tasks above it.
package struct TaskPlace: Sendable {
    package var document: Document
    package var phase: Phase?
    /// The tasks it sits under, outermost first.
    package var ancestors: [PlanTask]
    package var task: PlanTask

    /// Every task of `kit` with its place, in document order.
    package static func all(in kit: Kit) -> [TaskPlace] {
        var out: [TaskPlace] = []
        func walk(_ tasks: [PlanTask], document: Document, phase: Phase?, ancestors: [PlanTask]) {
            for task in tasks {
                out.append(TaskPlace(document: document, phase: phase, ancestors: ancestors, task: task))
                walk(task.subtasks, document: document, phase: phase, ancestors: ancestors + [task])
            }
        }
        for document in kit.documents {
            for phase in document.phases { walk(phase.tasks, document: document, phase: phase, ancestors: []) }
            walk(document.tasks, document: document, phase: nil, ancestors: [])
        }
        return out
    }

    /// The places of the task `name` names: an id (`T2.1`, exact, else ignoring case) or `FILE:LINE`. A task
    /// restated in a summary has several places; two different tasks sharing an id are refused.
    /// - Throws: `SpeckitError.taskNotFound` when no task is named so, `.cannotEdit` when the name is ambiguous.
    package static func named(_ name: String, in kit: Kit) throws -> [TaskPlace] {
        let places = all(in: kit)
        var found = places.filter { $0.task.id == name }
        if found.isEmpty { found = places.filter { $0.task.id?.lowercased() == name.lowercased() } }
        if found.isEmpty, let colon = name.lastIndex(of: ":"), let line = Int(name[name.index(after: colon)...]) {
            let file = String(name[..<colon])
            let at = places.filter {
                $0.task.range.line == line && ($0.task.range.file == file || $0.task.range.file.hasSuffix("/" + file))
            }
            // The task at that line, and its restatements (the same id and title elsewhere).
            if let task = at.first?.task {
                found =
                    at
                    + places.filter { $0.task.range != task.range && $0.task.id != nil && $0.task.id == task.id && sameTask($0.task, task) }
            }
        }
        guard let first = found.first else {
            let sample = places.compactMap(\.task.id).prefix(3).joined(separator: ", ")
            throw SpeckitError.taskNotFound(
                "no task '\(name)' in kit \(kit.name)"
                    + (sample.isEmpty ? " (it has no task ids; name the task as FILE:LINE)" : " (its ids look like \(sample))"))
        }
        let different = found.filter { !sameTask($0.task, first.task) }
        guard different.isEmpty else {
            let locations = ([first] + different).prefix(4).map { "\($0.task.range.file):\($0.task.range.line)" }.joined(separator: ", ")
            let reason = "'\(name)' names \(different.count + 1) different tasks (\(locations)); name one as FILE:LINE"
            throw SpeckitError.cannotEdit(first.task.range.file, reason: reason)
        }
        return found
    }

    /// Whether two tasks with one id are the same task written twice: one title starts the other (a summary
    /// may shorten it).
    private static func sameTask(_ a: PlanTask, _ b: PlanTask) -> Bool {
        let x = a.title.lowercased().filter { $0.isLetter || $0.isNumber }
        let y = b.title.lowercased().filter { $0.isLetter || $0.isNumber }
        return x.hasPrefix(y) || y.hasPrefix(x)
    }

    /// `T2.1`, or the title when the task has no id.
    package var label: String { task.id ?? "'\(task.title)'" }
}
