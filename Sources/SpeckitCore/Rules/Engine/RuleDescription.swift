/// What a rule is: the single description that `speckit rules`, the rule reference (docs/rules.md), SARIF rule
/// metadata and the example tests all read.
public struct RuleDescription: Sendable {
    public let id: RuleID
    /// A short title ("Task depends on a task that does not exist").
    public let title: String
    public let defaultSeverity: Severity
    /// Why the rule exists, in a sentence or two.
    public let rationale: String
    /// Inputs that must produce at least one finding of this rule.
    public let triggering: [RuleExample]
    /// Inputs that must produce none.
    public let nonTriggering: [RuleExample]

    public init(
        id: RuleID, title: String, severity: Severity, rationale: String,
        triggering: [RuleExample], nonTriggering: [RuleExample]
    ) {
        self.id = id
        self.title = title
        self.defaultSeverity = severity
        self.rationale = rationale
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A small kit held in memory: one or more files, run through the real parser, discovery and rules.
public struct RuleExample: Sendable {
    /// Repository-relative paths and their bytes (the path decides the kit profile and document kind).
    public let files: [(path: String, bytes: [UInt8])]
    /// A `.speckit.yml` to validate with, when the example needs settings.
    public let config: String?
    /// For a diff rule: the files as they were at the base (the old side of the comparison).
    public let base: [(path: String, bytes: [UInt8])]?

    /// A single file, by default a loose `tasks.md` (a freeform kit).
    public init(_ text: String, path: String = "tasks.md", config: String? = nil) {
        self.init(bytes: Array(text.utf8), path: path, config: config)
    }

    /// A single file given as bytes (for text that is not valid UTF-8).
    public init(bytes: [UInt8], path: String = "tasks.md", config: String? = nil) {
        self.files = [(path, bytes)]
        self.config = config
        self.base = nil
    }

    /// Several files forming one or more kits; with `base`, the same kits as they were before (for diff rules).
    public init(files: [(path: String, text: String)], base: [(path: String, text: String)]? = nil, config: String? = nil) {
        self.files = files.map { ($0.path, Array($0.text.utf8)) }
        self.config = config
        self.base = base?.map { ($0.path, Array($0.text.utf8)) }
    }
}
