/// A pull-request comment a reviewer reads in ten seconds, in this order:
/// 1. a hidden marker (`<!-- speckit:report -->`) so a workflow finds and updates its one comment, the verdict
///    and the counts (new and existing when the run was compared with a base or baseline) and what was checked;
/// 2. the new findings, or "none" (without a comparison: every finding, errors first); past 50 folded;
/// 3. the findings per rule and per kit, as two small tables;
/// 4. the changes since the base: completed, regressed, reopened, then a table;
/// 5. the progress of the kits the pull request touched (changed or given new findings), with a Mermaid chart
///    when there are several, and the other kits folded;
/// 6. the existing findings, folded.
///
/// The whole comment stays under GitHub's 65,536-character limit: each part has a share, what does not fit is
/// left out, and the comment says how much.
public struct MarkdownReporter: ReportWriter, Sendable {
    /// The marker a workflow looks for to update the comment in place.
    public static let marker = "<!-- speckit:report -->"
    /// GitHub refuses comments longer than this (counted here in UTF-8 bytes, which is never fewer).
    public static let commentLimit = 65_536
    /// Findings shown before the rest are folded.
    public static let unfolded = 50
    /// Kits listed in the per-kit table and the chart; past that they are only counted.
    static let kitRows = 20
    /// Kits of the per-kit table shown open (more when more have new findings); the rest are folded.
    static let openKits = 5

    public var paths: ReportPaths
    public var strict: Bool
    /// The most the report may hold (`commentLimit` unless a test wants less).
    public var limit: Int

    private var diff: PlanDiff?
    /// Table rows kept while they could still fit: the findings in front (new ones, or all when nothing was
    /// compared) and the existing ones, each by severity.
    private var front = Rows()
    private var existing = Rows()
    private var findings = 0
    private var compared = false
    /// Findings per rule, and per kit in kit order.
    private var byRule: [RuleID: Tally] = [:]
    private var byKit: [(root: String, name: String, tally: Tally)] = []

    struct Tally: Sendable {
        var counts: [Severity: Int] = [:]
        var new = 0
        var total: Int { counts.values.reduce(0, +) }
    }

    struct Rows: Sendable {
        var rows: [Severity: [String]] = [:]
        var bytes: [Severity: Int] = [:]
        var count = 0

        mutating func add(_ row: String, _ severity: Severity, limit: Int) {
            count += 1
            guard bytes[severity, default: 0] < limit else { return }
            bytes[severity, default: 0] += row.utf8.count
            rows[severity, default: []].append(row)
        }

        /// Errors, then warnings, then notes.
        var ordered: [String] { Severity.allCases.reversed().flatMap { rows[$0] ?? [] } }
    }

    public init(paths: ReportPaths, strict: Bool = false, limit: Int = MarkdownReporter.commentLimit) {
        self.paths = paths
        self.strict = strict
        self.limit = limit
    }

    public mutating func begin(diff: PlanDiff?) -> String {
        self.diff = diff
        return ""
    }

    /// Counts the kit's findings and keeps the rows that can fit.
    public mutating func kit(_ outcome: KitOutcome) -> String {
        var tally = Tally()
        for finding in outcome.findings {
            findings += 1
            if finding.isNew != nil { compared = true }
            let row = findingRow(finding)
            if finding.isNew == false {
                existing.add(row, finding.severity, limit: limit)
            } else {
                front.add(row, finding.severity, limit: limit)
            }
            tally.counts[finding.severity, default: 0] += 1
            byRule[finding.ruleId, default: Tally()].counts[finding.severity, default: 0] += 1
            if finding.isNew == true {
                tally.new += 1
                byRule[finding.ruleId, default: Tally()].new += 1
            }
        }
        byKit.append((outcome.summary.root, outcome.summary.name, tally))
        return ""
    }

    public mutating func end(_ closing: ReportClosing, emit: (String) -> Void) {
        emit(document(closing))
    }

    /// The comment, cut to `limit`.
    mutating func document(_ closing: ReportClosing) -> String {
        let summary = closing.summary
        compared = compared || summary.new != nil
        var head = Self.marker + "\n" + verdict(summary)
        if let skipped = SkippedFile.summary(closing.skipped) {
            head +=
                " " + skipped.prefix(1).uppercased() + skipped.dropFirst()
                + " (templates, files that are not plans; `--verbose` lists them)."
        }
        head += "\n\n"
        let tail = "\n<sub>speckit \(Speckit.version)</sub>\n"
        // Shares of the comment: the tables, changes and progress are small; the findings get what is left.
        let tables = self.tables(closing.kits, maxBytes: limit / 8)
        let changes = diff.map { changesSection($0, maxBytes: limit / 8) } ?? ""
        let progress = progressSection(closing.kits, maxBytes: limit / 6)
        let budget = limit - head.utf8.count - tail.utf8.count - tables.utf8.count - changes.utf8.count - progress.utf8.count - 1_200
        let (first, firstLeft) = findingsSection(
            title: compared ? "New findings" : "Findings", rows: front.ordered, total: front.count, budget: budget,
            none: compared ? "None: every finding was there before.\n\n" : "")
        let (rest, restLeft) = existingSection(budget: budget - first.utf8.count)
        var body = first + tables + changes + progress + rest
        let left = firstLeft + restLeft
        if left > 0 {
            body +=
                "> [!NOTE]\n> \(Plural.count(left, "more finding")) \(Plural.pick(left, "is", "are")) not shown: "
                + "GitHub comments are limited to \(Self.commentLimit) characters. "
                + "Run `speckit validate` (or read the JUnit/SARIF reports) for the full list.\n\n"
        }
        return head + body + tail
    }

    static let tableHeader = "| | Rule | Where | Message |\n| --- | --- | --- | --- |\n"

    /// `### ❌ speckit failed: 2 new errors, 41 existing` and a line with what was checked and what fails.
    func verdict(_ summary: ValidationReport.Summary) -> String {
        let icon = summary.passed ? "✅" : "❌"
        var line = "Checked \(MarkdownText.count(summary.kits, "kit")), \(MarkdownText.count(summary.files, "file")) and "
        line += "\(MarkdownText.count(summary.tasks, "task"))"
        if let base = diff?.base, diff?.baseIsRevision == true { line += " against \(MarkdownText.code(base, inTable: false))" }
        if summary.new != nil { line += summary.failOn == .new ? "; only new findings fail" : "; every error fails" }
        line += summary.strict ? " (strict: warnings fail)." : "."
        if summary.suppressed > 0 { line += " \(MarkdownText.count(summary.suppressed, "finding")) suppressed by comments in the plans." }
        return "### \(icon) speckit \(summary.passed ? "passed" : "failed"): \(summary.countsPhrase)\n\n" + line
    }

    /// One table row for a finding, with a link to its line.
    func findingRow(_ finding: Finding) -> String {
        let file = paths.relative(finding.range.file)
        let place = "[\(MarkdownText.cell(file)):\(finding.range.line)](\(paths.link(finding.range.file, line: finding.range.line)))"
        var message = MarkdownText.cell(finding.message)
        if let fix = finding.fix { message += " — _\(MarkdownText.cell(fix))_" }
        return "| \(MarkdownText.icon(finding.severity)) | `\(finding.ruleId.rawValue)` | \(place) | \(message) |\n"
    }

    /// `#### New findings` (or `#### Findings`) with up to `unfolded` rows open and the rest in `<details>`;
    /// returns the section and how many rows did not fit in `budget`.
    func findingsSection(title: String, rows: [String], total: Int, budget: Int, none: String) -> (String, Int) {
        guard total > 0 else { return none.isEmpty ? ("", 0) : ("#### \(title)\n\n" + none, 0) }
        let shown = Self.fitting(rows, budget: budget)
        var out = "#### \(title) (\(total))\n\n" + Self.tableHeader + rows.prefix(min(shown, Self.unfolded)).joined()
        if shown > Self.unfolded {
            out += "\n<details><summary>\(Plural.count(shown - Self.unfolded, "more finding"))</summary>\n\n"
            out += Self.tableHeader + rows[Self.unfolded..<shown].joined() + "\n</details>\n"
        }
        return (out + "\n", total - shown)
    }

    /// The existing findings, folded whole.
    func existingSection(budget: Int) -> (String, Int) {
        guard existing.count > 0 else { return ("", 0) }
        let rows = existing.ordered
        let shown = Self.fitting(rows, budget: budget)
        guard shown > 0 else { return ("", existing.count) }
        let out =
            "<details><summary>\(MarkdownText.count(existing.count, "existing finding"))</summary>\n\n" + Self.tableHeader
            + rows.prefix(shown).joined() + "\n</details>\n\n"
        return (out, existing.count - shown)
    }

    /// How many of `rows` fit in `budget` bytes.
    static func fitting(_ rows: [String], budget: Int) -> Int {
        var shown = 0
        var used = 0
        while shown < rows.count, used + rows[shown].utf8.count <= budget {
            used += rows[shown].utf8.count
            shown += 1
        }
        return shown
    }

    /// The findings per rule and per kit (the kits with the most findings first).
    func tables(_ kits: [KitSummary], maxBytes: Int) -> String {
        guard findings > 0 else { return "" }
        let newColumn = compared ? " New |" : ""
        let newRule = compared ? " --- |" : ""
        func cells(_ tally: Tally) -> String {
            Severity.allCases.reversed().map { " \(tally.counts[$0, default: 0]) |" }.joined() + (compared ? " \(tally.new) |" : "")
        }
        var out = "#### By rule and kit\n\n| Rule | ❌ | ⚠️ | ℹ️ |\(newColumn)\n| --- | --- | --- | --- |\(newRule)\n"
        let rules = byRule.sorted { a, b in
            let (x, y) = (a.value, b.value)
            if x.new != y.new { return x.new > y.new }
            if x.counts[.error, default: 0] != y.counts[.error, default: 0] {
                return x.counts[.error, default: 0] > y.counts[.error, default: 0]
            }
            if x.total != y.total { return x.total > y.total }
            return a.key < b.key
        }
        for (rule, tally) in rules { out += "| `\(rule.rawValue)` |" + cells(tally) + "\n" }
        let ranked = byKit.enumerated().filter { $0.element.tally.total > 0 }.sorted { a, b in
            let (x, y) = (a.element.tally, b.element.tally)
            if x.new != y.new { return x.new > y.new }
            if x.total != y.total { return x.total > y.total }
            return a.offset < b.offset
        }
        // The kits with new findings, and the first few others, open; the rest folded.
        let header = "| Kit | ❌ | ⚠️ | ℹ️ |\(newColumn)\n| --- | --- | --- | --- |\(newRule)\n"
        let open = max(ranked.count { $0.element.tally.new > 0 }, min(ranked.count, Self.openKits))
        var rows: [String] = []
        var bytes = out.utf8.count + 2 * header.utf8.count + 100
        for (_, kit) in ranked {
            let row = "| \(MarkdownText.kitName(root: kit.root, name: kit.name, paths: paths)) |" + cells(kit.tally) + "\n"
            guard rows.count < Self.kitRows, bytes + row.utf8.count <= maxBytes else { break }
            rows.append(row)
            bytes += row.utf8.count
        }
        out += "\n" + header + rows.prefix(open).joined() + "\n"
        if rows.count > open {
            let more = rows.count - open
            out +=
                "<details><summary>\(Plural.count(more, "more kit")) with findings</summary>\n\n" + header
                + rows[open...].joined() + "\n</details>\n\n"
        }
        if ranked.count > rows.count {
            out += "_\(Plural.count(ranked.count - rows.count, "more kit")) with findings not listed._\n\n"
        }
        return out
    }

    /// `#### Changes since `origin/main``: a line of counts (completed, regressed, reopened, other), then the
    /// table, folded when it is long.
    func changesSection(_ diff: PlanDiff, maxBytes: Int) -> String {
        MarkdownText.changesSection(diff, paths: paths, maxRows: 100, maxBytes: maxBytes)
    }

    /// The progress of the kits the pull request touched (with a chart when several), the rest folded. Without
    /// a base every kit counts as touched.
    func progressSection(_ kits: [KitSummary], maxBytes: Int) -> String {
        guard !kits.isEmpty else { return "" }
        let touched = touchedKits(kits)
        let others = kits.filter { kit in !touched.contains { $0.root == kit.root && $0.name == kit.name } }
        var out = ""
        if !touched.isEmpty {
            let title = diff == nil && !compared ? "Progress" : "Progress of the kits this pull request touched"
            out += "#### \(title)\n\n"
            if touched.count >= 2 { out += chart(touched) }
            out += MarkdownText.progressTable(touched, paths: paths, maxRows: 60, maxBytes: maxBytes / 2, heading: false)
        }
        if !others.isEmpty {
            let table = MarkdownText.progressTable(others, paths: paths, maxRows: 60, maxBytes: maxBytes / 2, heading: false)
            let what =
                touched.isEmpty
                ? "Progress of \(MarkdownText.count(others.count, "kit"))"
                : "Progress of the other \(MarkdownText.count(others.count, "kit"))"
            out += "<details><summary>\(what)</summary>\n\n" + table + "</details>\n\n"
        }
        return out
    }

    /// The kits a change since the base or a new finding is in; every kit when nothing was compared (at most
    /// 10 shown open; more are folded).
    func touchedKits(_ kits: [KitSummary]) -> [KitSummary] {
        guard diff != nil || compared else { return kits.count <= 10 ? kits : [] }
        let changed = Set(diff?.changes.map(\.kit) ?? [])
        let fresh = Set(byKit.filter { $0.tally.new > 0 }.map { "\($0.root)\u{0}\($0.name)" })
        return kits.filter { changed.contains($0.root) || fresh.contains("\($0.root)\u{0}\($0.name)") }
    }

    /// A Mermaid bar chart of percent done per kit (GitHub renders Mermaid in comments).
    func chart(_ kits: [KitSummary]) -> String {
        let shown = kits.filter { $0.tasks > 0 }.prefix(Self.kitRows)
        guard shown.count >= 2 else { return "" }
        let names = shown.map { "\"\(Self.chartLabel($0.name))\"" }.joined(separator: ", ")
        let values = shown.map { "\($0.percent)" }.joined(separator: ", ")
        return """
            ```mermaid
            xychart-beta horizontal
              title "Tasks done (%)"
              x-axis [\(names)]
              y-axis "done %" 0 --> 100
              bar [\(values)]
            ```


            """
    }

    /// A kit name as a chart label: letters, digits, spaces and `-_.` only, at most 32 characters.
    static func chartLabel(_ name: String) -> String {
        let kept = name.unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " -_.".unicodeScalars.contains(scalar)
                ? Character(scalar) : "_"
        }
        let label = String(kept.prefix(32))
        return label.isEmpty ? "kit" : label
    }
}
