@testable import SpeckitCore

/// Small hand-made outcomes for reporter tests.
enum ReporterSamples {
    static let paths = ReportPaths(root: "/repo", current: "/repo")

    static func finding(
        _ rule: RuleID = .unknownDependency, _ severity: Severity = .error, line: Int = 3,
        file: String = "spec/tasks.md", message: String = "task T2 depends on T9, which does not exist"
    ) -> Finding {
        Finding(ruleId: rule, severity: severity, message: message, range: SourceRange(file: file, line: line, column: 3))
    }

    static func outcome(_ findings: [Finding], files: [String] = ["spec/tasks.md"], kit name: String = "spec") -> KitOutcome {
        var document = Document(path: files[0], kind: .tasks, format: .markdown, text: TextReport())
        var phase = Phase(id: "Phase 1", title: "Setup", level: 2, range: SourceRange(file: files[0], line: 1, column: 1))
        var task = PlanTask(id: "T1", title: "Repo", form: .checkbox, range: SourceRange(file: files[0], line: 2, column: 1))
        task.status = .done
        phase.tasks = [task, PlanTask(id: "T2", title: "CI", form: .checkbox, range: SourceRange(file: files[0], line: 3, column: 1))]
        document.phases = [phase]
        let others = files.dropFirst().map { Document(path: $0, kind: .plan, format: .markdown, text: TextReport()) }
        let kit = Kit(name: name, root: name, profile: .speckit, documents: [document] + others)
        return KitOutcome(summary: KitSummary(kit: kit), findings: findings)
    }

    /// Runs a writer over outcomes the way the command line does.
    static func render(
        _ writer: inout some ReportWriter, _ outcomes: [KitOutcome], strict: Bool = false,
        diff: PlanDiff? = nil, failOn: ValidationReport.Summary.FailOn? = nil
    ) -> String {
        var tally = ValidationReport.Summary.Tally(strict: strict, compared: failOn != nil, failOn: failOn ?? .all)
        var out = writer.begin(diff: diff)
        for outcome in outcomes {
            tally.add(outcome)
            out += writer.kit(outcome)
        }
        writer.end(ReportClosing(summary: tally.result, kits: outcomes.map(\.summary))) { out += $0 }
        return out
    }
}
