import Dispatch
import Foundation
import SpeckitCore
import Synchronization

/// A `heartbeat` event every `interval` seconds while a step works, so a worker can forward it to the
/// control plane (`runs.heartbeat`) and a stuck step can be told from a slow one.
final class Heartbeat: Sendable {
    private let timer: Mutex<(any DispatchSourceTimer)?>

    init(every interval: Double, events: EventStream) {
        let start = DispatchTime.now()
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "speckit.run.heartbeat"))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler {
            events.emit(.heartbeat(elapsed: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9))
        }
        timer.resume()
        self.timer = Mutex(timer)
    }

    /// No more heartbeats.
    func stop() {
        timer.withLock { timer in
            timer?.cancel()
            timer = nil
        }
    }
}
