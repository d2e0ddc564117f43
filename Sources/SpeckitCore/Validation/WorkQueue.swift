import Dispatch
import Synchronization

/// Runs independent pieces of work on up to `jobs` threads, handing out the next index as a thread becomes
/// free (so one large kit does not hold up a fixed share of the others), and delivers the results in index
/// order as soon as each one and all before it are done, so they can be written out and dropped instead of
/// being held until the end. At most `2 × jobs` results wait for one slow piece of work before them: a
/// thread that would run further ahead waits, so memory stays bounded whatever the results weigh.
enum WorkQueue {
    private struct State<T> {
        var next = 0
        var nextOut = 0
        var pending: [Int: T] = [:]
        var delivering = false
    }

    static func forEach<T: Sendable>(
        count: Int, jobs: Int, work: @Sendable (Int) -> T,
        deliver: @Sendable (T) -> Void
    ) {
        guard count > 0 else { return }
        let state = Mutex(State<T>())
        // Permits for work started but not yet delivered; delivering returns them.
        let window = DispatchSemaphore(value: max(2, 2 * min(jobs, count)))
        /// Takes the results that are next in order and makes the caller the one delivering them; with
        /// `claiming`, takes nothing while another thread is delivering (that thread picks them up).
        @Sendable func takeReady(claiming: Bool) -> [T] {
            state.withLock { state in
                if claiming && state.delivering { return [] }
                var ready: [T] = []
                while let result = state.pending.removeValue(forKey: state.nextOut) {
                    ready.append(result)
                    state.nextOut += 1
                }
                state.delivering = !ready.isEmpty
                return ready
            }
        }
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            while true {
                window.wait()
                let index = state.withLock { state -> Int in
                    defer { state.next += 1 }
                    return state.next
                }
                guard index < count else {
                    window.signal()
                    return
                }
                let result = work(index)
                state.withLock { $0.pending[index] = result }
                var ready = takeReady(claiming: true)
                while !ready.isEmpty {
                    for result in ready {
                        deliver(result)
                        window.signal()
                    }
                    ready = takeReady(claiming: false)
                }
            }
        }
    }
}
