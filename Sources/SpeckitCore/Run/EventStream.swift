import Foundation
import Synchronization

/// Writes a run's events as JSON Lines: each event one line, written whole with one `write(2)` as it
/// happens, numbered in order. Safe to use from any thread; after the last event (`step.completed` or
/// `step.cancelled`) nothing more is written.
public final class EventStream: Sendable {
    private struct State: ~Copyable {
        var sequence = 0
        var closed = false
        /// Events `output` could not write.
        var lost = 0
        let clock: ISO8601DateFormatter
    }

    /// The run id every event carries.
    public let run: String
    private let state: Mutex<State>
    private let output: @Sendable (String) -> Bool

    /// Events for `run`, handed to `output` one line (with its newline) at a time, which says whether it was
    /// written; standard output by default.
    public init(run: String, output: @escaping @Sendable (String) -> Bool = EventStream.standardOutput) {
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
            let head =
                "{\"seq\":\(state.sequence),\"type\":\"\(event.type)\",\"time\":\"\(state.clock.string(from: Date()))\","
                + "\"run\":\(RunJSON.line(run))}"
            // `{head…}` and `{fields…}` joined into one object. U+0085, U+2028 and U+2029 are escaped: JSON
            // allows them raw, but readers that split lines on every Unicode line break would cut the line.
            let line = (fields == "{}" ? head : String(head.dropLast()) + "," + String(fields.dropFirst()))
                .replacingOccurrences(of: "\u{85}", with: "\\u0085")
                .replacingOccurrences(of: "\u{2028}", with: "\\u2028")
                .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
            switch event {
            case .completed, .cancelled: state.closed = true
            default: break
            }
            if !output(line + "\n") { state.lost += 1 }
            return state.sequence
        }
    }

    /// Whether the last event was written.
    public var ended: Bool { state.withLock { $0.closed } }

    /// How many events could not be written (stdout closed, say).
    public var lost: Int { state.withLock { $0.lost } }

    /// Writes to file descriptor 1, every line whole (SIGPIPE is ignored while a step runs, so a worker that
    /// stopped reading does not stop the step from finishing its artifacts).
    public static let standardOutput: @Sendable (String) -> Bool = { RawOutput.write($0, to: STDOUT_FILENO) }
}
