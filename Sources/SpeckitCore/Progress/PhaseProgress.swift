/// How far one phase has come: its tasks counted by status, and the status it declares.
public struct PhaseProgress: Codable, Hashable, Sendable {
    /// The document the phase heading is in.
    public var file: String
    public var line: Int
    /// `T2`, `Phase 14.1`, a YAML id.
    public var id: String
    public var title: String
    /// The status as the document declares it (`✅ COMPLETE`), when it does.
    public var declared: String?
    /// The declared status, else what the tasks add up to.
    public var status: CanonicalStatus
    /// Every task of the phase, subtasks included.
    public var total: Int
    public var done: Int
    public var inProgress: Int
    public var blocked: Int

    public init(_ phase: Phase, in document: Document) {
        self.file = document.path
        self.line = phase.range.line
        self.id = phase.id
        self.title = phase.title
        self.declared = phase.declaredStatus?.raw
        self.status = phase.effectiveStatus
        let tasks = phase.allTasks.filter(\.countsAsWork)
        self.total = tasks.count
        self.done = tasks.count { $0.status == .done }
        self.inProgress = tasks.count { $0.status == .inProgress || $0.status == .review }
        self.blocked = tasks.count { $0.status == .blocked }
    }

    /// The phases of a kit that have tasks, in document order.
    public static func phases(of kit: Kit) -> [PhaseProgress] {
        kit.documents.flatMap { document in document.phases.filter { !$0.tasks.isEmpty }.map { PhaseProgress($0, in: document) } }
    }

    /// Whole percent done, rounded down (0 for a phase without tasks).
    public var percent: Int { ProgressBar.percent(done, of: total) }

    /// `Phase 2 — Validate`, or just the id when the title is empty.
    public var name: String { title.isEmpty || title == id ? id : "\(id) — \(title)" }
}

extension Phase {
    /// The phase's declared status, else what its tasks add up to: done when every task is closed, in
    /// progress when any is done or under way, else to do.
    public var effectiveStatus: CanonicalStatus {
        if let declared = declaredStatus?.value { return declared }
        let tasks = allTasks.filter(\.countsAsWork)
        if !tasks.isEmpty, tasks.allSatisfy(\.status.isClosed) { return .done }
        if tasks.contains(where: { $0.status == .done || $0.status == .inProgress }) { return .inProgress }
        return .todo
    }
}

/// Small helpers the progress types share.
public enum ProgressBar {
    /// `done` as a whole percentage of `total`, rounded down; 0 when there is nothing to do.
    public static func percent(_ done: Int, of total: Int) -> Int {
        total == 0 ? 0 : done * 100 / total
    }

    /// A ten-cell bar: `███████░░░`. Any progress shows (4 of 56 fills one cell), and only all done fills
    /// every cell (55 of 56 leaves one empty).
    public static func bar(_ done: Int, of total: Int, width: Int = 10) -> String {
        let filled = total == 0 || done <= 0 ? 0 : done >= total ? width : min(width - 1, max(1, done * width / total))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }
}
