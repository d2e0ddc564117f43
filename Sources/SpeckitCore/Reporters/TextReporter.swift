/// Compiler-style lines, one per finding, with related locations indented under it and a summary line:
///
/// ```
/// spec/ops/tasks.md:41:3: error: task T2.4 depends on T1.9, which does not exist [tasks.unknown-dependency]
/// 2 errors, 1 warning in 4 files (1 kit): failed
/// ```
public struct TextReporter: ReportWriter, Sendable {
    /// Colour the severity and location with ANSI escapes (only on a terminal, never with NO_COLOR).
    public var color: Bool
    /// Print only the findings that fail the run, and no summary.
    public var quiet: Bool
    /// Warnings fail the run (so `quiet` keeps them).
    public var strict: Bool
    /// List every file found but not read as a plan, not only how many.
    public var verbose: Bool
    /// Whether only new findings fail the run (so `quiet` drops existing ones).
    public var failOn: ValidationReport.Summary.FailOn

    private var diff: PlanDiff?

    public init(
        color: Bool = false, quiet: Bool = false, strict: Bool = false, verbose: Bool = false,
        failOn: ValidationReport.Summary.FailOn = .all
    ) {
        self.color = color
        self.quiet = quiet
        self.strict = strict
        self.verbose = verbose
        self.failOn = failOn
    }

    public mutating func begin(diff: PlanDiff?) -> String {
        self.diff = diff
        return ""
    }

    public func kit(_ outcome: KitOutcome) -> String {
        var out = ""
        for finding in outcome.findings {
            if quiet && !finding.failsRun(strict: strict, failOn: failOn) { continue }
            let age = finding.age.map { " " + paint("(\($0))", finding.isNew == true ? bold : dim) } ?? ""
            out +=
                paint(finding.range.description.escapingControlCharacters + ":", bold) + " "
                + paint(finding.severity.rawValue + ":", tint(finding.severity))
                + " " + Self.oneLine(finding.message) + " " + paint("[\(finding.ruleId.rawValue)]", dim) + age + "\n"
            for related in finding.related where related.range != finding.range {
                out +=
                    "    " + paint(related.range.description.escapingControlCharacters + ":", bold) + " " + paint("note:", tint(.note))
                    + " "
                    + Self.oneLine(related.message) + "\n"
            }
        }
        return out
    }

    public func end(_ closing: ReportClosing, emit: (String) -> Void) {
        guard !quiet else { return }
        if let diff { emit(changes(diff)) }
        if verbose {
            for file in closing.skipped { emit(paint("skipped:", dim) + " " + file.line.escapingControlCharacters + "\n") }
        }
        let skipped = SkippedFile.summary(closing.skipped).map { "; \($0)" + (verbose ? "" : " (--verbose lists them)") } ?? ""
        emit(summaryLine(closing.summary) + skipped + "\n")
    }

    /// `changes since origin/main: 1 regression, 1 completed`, then one line per change.
    func changes(_ diff: PlanDiff) -> String {
        var out = paint("changes since \(diff.base):", bold) + " " + diff.counts.description + "\n"
        for change in diff.changes {
            // A removed item's place is in the base; at a git revision that is not the file on disk.
            let place =
                (change.kind == .removed && diff.baseIsRevision ? "\(diff.base):\(change.range.description)" : change.range.description)
                .escapingControlCharacters
            out += "    " + paint(place + ":", dim) + " " + Self.oneLine(change.summary) + "\n"
        }
        return out
    }

    /// A message on one line, as compilers print them (a title may hold a line break; other control
    /// characters, from file names, are escaped).
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text.escapingControlCharacters }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ").escapingControlCharacters
    }

    /// `2 errors, 1 warning, 0 notes in 4 files (1 kit): failed`, then `; 3 suppressed` when comments in the plans
    /// silenced findings. Compared with a baseline or base: `2 new errors, 41 existing; 0 new warnings, …`.
    func summaryLine(_ summary: ValidationReport.Summary) -> String {
        func count(_ n: Int, _ word: String) -> String { Plural.count(n, word) }
        let counts = summary.countsPhrase
        let verdict = summary.passed ? paint("passed", green) : paint("failed", red)
        let strict = summary.strict ? " (strict: warnings fail)" : ""
        let suppressed = summary.suppressed > 0 ? "; \(summary.suppressed) suppressed" : ""
        return
            "\(counts) in \(count(summary.files, "file")) (\(count(summary.kits, "kit")), \(count(summary.tasks, "task"))): \(verdict)\(strict)"
            + suppressed
    }

    private let bold = "1", dim = "2", red = "1;31", green = "1;32"

    private func tint(_ severity: Severity) -> String {
        switch severity {
        case .error: return red
        case .warning: return "1;33"
        case .note: return "1;36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
