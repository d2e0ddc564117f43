import ArgumentParser
import Foundation
import SpeckitCore

/// `speckit run NAME --params FILE|- --artifacts DIR`: one run-template step, as a worker of the control
/// plane runs it. stdout is JSON Lines events only; messages for people go to stderr.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a run-template step (generate_spec_kit, validate_spec_kit) as a worker does.",
        discussion: """
            The parameters (a JSON object; '-' reads stdin) are checked against the template's schema before any \
            work, and every problem is named with its JSON path. stdout carries JSON Lines and nothing else: \
            step.started, progress, finding, artifact, heartbeat (with --heartbeat), then step.completed or \
            step.cancelled, each with seq, type, time and run. The artifacts are written to a hidden staging \
            folder and moved into DIR (new, or empty) only when all are complete, DIR/artifacts.json last, \
            listing them. On SIGTERM, SIGINT or SIGQUIT the partial artifacts are removed, step.cancelled is \
            written and speckit exits 143, 130 or 131. Exit codes: 0 success, 1 findings at error severity, 2 bad parameters or \
            input (nothing written). 'speckit run --list' shows the templates; docs/run.md is the worker's guide.
            """
    )

    @Argument(help: ArgumentHelp("The run template: generate_spec_kit or validate_spec_kit.", valueName: "template"))
    var template: String?

    @Flag(help: "List the run templates.")
    var list = false

    @Option(help: ArgumentHelp("Print a run template's definition and its parameter schema.", valueName: "template"))
    var describe: String?

    @Option(help: ArgumentHelp("The parameters: a JSON file, or '-' for stdin.", valueName: "file"))
    var params: String?

    @Option(help: ArgumentHelp("The folder to put the artifacts in: new, or empty.", valueName: "dir"))
    var artifacts: String?

    @Option(name: .customLong("run-id"), help: ArgumentHelp("The run id every event carries (default: a new UUID).", valueName: "id"))
    var runID: String?

    @Option(help: ArgumentHelp("Emit a heartbeat event every N seconds while working.", valueName: "seconds"))
    var heartbeat: Double?

    func validate() throws {
        if list || describe != nil {
            guard template == nil, params == nil, artifacts == nil, !(list && describe != nil) else {
                throw ValidationError("--list and --describe stand alone; to run a template give NAME --params FILE --artifacts DIR")
            }
            return
        }
        guard template != nil else { throw ValidationError("expected a run template (speckit run --list shows them)") }
        guard let params, !params.isEmpty else { throw ValidationError("--params FILE (or '-' for stdin) is required") }
        guard let artifacts, !artifacts.isEmpty else { throw ValidationError("--artifacts DIR is required") }
        if let heartbeat, !(heartbeat >= 0.1 && heartbeat <= 3600) {
            throw ValidationError("--heartbeat must be between 0.1 and 3600 seconds, got \(heartbeat)")
        }
        if let runID,
            runID.trimmingCharacters(in: .whitespaces).isEmpty || runID.count > 200
                || runID.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        {
            throw ValidationError("--run-id must be 1 to 200 characters, not only spaces, with no control characters")
        }
    }

    func run() throws {
        if list {
            for template in RunTemplates.all {
                print("\(template.name)  (lane \(template.defaultLane))  \(template.description)")
            }
            return
        }
        if let describe {
            let template = try RunTemplates.named(describe)
            print(template.definitionText, terminator: "")
            print("\n# \(template.paramsSchema)")
            print(template.schemaText, terminator: "")
            return
        }
        guard let name = template, let params, let artifacts else { return }
        let request = StepRunner.Request(template: try RunTemplates.named(name), params: params, artifacts: artifacts)
        let runner = StepRunner(request: request, events: EventStream(run: runID ?? UUID().uuidString.lowercased()))
        let signals = RunSignals { signal in
            // A worker that stopped reading stdout would leave the handler blocked on a full pipe: the exit
            // comes anyway, a moment later, with the staging folder already removed.
            let watchdog = DispatchWorkItem { _exit(128 + signal) }
            DispatchQueue.global().asyncAfter(deadline: .now() + 2, execute: watchdog)
            let cancelled = runner.cancel(signal: signal) { code, message in
                StandardError.write("speckit: \(message)\n")
                _exit(code)
            }
            if !cancelled {
                watchdog.cancel()
                StandardError.write(
                    "speckit: \(RunEvent.signalName(signal)) arrived after the step had finished its work; it ends as it was\n")
            }
        }
        let beat = heartbeat.map { Heartbeat(every: $0, events: runner.events) }
        let ending = runner.run()
        beat?.stop()
        withExtendedLifetime(signals) {}
        StandardError.write(ending.exitCode == 2 ? "speckit: error: \(ending.message)\n" : "speckit: \(ending.message)\n")
        if runner.events.lost > 0 {
            StandardError.write(
                "speckit: warning: \(runner.events.lost) events could not be written to stdout; artifacts.json lists the artifacts\n")
        }
        if ending.exitCode != 0 { throw ExitCode(ending.exitCode) }
    }
}
