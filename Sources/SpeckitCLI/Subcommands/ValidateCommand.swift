import ArgumentParser
import Foundation
import SpeckitCore

/// `speckit validate [PATH…]`: runs every rule and exits 0, 1 (findings at error severity) or 2.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check kits for structure, task-graph, status and traceability problems.",
        discussion: """
        PATH is a plan file, a kit folder, or a tree searched for kits of every profile (speckit, \
        github-spec-kit, kiro, openspec, and loose plan files such as tasks.md or ROADMAP.md). Without a \
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
        let settings = try check.settings()
        let validator = Validator(settings: settings, jobs: check.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let report = try validator.validate(paths: paths.isEmpty ? ["."] : paths)
        switch format {
        case .text:
            let reporter = TextReporter(color: check.useColor(writingToFile: outputOptions.output != nil), quiet: check.quiet)
            try outputOptions.emit(reporter.render(report))
        case .json:
            try outputOptions.emit(try JSONReporter.render(report))
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// The formats `speckit validate` writes.
enum ValidateFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
