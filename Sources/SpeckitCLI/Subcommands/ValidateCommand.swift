import ArgumentParser
import Foundation
import SpeckitCore
import Synchronization

/// `speckit validate [PATH…]`: runs every rule and exits 0, 1 (findings that fail the run) or 2.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check kits for structure, task-graph, status and traceability problems.",
        discussion: """
        PATH is a plan file, a kit folder, a tree searched for kits of every profile (speckit, \
        github-spec-kit, kiro, openspec, and loose plan files such as tasks.md or ROADMAP.md), or a .zip / \
        .tar.gz kit, read in memory and never extracted. Without a \
        PATH the current folder is checked. Settings come from the nearest .speckit.yml (or --config). \
        Exit codes: 0 no errors (warnings allowed unless --strict), 1 findings that fail the run, 2 bad \
        arguments, configuration or input. Run 'speckit rules' for the rule list.
        """
    )

    @Argument(help: ArgumentHelp("Plan files, kit folders or trees (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: ValidateFormat = .text

    @OptionGroup var check: CheckOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let settings = try check.settings(for: paths)
        let (kits, validator) = try Validator(settings: settings, jobs: check.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            .prepare(paths.isEmpty ? ["."] : paths)
        let writer: any ReportWriter & Sendable
        switch format {
        case .text:
            writer = TextReporter(color: check.useColor(writingToFile: outputOptions.file != nil),
                                  quiet: check.quiet, strict: settings.strict)
        case .json:
            writer = JSONReporter()
        }
        let output = try ReportOutput(path: outputOptions.file)
        let progress = TerminalProgress(total: kits.count, machineFormat: format != .text)
        let summary = Self.stream(kits, through: validator, into: output, writer: writer, strict: settings.strict,
                                  progress: progress)
        try output.finish()
        if !summary.passed { throw ExitCode(1) }
    }

    /// Checks the kits, writing each kit's findings as soon as it is done; returns the totals.
    static func stream(_ kits: [KitSource], through validator: Validator, into output: ReportOutput,
                       writer: any ReportWriter & Sendable, strict: Bool,
                       progress terminal: TerminalProgress) -> ValidationReport.Summary {
        struct Progress {
            var writer: any ReportWriter & Sendable
            var tally: ValidationReport.Summary.Tally
            var kits: [KitSummary] = []
        }
        let progress = Mutex(Progress(writer: writer, tally: .init(strict: strict)))
        output.write(progress.withLock { $0.writer.begin() })
        validator.run(kits: kits) { outcome in
            let text = progress.withLock { progress -> String in
                progress.tally.add(outcome)
                progress.kits.append(outcome.summary)
                terminal.update(done: progress.kits.count)
                return progress.writer.findings(outcome.findings)
            }
            output.write(text)
        }
        terminal.clear()
        return progress.withLock { progress in
            progress.writer.end(summary: progress.tally.result, kits: progress.kits) { output.write($0) }
            return progress.tally.result
        }
    }
}

/// The formats `speckit validate` writes.
enum ValidateFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
