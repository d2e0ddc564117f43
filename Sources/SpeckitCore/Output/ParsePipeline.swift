import Synchronization

/// `speckit parse` as kits are read: each kit goes to the writer and is dropped, so memory stays flat;
/// what the parser noticed is kept for the end, a file that cannot be read becomes an `input.unreadable`
/// diagnostic and parsing goes on (its kit is listed, without the document). Nothing is written until a
/// document has been read, so a run that could read nothing writes nothing.
public final class ParsePipeline: Sendable {
    private struct State {
        var writer: any ParseWriter
        var begun = false
        /// Kits of which no file could be read, held until a document shows the run read something.
        var held: [String] = []
        var documents = 0
        var diagnostics: [Diagnostic] = []
        var failures: [LoadFailure] = []
        var skipped: [SkippedFile]
    }

    private let state: Mutex<State>
    private let sink: @Sendable (String) -> Void

    /// A pipeline into `writer`, whose text goes to `sink`; `skipped` are the files discovery left out.
    public init(writer: any ParseWriter, skipped: [SkippedFile], sink: @escaping @Sendable (String) -> Void) {
        self.state = Mutex(State(writer: writer, skipped: skipped))
        self.sink = sink
    }

    /// Adds one kit, as it was read.
    public func add(_ loaded: LoadedKit) {
        state.withLock { state in
            state.skipped += loaded.skipped
            state.failures += loaded.failures
            state.diagnostics += loaded.diagnostics
            guard !loaded.isEmpty else { return }
            let kit = loaded.reportedKit
            state.documents += kit.documents.count
            // A kit of which nothing could be read waits until a document shows the run read something.
            guard state.documents > 0 else {
                var text = ""
                state.writer.kit(kit) { text += $0 }
                state.held.append(text)
                return
            }
            if !state.begun {
                state.begun = true
                sink(state.writer.begin() + state.held.joined())
                state.held = []
            }
            state.writer.kit(kit, emit: sink)
        }
    }

    /// Writes the closing and returns the exit code: 0, or 1 when a file could not be read.
    /// - Throws: the first file's error when no file at all could be read, `noKits` (naming `path`) when no
    ///   file found was a plan; nothing is written then.
    public func finish(path: String) throws -> Int32 {
        try state.withLock { state in
            if state.documents == 0, let first = state.failures.first { throw first.error }
            if state.documents == 0 { throw SpeckitError.noKits(path, skipped: SkippedFile.summary(state.skipped)) }
            if !state.begun { sink(state.writer.begin() + state.held.joined()) }
            sink(state.writer.end(diagnostics: state.diagnostics, skipped: state.skipped))
            return state.failures.isEmpty ? 0 : 1
        }
    }
}
