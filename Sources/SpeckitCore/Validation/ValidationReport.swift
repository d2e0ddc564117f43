/// What `speckit validate` found: the kits it checked and every finding, in report order. Every output
/// format (text, JSON, and the CI reports) is rendered from this one value.
public struct ValidationReport: Codable, Hashable, Sendable {
    /// Bumped only when the JSON shape changes incompatibly (see `spec/schema/validate.schema.json`).
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: ParseResult.Tool
    public var summary: Summary
    public var kits: [KitSummary]
    public var findings: [Finding]

    public init(kits: [KitSummary], findings: [Finding], strict: Bool) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = ParseResult.Tool(name: "speckit", version: Speckit.version)
        self.kits = kits
        self.findings = findings.sorted(by: Finding.reportOrder)
        self.summary = Summary(kits: kits, findings: findings, strict: strict)
    }

    /// 0 when nothing fails the run, 1 when something does (errors; warnings too under `--strict`).
    public var exitCode: Int32 { summary.passed ? 0 : 1 }

    /// Counts over the whole run.
    public struct Summary: Codable, Hashable, Sendable {
        public var kits: Int
        public var files: Int
        public var tasks: Int
        public var errors: Int
        public var warnings: Int
        public var notes: Int
        /// Whether warnings counted as failures.
        public var strict: Bool
        /// Whether the run passes: no errors, and no warnings under `strict`.
        public var passed: Bool

        init(kits: [KitSummary], findings: [Finding], strict: Bool) {
            self.kits = kits.count
            self.files = kits.reduce(0) { $0 + $1.documents.count }
            self.tasks = kits.reduce(0) { $0 + $1.tasks }
            self.errors = findings.count { $0.severity == .error }
            self.warnings = findings.count { $0.severity == .warning }
            self.notes = findings.count { $0.severity == .note }
            self.strict = strict
            self.passed = errors == 0 && (!strict || warnings == 0)
        }
    }
}

/// One checked kit: where it is, what it holds, and how far along its tasks are.
public struct KitSummary: Codable, Hashable, Sendable {
    public var name: String
    public var root: String
    public var profile: Kit.Profile
    public var documents: [DocumentSummary]
    public var tasks: Int
    public var done: Int
    /// Task counts by canonical status (only statuses that occur).
    public var statuses: [String: Int]

    public init(kit: Kit) {
        self.name = kit.name
        self.root = kit.root
        self.profile = kit.profile
        self.documents = kit.documents.map(DocumentSummary.init)
        let tasks = kit.documents.flatMap(\.allTasks)
        self.tasks = tasks.count
        self.done = tasks.count { $0.status == .done }
        self.statuses = Dictionary(grouping: tasks, by: \.status.rawValue).mapValues(\.count)
    }
}

/// One checked document.
public struct DocumentSummary: Codable, Hashable, Sendable {
    public var path: String
    public var kind: Document.Kind
    public var format: Document.Format
    public var tasks: Int
    public var done: Int

    public init(_ document: Document) {
        self.path = document.path
        self.kind = document.kind
        self.format = document.format
        let tasks = document.allTasks
        self.tasks = tasks.count
        self.done = tasks.count { $0.status == .done }
    }
}
