/// The task-level changes between two versions of the same kits: what `speckit diff` and
/// `validate --base REF` report. Regressions are also findings (`status.regression`).
public struct PlanDiff: Codable, Hashable, Sendable {
    /// What the old side is: a git revision (`origin/main`) or a path.
    public var base: String
    /// What the new side is: `working tree` or a path.
    public var head: String
    /// Every change, kit by kit, in the new side's document order (removed items at the end of their kit).
    public var changes: [PlanChange]
    /// How many changes of each kind.
    public var counts: Counts
    /// Whether the old side was read from a git revision (its locations are not files on disk).
    public var baseIsRevision: Bool = false

    public init(base: String, head: String, changes: [PlanChange]) {
        self.base = base
        self.head = head
        self.changes = changes
        self.counts = Self.count(changes)
    }

    /// How many changes of each kind, and how many status changes are regressions or completions.
    static func count(_ changes: [PlanChange]) -> Counts {
        var counts = Counts()
        for change in changes {
            switch change.kind {
            case .added: counts.added += 1
            case .removed: counts.removed += 1
            case .renamed: counts.renamed += 1
            case .status:
                counts.statusChanges += 1
                if change.regression { counts.regressions += 1 }
                if change.completion { counts.completions += 1 }
            }
        }
        return counts
    }

    public struct Counts: Codable, Hashable, Sendable {
        public var added = 0
        public var removed = 0
        public var renamed = 0
        public var statusChanges = 0
        public var regressions = 0
        public var completions = 0

        /// `1 regression, 1 completed, 2 added` (only kinds that occur), or `no changes`.
        public var description: String {
            func part(_ n: Int, _ one: String, _ many: String) -> String? { n == 0 ? nil : "\(n) \(n == 1 ? one : many)" }
            let parts = [
                part(regressions, "regression", "regressions"), part(completions, "completed", "completed"),
                part(statusChanges - regressions - completions, "other status change", "other status changes"),
                part(added, "added", "added"), part(removed, "removed", "removed"),
                part(renamed, "renamed", "renamed"),
            ].compactMap { $0 }
            return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
        }
    }
}

/// One change to one task or phase.
public struct PlanChange: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case added, removed, renamed, status
    }

    /// What changed: a task or a phase.
    public enum Subject: String, Codable, Sendable {
        case task, phase
    }

    public var kind: Kind
    public var subject: Subject
    /// The kit the item belongs to (its root on the new side, or the old side for a removed kit).
    public var kit: String
    public var id: String?
    public var title: String
    /// The title before a rename.
    public var oldTitle: String?
    /// The status before and after a status change (and the status of an added or removed item).
    public var from: CanonicalStatus?
    public var to: CanonicalStatus?
    /// A task that went back from done, or a phase from complete.
    public var regression: Bool
    /// A task or phase that became done.
    public var completion: Bool
    /// Where the item is now; for a removed item, where it was.
    public var range: SourceRange
    /// Where the item was on the old side, when it was there.
    public var baseRange: SourceRange?

    public init(kind: Kind, subject: Subject, kit: String, id: String?, title: String, range: SourceRange) {
        self.kind = kind
        self.subject = subject
        self.kit = kit
        self.id = id
        self.title = title
        self.oldTitle = nil
        self.from = nil
        self.to = nil
        self.regression = false
        self.completion = false
        self.range = range
        self.baseRange = nil
    }

    /// How messages name the item: `T1.3`, `Phase 2`, or its title in quotes.
    public var label: String {
        if let id { return subject == .phase || id.first?.isLetter == true ? id : "task \(id)" }
        return "'\(title.count > 50 ? String(title.prefix(49)) + "…" : title)'"
    }

    /// One line: `T1.3 done → todo (regression)`, `T9 added (todo)`, `T2 renamed from 'Old' to 'New'`.
    public var summary: String {
        switch kind {
        case .added: return "\(label) added" + (to.map { " (\($0.rawValue))" } ?? "")
        case .removed: return "\(label) removed" + (from.map { " (was \($0.rawValue))" } ?? "")
        case .renamed: return "\(label) renamed from '\(oldTitle ?? "")' to '\(title)'"
        case .status:
            let note = regression ? " (regression)" : completion ? " (completed)" : ""
            return "\(label) \(from?.rawValue ?? "unknown") → \(to?.rawValue ?? "unknown")\(note)"
        }
    }
}
