import Foundation
import Synchronization

/// Writes a run's events as JSON Lines: each event one line, written whole with one `write(2)` as it
/// happens, numbered in order. Safe to use from any thread; after the last event (`step.completed` or
/// `step.cancelled`) nothing more is written.
public final class EventStream: Sendable {
    private struct State: ~Copyable {
        var sequence = 0
        var closed = false
        let clock: ISO8601DateFormatter
    }

    /// The run id every event carries.
    public let run: String
    private let state: Mutex<State>
    private let output: @Sendable (String) -> Void

    /// Events for `run`, handed to `output` one line (with its newline) at a time; standard output by default.
    public init(run: String, output: @escaping @Sendable (String) -> Void = EventStream.standardOutput) {
        self.run = run
        self.output = output
        let clock = ISO8601DateFormatter()
        clock.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        clock.timeZone = TimeZone(identifier: "UTC")
        self.state = Mutex(State(clock: clock))
    }

    /// Writes one event; returns its sequence number (0 when the stream has ended).
    @discardableResult
    public func emit(_ event: RunEvent) -> Int {
        let fields = event.fields
        return state.withLock { state -> Int in
            guard !state.closed else { return 0 }
            state.sequence += 1
            // seq, type, time and run first, in that order, so a reader sees what an event is at once.
            let head = "{\"seq\":\(state.sequence),\"type\":\"\(event.type)\",\"time\":\"\(state.clock.string(from: Date()))\","
                + "\"run\":\(RunJSON.line(run))}"
            // `{head…}` and `{fields…}` joined into one object.
            let line = fields == "{}" ? head : String(head.dropLast()) + "," + String(fields.dropFirst())
            switch event {
            case .completed, .cancelled: state.closed = true
            default: break
            }
            output(line + "\n")
            return state.sequence
        }
    }

    /// Whether the last event was written.
    public var ended: Bool { state.withLock { $0.closed } }

    /// Writes to file descriptor 1 until every byte is out; a reader that went away is not an error here
    /// (SIGPIPE is ignored while a step runs), the step still finishes its artifacts.
    public static let standardOutput: @Sendable (String) -> Void = { line in
        var bytes = Array(line.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
