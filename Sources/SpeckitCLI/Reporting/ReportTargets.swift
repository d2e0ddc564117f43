import Foundation
import SpeckitCore
import Synchronization

/// Every report one run writes: the `--format` report (to `--output` or stdout), each `--report FORMAT=FILE`,
/// and, for `--format github` in GitHub Actions, the Markdown report appended to `$GITHUB_STEP_SUMMARY`.
/// All are fed the same findings as kits finish.
final class ReportTargets: Sendable {
    struct Target: Sendable {
        var writer: any ReportWriter & Sendable
        var output: ReportOutput
    }

    /// What the writers need to know about the run.
    struct Context {
        var settings: ValidationSettings
        var check: CheckOptions
        /// The rules that run, for JUnit's test cases.
        var rules: [RuleID]
        var paths: ReportPaths = .forCurrentFolder()
        var environment: [String: String] = ProcessInfo.processInfo.environment
    }

    private struct State {
        var targets: [Target]
        var tally: ValidationReport.Summary.Tally
        var kits: [KitSummary] = []
        /// Findings about the changes since the base, not yet written: each goes out with the kit its file
        /// belongs to.
        var diffFindings: [Finding] = []
    }

    private let state: Mutex<State>

    /// Opens every output (a file output appears only when `finish` succeeds).
    /// `inputs` are the files being checked, which no report may replace.
    init(
        format: ReportFormat, output: String?, extra: [(format: ReportFormat, file: String)], inputs: [String],
        context: Context
    ) throws {
        try OutputPath.refuseInputs(outputs: (output.map { [$0] } ?? []) + extra.map(\.file), inputs: inputs)
        let same = { (a: String, b: String) in URL(fileURLWithPath: a).standardizedFileURL == URL(fileURLWithPath: b).standardizedFileURL }
        if let output, extra.contains(where: { same($0.file, output) }) {
            throw SpeckitError.cannotWrite(output, reason: "named by both --output and --report")
        }
        var targets: [Target] = []
        do {
            targets.append(
                Target(
                    writer: Self.writer(format, context: context, toFile: output != nil),
                    output: try ReportOutput(path: output)))
            for (format, file) in extra {
                targets.append(Target(writer: Self.writer(format, context: context, toFile: true), output: try ReportOutput(path: file)))
            }
            if format == .github || extra.contains(where: { $0.format == .github }),
                let summary = context.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty
            {
                targets.append(
                    Target(
                        writer: Self.writer(.markdown, context: context, toFile: true),
                        output: try ReportOutput(appendingTo: summary)))
            }
        } catch {
            for target in targets { target.output.discard() }
            throw error
        }
        state = Mutex(State(targets: targets, tally: .init(strict: context.settings.strict)))
    }

    static func writer(_ format: ReportFormat, context: Context, toFile: Bool) -> any ReportWriter & Sendable {
        let strict = context.settings.strict
        switch format {
        case .text:
            return TextReporter(color: context.check.useColor(writingToFile: toFile), quiet: context.check.quiet, strict: strict)
        case .json: return JSONReporter()
        case .markdown: return MarkdownReporter(paths: context.paths, strict: strict)
        case .junit: return JUnitReporter(rules: context.rules, strict: strict, paths: context.paths)
        case .sarif: return SarifReporter(paths: context.paths)
        case .github: return GitHubReporter(paths: context.paths)
        }
    }

    /// Writes the openings; `findings` (of the diff rules) go out with the kits their files belong to.
    func begin(diff: PlanDiff?, findings: [Finding] = []) {
        state.withLock { state in
            state.diffFindings = findings
            for index in state.targets.indices {
                state.targets[index].output.write(state.targets[index].writer.begin(diff: diff))
            }
        }
    }

    /// Writes one kit to every report; returns how many kits are done.
    @discardableResult
    func deliver(_ outcome: KitOutcome) -> Int {
        state.withLock { state in
            var outcome = outcome
            if !state.diffFindings.isEmpty {
                let files = Set(outcome.summary.documents.map(\.path))
                let mine = state.diffFindings.filter { files.contains($0.range.file) }
                if !mine.isEmpty {
                    state.diffFindings.removeAll { files.contains($0.range.file) }
                    outcome = KitOutcome(summary: outcome.summary, findings: outcome.findings + mine, hidden: outcome.hidden)
                }
            }
            state.tally.add(outcome)
            state.kits.append(outcome.summary)
            for index in state.targets.indices {
                state.targets[index].output.write(state.targets[index].writer.kit(outcome))
            }
            return state.kits.count
        }
    }

    /// Writes the endings and puts every file in place; returns the totals.
    func finish() throws -> ValidationReport.Summary {
        // A diff finding in a file no checked kit holds (not expected: both sides are found the same way)
        // is still reported, under a kit of its own.
        let leftover = state.withLock { state in
            defer { state.diffFindings = [] }
            return state.diffFindings
        }
        if !leftover.isEmpty {
            deliver(
                KitOutcome(
                    summary: KitSummary(kit: Kit(name: "changes", root: ".", profile: .freeform, documents: [])),
                    findings: leftover))
        }
        let (targets, summary) = state.withLock { state -> ([Target], ValidationReport.Summary) in
            let closing = ReportClosing(summary: state.tally.result, kits: state.kits)
            for index in state.targets.indices {
                let output = state.targets[index].output
                state.targets[index].writer.end(closing) { output.write($0) }
            }
            return (state.targets, state.tally.result)
        }
        var failure: (any Error)?
        for target in targets {
            if failure != nil {
                target.output.discard()
                continue
            }
            do { try target.output.finish() } catch { failure = error }
        }
        if let failure { throw failure }
        return summary
    }

    /// Removes every partly written file.
    func discard() {
        state.withLock { state in for target in state.targets { target.output.discard() } }
    }
}
