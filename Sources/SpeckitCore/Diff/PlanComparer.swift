/// Compares two versions of the same kits task by task: tasks are matched by id (the n-th `T1.3` with the
/// n-th `T1.3`, so a task restated in a summary matches its restatement), tasks without an id by title, and
/// phases by id. Kits are matched by their root relative to the folder each side was read from, or paired
/// directly when each side has one kit.
public struct PlanComparer: Sendable {
    /// The folder (or file) the old kits were read from, stripped from their roots before matching.
    public var oldBase: String
    /// The same for the new kits.
    public var newBase: String

    public init(oldBase: String = "", newBase: String = "") {
        self.oldBase = oldBase
        self.newBase = newBase
    }

    /// Every change from `old` to `new`.
    public func compare(old: [Kit], new: [Kit], base: String, head: String, baseIsRevision: Bool) -> PlanDiff {
        var changes: [PlanChange] = []
        let oldByKey = Dictionary(old.map { (key($0, base: oldBase), $0) }, uniquingKeysWith: { first, _ in first })
        let paired = old.count == 1 && new.count == 1
        var matched: Set<String> = []
        for kit in new {
            let previous = paired ? old.first : oldByKey[key(kit, base: newBase)]
            if let previous { matched.insert(key(previous, base: oldBase)) }
            changes += Self.compare(previous, kit, oldRoot: previous?.root ?? "", newRoot: kit.root)
        }
        for kit in old where !paired && !matched.contains(key(kit, base: oldBase)) {
            changes += Self.compare(kit, nil, oldRoot: kit.root, newRoot: "")
        }
        var diff = PlanDiff(base: base, head: head, changes: changes)
        diff.baseIsRevision = baseIsRevision
        return diff
    }

    /// What a kit is matched by: its root relative to the side's base folder, and its name (loose plan
    /// files in one folder are kits of their own with the same root).
    func key(_ kit: Kit, base: String) -> String {
        Items.relative(kit.root, to: base) + "|" + kit.name
    }

    /// The changes of one kit (either side may be missing: a kit added or removed whole).
    static func compare(_ old: Kit?, _ new: Kit?, oldRoot: String, newRoot: String) -> [PlanChange] {
        let kitName = new?.root ?? old?.root ?? ""
        let before = Items(old, root: oldRoot)
        let after = Items(new, root: newRoot)
        var changes: [PlanChange] = []
        for item in after.list {
            guard let previous = before.byKey[item.key] else {
                var change = PlanChange(
                    kind: .added, subject: item.subject, kit: kitName, id: item.id, title: item.title, range: item.range)
                change.to = item.status
                changes.append(change)
                continue
            }
            if item.normalizedTitle != previous.normalizedTitle, item.id != nil {
                var change = PlanChange(
                    kind: .renamed, subject: item.subject, kit: kitName, id: item.id, title: item.title, range: item.range)
                change.oldTitle = previous.title
                change.baseRange = previous.range
                changes.append(change)
            }
            if let from = previous.status, let to = item.status, from != to {
                var change = PlanChange(
                    kind: .status, subject: item.subject, kit: kitName, id: item.id, title: item.title, range: item.range)
                change.from = from
                change.to = to
                change.regression = from == .done && to != .done && to != .cancelled
                change.completion = to == .done
                change.baseRange = previous.range
                changes.append(change)
            }
        }
        for item in before.list where after.byKey[item.key] == nil {
            var change = PlanChange(kind: .removed, subject: item.subject, kit: kitName, id: item.id, title: item.title, range: item.range)
            change.from = item.status
            changes.append(change)
        }
        return changes
    }

    /// The tasks and phases of one kit, keyed for matching.
    struct Items {
        struct Item {
            var key: String
            var subject: PlanChange.Subject
            var id: String?
            var title: String
            var normalizedTitle: String
            /// For a phase, only the status it declares (a phase whose status follows from its tasks changes
            /// when they do, and those changes are reported already).
            var status: CanonicalStatus?
            var range: SourceRange
        }

        var list: [Item] = []
        var byKey: [String: Item] = [:]
        private var seen: [String: Int] = [:]

        init(_ kit: Kit?, root: String) {
            guard let kit else { return }
            for document in kit.documents {
                let tagged = document.format == .json && document.phases.count > 1
                let path = Self.relative(document.path, to: root)
                for phase in document.phases {
                    add(
                        subject: .phase, base: "phase|\(phase.id)", id: phase.id, title: phase.title,
                        status: phase.declaredStatus?.value, range: phase.range)
                    for task in phase.allTasks { add(task, scope: tagged ? "\(path)#\(phase.id)" : "") }
                }
                for task in document.tasks.flatMap(\.flattened) { add(task, scope: tagged ? path : "") }
            }
        }

        private mutating func add(_ task: PlanTask, scope: String) {
            let base = task.id.map { "task|\(scope)|\($0)" } ?? "title|\(scope)|\(Self.normalize(task.title))"
            add(subject: .task, base: base, id: task.id, title: task.title, status: task.status, range: task.range)
        }

        private mutating func add(
            subject: PlanChange.Subject, base: String, id: String?, title: String,
            status: CanonicalStatus?, range: SourceRange
        ) {
            let occurrence = seen[base, default: 0]
            seen[base] = occurrence + 1
            let item = Item(
                key: base + "#\(occurrence)", subject: subject, id: id, title: title,
                normalizedTitle: Self.normalize(title), status: status, range: range)
            list.append(item)
            byKey[item.key] = item
        }

        static func normalize(_ title: String) -> String {
            title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }

        /// `path` without the folder `root` in front (`.` for the folder itself); other paths as they are.
        static func relative(_ path: String, to root: String) -> String {
            guard !root.isEmpty, root != "." else { return path }
            if path == root { return "." }
            let prefix = root.hasSuffix("/") ? root : root + "/"
            return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        }
    }
}
