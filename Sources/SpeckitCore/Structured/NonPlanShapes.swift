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
        if format == .json { return keys.contains { text.contains("\"\($0)\"") } }
        for line in text.split(whereSeparator: \.isNewline).prefix(10_000) {
            guard let colon = line.firstIndex(of: ":"), line.first?.isLetter == true else { continue }
            if keys.contains(StructuredKeys.fold(String(line[..<colon]))) { return true }
        }
        return false
    }
}
