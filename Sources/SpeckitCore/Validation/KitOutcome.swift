/// One checked kit: its summary and its findings, in report order (file, line, column, rule).
public struct KitOutcome: Sendable {
    public var summary: KitSummary
    public var findings: [Finding]
    /// Findings past the limit per rule and kit (`RuleContext.findingLimit`), by severity: counted in the
    /// totals, not listed (a note among `findings` says how many).
    public var hidden: [Severity: Int]
    /// Files of the kit that turned out not to be plans when read.
    public var skipped: [SkippedFile]
    /// Nothing of the kit was a plan (every file skipped): it is not reported as a kit.
    public var isEmpty: Bool
    /// Files of the kit (of those reported on) that could not be read: counted among the run's files.
    public var unreadable: Int
    /// Findings the plans' own `speckit-disable` comments covered: counted, not listed.
    public var suppressed: Int

    public init(
        summary: KitSummary, findings: [Finding], hidden: [Severity: Int] = [:], skipped: [SkippedFile] = [],
        isEmpty: Bool = false, unreadable: Int = 0, suppressed: Int = 0
    ) {
        self.summary = summary
        self.findings = findings.sorted(by: Finding.reportOrder)
        self.hidden = hidden
        self.skipped = skipped
        self.isEmpty = isEmpty
        self.unreadable = unreadable
        self.suppressed = suppressed
    }
}
