import Synchronization

/// The one report pipeline: every writer of a run is fed the same kits as they finish, and the totals are
/// kept as they go. `speckit validate`, `diff` and the run step all write through it; each writer's text goes
/// to its own sink (a file, stdout, memory).
///
/// Findings about the changes since a base are held until the kit their file belongs to arrives; kits of
/// which nothing was a plan are counted (their files as skipped), not reported.
public final class ReportPipeline: Sendable {
    /// A writer and where its text goes.
    public struct Target: Sendable {
        public var writer: any ReportWriter & Sendable
        public var sink: @Sendable (String) -> Void

        public init(writer: any ReportWriter & Sendable, sink: @escaping @Sendable (String) -> Void) {
            self.writer = writer
            self.sink = sink
        }

        /// The writer of `format` for a run with `context`.
        public init(format: ReportFormat, context: ReportContext, sink: @escaping @Sendable (String) -> Void) {
            self.init(writer: format.writer(context), sink: sink)
        }
    }

    private struct State {
        var targets: [Target]
        var tally: ValidationReport.Summary.Tally
        var kits: [KitSummary] = []
        var pendingFindings: [Finding] = []
        /// What findings are compared with, when they are (`--baseline`, `--base`).
        var known: KnownFindings?
    }

    private let state: Mutex<State>

    /// A pipeline into `targets`; `skipped` are the files discovery left out. With `known`, every finding is
    /// marked new or existing as it passes (in kit order, so equal findings are matched first come, first
    /// served), and `failOn` says whether only the new ones fail the run.
    public init(
        targets: [Target], strict: Bool, skipped: [SkippedFile] = [], known: KnownFindings? = nil,
        failOn: ValidationReport.Summary.FailOn = .all
    ) {
        state = Mutex(
            State(
                targets: targets, tally: .init(strict: strict, skipped: skipped, compared: known != nil, failOn: failOn),
                known: known))
    }

    /// Writes the openings; `findings` (about the changes since the base) go out with the kits their files
    /// belong to.
    public func begin(diff: PlanDiff?, findings: [Finding] = []) {
        state.withLock { state in
            state.pendingFindings = findings
            for index in state.targets.indices { state.targets[index].sink(state.targets[index].writer.begin(diff: diff)) }
        }
    }

    /// Writes one kit to every target; returns how many kits have been delivered.
    @discardableResult
    public func deliver(_ outcome: KitOutcome) -> Int {
        state.withLock { state in
            var outcome = outcome
            if !state.pendingFindings.isEmpty, !outcome.isEmpty {
                let files = Set(outcome.summary.documents.map(\.path))
                let mine = state.pendingFindings.filter { files.contains($0.range.file) }
                if !mine.isEmpty {
                    state.pendingFindings.removeAll { files.contains($0.range.file) }
                    outcome.findings = (outcome.findings + mine).sorted(by: Finding.reportOrder)
                }
            }
            if state.known != nil { state.known!.mark(&outcome.findings) }
            state.tally.add(outcome)
            guard !outcome.isEmpty else { return state.kits.count }
            state.kits.append(outcome.summary)
            for index in state.targets.indices { state.targets[index].sink(state.targets[index].writer.kit(outcome)) }
            return state.kits.count
        }
    }

    /// Writes the endings and returns the totals. A finding about the changes in a file no checked kit holds
    /// is still reported, under a kit of its own.
    @discardableResult
    public func finish() -> ValidationReport.Summary {
        let leftover = state.withLock { state in
            defer { state.pendingFindings = [] }
            return state.pendingFindings
        }
        if !leftover.isEmpty {
            deliver(
                KitOutcome(summary: KitSummary(kit: Kit(name: "changes", root: ".", profile: .freeform, documents: [])), findings: leftover)
            )
        }
        return state.withLock { state in
            let closing = ReportClosing(summary: state.tally.result, kits: state.kits, skipped: state.tally.skipped)
            for index in state.targets.indices {
                let sink = state.targets[index].sink
                state.targets[index].writer.end(closing) { sink($0) }
            }
            return state.tally.result
        }
    }

    /// Every kit delivered so far.
    public var kits: [KitSummary] { state.withLock { $0.kits } }

    /// Every file skipped so far: what discovery left out, then each kit's.
    public var skipped: [SkippedFile] { state.withLock { $0.tally.skipped } }
}
