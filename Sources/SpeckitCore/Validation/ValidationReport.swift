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
    /// The task-level changes since a base (`validate --base REF`, `speckit diff`).
    public var diff: PlanDiff?
    /// How many findings belong to each kit, in kit order (not encoded: the JSON lists findings flat).
    private var findingsPerKit: [Int]

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, tool, summary, kits, findings, diff
    }

    /// The report of checked kits, in kit order; each kit's findings in report order.
    public init(outcomes: [KitOutcome], strict: Bool, diff: PlanDiff? = nil) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = ParseResult.Tool(name: "speckit", version: Speckit.version)
        self.kits = outcomes.map(\.summary)
        self.findings = outcomes.flatMap(\.findings)
        self.findingsPerKit = outcomes.map(\.findings.count)
        self.diff = diff
        var tally = Summary.Tally(strict: strict)
        for outcome in outcomes { tally.add(outcome) }
        self.summary = tally.summary
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        tool = try container.decode(ParseResult.Tool.self, forKey: .tool)
        summary = try container.decode(Summary.self, forKey: .summary)
        kits = try container.decode([KitSummary].self, forKey: .kits)
        findings = try container.decode([Finding].self, forKey: .findings)
        diff = try container.decodeIfPresent(PlanDiff.self, forKey: .diff)
        findingsPerKit = []
    }

    /// Each kit with its findings, in kit order.
    public var outcomes: [KitOutcome] {
        guard findingsPerKit.count == kits.count else {
            return kits.enumerated().map { KitOutcome(summary: $1, findings: $0 == 0 ? findings : []) }
        }
        var start = 0
        return zip(kits, findingsPerKit).map { kit, count in
            defer { start += count }
            return KitOutcome(summary: kit, findings: Array(findings[start..<start + count]))
        }
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

        /// Counts kit by kit, so a streaming run needs no list of findings to sum up.
        public struct Tally: Sendable {
            var summary: Summary

            public init(strict: Bool) {
                summary = Summary(kits: 0, files: 0, tasks: 0, errors: 0, warnings: 0, notes: 0, strict: strict, passed: true)
            }

            public mutating func add(_ outcome: KitOutcome) {
                summary.kits += 1
                summary.files += outcome.summary.documents.count
                summary.tasks += outcome.summary.tasks
                for finding in outcome.findings { count(finding.severity, 1) }
                for (severity, hidden) in outcome.hidden { count(severity, hidden) }
                summary.passed = summary.errors == 0 && (!summary.strict || summary.warnings == 0)
            }

            private mutating func count(_ severity: Severity, _ n: Int) {
                switch severity {
                case .error: summary.errors += n
                case .warning: summary.warnings += n
                case .note: summary.notes += n
                }
            }

            /// The totals so far.
            public var result: Summary { summary }
        }
    }
}

/// One checked kit: where it is, what it holds, and how far along its tasks are. A task restated in several
/// places counts once.
public struct KitSummary: Codable, Hashable, Sendable {
    public var name: String
    public var root: String
    public var profile: Kit.Profile
    public var documents: [DocumentSummary]
    public var tasks: Int
    public var done: Int
    /// Task counts by canonical status (only statuses that occur).
    public var statuses: [String: Int]
    /// Progress of every phase that has tasks, in document order.
    public var phases: [PhaseProgress]

    public init(kit: Kit) {
        self.name = kit.name
        self.root = kit.root
        self.profile = kit.profile
        self.documents = kit.documents.map(DocumentSummary.init)
        let tasks = WorkUnits(kit).tasks.map(\.task)
        self.tasks = tasks.count
        self.done = tasks.count { $0.status == .done }
        self.statuses = Dictionary(grouping: tasks, by: \.status.rawValue).mapValues(\.count)
        self.phases = PhaseProgress.phases(of: kit)
    }

    /// Whole percent done, rounded down.
    public var percent: Int { Progress.percent(done, of: tasks) }
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
