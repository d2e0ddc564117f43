import ArgumentParser
import Foundation
import SpeckitCore
import Synchronization

/// `speckit next [PATH…]`: the task to start next in each kit.
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Show the task to start next in each kit: ready, ordered by phase, priority and what it unblocks.",
        discussion: DiscoveryHelp.text + " Without a PATH the current folder is read. " + """
            A task is ready when it is still to do, has no open subtask, is not optional, no restatement says it is done, and everything it, its \
            parent tasks and its phase depend on is done. Ready tasks are ordered by the earliest phase, then \
            priority (P0, P1 or critical/high words and 🔴 first), then how many open tasks wait on them, then \
            document order. Each comes with its file and line, its dependencies and the content hash of its \
            lines, which 'speckit set-status --expect-hash' checks. Formats: text, json \
            (spec/schema/next.schema.json). Exit codes: 0 the answer was shown (also when nothing is ready), 2 bad \
            arguments or input, or no kits found.
            """
    )

    @Argument(help: ArgumentHelp("Plan files, kit folders or trees (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "List every ready task, not only the first of each kit.")
    var all = false

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: NextFormat = .text

    @OptionGroup var settingsOptions: SettingsOptions
    @OptionGroup var jobs: JobsOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let settings = try settingsOptions.settings(for: paths)
        let set = try input.discover(paths, settings: settings)
        if let output = outputOptions.file {
            try OutputPath.refuseInputs(outputs: [output], inputs: settingsOptions.inputs(of: set, paths: paths))
        }
        let report = try Self.report(set: set, settings: settings, jobs: jobs.threads, all: all, paths: paths)
        switch format {
        case .text: try outputOptions.emit(NextTextReporter.render(report))
        case .json: try outputOptions.emit(NextJSONReporter.render(report))
        }
    }
}

extension NextCommand {
    /// The answer for the kits of `set`; warns on stderr of files that could not be read.
    /// - Throws: the first failure, or `noKits`, when no kit could be read.
    static func report(set: KitSet, settings: ValidationSettings, jobs: Int, all: Bool, paths: [String]) throws -> NextReport {
        let limit = settings.limits.fileBytes
        let kits = Mutex([NextReport.Kit]())
        let read = Mutex(0)
        let failures = Mutex([LoadFailure]())
        Validator(settings: settings, jobs: jobs).read(set) { loaded in
            failures.withLock { $0 += loaded.failures }
            let kit = loaded.reportedKit
            guard !kit.documents.isEmpty, !kit.archived else { return }
            read.withLock { $0 += 1 }
            guard let answer = NextReport.Kit(kit, all: all, bytes: { RawInput.regularFile($0, limit: limit) }) else { return }
            kits.withLock { $0.append(answer) }
        }
        guard read.withLock({ $0 }) > 0 else {
            throw failures.withLock { $0.first?.error } ?? LoadOptions.nothingFound(paths, skipped: set.skipped)
        }
        for failure in failures.withLock({ $0 }) {
            StandardError.write("speckit: warning: \(failure.error.errorDescription ?? failure.path) (not read)\n")
        }
        return NextReport(kits: kits.withLock { $0 })
    }
}

/// The formats `speckit next` writes.
enum NextFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
