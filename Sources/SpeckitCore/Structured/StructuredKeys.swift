/// The keys a YAML plan or a Taskmaster `tasks.json` uses, and what each means.
///
/// Keys are matched folded: lowercased with `_`, `-` and spaces dropped, so `depends_on`, `dependsOn`
/// and `Depends-On` are one key.
enum StructuredKeys {
    /// What a key of a phase or task entry says.
    enum Role: Equatable {
        case id, title, status, doneFlag, children, dependencies, priority, acceptance, deliverables
        /// A list of groups (`epics:` inside a phase, `features:` inside an epic): nested phases.
        case groups
        case started, completed, due, lastUpdated, assignee, tags, requirements
        /// Prose kept as a field: `description`, `details`, `testStrategy`, `notes`.
        case prose
        case other
    }

    /// Lowercases and drops `_`, `-` and spaces.
    static func fold(_ key: String) -> String {
        String(key.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Lists of groups of work: top-level lists of phases, and the nested groups of a phase.
    static let phaseLists: Set<String> = [
        "phases", "milestones", "stages", "epics", "sprints", "iterations", "workstreams", "features", "releases",
        "themes", "tracks", "initiatives",
    ]
    /// Top-level lists of tasks, and a phase's tasks.
    static let taskLists: Set<String> = ["tasks", "items", "todos", "tickets", "stories", "userstories", "workitems", "backlog"]
    /// Lists of child entries that are read as tasks only when they hold entries written as mappings
    /// (`tickets: [{id: …}]`); a list of plain words under the same key (`features: [login, search]`,
    /// `issues: [none]`) stays a field.
    static let softLists = Set(["tickets", "stories", "userstories", "issues", "workitems", "backlog"]).union(phaseLists)
    /// Keys that say a file is a plan even when speckit cannot read its shape: the lists above, their
    /// singulars, and words such as `backlog` or `roadmap`.
    static let planKeys: Set<String> = phaseLists.union(taskLists).union([
        "phase", "milestone", "stage", "epic", "sprint", "iteration", "workstream", "task", "ticket", "story",
        "todo", "roadmap", "plan", "developmentstatus", "subtasks", "deliverables",
    ])
    /// Keys that hold one work item written out (a ticket's own file), not a plan of them.
    static let singleItems: Set<String> = ["task", "ticket", "story", "userstory", "issue", "todo"]
    /// Top-level keys that name the document, best first.
    static let documentTitles = ["title", "name", "project", "projectname"]
    /// Keys under which a Taskmaster tag or a task keeps its metadata.
    static let metadata: Set<String> = ["metadata", "meta"]
    /// Keys that carry an entry's title.
    static let titles = ["title", "name", "summary", "task", "subject"]

    private static let roles: [String: Role] = {
        let table: [(Role, [String])] = [
            (.id, ["id", "key", "ticket", "number"]),
            (.title, titles),
            (.status, ["status", "state"]),
            (.doneFlag, ["done", "checked", "complete"]),
            (
                .children,
                [
                    "tasks", "items", "todos", "subtasks", "children", "steps", "tickets", "stories", "userstories", "issues",
                    "workitems", "backlog",
                ]
            ),
            (.groups, Array(phaseLists)),
            (.dependencies, ["dependencies", "dependson", "deps", "needs", "blockedby", "requires", "after", "prerequisites"]),
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
