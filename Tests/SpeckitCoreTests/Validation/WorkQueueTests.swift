import Synchronization
import Testing

@testable import SpeckitCore

/// The work queue runs work on several threads and still delivers every result once, in index order.
@Suite("Work queue")
struct WorkQueueTests {
    @Test("results arrive once each, in order, whatever order the work finishes in", arguments: [1, 2, 4, 16])
    func ordered(jobs: Int) {
        let delivered = Mutex<[Int]>([])
        let running = Mutex(0)
        let peak = Mutex(0)
        WorkQueue.forEach(
            count: 300, jobs: jobs,
            work: { index -> Int in
                let now = running.withLock {
                    $0 += 1
                    return $0
                }
                peak.withLock { $0 = max($0, now) }
                // Uneven work, so later items often finish before earlier ones.
                var x = UInt64(index)
                for _ in 0..<((index * 7919) % 13) * 2_000 { x = x &* 6364136223846793005 &+ 1442695040888963407 }
                running.withLock { $0 -= 1 }
                return index + Int(x & 0)
            }, deliver: { value in delivered.withLock { $0.append(value) } })
        #expect(delivered.withLock { $0 } == Array(0..<300))
        #expect(peak.withLock { $0 } <= jobs)
    }

    @Test("nothing to do delivers nothing")
    func empty() {
        let delivered = Mutex(0)
        WorkQueue.forEach(count: 0, jobs: 2, work: { $0 }, deliver: { _ in delivered.withLock { $0 += 1 } })
        #expect(delivered.withLock { $0 } == 0)
    }
}
