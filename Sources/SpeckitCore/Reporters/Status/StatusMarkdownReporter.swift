/// `speckit status --format markdown`: a comment or step summary with the progress table, then per kit the
/// tasks under way, blocked and ready to start, and the claims that do not match (links to their lines).
public struct StatusMarkdownReporter: StatusWriter {
    /// A marker of its own, so a workflow can keep one status comment beside the validation report.
    public static let marker = "<!-- speckit:status -->"

    public var paths: ReportPaths
    public var listLimit: Int

    /// Each kit as it came, its lists cut to what the comment shows and their lengths kept.
    private var kits: [(progress: KitProgress, counts: [Int])] = []

    public init(paths: ReportPaths, listLimit: Int = 20) {
        self.paths = paths
        self.listLimit = listLimit
    }

    public func begin() -> String { "" }

    public mutating func kit(_ progress: KitProgress) -> String {
        var kept = progress
        let mismatched = progress.claims.filter { !$0.matches }
        let counts = [progress.inProgress.count, progress.blocked.count, progress.ready.count, mismatched.count]
        kept.inProgress = Array(progress.inProgress.prefix(listLimit))
        kept.blocked = Array(progress.blocked.prefix(listLimit))
        kept.ready = Array(progress.ready.prefix(listLimit))
        kept.claims = Array(mismatched.prefix(listLimit))
        kits.append((kept, counts))
        return ""
    }

    public func end(totals: StatusReport.Totals, skipped: [SkippedFile]) -> String {
        var out =
            Self.marker + "\n### speckit status: \(totals.done)/\(totals.tasks) tasks done "
            + "(\(ProgressBar.percent(totals.done, of: totals.tasks))%)\n\n"
            + "\(totals.inProgress) in progress · \(totals.blocked) blocked · \(totals.ready) ready to start · "
            + "\(Plural.count(totals.claims, "claim")), \(totals.mismatchedClaims) not matching"
            + (totals.archivedKits > 0 ? " · \(Plural.count(totals.archivedKits, "archived kit")) not counted" : "")
            + (SkippedFile.summary(skipped).map { " · \($0)" } ?? "") + "\n\n"
        out += MarkdownText.progressTable(
            kits.map { Self.summary($0.progress) }, paths: paths, maxRows: 200,
            maxBytes: MarkdownReporter.commentLimit / 2)
        var left = 0
        for (kit, counts) in kits where !kit.archived {
            // Stay under GitHub's comment limit: kits past it are counted, not listed.
            guard out.utf8.count < MarkdownReporter.commentLimit - 8_000 else {
                left += 1
                continue
            }
            let sections = [
                list("In progress", kit.inProgress, of: counts[0]), list("Blocked", kit.blocked, of: counts[1]),
                list("Ready to start", kit.ready, of: counts[2]), claims(kit.claims, of: counts[3]),
            ].filter { !$0.isEmpty }
            guard !sections.isEmpty else { continue }
            out += "#### \(MarkdownText.cell(kit.name))\n\n" + sections.joined(separator: "\n") + "\n"
        }
        if left > 0 { out += "_\(Plural.count(left, "more kit")) not listed (GitHub's comment limit)._\n" }
        return out
    }

    /// The progress table reads kit summaries; a progress carries what it needs.
    static func summary(_ kit: KitProgress) -> KitSummary {
        var summary = KitSummary(kit: Kit(name: kit.name, root: kit.root, profile: kit.profile, documents: [], archived: kit.archived))
        summary.tasks = kit.total
        summary.done = kit.done
        summary.phases = kit.phases
        return summary
    }

    private func list(_ title: String, _ tasks: [TaskReference], of count: Int) -> String {
        guard !tasks.isEmpty else { return "" }
        var out = "**\(title)** (\(count))\n\n"
        for task in tasks.prefix(listLimit) {
            out += "- [\(MarkdownText.cell(task.label))](\(paths.link(task.file, line: task.line)))\n"
        }
        if count > listLimit { out += "- … and \(count - listLimit) more\n" }
        return out
    }

    private func claims(_ claims: [ClaimCheck], of count: Int) -> String {
        guard !claims.isEmpty else { return "" }
        var out = "**Claims that do not match** (\(count))\n\n"
        for claim in claims.prefix(listLimit) {
            out +=
                "- [\(MarkdownText.cell(paths.relative(claim.range.file))):\(claim.range.line)](\(paths.link(claim.range.file, line: claim.range.line))) "
                + "'\(MarkdownText.cell(claim.claim))': counted \(MarkdownText.cell(claim.actual))\n"
        }
        if count > listLimit { out += "- … and \(count - listLimit) more\n" }
        return out
    }
}
