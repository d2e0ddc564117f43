import Synchronization

/// `speckit status` as kits are read: each kit's progress goes to the writer and the kit is dropped, so
/// memory stays flat; the totals, the files that could not be read and the text left uncounted are kept.
public final class StatusPipeline: Sendable {
    private struct State {
        var writer: any StatusWriter
        var totals = StatusReport.Totals()
        var failures: [LoadFailure] = []
        var unread: [Diagnostic] = []
        var skipped: [SkippedFile]
    }

    private let state: Mutex<State>
    private let sink: @Sendable (String) -> Void

    /// A pipeline into `writer`, whose text goes to `sink`; `skipped` are the files discovery left out.
    public init(writer: any StatusWriter, skipped: [SkippedFile], sink: @escaping @Sendable (String) -> Void) {
        var writer = writer
        sink(writer.begin())
        self.state = Mutex(State(writer: writer, skipped: skipped))
        self.sink = sink
    }

    /// Adds one kit, as it was read.
    public func add(_ loaded: LoadedKit) {
        state.withLock { state in
            state.failures += loaded.failures
            state.skipped += loaded.skipped
            state.unread += loaded.notes.filter { [.paragraphTooLong, .nestingTooDeep].contains($0.ruleId) }
            guard !loaded.kit.documents.isEmpty else { return }
            let progress = KitProgress(kit: loaded.reportedKit)
            state.totals.add(progress)
            sink(state.writer.kit(progress))
        }
    }

    /// Writes the closing. Returns the files that could not be read and the parser's notes on text it left
    /// unread (a paragraph over `limits.paragraphBytes`, tasks nested past `limits.nesting`): status reports no
    /// findings, but what it could not count is never left unsaid.
    public func finish() -> (totals: StatusReport.Totals, skipped: [SkippedFile], failures: [LoadFailure], unread: [Diagnostic]) {
        state.withLock { state in
            sink(state.writer.end(totals: state.totals, skipped: state.skipped))
            return (state.totals, state.skipped, state.failures, state.unread)
        }
    }
}
