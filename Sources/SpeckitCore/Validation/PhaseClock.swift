import Foundation
import Synchronization

/// Where a run's time goes, for `scripts/bench.sh`: with `SPECKIT_PHASES=1` in the environment, each phase
/// of reading and checking a file (and each rule) adds its time here, and the command prints the totals to
/// standard error when it ends. Off (the default), a phase costs one load of a constant.
package enum PhaseClock {
    /// The phases, in the order a file goes through them.
    package enum Phase: Int, CaseIterable, Sendable {
        /// Finding the kits: walking folders, grouping files.
        case discover
        /// Reading a file's bytes.
        case read
        /// Decoding them: BOM, line endings, UTF-8, mojibake.
        case decode
        /// The block scan that guards cmark-gfm, and front matter.
        case scan
        /// cmark-gfm's parse.
        case cmark
        /// The model built from cmark-gfm's tree (or from YAML and JSON).
        case build
        /// The rules.
        case rules
        /// Suppression comments and fingerprints.
        case fingerprint
        /// Writing the reports.
        case report

        var name: String { String(describing: self) }
    }

    package static let enabled = ProcessInfo.processInfo.environment["SPECKIT_PHASES"].map { !$0.isEmpty && $0 != "0" } ?? false

    private static let phases = Mutex([UInt64](repeating: 0, count: Phase.allCases.count))
    private static let rules = Mutex([String: UInt64]())

    /// Runs `body`, adding its time to `phase` when the clock is on.
    @inline(__always)
    package static func time<T>(_ phase: Phase, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        return try measure(body) { spent in phases.withLock { $0[phase.rawValue] &+= spent } }
    }

    /// Runs the rule `id`'s `body`, adding its time to the rule and to `.rules`.
    @inline(__always)
    package static func time<T>(rule id: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        return try measure(body) { spent in
            rules.withLock { $0[id, default: 0] &+= spent }
            phases.withLock { $0[Phase.rules.rawValue] &+= spent }
        }
    }

    /// Runs `body` and hands the nanoseconds it took to `record`, whether it returns or throws.
    private static func measure<T>(_ body: () throws -> T, record: (UInt64) -> Void) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { record(DispatchTime.now().uptimeNanoseconds &- start) }
        return try body()
    }

    /// The totals as lines for standard error: each phase, then the rules slowest first (CPU seconds summed
    /// over workers, so with several jobs they add up to more than the wall time).
    package static func summary() -> String {
        let phases = self.phases.withLock { $0 }
        let rules = self.rules.withLock { $0 }
        var lines = ["speckit phases (seconds, summed over workers):"]
        for phase in Phase.allCases {
            lines.append("  " + phase.name.padding(toLength: 12, withPad: " ", startingAt: 0) + seconds(phases[phase.rawValue]))
        }
        lines.append("speckit rules (seconds):")
        for (id, spent) in rules.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            lines.append("  " + id.padding(toLength: 40, withPad: " ", startingAt: 0) + seconds(spent))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func seconds(_ nanoseconds: UInt64) -> String {
        String(format: "%9.4f", Double(nanoseconds) / 1e9)
    }
}
