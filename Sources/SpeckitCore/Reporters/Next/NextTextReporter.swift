/// `speckit next` as text: per kit, each task to start with where it is written, what it waited for and
/// what it unblocks; or why nothing is ready.
public enum NextTextReporter {
    public static func render(_ report: NextReport) -> String {
        var lines: [String] = []
        if report.kits.isEmpty { lines.append("nothing to start: the plans read hold no tasks") }
        for kit in report.kits {
            if report.kits.count > 1 { lines.append("\(kit.name) (\(kit.root)):") }
            let indent = report.kits.count > 1 ? "  " : ""
            if kit.tasks.isEmpty {
                lines.append(indent + nothingReady(kit))
            }
            for task in kit.tasks {
                let phase = task.phase.map { ", phase \($0)" } ?? ""
                let priority = task.priority.map { ", priority \($0)" } ?? ""
                lines.append(indent + "\(task.label)  (\(task.file):\(task.line)\(phase)\(priority))")
                if !task.dependencies.isEmpty {
                    lines.append(indent + "  after: " + task.dependencies.joined(separator: ", ") + " (done)")
                }
                if task.unblocks > 0 {
                    lines.append(indent + "  unblocks \(Plural.count(task.unblocks, "open task"))")
                }
                if let hash = task.hash { lines.append(indent + "  hash: \(hash)") }
            }
            if kit.tasks.count < kit.ready {
                let more = kit.ready - kit.tasks.count
                lines.append(indent + "(\(more) more ready: --all lists \(Plural.pick(more, "it", "them")))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func nothingReady(_ kit: NextReport.Kit) -> String {
        if kit.open == 0 { return "nothing to start: every task is done" }
        let tasks = Plural.pick(kit.open, "task is", "tasks are")
        return "nothing ready to start: \(kit.open) open \(tasks) in progress, blocked, or waiting for a dependency"
    }
}
