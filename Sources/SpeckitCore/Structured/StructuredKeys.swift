/// The keys a YAML plan or a Taskmaster `tasks.json` uses, and what each means.
///
/// Keys are matched folded: lowercased with `_`, `-` and spaces dropped, so `depends_on`, `dependsOn`
/// and `Depends-On` are one key.
enum StructuredKeys {
    /// What a key of a phase or task entry says.
    enum Role: Equatable {
        case id, title, status, doneFlag, children, dependencies, priority, acceptance, deliverables
        case started, completed, due, lastUpdated, assignee, tags, requirements
        /// Prose kept as a field: `description`, `details`, `testStrategy`, `notes`.
        case prose
        case other
    }

    /// Lowercases and drops `_`, `-` and spaces.
    static func fold(_ key: String) -> String {
        String(key.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Top-level lists of phases.
    static let phaseLists: Set<String> = ["phases", "milestones", "stages", "epics"]
    /// Top-level lists of tasks, and a phase's tasks.
    static let taskLists: Set<String> = ["tasks", "items", "todos"]
    /// Top-level keys that name the document, best first.
    static let documentTitles = ["title", "name", "project", "projectname"]
    /// Keys under which a Taskmaster tag or a task keeps its metadata.
    static let metadata: Set<String> = ["metadata", "meta"]
    /// Keys that carry an entry's title.
    static let titles = ["title", "name", "summary", "task", "subject"]

    private static let roles: [String: Role] = {
        let table: [(Role, [String])] = [
            (.id, ["id", "key"]),
            (.title, titles),
            (.status, ["status", "state"]),
            (.doneFlag, ["done", "checked", "complete"]),
            (.children, ["tasks", "items", "todos", "subtasks", "children", "steps"]),
            (.dependencies, ["dependencies", "dependson", "deps", "needs", "blockedby", "requires"]),
            (.priority, ["priority"]),
            (.acceptance, ["acceptance", "acceptancecriteria", "criteria", "successcriteria", "acceptancechecks"]),
            (.deliverables, ["deliverables"]),
            (.started, ["started", "start", "startdate", "startedat", "startedon"]),
            (.completed, ["completed", "completedat", "completedon", "completiondate", "finished", "finishedat"]),
            (.due, ["due", "duedate", "deadline", "targetdate"]),
            (.lastUpdated, ["lastupdated", "updated", "updatedat"]),
            (.assignee, ["assignee", "owner", "assignedto"]),
            (.tags, ["tags", "labels"]),
            (.requirements, ["requirements", "refs", "requirementrefs"]),
            (.prose, ["description", "details", "teststrategy", "notes", "note"]),
        ]
        var out: [String: Role] = [:]
        for (role, keys) in table { for key in keys { out[key] = role } }
        return out
    }()

    /// The role of a phase or task key.
    static func role(of key: String) -> Role {
        roles[fold(key)] ?? .other
    }
}
