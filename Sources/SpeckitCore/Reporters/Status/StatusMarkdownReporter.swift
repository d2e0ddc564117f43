/// `speckit status --format markdown`: a comment or step summary with the progress table, then per kit the
/// tasks under way, blocked and ready to start, and the claims that do not match (links to their lines).
public struct StatusMarkdownReporter: Sendable {
    /// A marker of its own, so a workflow can keep one status comment beside the validation report.
    public static let marker = "<!-- speckit:status -->"

    public var paths: ReportPaths
    public var listLimit: Int

    public init(paths: ReportPaths, listLimit: Int = 20) {
        self.paths = paths
        self.listLimit = listLimit
    }

    public func render(_ report: StatusReport) -> String {
        let totals = report.totals
        var out =
            Self.marker + "\n### speckit status: \(totals.done)/\(totals.tasks) tasks done "
            + "(\(Progress.percent(totals.done, of: totals.tasks))%)\n\n"
            + "\(totals.inProgress) in progress · \(totals.blocked) blocked · \(totals.ready) ready to start · "
            + "\(totals.mismatchedClaims) of \(totals.claims) claims do not match\n\n"
        out += MarkdownText.progressTable(
            report.kits.map(Self.summary), paths: paths, maxRows: 200,
            maxBytes: MarkdownReporter.commentLimit / 2)
        var left = 0
        for kit in report.kits {
            // Stay under GitHub's comment limit: kits past it are counted, not listed.
            guard out.utf8.count < MarkdownReporter.commentLimit - 8_000 else {
                left += 1
                continue
            }
            let sections = [
                list("In progress", kit.inProgress), list("Blocked", kit.blocked), list("Ready to start", kit.ready),
                claims(kit.claims.filter { !$0.matches }),
            ].filter { !$0.isEmpty }
            guard !sections.isEmpty else { continue }
            out += "#### \(MarkdownText.cell(kit.name))\n\n" + sections.joined(separator: "\n") + "\n"
        }
        if left > 0 { out += "_\(left) more kit\(left == 1 ? "" : "s") not listed (GitHub's comment limit)._\n" }
        return out
    }

    /// The progress table reads kit summaries; a progress carries what it needs.
    static func summary(_ kit: KitProgress) -> KitSummary {
        var summary = KitSummary(kit: Kit(name: kit.name, root: kit.root, profile: kit.profile, documents: []))
        summary.tasks = kit.total
        summary.done = kit.done
        summary.phases = kit.phases
        return summary
    }

    private func list(_ title: String, _ tasks: [TaskReference]) -> String {
        guard !tasks.isEmpty else { return "" }
        var out = "**\(title)** (\(tasks.count))\n\n"
        for task in tasks.prefix(listLimit) {
            out += "- [\(MarkdownText.cell(task.label))](\(paths.link(task.file, line: task.line)))\n"
        }
        if tasks.count > listLimit { out += "- … and \(tasks.count - listLimit) more\n" }
        return out
    }

    private func claims(_ claims: [ClaimCheck]) -> String {
        guard !claims.isEmpty else { return "" }
        var out = "**Claims that do not match** (\(claims.count))\n\n"
        for claim in claims.prefix(listLimit) {
            out +=
                "- [\(MarkdownText.cell(paths.relative(claim.range.file))):\(claim.range.line)](\(paths.link(claim.range.file, line: claim.range.line))) "
                + "'\(MarkdownText.cell(claim.claim))': counted \(MarkdownText.cell(claim.actual))\n"
        }
        if claims.count > listLimit { out += "- … and \(claims.count - listLimit) more\n" }
        return out
    }
}
