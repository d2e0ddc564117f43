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
    /// Files found but not read as plans: templates, files that are not plans by their content, `.txt` files.
    public var skipped: [SkippedFile]
    /// How many findings belong to each kit, in kit order (not encoded: the JSON lists findings flat).
    private var findingsPerKit: [Int]

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, tool, summary, kits, findings, diff, skipped
    }

    /// The report of checked kits, in kit order; each kit's findings in report order.
    /// The report of checked kits, in kit order; each kit's findings in report order. Kits of which nothing
    /// was a plan are left out, their files counted as skipped after `skipped` (what discovery left out).
    public init(outcomes: [KitOutcome], strict: Bool, diff: PlanDiff? = nil, skipped: [SkippedFile] = []) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = ParseResult.Tool(name: "speckit", version: Speckit.version)
        var tally = Summary.Tally(strict: strict, skipped: skipped)
        for outcome in outcomes { tally.add(outcome) }
        let reported = outcomes.filter { !$0.isEmpty }
        self.kits = reported.map(\.summary)
        self.findings = reported.flatMap(\.findings)
        self.findingsPerKit = reported.map(\.findings.count)
        self.diff = diff
        self.summary = tally.summary
        self.skipped = tally.skipped
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        tool = try container.decode(ParseResult.Tool.self, forKey: .tool)
        summary = try container.decode(Summary.self, forKey: .summary)
        kits = try container.decode([KitSummary].self, forKey: .kits)
        findings = try container.decode([Finding].self, forKey: .findings)
        diff = try container.decodeIfPresent(PlanDiff.self, forKey: .diff)
        skipped = try container.decodeIfPresent([SkippedFile].self, forKey: .skipped) ?? []
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
        /// Files found but not read as plans (see `ValidationReport.skipped`).
        public var skipped: Int
        /// Findings the plans' own `speckit-disable` comments covered.
        public var suppressed: Int
        /// Whether warnings counted as failures.
        public var strict: Bool
        /// The findings not in the baseline nor at the base revision, by severity; present only when the run
        /// was compared with one (`--baseline`, `--base`). The rest are existing.
        public var new: Counts?
        /// What fails the run: `all` findings (errors; warnings under `strict`), or only `new` ones.
        public var failOn: FailOn
        /// Whether the run passes: no errors, and no warnings under `strict`.
        public var passed: Bool

        /// `2 errors, 1 warning, 0 notes`; compared with a baseline or base, `2 new errors, 41 existing; 0 new
        /// warnings, 1 existing` (warnings and notes only when there are any).
        public var countsPhrase: String {
            func count(_ n: Int, _ word: String) -> String { Plural.count(n, word) }
            guard let new else {
                return [count(errors, "error"), count(warnings, "warning"), count(notes, "note")].joined(separator: ", ")
            }
            // Errors always; warnings and notes when there are any.
            return [(errors, new.errors, "error"), (warnings, new.warnings, "warning"), (notes, new.notes, "note")]
                .enumerated().filter { $0.offset == 0 || $0.element.0 > 0 }
                .map { _, group in "\(count(group.1, "new " + group.2)), \(group.0 - group.1) existing" }.joined(separator: "; ")
        }

        /// Findings by severity.
        public struct Counts: Codable, Hashable, Sendable {
            public var errors = 0
            public var warnings = 0
            public var notes = 0

            public init(errors: Int = 0, warnings: Int = 0, notes: Int = 0) {
                self.errors = errors
                self.warnings = warnings
                self.notes = notes
            }

            mutating func add(_ severity: Severity, _ n: Int) {
                switch severity {
                case .error: errors += n
                case .warning: warnings += n
                case .note: notes += n
                }
            }
        }

        /// Which findings fail the run (`--fail-on`).
        public enum FailOn: String, Codable, Sendable, CaseIterable {
            /// Every error, and every warning under `strict`.
            case all
            /// Only the new ones: not in the baseline nor at the base revision.
            case new
        }

        /// Counts kit by kit, so a streaming run needs no list of findings to sum up.
        public struct Tally: Sendable {
            var summary: Summary
            /// Every file skipped so far: what discovery left out, then each kit's.
            public private(set) var skipped: [SkippedFile]

            /// `compared`: whether findings are marked new or existing (`Finding.isNew`); `failOn` what fails.
            public init(strict: Bool, skipped: [SkippedFile] = [], compared: Bool = false, failOn: FailOn = .all) {
                summary = Summary(
                    kits: 0, files: 0, tasks: 0, errors: 0, warnings: 0, notes: 0, skipped: skipped.count, suppressed: 0,
                    strict: strict, new: compared ? Counts() : nil, failOn: failOn, passed: true)
                self.skipped = skipped
            }

            /// Counts a checked kit; one of which nothing was a plan only adds its skipped files.
            public mutating func add(_ outcome: KitOutcome) {
                skipped += outcome.skipped
                summary.skipped = skipped.count
                guard !outcome.isEmpty else { return }
                summary.kits += 1
                summary.files += outcome.summary.documents.count + outcome.unreadable
                summary.tasks += outcome.summary.tasks
                summary.suppressed += outcome.suppressed
                for finding in outcome.findings {
                    count(finding.severity, 1)
                    if finding.isNew == true { summary.new?.add(finding.severity, 1) }
                    if finding.failsRun(strict: summary.strict, failOn: summary.failOn) { summary.passed = false }
                }
                // Findings past the limit are not listed, so not compared: they count as existing.
                for (severity, hidden) in outcome.hidden where hidden > 0 {
                    count(severity, hidden)
                    if Finding.fails(severity, isNew: false, strict: summary.strict, failOn: summary.failOn) { summary.passed = false }
                }
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
    /// A kit kept for the record (OpenSpec's `changes/archive/`).
    public var archived: Bool
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
        self.archived = kit.archived
        self.documents = kit.documents.map(DocumentSummary.init)
        let tasks = WorkUnits(kit).tasks.map(\.task)
        self.tasks = tasks.count
        self.done = tasks.count { $0.status == .done }
        self.statuses = Dictionary(grouping: tasks, by: \.status.rawValue).mapValues(\.count)
        self.phases = PhaseProgress.phases(of: kit)
    }

    /// Whole percent done, rounded down.
    public var percent: Int { ProgressBar.percent(done, of: tasks) }
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
