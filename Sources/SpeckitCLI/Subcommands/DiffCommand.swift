import ArgumentParser
import Foundation
import SpeckitCore

/// `speckit diff OLD NEW` and `speckit diff --base REF [PATH…]`: task-level changes, with regressions as findings.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show task-level changes between two versions of a kit; tasks that went back from done fail the run.",
        discussion: """
            'speckit diff OLD NEW' compares two files, folders or .zip/.tar.gz kits. 'speckit diff --base REF \
            [PATH…]' compares the kits under PATH (default: the current folder) with the same files at git \
            revision REF, read with git without touching the working tree. Tasks are matched by id (by title when \
            they have none): added, removed, renamed and status changes are listed, and a task going back from \
            done, or a phase from complete, is a status.regression finding (error by default; .speckit.yml can \
            change that). Formats: \(ReportFormat.list). \
            Exit codes: 0 no regressions, 1 regressions (and other findings that fail the run), 2 bad arguments or input.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "OLD and NEW; or, with --base, the kits to compare (default: the current folder).",
            valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Compare with git revision REF instead of an OLD path.", valueName: "ref"))
    var base: String?

    @Option(help: ArgumentHelp("Output format: \(ReportFormat.list).", valueName: "format"))
    var format: ReportFormat = .text

    @OptionGroup var check: CheckOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var reportOptions: ReportOptions

    func validate() throws {
        if base == nil, paths.count != 2 {
            throw ValidationError(
                "diff needs OLD and NEW paths, or --base REF [PATH…] (got \(Plural.count(paths.count, "path")))")
        }
    }

    func run() throws {
        let checked = base == nil ? [paths[1]] : paths
        let settings = try check.settings(for: checked)
        let validator = Validator(settings: settings, jobs: check.load.threads)
        let revision = try base.map { try GitRevision($0) }
        let (diff, kits, failures) =
            try revision.map { try validator.compare(since: $0, paths: paths.isEmpty ? ["."] : paths) }
            ?? validator.compare(old: paths[0], new: paths[1])
        // A file that cannot be read now would look like all its tasks were removed.
        if let failure = failures.first { throw failure.error }
        let rules = ReportContext.rules(settings: settings, kitRules: false, diffRules: true)
        let targets = try ReportTargets(
            format: format, output: outputOptions.file, extra: try reportOptions.requests(),
            inputs: kits.flatMap { $0.documents.map(\.path) } + paths + (check.load.configFile(for: checked).map { [$0] } ?? []),
            context: ReportTargets.Context(settings: settings, check: check, rules: rules))
        targets.begin(diff: diff, findings: DiffContext.findings(of: diff, settings: settings, touched: try revision?.touched()))
        for kit in kits { targets.deliver(KitOutcome(summary: KitSummary(kit: kit), findings: [])) }
        let summary = try targets.finish()
        if !summary.passed { throw ExitCode(1) }
    }
}
