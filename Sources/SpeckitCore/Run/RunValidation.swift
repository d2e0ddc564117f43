import Synchronization

/// The validation inside a run step: kits checked as `speckit validate` checks them, each finding sent as a
/// `finding` event and a `progress` event after each kit, and every report rendered in memory through the
/// report pipeline (the step writes them into its staging folder once they are whole).
struct RunValidation {
    /// What came out: the totals, and each format's report text.
    struct Result {
        var summary: ValidationReport.Summary
        var kits: [KitSummary]
        var reports: [String]
    }

    static func run(_ set: KitSet, validator: Validator, formats: [ReportFormat], context: ReportContext, events: EventStream) -> Result {
        let texts = Mutex(Array(repeating: "", count: formats.count))
        let pipeline = ReportPipeline(
            targets: formats.enumerated().map { index, format in
                ReportPipeline.Target(format: format, context: context) { text in texts.withLock { $0[index] += text } }
            }, strict: validator.settings.strict, skipped: set.skipped)
        pipeline.begin(diff: nil)
        let total = set.kits.count
        let checked = Mutex(0)
        events.emit(.progress(what: "validate", done: 0, total: total))
        validator.run(set) { outcome in
            pipeline.deliver(outcome)
            let done = checked.withLock { count -> Int in
                count += 1
                return count
            }
            for finding in outcome.findings { events.emit(.finding(finding)) }
            // At most one progress event per percent, so a tree of thousands of kits does not flood the worker.
            if done == total || done * 100 / total != (done - 1) * 100 / total {
                events.emit(.progress(what: "validate", done: done, total: total))
            }
        }
        let summary = pipeline.finish()
        return Result(summary: summary, kits: pipeline.kits, reports: texts.withLock { $0 })
    }
}
