/// Writes a validation report in pieces as kits finish: an opening, the findings of each kit in turn, and a
/// closing with the totals. Every format is one writer; `render(_:)` is the same writer run over a whole
/// report held in memory.
public protocol ReportWriter {
    /// What comes before the first finding.
    mutating func begin() -> String
    /// The text of some findings (those of one kit, in report order).
    mutating func findings(_ findings: [Finding]) -> String
    /// What comes after the last finding (totals, the kits that were checked), handed to `emit` in pieces so
    /// a long list of kits is never one huge string.
    mutating func end(summary: ValidationReport.Summary, kits: [KitSummary], emit: (String) -> Void)
}

extension ReportWriter {
    /// The whole report as one text.
    public mutating func render(_ report: ValidationReport) -> String {
        var out = begin() + findings(report.findings)
        end(summary: report.summary, kits: report.kits) { out += $0 }
        return out
    }
}
