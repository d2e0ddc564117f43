import Foundation
import Synchronization

/// Runs one run-template step from start to end: `step.started`, the parameters checked against the
/// template's schema, the inputs checked, the work (artifacts into a staging folder), the artifacts moved
/// into place, an `artifact` event for each, and `step.completed`. Or, on a signal, `step.cancelled`.
///
/// Exit codes: 0 success, 1 findings at error severity (or warnings with `strict`), 2 bad parameters or
/// input (nothing written), 130/131/143 cancelled by SIGINT/SIGQUIT/SIGTERM.
public final class StepRunner: Sendable {
    /// What the worker asked for.
    public struct Request: Sendable {
        public var template: RunTemplate
        /// The parameters' JSON file, or `-` for stdin.
        public var params: String
        /// The artifacts folder: new, or empty.
        public var artifacts: String

        public init(template: RunTemplate, params: String, artifacts: String) {
            self.template = template
            self.params = params
            self.artifacts = artifacts
        }
    }

    /// How the step ended, for the person reading stderr.
    public struct Ending: Sendable {
        public var exitCode: Int32
        /// One line on what happened.
        public var message: String
    }

    private struct State {
        var staging: ArtifactStaging?
        var cancelled = false
        /// `step.completed` was written: a signal now changes nothing.
        var finished = false
    }

    public let request: Request
    public let events: EventStream
    private let state = Mutex(State())

    public init(request: Request, events: EventStream) {
        self.request = request
        self.events = events
    }

    /// Runs the step and returns its exit code and a line for stderr. Never throws: every failure is exit 2
    /// with a `step.completed` event saying why.
    public func run() -> Ending {
        let template = request.template
        events.emit(.started(template: template.name, version: Speckit.version))
        do {
            var step = try Self.step(for: request)
            try step.prepare()
            let staging = try state.withLock { state -> ArtifactStaging in
                // A signal that arrived already ended the run; nothing more may be created.
                guard !state.cancelled else { throw SpeckitError.cannotWrite(request.artifacts, reason: "the run was stopped") }
                let staging = try ArtifactStaging(destination: request.artifacts)
                state.staging = staging
                return staging
            }
            var (exitCode, counts) = try step.run(into: staging, events: events)
            let artifacts = try staging.commit { artifacts in
                RunJSON.document(ArtifactIndex(run: events.run, template: template.name, artifacts: artifacts))
            }
            for artifact in artifacts { events.emit(.artifact(artifact)) }
            counts.artifacts = artifacts.count
            finish(RunOutcome(exitCode: exitCode, counts: counts))
            let plural = { (count: Int, word: String) in Plural.count(count, word) }
            let verdict = [plural(counts.errors, "error"), plural(counts.warnings, "warning"), plural(counts.notes, "note")].joined(
                separator: ", ")
            let count = plural(artifacts.count, "artifact")
            return Ending(exitCode: exitCode, message: "\(template.name): \(count) and artifacts.json in \(request.artifacts) (\(verdict))")
        } catch {
            let message = (error as? any LocalizedError)?.errorDescription ?? "\(error)"
            var problems: [ParamsSchema.Problem]?
            if case SpeckitError.invalidParams(_, _, let found) = error { problems = found }
            finish(RunOutcome(exitCode: 2, error: message, problems: problems), discarding: true)
            return Ending(exitCode: 2, message: message)
        }
    }

    /// Writes `step.completed`, after removing the staging folder when `discarding`. If a signal is being
    /// handled, this waits on the lock the handler holds until it ends the process.
    private func finish(_ outcome: RunOutcome, discarding: Bool = false) {
        state.withLock { state in
            if discarding { _ = state.staging?.discard() }
            state.finished = true
            events.emit(.completed(outcome))
        }
    }

    /// Stops the run on `signal` (SIGTERM, SIGINT or SIGQUIT): removes the staging folder, then calls `exit` with the
    /// exit code (`128 + signal`) and a line for stderr, then writes `step.cancelled`; `exit` ends the process
    /// while the lock is still held, so the work can neither write nor finish after it.
    /// Returns false, doing nothing, once the artifacts are in place or the step has completed.
    public func cancel(signal: Int32, exit: (_ code: Int32, _ message: String) -> Never) -> Bool {
        state.withLock { state in
            guard !state.finished else { return false }
            if let staging = state.staging, !staging.discard() { return false }
            state.cancelled = true
            let name = RunEvent.signalName(signal)
            let what = state.staging == nil ? "nothing was written" : "partial artifacts removed"
            events.emit(.cancelled(signal: name, exitCode: 128 + signal))
            exit(128 + signal, "\(request.template.name) cancelled by \(name); \(what)")
        }
    }

    /// The template's step, with its parameters read and checked against its schema.
    static func step(for request: Request) throws -> any RunStep {
        let (text, source) = try readParams(request.params)
        let params = try OrderedJSON.parse(text, source: source)
        let problems = try request.template.schema().problems(in: params)
        guard problems.isEmpty else {
            throw SpeckitError.invalidParams(source: source, template: request.template.name, problems: problems)
        }
        switch request.template.name {
        case "generate_spec_kit": return try GenerateKitStep(params: params, source: source)
        case "validate_spec_kit": return try ValidateKitStep(params: params, source: source)
        default: throw SpeckitError.unknownRunTemplate(request.template.name, known: RunTemplates.all.map(\.name))
        }
    }
}

extension StepRunner {
    /// Parameters are small: a form's worth of fields.
    public static let maxParamsBytes = 1 << 20

    /// The text of the parameters file, or of stdin for `-`: UTF-8, at most `maxParamsBytes`; and the name
    /// errors give it.
    static func readParams(_ path: String) throws -> (text: String, source: String) {
        let source = path == "-" ? "stdin" : path
        // One byte past the limit is enough to know it is too large; an endless stdin is not read to its end.
        let data = try RawInput.parameters(path, limit: maxParamsBytes)
        guard data.count <= maxParamsBytes else {
            throw SpeckitError.badParameters(
                source: source, problem: "more than \(maxParamsBytes) bytes; parameters are a small JSON object")
        }
        guard !data.isEmpty else {
            throw SpeckitError.badParameters(
                source: source, problem: "no parameters; expected a JSON object such as {\"name\": \"Ops Control Room\"}")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw SpeckitError.badParameters(source: source, problem: "not UTF-8 text; expected a JSON object")
        }
        return (text, source)
    }
}

/// `artifacts.json`: every artifact of the run, as its `artifact` event described it.
struct ArtifactIndex: Encodable {
    var schemaVersion = 1
    var run: String
    var template: String
    var artifacts: [Artifact]
}
