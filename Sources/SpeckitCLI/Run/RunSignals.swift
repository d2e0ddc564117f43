import Dispatch
import Foundation
import Synchronization

/// SIGTERM, SIGINT and SIGQUIT while a run step works: each is handed to `handler` on a queue of its own (the work
/// goes on meanwhile on its threads), instead of killing the process where it stands. SIGPIPE is ignored,
/// so a worker that stops reading stdout does not kill a step that is writing its artifacts.
final class RunSignals: Sendable {
    private let sources: Mutex<[any DispatchSourceSignal]>

    init(handler: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "speckit.run.signals")
        signal(SIGPIPE, SIG_IGN)
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT, SIGQUIT] {
            // libdispatch installs its own handler for the source. Until it has, the default action applies
            // (the process ends before anything was written), which is better than a signal ignored.
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            sources.append(source)
        }
        self.sources = Mutex(sources)
    }

    deinit {
        sources.withLock { sources in for source in sources { source.cancel() } }
    }
}
