/// One checked kit: its summary and its findings, in report order (file, line, column, rule).
public struct KitOutcome: Sendable {
    public var summary: KitSummary
    public var findings: [Finding]

    public init(summary: KitSummary, findings: [Finding]) {
        self.summary = summary
        self.findings = findings.sorted(by: Finding.reportOrder)
    }
}
