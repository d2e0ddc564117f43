import ArgumentParser
import Foundation
import SpeckitCore
import Synchronization

/// `speckit validate [PATH…]`: runs every rule and exits 0, 1 (findings that fail the run) or 2.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check kits for structure, task-graph, status and traceability problems.",
        discussion: DiscoveryHelp.text + " Without a PATH the current folder is checked; a quoted glob ('specs/**/tasks.md') " + """
            is the files it matches, and '-' one plan read from stdin (named by --stdin-name). With --base REF the \
            kits are also compared with git revision REF: tasks that went back from done are status.regression \
            findings, every report lists the changes, and each finding is marked new or existing (what REF had). \
            --update-baseline FILE records today's findings; --baseline FILE marks those as existing and fails \
            only on new ones (--fail-on new; --fail-on all fails on every error again). Formats: text \
            (compiler-style), json (spec/schema/validate.schema.json), markdown (a pull-request comment), junit, \
            sarif (GitHub code scanning), github (workflow annotations; the Markdown report is appended to \
            $GITHUB_STEP_SUMMARY when it is set) and gitlab (GitLab Code Quality). Exit codes: 0 nothing fails the \
            run (warnings allowed unless --strict), 1 findings that fail the run, 2 bad arguments, configuration \
            or input, or no kits found. Run 'speckit rules' for the rule list.
            """
    )

    @Argument(help: ArgumentHelp("Plan files, kit folders or trees (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Output format: \(ReportFormat.list).", valueName: "format"))
    var format: ReportFormat = .text

    @Option(
        help: ArgumentHelp(
            "Also compare with git revision REF (read with git, the working tree is not touched).",
            valueName: "ref"))
    var base: String?

    @Flag(
        help: ArgumentHelp(
            "Exit 0 when none of the paths holds a plan (for hooks handed whatever files a commit changed)."))
    var allowEmpty = false

    @OptionGroup var gate: GateOptions
    @OptionGroup var check: CheckOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var reportOptions: ReportOptions

    func run() throws {
        let paths = self.paths.isEmpty ? ["."] : self.paths
        let settings = try check.settings(for: self.paths)
        let set: KitSet
        do {
            set = try input.discover(paths, settings: settings)
        } catch let error as SpeckitError where allowEmpty && (error.meansNothingToCheck || Self.isEmptyStandardInput(error, paths)) {
            return Self.nothingToCheck(paths)
        }
        let validator = Validator(settings: settings, jobs: check.load.threads)
        let failOn = try gate.failing(hasBase: base != nil)
        // The plan read from stdin is compared with the file it is named after.
        let revision = try base.map { try GitRevision($0) }
        let atBase = try revision.map {
            try validator.compare(since: $0, paths: paths.map { $0 == "-" ? input.stdinPath : $0 }, now: set)
        }
        let diff = atBase?.diff
        let known = try gate.known(atBase: atBase?.known)
        var context = ReportTargets.Context(
            settings: settings, check: check, rules: ReportContext.rules(settings: settings, diffRules: diff != nil))
        context.known = known
        context.failOn = failOn
        let inputs = check.load.inputs(of: set, paths: self.paths)
        let extra = try reportOptions.requests()
        if let file = gate.updateBaseline {
            try OutputPath.refuseInputs(outputs: [file], inputs: inputs)
            if let report = ([outputOptions.file].compactMap { $0 } + extra.map(\.file)).first(where: { OutputPath.same($0, file) }) {
                throw SpeckitError.cannotWrite(report, reason: "named by both --update-baseline and a report (--output or --report)")
            }
        }
        let targets = try ReportTargets(
            format: format, output: outputOptions.file, extra: extra,
            inputs: inputs + [gate.baseline, gate.updateBaseline].compactMap { $0 }, skipped: set.skipped, context: context)
        let recorded = Mutex<[Finding]>([])
        let progress = TerminalProgress(total: set.kits.count, machineFormat: format.isMachineFormat)
        let touched = try revision?.touched()
        targets.begin(diff: diff, findings: diff.map { DiffContext.findings(of: $0, settings: settings, touched: touched) } ?? [])
        let recording = gate.updateBaseline != nil
        validator.run(set) { outcome in
            if recording { recorded.withLock { $0 += outcome.findings } }
            progress.update(done: targets.deliver(outcome))
        }
        progress.clear()
        // Every file found turned out not to be a plan: nothing was checked, so nothing is reported as passed.
        if targets.kitCount == 0 {
            targets.discard()
            if allowEmpty { return Self.nothingToCheck(paths) }
            throw LoadOptions.nothingFound(paths, skipped: targets.skipped)
        }
        if let file = gate.updateBaseline {
            // Written before the reports, so a report never says the findings were recorded when they were not.
            let baseline = Baseline(findings: recorded.withLock { $0 }, paths: context.paths)
            do { try baseline.write(to: file) } catch {
                targets.discard()
                throw error
            }
            StandardError.write(
                "speckit: recorded \(Plural.count(baseline.findings.count, "finding")) in \(file)\n")
        }
        let summary = try targets.finish()
        if !summary.passed { throw ExitCode(1) }
    }

    /// Whether `error` says the plan piped to `-`, the only path, was empty: nothing to check, like a path
    /// with no plans. With other paths the run stops (exit 2) rather than pass without checking them.
    private static func isEmptyStandardInput(_ error: SpeckitError, _ paths: [String]) -> Bool {
        if case .emptyFile = error, paths == ["-"] { return true }
        return false
    }

    /// `--allow-empty` with nothing to check: said on stderr, and the run passes.
    private static func nothingToCheck(_ paths: [String]) {
        StandardError.write("speckit: no plans among \(paths.count == 1 ? paths[0] : "the \(paths.count) paths given"); nothing to check\n")
    }
}
