import Dispatch
import Synchronization

/// Runs independent pieces of work on up to `jobs` threads, handing out the next index as a thread
/// becomes free (so one large kit does not hold up a fixed share of the others), and returns the results
/// in index order.
enum WorkQueue {
    static func map<T: Sendable>(count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let next = Mutex(0)
        let results = Mutex([T?](repeating: nil, count: count))
        let workers = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < count else { return }
                let result = body(index)
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
