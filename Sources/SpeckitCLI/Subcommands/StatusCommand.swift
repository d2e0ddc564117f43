import ArgumentParser
import Foundation
import SpeckitCore

/// `speckit status [PATH…]`: how far each kit and phase has come.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show progress per kit and phase: done/total, tasks in progress, blocked and ready to start, and claims vs. counts.",
        discussion: DiscoveryHelp.text + " Without a PATH the current folder is read. " + """
            A task is ready to \
            start when it is still to do, has no open subtask, and everything it (or its parent tasks or phase) depends on is done. \
            Claims are the sentences in which a document counts itself ("18 completed (16%)", "(3/27 subtasks)"), \
            shown against what the tasks say. Archived kits (OpenSpec's changes/archive/) are listed on one line \
            each and left out of the totals. Formats: text, json (spec/schema/status.schema.json), markdown. \
            Exit codes: 0 the status was shown, 2 bad arguments or input, or no kits found. Use 'speckit validate' to fail a build \
            on a claim that does not match.
            """
    )

    @Argument(help: ArgumentHelp("Plan files, kit folders or trees (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Output format: text, json or markdown.", valueName: "format"))
    var format: StatusFormat = .text

    @OptionGroup var load: LoadOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var color: ColorOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let settings = try load.settings(for: paths)
        let set = try input.discover(paths, settings: settings)
        if let output = outputOptions.file {
            try OutputPath.refuseInputs(outputs: [output], inputs: load.inputs(of: set, paths: paths))
        }
        let writer: any StatusWriter
        switch format {
        case .text:
            writer = StatusTextReporter(color: color.useColor(writingToFile: outputOptions.file != nil), verbose: load.verbose)
        case .json: writer = StatusJSONReporter()
        case .markdown: writer = StatusMarkdownReporter(paths: .forCurrentFolder())
        }
        let output = try ReportOutput(path: outputOptions.file)
        let pipeline = StatusPipeline(writer: writer, skipped: set.skipped) { output.write($0) }
        Validator(settings: settings, jobs: load.threads).read(set) { pipeline.add($0) }
        let (totals, skipped, failures, unread) = pipeline.finish()
        // Nothing could be counted: no status to show (exit 2, nothing written).
        if totals.kits + totals.archivedKits == 0 {
            output.discard()
            throw failures.first?.error ?? LoadOptions.nothingFound(paths, skipped: skipped)
        }
        // Status reports no findings, but what it could not count is never left unsaid.
        for failure in failures {
            StandardError.write("speckit: warning: \(failure.error.errorDescription ?? failure.path) (not counted)\n")
        }
        for note in unread {
            StandardError.write("speckit: warning: \(note.range.description): \(note.message) (not counted)\n")
        }
        try output.finish()
    }
}

/// The formats `speckit status` writes.
enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}
