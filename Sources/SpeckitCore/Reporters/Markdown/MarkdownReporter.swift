/// A pull-request comment: a hidden marker first (`<!-- speckit:report -->`) so a workflow can find and update
/// its one comment, then the verdict, counts by severity, progress per kit and phase, the findings as a table
/// with `file#Lline` links (errors first, then warnings, then notes; past the first 50 folded in
/// `<details>`), and the changes since the base when
/// there is one. The whole comment stays under GitHub's 65,536-character limit: what does not fit is left
/// out, and the comment says how much.
public struct MarkdownReporter: ReportWriter, Sendable {
    /// The marker a workflow looks for to update the comment in place.
    public static let marker = "<!-- speckit:report -->"
    /// GitHub refuses comments longer than this (counted here in UTF-8 bytes, which is never fewer).
    public static let commentLimit = 65_536
    /// Findings shown before the rest are folded.
    public static let unfolded = 50

    public var paths: ReportPaths
    public var strict: Bool
    /// The most the report may hold (`commentLimit` unless a test wants less).
    public var limit: Int

    private var diff: PlanDiff?
    /// Table rows by severity, kept while they could still fit.
    private var rows: [Severity: [String]] = [:]
    private var rowBytes: [Severity: Int] = [:]
    private var findings = 0

    public init(paths: ReportPaths, strict: Bool = false, limit: Int = MarkdownReporter.commentLimit) {
        self.paths = paths
        self.strict = strict
        self.limit = limit
    }

    public mutating func begin(diff: PlanDiff?) -> String {
        self.diff = diff
        return ""
    }

    /// Keeps the rows that can fit; the rest are only counted.
    public mutating func kit(_ outcome: KitOutcome) -> String {
        for finding in outcome.findings {
            findings += 1
            guard rowBytes[finding.severity, default: 0] < limit else { continue }
            let row = findingRow(finding)
            rowBytes[finding.severity, default: 0] += row.utf8.count
            rows[finding.severity, default: []].append(row)
        }
        return ""
    }

    public mutating func end(_ closing: ReportClosing, emit: (String) -> Void) {
        emit(document(closing))
    }

    /// The comment, cut to `limit`.
    func document(_ closing: ReportClosing) -> String {
        let summary = closing.summary
        var head = Self.marker + "\n" + verdict(summary)
        if let skipped = SkippedFile.summary(closing.skipped) {
            head +=
                " " + skipped.prefix(1).uppercased() + skipped.dropFirst()
                + " (templates, files that are not plans; `--verbose` lists them)."
        }
        head += "\n\n"
        // Progress and changes take at most a quarter of the comment each; the findings get the rest.
        head += MarkdownText.progressTable(closing.kits, paths: paths, maxRows: 60, maxBytes: limit / 4)
        var tail = diff.map { MarkdownText.changesSection($0, paths: paths, maxRows: 100, maxBytes: limit / 4) } ?? ""
        tail += "\n<sub>speckit \(Speckit.version)</sub>\n"
        // What the findings may take: the rest of the limit, less room for the note about what was left out.
        let budget = limit - head.utf8.count - tail.utf8.count - 600
        let rows = Severity.allCases.reversed().flatMap { self.rows[$0] ?? [] }
        var shown = 0
        var used = 0
        while shown < rows.count, used + rows[shown].utf8.count <= budget {
            used += rows[shown].utf8.count
            shown += 1
        }
        var body = ""
        if findings > 0 {
            body += "#### Findings\n\n"
            body += Self.tableHeader + rows.prefix(min(shown, Self.unfolded)).joined()
            if shown > Self.unfolded {
                body += "\n<details><summary>\(shown - Self.unfolded) more finding\(shown - Self.unfolded == 1 ? "" : "s")</summary>\n\n"
                body += Self.tableHeader + rows[Self.unfolded..<shown].joined() + "\n</details>\n"
            }
            if shown < findings {
                body +=
                    "\n> [!NOTE]\n> \(findings - shown) more finding\(findings - shown == 1 ? " is" : "s are") not shown: "
                    + "GitHub comments are limited to \(Self.commentLimit) characters. "
                    + "Run `speckit validate` (or read the JUnit/SARIF reports) for the full list.\n"
            }
            body += "\n"
        }
        return head + body + tail
    }

    static let tableHeader = "| | Rule | Where | Message |\n| --- | --- | --- | --- |\n"

    /// `### ❌ speckit failed: 2 errors, 1 warning, 0 notes` and a line with what was checked.
    func verdict(_ summary: ValidationReport.Summary) -> String {
        let icon = summary.passed ? "✅" : "❌"
        let counts = summary.countsPhrase
        let strictNote = summary.strict ? " (strict: warnings fail)" : ""
        return "### \(icon) speckit \(summary.passed ? "passed" : "failed"): \(counts)\n\n"
            + "Checked \(MarkdownText.count(summary.kits, "kit")), \(MarkdownText.count(summary.files, "file")) and "
            + "\(MarkdownText.count(summary.tasks, "task"))\(strictNote)."
            + (summary.suppressed > 0 ? " \(MarkdownText.count(summary.suppressed, "finding")) suppressed by comments in the plans." : "")
    }

    /// One table row for a finding, with a link to its line.
    func findingRow(_ finding: Finding) -> String {
        let file = paths.relative(finding.range.file)
        let place = "[\(MarkdownText.cell(file)):\(finding.range.line)](\(paths.link(finding.range.file, line: finding.range.line)))"
        var message = MarkdownText.cell(finding.message)
        if let fix = finding.fix { message += " — _\(MarkdownText.cell(fix))_" }
        return "| \(MarkdownText.icon(finding.severity)) | `\(finding.ruleId.rawValue)` | \(place) | \(message) |\n"
    }
}
