/// Writes a report in pieces as kits finish: an opening, each kit's findings in turn, and a closing with
/// the totals (and the diff against a base, when there is one). Every format is one writer; `render(_:)` is
/// the same writer run over a whole report held in memory.
public protocol ReportWriter {
    /// What comes before the first kit. `diff` is the task-level changes since a base (`validate --base REF`,
    /// `speckit diff`), known before any kit is checked.
    mutating func begin(diff: PlanDiff?) -> String
    /// The text for one checked kit (its findings are in report order).
    mutating func kit(_ outcome: KitOutcome) -> String
    /// What comes after the last kit, handed to `emit` in pieces so a long list is never one huge string.
    mutating func end(_ closing: ReportClosing, emit: (String) -> Void)
}

/// What a report ends with: the totals, every kit checked, and the files found but not read as plans.
public struct ReportClosing: Sendable {
    public var summary: ValidationReport.Summary
    public var kits: [KitSummary]
    public var skipped: [SkippedFile]

    public init(summary: ValidationReport.Summary, kits: [KitSummary], skipped: [SkippedFile] = []) {
        self.summary = summary
        self.kits = kits
        self.skipped = skipped
    }
}

extension ReportWriter {
    /// The whole report as one text.
    public mutating func render(_ report: ValidationReport) -> String {
        var out = begin(diff: report.diff)
        for outcome in report.outcomes { out += kit(outcome) }
        end(ReportClosing(summary: report.summary, kits: report.kits, skipped: report.skipped)) { out += $0 }
        return out
    }
}
