/// What a rule sees: one kit, the settings it runs under, what the parser noticed, and the files that
/// could not be read. Findings are reported through it into the run's single stream.
///
/// A context lives on one thread for one kit; the lookup tables rules share are built on first use.
public final class RuleContext {
    public let kit: Kit
    public let settings: ValidationSettings
    /// What the parser noticed while reading each document (mojibake, invalid bytes …), by path.
    public let parseNotes: [Diagnostic]
    /// Files of the kit that could not be read or parsed, with why.
    public let failures: [LoadFailure]

    /// The decoded text of each document, by path, for rules that read lines (placeholders, markers).
    let sources: [String: SourceText]
    /// The documents the kit's layout expects it to hold (file names; alternatives joined by `|`).
    public let expectedDocuments: [String]
    /// Files of the kit that are there but were skipped as no plan (an empty file), by path.
    public let skipped: [String]
    /// The repository the kit lives in, when speckit can see one (not an archive or standard input).
    public let repository: RepositoryFiles?

    private(set) var findings: [Finding] = []
    private var current: RuleDescription?
    /// Findings of the running rule so far, and how many were dropped past `findingLimit`.
    private var reported = 0, dropped = 0
    /// Findings past the limit, by severity: counted in the totals, not listed.
    private(set) var hidden: [Severity: Int] = [:]

    /// At most this many findings of one rule are listed per kit; the rest are summed up in one more finding.
    /// A hostile or generated file (five million copies of one task) must not turn into gigabytes of report.
    public static let findingLimit = 1_000

    public convenience init(kit: Kit, settings: ValidationSettings, parseNotes: [Diagnostic] = [], failures: [LoadFailure] = []) {
        self.init(
            kit: kit, settings: settings, parseNotes: parseNotes, failures: failures, sources: [:],
            expectedDocuments: KitLayouts.layout(for: kit.profile).expectedDocuments, skipped: [], repository: nil)
    }

    init(
        kit: Kit, settings: ValidationSettings, parseNotes: [Diagnostic], failures: [LoadFailure],
        sources: [String: SourceText], expectedDocuments: [String], skipped: [String], repository: RepositoryFiles?
    ) {
        self.repository = repository
        self.expectedDocuments = expectedDocuments
        self.skipped = skipped
        self.kit = kit
        self.settings = settings
        self.parseNotes = parseNotes
        self.failures = failures
        self.sources = sources
    }

    /// Runs `rule` and collects what it reports, at the severity the settings give the rule.
    func run(_ rule: any Rule) {
        let description = type(of: rule).description
        guard settings.severity(of: description) != nil else { return }
        current = description
        reported = 0
        dropped = 0
        PhaseClock.time(rule: description.id.rawValue) { rule.check(self) }
        if dropped > 0, let last = findings.last, let severity = settings.severity(of: description) {
            // The dropped findings count at the rule's severity; the line saying so is only a note.
            hidden[severity, default: 0] += dropped
            var note = Finding(
                ruleId: description.id, severity: .note,
                message:
                    "\(dropped) more \(description.id.rawValue) \(Plural.pick(dropped, "finding", "findings")) in this kit \(Plural.pick(dropped, "is", "are")) not listed (the limit is \(Self.findingLimit) per rule and kit)",
                range: last.range)
            // Its own identity, whatever the count and whichever line the last listed finding is on.
            note.anchor = "more \(description.id.rawValue) findings in this kit are not listed"
            findings.append(note)
        }
        current = nil
    }

    /// Reports a finding of the running rule.
    public func report(_ message: String, at range: SourceRange, related: [RelatedLocation] = [], fix: String? = nil) {
        guard let current, let severity = settings.severity(of: current), admit() else { return }
        findings.append(
            Finding(
                ruleId: current.id, severity: severity, message: message, range: range,
                related: related, fix: fix))
    }

    /// Counts a finding of the running rule; false once the limit is reached.
    private func admit() -> Bool {
        reported += 1
        if reported > Self.findingLimit {
            dropped += 1
            return false
        }
        return true
    }

    // MARK: Shared lookups

    /// Every task of the kit with the document it sits in and the scope its id is unique in, in document order.
    public private(set) lazy var allTasks: [(document: Document, task: PlanTask)] =
        scopedTasks.map { ($0.document, $0.task) }

    /// Every task with the scope its id lives in: the kit (`""`) for Markdown and YAML plans, one tag of a
    /// tagged Taskmaster `tasks.json` (`path#tag`), where every tag numbers its tasks from 1 again.
    private(set) lazy var scopedTasks: [(document: Document, scope: String, task: PlanTask)] =
        kit.documents.flatMap { document -> [(document: Document, scope: String, task: PlanTask)] in
            // Taskmaster tags number their tasks 1, 2, 3 …; other JSON plans (sprints of `B-1` tickets) are one scope.
            guard document.format == .json, document.phases.count > 1,
                document.phases.allSatisfy({ $0.tasks.allSatisfy { task in task.id.map { Int($0) != nil } ?? true } })
            else {
                return (documentTasks[document.path] ?? []).map { (document, "", $0) }
            }
            return document.phases.flatMap { phase in phase.allTasks.map { (document, "\(document.path)#\(phase.id)", $0) } }
                + document.tasks.flatMap(\.flattened).map { (document, document.path, $0) }
        }

    /// Each document's tasks, subtasks included (flattening copies tasks, so it is done once per kit).
    private(set) lazy var documentTasks: [String: [PlanTask]] =
        Dictionary(kit.documents.map { ($0.path, $0.allTasks) }, uniquingKeysWith: { first, _ in first })

    /// The dependency graph, built once for the rules that walk it.
    private(set) lazy var taskGraph = TaskGraph(self)

    /// Requirements and the ids written as definitions, built once for the trace rules.
    private(set) lazy var requirementIndex = RequirementIndex(self)

    /// Prose and code lines per document, split once for the rules that read text.
    var lineCache: [String: (prose: [(number: Int, text: Substring)], code: [(number: Int, text: Substring)])] = [:]
}

/// A file that could not be read or parsed.
public struct LoadFailure: Sendable {
    public var path: String
    public var error: SpeckitError

    public init(path: String, error: SpeckitError) {
        self.path = path
        self.error = error
    }
}
