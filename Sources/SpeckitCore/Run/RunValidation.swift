import Synchronization

/// The validation inside a run step: kits checked as `speckit validate` checks them, each finding sent as a
/// `finding` event and a `progress` event after each kit, and every report rendered in memory (the step
/// writes them into its staging folder once they are whole).
struct RunValidation {
    /// What came out: the totals, and each writer's report text.
    struct Result {
        var summary: ValidationReport.Summary
        var kits: [KitSummary]
        var reports: [String]
    }

    private struct State {
        var writers: [any ReportWriter & Sendable]
        var texts: [String]
        var tally: ValidationReport.Summary.Tally
        var kits: [KitSummary] = []
    }

    static func run(
        _ kits: [KitSource], validator: Validator, writers: [any ReportWriter & Sendable],
        events: EventStream
    ) -> Result {
        let state = Mutex(
            State(
                writers: writers, texts: Array(repeating: "", count: writers.count),
                tally: .init(strict: validator.settings.strict)))
        state.withLock { state in
            for index in state.writers.indices { state.texts[index] += state.writers[index].begin(diff: nil) }
        }
        events.emit(.progress(what: "validate", done: 0, total: kits.count))
        validator.run(kits: kits) { outcome in
            let done = state.withLock { state -> Int in
                state.tally.add(outcome)
                state.kits.append(outcome.summary)
                for index in state.writers.indices { state.texts[index] += state.writers[index].kit(outcome) }
                return state.kits.count
            }
            for finding in outcome.findings { events.emit(.finding(finding)) }
            // At most one progress event per percent, so a tree of thousands of kits does not flood the worker.
            if done == kits.count || done * 100 / kits.count != (done - 1) * 100 / kits.count {
                events.emit(.progress(what: "validate", done: done, total: kits.count))
            }
        }
        return state.withLock { state in
            let closing = ReportClosing(summary: state.tally.result, kits: state.kits)
            for index in state.writers.indices {
                var text = state.texts[index]
                state.writers[index].end(closing) { text += $0 }
                state.texts[index] = text
            }
            return Result(summary: state.tally.result, kits: state.kits, reports: state.texts)
        }
    }
}
