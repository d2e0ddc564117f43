/// YAML and JSON files that are something other than a plan, however they are named: a Kubernetes or Tekton
/// object named `build-task.yaml`, an AWS `ecs-task-definition.json`, a Compose file, a GitHub Action or
/// workflow, an Ansible playbook, a list that holds nothing a task has.
enum NonPlanShapes {
    /// What `root` is when it is not a plan; nil when it may be one.
    static func identify(_ root: PlanValue, format: Document.Format) -> String? {
        switch root.kind {
        case .scalar:
            return nil
        case .mapping(let pairs):
            let keys = Set(pairs.map { StructuredKeys.fold($0.key) })
            if keys.contains("apiversion") && keys.contains("kind") { return "a Kubernetes object (apiVersion and kind)" }
            if keys.contains("services"), keys.isDisjoint(with: planLists) { return "a Compose file (services)" }
            if keys.contains("runs"), root.value(forAny: ["runs"])?.value(forAny: ["using"]) != nil {
                return "a GitHub Action (runs.using)"
            }
            if keys.contains("jobs"), keys.contains("on") || keys.contains("true") { return "a GitHub workflow (on and jobs)" }
            if format == .json, keys.contains("containerdefinitions") { return "an ECS task definition (containerDefinitions)" }
            if keys.contains("version"), let tasks = root.value(forAny: ["tasks"])?.kind, case .sequence(let items) = tasks,
                !items.isEmpty,
                items.allSatisfy({ item in
                    let keys = Set((item.pairs ?? []).map { StructuredKeys.fold($0.key) })
                    return keys.contains("label") && !keys.isDisjoint(with: ["command", "type"])
                        && keys.isDisjoint(with: ["id", "status", "title"])
                })
            {
                return "a VS Code tasks.json (labelled commands)"
            }
            return nil
        case .sequence(let items):
            let mappings = items.compactMap(\.pairs)
            guard !mappings.isEmpty else { return nil }
            if mappings.contains(where: { $0.contains { StructuredKeys.fold($0.key) == "hosts" } }) {
                return "an Ansible playbook (hosts)"
            }
            // A task list says something a task has beyond a name: an id, a status, a dependency, subtasks …
            let planLike = mappings.contains { pairs in pairs.contains { taskRoles.contains(StructuredKeys.role(of: $0.key)) } }
            return planLike ? nil : "a list whose items have no id, status, dependency or subtask"
        }
    }

    /// Top-level lists a plan keeps its work in.
    private static let planLists = StructuredKeys.phaseLists.union(StructuredKeys.taskLists)

    /// Keys that only a task (not any list of named things) has.
    private static let taskRoles: Set<StructuredKeys.Role> = [
        .id, .status, .doneFlag, .children, .dependencies, .priority, .acceptance, .deliverables, .started, .completed, .due,
        .assignee, .requirements,
    ]

    /// Whether text that could not be parsed still says it is a plan: a `phases:`/`tasks:`-like key at the
    /// start of a line (YAML), or a `"tasks"` key (a Taskmaster tasks.json cut short).
    static func looksLikePlan(_ text: String, format: Document.Format) -> Bool {
        let keys = planLists.union(["master"])
        if format == .json { return quotesAny(of: keys, in: text) }
        // Bytes, not characters: the text may be megabytes on one line. A key is short, so only the start of
        // each line is looked at.
        for line in text.utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }).prefix(10_000) {
            let head = String(decoding: line.prefix(100), as: UTF8.self)
            guard head.first?.isLetter == true, let colon = head.firstIndex(of: ":") else { continue }
            if keys.contains(StructuredKeys.fold(String(head[..<colon]))) { return true }
        }
        return false
    }

    /// Whether one of `keys` appears in double quotes in `text`: one pass over the bytes (the text may be
    /// a 32 MB file that no parser would read).
    private static func quotesAny(of keys: Set<String>, in text: String) -> Bool {
        let wanted = Set(keys.map { Array($0.utf8) })
        let longest = wanted.map(\.count).max() ?? 0
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                guard buffer[index] == 0x22 else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < buffer.count, end - index - 1 <= longest, buffer[end] != 0x22 { end += 1 }
                if end < buffer.count, buffer[end] == 0x22, wanted.contains(Array(buffer[(index + 1)..<end])) { return true }
                index = end
            }
            return false
        }
    }
}
