/// What a run template does, given parameters that passed its schema.
///
/// `init` reads the parameters and `prepare` checks the inputs; neither writes anything, so a mistake in
/// either is exit 2 with nothing written. `run` writes every artifact into the staging folder; `StepRunner`
/// moves them into place when it returns.
protocol RunStep {
    /// Reads parameters already checked against the template's schema. `source` names them in errors.
    init(params: JSONValue, source: String) throws
    /// Checks the inputs (that a path exists and holds kits, say) before anything is written.
    mutating func prepare() throws
    /// Does the work, writing artifacts into `staging` and events to `events`. Returns the exit code (0, or 1
    /// for findings that fail the run) and the totals.
    func run(into staging: ArtifactStaging, events: EventStream) throws -> (exitCode: Int32, counts: RunOutcome.Counts)
}

extension RunOutcome.Counts {
    /// The totals of a validation.
    init(_ summary: ValidationReport.Summary) {
        self.init()
        kits = summary.kits
        files = summary.files
        tasks = summary.tasks
        errors = summary.errors
        warnings = summary.warnings
        notes = summary.notes
    }
}
