/// One checked kit: its summary and its findings, in report order (file, line, column, rule).
public struct KitOutcome: Sendable {
    public var summary: KitSummary
    public var findings: [Finding]
    /// Findings past the limit per rule and kit (`RuleContext.findingLimit`), by severity: counted in the
    /// totals, not listed (a note among `findings` says how many).
    public var hidden: [Severity: Int]

    public init(summary: KitSummary, findings: [Finding], hidden: [Severity: Int] = [:]) {
        self.summary = summary
        self.findings = findings.sorted(by: Finding.reportOrder)
        self.hidden = hidden
    }
}
