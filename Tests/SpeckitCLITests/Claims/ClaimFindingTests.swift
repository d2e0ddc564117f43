import Foundation
import Testing

/// Issue 16, causes 1, 6 and 7: claims are read only where their scope is clear, stale summaries are found,
/// restated tasks are not duplicates, and one root cause is reported by one rule.
@Suite("Claims with a scope, restated tasks, one finding per cause")
struct ClaimFindingTests {
    /// The findings of the status and duplicate-id rules, as `line: rule: message`.
    static func findings(_ fixture: String) throws -> (status: Int32, lines: [String]) {
        let outcome = try CLIRunner.run(["validate", CLIRunner.fixture("claims/" + fixture), "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let rules: Set<String> = [
            "status.claim-mismatch", "status.conflicting-statements", "status.phase-contradiction", "status.parent-child",
            "tasks.duplicate-id",
        ]
        let lines = findings.compactMap { finding -> String? in
            guard let rule = finding["ruleId"] as? String, rules.contains(rule),
                let range = finding["range"] as? [String: Any], let line = range["line"] as? Int
            else { return nil }
            return "\(line): \(rule): \(finding["message"] as? String ?? "")"
        }
        return (outcome.status, lines)
    }

    @Test("ordinals, test scenarios, quotes, code, other specs, examples and earlier states are not claims")
    func proseIsNotAClaim() throws {
        let (status, lines) = try Self.findings("prose-counts.md")
        #expect(lines == [], "\(lines)")
        #expect(status == 0)
    }

    @Test("bold-field totals, a count that contradicts its own list, and a stale per-phase table are found")
    func staleSummaries() throws {
        let (status, lines) = try Self.findings("stale-summaries.md")
        #expect(
            lines == [
                "3: status.claim-mismatch: 'Total Tasks: 9' does not match the document: 7 top-level tasks; 7 tasks in all; 7 leaf tasks",
                "23: status.claim-mismatch: 'Completed Phases: 1 (Phases 1, 2)' lists 2 phases, not 1: 1, 2",
                "28: status.claim-mismatch: 'Phase 2: Charges | 3 | 3' does not match Phase 2: 2 done of 3 top-level tasks; 2 done of 3 tasks in all; 2 done of 3 leaf tasks",
                "30: status.claim-mismatch: 'Total | 7 | 5' does not match the document: 4 done of 7 top-level tasks; 4 done of 7 tasks in all; 4 done of 7 leaf tasks",
            ], "\(lines)")
        #expect(status == 1)
    }

    @Test("a task restated in a remaining-work list and numbers restarting per phase are not duplicates; two different T11s are")
    func restatedTasks() throws {
        let (status, lines) = try Self.findings("restated-tasks.md")
        #expect(lines == ["14: tasks.duplicate-id: task id T11 is already used on line 13 ('Cache frequent queries')"], "\(lines)")
        #expect(status == 1)
    }

    @Test("one root cause, one finding: the rule that names it best reports it")
    func oneCauseOneFinding() throws {
        let (status, lines) = try Self.findings("one-cause.md")
        #expect(
            lines == [
                "3: status.phase-contradiction: Phase 1 is declared '✅ COMPLETE' but 1 of its 3 tasks is open: T3",
                "9: status.conflicting-statements: Phase 2 is stated done and open: ✅ COMPLETE (line 9), 🔄 IN PROGRESS (line 11)",
                "16: status.conflicting-statements: Task 7 is stated done in 1 place and open in 1: completed (line 18), [ ] (line 21)",
            ], "\(lines)")
        #expect(status == 1)
    }
}
