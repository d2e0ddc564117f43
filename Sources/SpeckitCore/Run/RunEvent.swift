import Foundation

/// What a run step reports on stdout, one JSON object per line (`spec/schema/run-events.schema.json`).
/// Every event carries `seq` (1, 2, 3…), `type`, `time` (RFC 3339, UTC) and `run`; the fields below are
/// the rest of it.
public enum RunEvent: Sendable {
    /// The step began: the template and the speckit that runs it.
    case started(template: String, version: String)
    /// `done` of `total` pieces of `what` (`generate`, `pack`, `validate`) are finished.
    case progress(what: String, done: Int, total: Int)
    /// One finding, as the JSON report holds it.
    case finding(Finding)
    /// A file in the artifacts folder, complete and in place.
    case artifact(Artifact)
    /// The step is still working, `elapsed` seconds after it started.
    case heartbeat(elapsed: Double)
    /// The step ended: `success` (exit 0) or `failed` (exit 1 or 2), with the counts and, for exit 2, why.
    case completed(RunOutcome)
    /// The step stopped on a signal, removed what it had written, and exits with `exitCode`.
    case cancelled(signal: String, exitCode: Int32)

    /// The event's `type`.
    public var type: String {
        switch self {
        case .started: return "step.started"
        case .progress: return "progress"
        case .finding: return "finding"
        case .artifact: return "artifact"
        case .heartbeat: return "heartbeat"
        case .completed: return "step.completed"
        case .cancelled: return "step.cancelled"
        }
    }

    /// How `step.cancelled` names a signal.
    public static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGTERM: return "SIGTERM"
        case SIGINT: return "SIGINT"
        case SIGQUIT: return "SIGQUIT"
        default: return "signal \(signal)"
        }
    }

    /// The fields besides `seq`, `type`, `time` and `run`, as compact JSON with sorted keys.
    var fields: String {
        switch self {
        case .started(let template, let version):
            return RunJSON.line(Started(template: template, version: version))
        case .progress(let what, let done, let total):
            return RunJSON.line(Progress(what: what, done: done, total: total))
        case .finding(let finding):
            return RunJSON.line(FindingEvent(finding: finding))
        case .artifact(let artifact):
            return RunJSON.line(artifact)
        case .heartbeat(let elapsed):
            return RunJSON.line(Heartbeat(elapsed: (elapsed * 1000).rounded() / 1000))
        case .completed(let outcome):
            return RunJSON.line(outcome)
        case .cancelled(let signal, let exitCode):
            return RunJSON.line(Cancelled(signal: signal, exitCode: exitCode))
        }
    }

    private struct Started: Encodable {
        var template: String
        var version: String
    }
    private struct Progress: Encodable {
        var what: String
        var done: Int
        var total: Int
    }
    private struct FindingEvent: Encodable { var finding: Finding }
    private struct Heartbeat: Encodable { var elapsed: Double }
    private struct Cancelled: Encodable {
        var signal: String
        var exitCode: Int32
    }
}

/// A file a run leaves in its artifacts folder, as its `artifact` event and `artifacts.json` describe it.
public struct Artifact: Codable, Hashable, Sendable {
    /// What the file is (`prd.md`, `kit.zip`, `report.json`): unique within the run.
    public var name: String
    /// Where it is, relative to the artifacts folder, with `/` between folders.
    public var path: String
    public var mediaType: String
    public var bytes: Int
    public var sha256: String

    public init(name: String, path: String, mediaType: String, bytes: Int, sha256: String) {
        self.name = name
        self.path = path
        self.mediaType = mediaType
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// How a step ended: the `step.completed` event's fields.
public struct RunOutcome: Codable, Hashable, Sendable {
    /// The totals of the validation the step ran (all zero when it stopped before validating).
    public struct Counts: Codable, Hashable, Sendable {
        public var kits = 0
        public var files = 0
        public var tasks = 0
        public var errors = 0
        public var warnings = 0
        public var notes = 0
        public var artifacts = 0

        public init() {}
    }

    /// `success` or `failed`.
    public var status: String
    public var exitCode: Int32
    public var counts: Counts
    /// Why the step could not do its job (exit 2): one line.
    public var error: String?
    /// For parameters that do not match the schema: every problem, with its JSON path.
    public var problems: [ParamsSchema.Problem]?

    public init(exitCode: Int32, counts: Counts = Counts(), error: String? = nil, problems: [ParamsSchema.Problem]? = nil) {
        self.status = exitCode == 0 ? "success" : "failed"
        self.exitCode = exitCode
        self.counts = counts
        self.error = error
        self.problems = problems
    }
}
