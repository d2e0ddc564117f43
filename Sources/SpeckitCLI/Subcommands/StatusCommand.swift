import ArgumentParser
import Foundation
import SpeckitCore

/// `speckit status [PATH…]`: how far each kit and phase has come.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show progress per kit and phase: done/total, tasks in progress, blocked and ready to start, and claims vs. counts.",
        discussion: """
            PATH is found the way 'speckit validate' finds kits (default: the current folder). A task is ready to \
            start when it is still to do, has no subtasks, and everything it (or its phase) depends on is done. \
            Claims are the sentences in which a document counts itself ("18 completed (16%)", "(3/27 subtasks)"), \
            shown against what the tasks say. Formats: text, json (spec/schema/status.schema.json), markdown. \
            Exit codes: 0 the status was shown, 2 bad arguments or input. Use 'speckit validate' to fail a build \
            on a claim that does not match.
            """
    )

    @Argument(help: ArgumentHelp("Plan files, kit folders or trees (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Output format: text, json or markdown.", valueName: "format"))
    var format: StatusFormat = .text

    @OptionGroup var check: CheckOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if check.strict || check.quiet {
            throw ValidationError("--strict and --quiet apply to validate and diff; status always prints everything and exits 0")
        }
    }

    func run() throws {
        let settings = try check.settings(for: paths)
        let (kits, reader) = try Validator(settings: settings, jobs: check.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            .prepare(paths.isEmpty ? ["."] : paths)
        if let output = outputOptions.file { try OutputPath.refuseInputs(outputs: [output], inputs: kits.flatMap(\.files)) }
        let read = reader.readNoting(kits: kits)
        // Status reports no findings, but what it could not count is never left unsaid.
        for failure in read.failures {
            StandardError.write("speckit: warning: \(failure.error.errorDescription ?? failure.path) (not counted)\n")
        }
        for note in read.unread {
            StandardError.write("speckit: warning: \(note.range.description): \(note.message) (not counted)\n")
        }
        let report = StatusReport(kits: read.kits)
        switch format {
        case .text:
            try outputOptions.emit(StatusTextReporter(color: check.useColor(writingToFile: outputOptions.file != nil)).render(report))
        case .json:
            try outputOptions.emit(StatusJSONReporter.render(report))
        case .markdown:
            try outputOptions.emit(StatusMarkdownReporter(paths: .forCurrentFolder()).render(report))
        }
    }
}

/// The formats `speckit status` writes.
enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}
