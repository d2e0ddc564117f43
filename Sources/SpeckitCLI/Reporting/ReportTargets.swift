import Foundation
import SpeckitCore

/// Every report one run writes: the `--format` report (to `--output` or stdout), each `--report FORMAT=FILE`,
/// and, for `--format github` in GitHub Actions, the Markdown report appended to `$GITHUB_STEP_SUMMARY`; all
/// fed by one `ReportPipeline` as kits finish.
final class ReportTargets: Sendable {
    /// What the writers need to know about the run.
    struct Context {
        var settings: ValidationSettings
        var check: CheckOptions
        /// The rules that run, for JUnit's test cases.
        var rules: [RuleID]
        var paths: ReportPaths = .forCurrentFolder()
        var environment: [String: String] = ProcessInfo.processInfo.environment
        /// What findings are compared with (`--baseline`, `--base`), and what fails the run.
        var known: KnownFindings? = nil
        var failOn: ValidationReport.Summary.FailOn = .all
    }

    private let outputs: [ReportOutput]
    /// The step summary, kept apart: the runner's file, whose failure must not cost the annotations.
    private let summary: ReportOutput?
    /// Why the step summary could not be opened, said once the reports are written.
    private let summaryProblem: String?
    private let pipeline: ReportPipeline

    /// Opens every output (a file output appears only when `finish` succeeds). `inputs` are the files being
    /// checked, which no report may replace; `skipped` the files discovery left out.
    init(
        format: ReportFormat, output: String?, extra: [(format: ReportFormat, file: String)], inputs: [String],
        skipped: [SkippedFile] = [], context: Context
    ) throws {
        try OutputPath.refuseInputs(outputs: (output.map { [$0] } ?? []) + extra.map(\.file), inputs: inputs)
        if let output, extra.contains(where: { OutputPath.same($0.file, output) }) {
            throw SpeckitError.cannotWrite(output, reason: "named by both --output and --report")
        }
        var opened: [(any ReportWriter & Sendable, ReportOutput)] = []
        do {
            opened.append((Self.writer(format, context: context, toFile: output != nil), try ReportOutput(path: output)))
            for (format, file) in extra {
                opened.append((Self.writer(format, context: context, toFile: true), try ReportOutput(path: file)))
            }
        } catch {
            for (_, output) in opened { output.discard() }
            throw error
        }
        outputs = opened.map(\.1)
        // An unwritable step summary is said on stderr after the annotations, never instead of them.
        var summary: ReportOutput?
        var summaryProblem: String?
        if format == .github || extra.contains(where: { $0.format == .github }),
            let path = context.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty
        {
            do {
                let output = try ReportOutput(appendingTo: path)
                opened.append((Self.writer(.markdown, context: context, toFile: true), output))
                summary = output
            } catch {
                summaryProblem = Self.describe(error)
            }
        }
        self.summary = summary
        self.summaryProblem = summaryProblem
        pipeline = ReportPipeline(
            targets: opened.map { writer, output in ReportPipeline.Target(writer: writer) { output.write($0) } },
            strict: context.settings.strict, skipped: skipped, known: context.known, failOn: context.failOn)
    }

    /// The writer of `format` for this run (a file output is never coloured).
    static func writer(_ format: ReportFormat, context: Context, toFile: Bool) -> any ReportWriter & Sendable {
        var report = ReportContext(strict: context.settings.strict, rules: context.rules, failOn: context.failOn, paths: context.paths)
        report.color = context.check.useColor(writingToFile: toFile)
        report.quiet = context.check.quiet
        report.verbose = context.check.load.verbose
        return format.writer(report)
    }

    /// Writes the openings; `findings` (of the diff rules) go out with the kits their files belong to.
    func begin(diff: PlanDiff?, findings: [Finding] = []) {
        PhaseClock.time(.report) { pipeline.begin(diff: diff, findings: findings) }
    }

    /// Writes one kit to every report; returns how many kits are done.
    @discardableResult
    func deliver(_ outcome: KitOutcome) -> Int {
        PhaseClock.time(.report) { pipeline.deliver(outcome) }
    }

    /// Writes the endings and puts every file in place; returns the totals.
    func finish() throws -> ValidationReport.Summary {
        try PhaseClock.time(.report) { try finishing() }
    }

    private func finishing() throws -> ValidationReport.Summary {
        let summary = pipeline.finish()
        var failure: (any Error)?
        for output in outputs {
            if failure != nil {
                output.discard()
                continue
            }
            do { try output.finish() } catch { failure = error }
        }
        if let failure {
            self.summary?.discard()
            throw failure
        }
        var problem = summaryProblem
        if let output = self.summary {
            do { try output.finish() } catch { problem = Self.describe(error) }
        }
        if let problem {
            StandardError.write("speckit: warning: $GITHUB_STEP_SUMMARY: \(problem); the annotations were written, the summary was not\n")
        }
        return summary
    }

    private static func describe(_ error: any Error) -> String {
        (error as? SpeckitError)?.errorDescription ?? error.localizedDescription
    }

    /// How many kits have been written.
    var kitCount: Int { pipeline.kits.count }

    /// Every file skipped so far.
    var skipped: [SkippedFile] { pipeline.skipped }

    /// Removes every partly written file.
    func discard() {
        for output in outputs { output.discard() }
        summary?.discard()
    }
}
