/// A check over the changes between two versions of the kits (`speckit diff`, `validate --base REF`) rather
/// than over one kit. Described, configured, listed and tested exactly as kit rules are.
public protocol DiffRule: Sendable {
    /// The id, title, default severity, rationale and examples (whose `base` files are the old side).
    static var description: RuleDescription { get }

    init()

    /// Reports every problem in the changes through `context.report`.
    func check(_ context: DiffContext)
}

/// What a diff rule sees: the changes and the settings; findings are reported through it.
public final class DiffContext {
    public let diff: PlanDiff
    public let settings: ValidationSettings
    /// The files the change touched, when the base is a git revision (or a rule example's base).
    public let touched: TouchedFiles?
    private(set) var findings: [Finding] = []
    private var current: RuleDescription?

    public init(diff: PlanDiff, settings: ValidationSettings, touched: TouchedFiles? = nil) {
        self.diff = diff
        self.settings = settings
        self.touched = touched
    }

    /// Runs every diff rule the settings leave on and returns what they found, in report order.
    public static func findings(
        of diff: PlanDiff, settings: ValidationSettings, paths: ReportPaths = .forCurrentFolder(), touched: TouchedFiles? = nil
    ) -> [Finding] {
        let context = DiffContext(diff: diff, settings: settings, touched: touched)
        for rule in RuleRegistry.diffRules { context.run(rule.init()) }
        var findings = context.findings
        FindingFingerprint.assign(&findings, sources: [:], paths: paths)
        return findings.sorted(by: Finding.reportOrder)
    }

    func run(_ rule: any DiffRule) {
        let description = type(of: rule).description
        guard settings.severity(of: description) != nil else { return }
        current = description
        rule.check(self)
        current = nil
    }

    /// Reports a finding of the running rule at its configured severity.
    public func report(_ message: String, at range: SourceRange, related: [RelatedLocation] = [], fix: String? = nil) {
        guard let current, let severity = settings.severity(of: current) else { return }
        findings.append(
            Finding(
                ruleId: current.id, severity: severity, message: message, range: range,
                related: related, fix: fix))
    }
}
