public import ArgumentParser
import SpeckitCore

/// What a run is compared with and what fails it: `--baseline FILE`, `--update-baseline FILE`, `--fail-on`.
struct GateOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Compare with the findings recorded in FILE: only findings not in it are new, and only new ones fail the run.",
            valueName: "file"))
    var baseline: String?

    @Option(
        help: ArgumentHelp(
            "Record every finding of this run in FILE (sorted JSON, spec/schema/baseline.schema.json); the run passes.",
            valueName: "file"))
    var updateBaseline: String?

    @Option(
        help: ArgumentHelp(
            "What fails the run: all (every error; warnings too with --strict) or new (only findings not in the "
                + "baseline nor at --base REF). Default: new with --baseline, else all.",
            valueName: "which"))
    var failOn: ValidationReport.Summary.FailOn?

    func validate() throws {
        if baseline?.isEmpty == true { throw ValidationError("--baseline needs a file name") }
        if updateBaseline?.isEmpty == true || updateBaseline == "-" {
            throw ValidationError("--update-baseline needs a file name")
        }
        if baseline != nil, updateBaseline != nil {
            throw ValidationError("--baseline and --update-baseline: give one (update writes the baseline, --baseline reads it)")
        }
        if updateBaseline != nil, failOn == .all {
            throw ValidationError("--update-baseline records every finding as existing and passes; --fail-on all would fail it: give one")
        }
    }

    /// What fails the run, given whether `--base` was given.
    func failing(hasBase: Bool) throws -> ValidationReport.Summary.FailOn {
        if failOn == .new, baseline == nil, updateBaseline == nil, !hasBase {
            throw ValidationError("--fail-on new needs something to compare with: --base REF or --baseline FILE")
        }
        return failOn ?? (baseline != nil || updateBaseline != nil ? .new : .all)
    }

    /// The findings the run is compared with: the baseline's, the base revision's (from `atBase`), both, or
    /// none; every finding when the run records the baseline.
    func known(atBase: KnownFindings?) throws -> KnownFindings? {
        if updateBaseline != nil { return .all }
        var known = try baseline.map { try Baseline.load($0).known }
        if let base = atBase {
            if known == nil { known = base } else { known!.formUnion(base) }
        }
        return known
    }
}

extension ValidationReport.Summary.FailOn: ExpressibleByArgument {}
