/// What `speckit next` reports: per kit, the tasks to start next. Encoded as JSON it is documented by
/// `spec/schema/next.schema.json`.
public struct NextReport: Codable, Hashable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: ParseResult.Tool
    public var kits: [Kit]

    /// One kit's answer.
    public struct Kit: Codable, Hashable, Sendable {
        public var name: String
        public var root: String
        /// Required tasks not done or cancelled (open optional tasks are nobody's debt).
        public var open: Int
        /// How many tasks are ready to start in all (`tasks` holds the first, or all with `--all`).
        public var ready: Int
        public var tasks: [ReadyTask]

        public init(name: String, root: String, open: Int, ready: Int, tasks: [ReadyTask]) {
            (self.name, self.root, self.open, self.ready, self.tasks) = (name, root, open, ready, tasks)
        }
    }

    public init(kits: [Kit]) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = ParseResult.Tool(name: "speckit", version: Speckit.version)
        self.kits = kits
    }
}

extension NextReport.Kit {
    /// The answer for `kit`: its first ready task, or every one when `all`; nil for a kit with no tasks (a
    /// constitution, a folder of specs). `bytes` reads a file for the tasks' content hashes.
    public init?(_ kit: SpeckitCore.Kit, all: Bool, bytes: (String) -> [UInt8]?) {
        var units = WorkUnits(kit)
        units.keepCounted()
        guard !units.tasks.isEmpty else { return nil }
        let ready = NextTasks.ready(in: kit, bytes: bytes)
        self.init(
            name: kit.name, root: kit.root, open: units.tasks.count { !$0.task.status.isClosed }, ready: ready.count,
            tasks: all ? ready : Array(ready.prefix(1)))
    }
}
