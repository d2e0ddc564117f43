import Foundation
import Testing

@testable import SpeckitCore

/// What the claim scanner keeps, line by line, given where the line stands (issue 16, causes 1 and 7).
@Suite("Claim scope")
struct ClaimScopeTests {
    static let at = SourceRange(file: "tasks.md", line: 1, column: 1)

    static func claims(_ line: String, _ place: ClaimPlace) -> [Claim] {
        ClaimScanner.claims(in: line, range: at, place: place)
    }

    static let summary = ClaimPlace(summary: true)

    @Test(
        "ordinals are never counts",
        arguments: [
            "All Phase 1 tasks complete.", "Phase 2 pending item", "No [NEEDS CLARIFICATION] markers remain in Phase 1 requirements",
            "Sprint 3 tasks done", "Task 4 items open",
        ])
    func ordinals(line: String) {
        #expect(Self.claims(line, Self.summary).isEmpty)
    }

    @Test(
        "examples, scenarios, other specs and earlier states are not claims, even in a summary",
        arguments: [
            "Create 5 incomplete and 3 complete tasks", "0/0 tasks initially.", "510/510 tasks complete in specs/002-auth",
            "tasks.md lists 48 tasks", "e.g. 3 completed tasks", "12 tasks were completed last sprint",
            "MVP Total: 31/31 tasks (100%)", "Optional Sub-tasks: 34",
        ])
    func notClaims(line: String) {
        #expect(Self.claims(line, Self.summary).isEmpty)
    }

    @Test("a counting sentence in plain prose or a quote is not checked; in a summary it is")
    func scope() {
        #expect(Self.claims("18 completed (16%)", ClaimPlace()).isEmpty)
        #expect(Self.claims("18 completed (16%)", ClaimPlace(summary: true, quoted: true)).isEmpty)
        let kept = Self.claims("18 completed (16%)", Self.summary)
        #expect(kept.map(\.count) == [18] && kept.first?.status == .done && kept.first?.percent == 16)
    }

    @Test("bold-field counts are claims in the header, a summary, a phase's own body, or outside any phase")
    func fieldCounts() throws {
        let total = try #require(Self.claims("**Total Tasks**: 142", ClaimPlace(header: true)).first)
        #expect(total.kind == .total && total.noun == "task" && total.count == 142 && total.subject == nil)
        var body = ClaimPlace(phase: "Phase 2")
        body.phaseBody = true
        let phase = try #require(Self.claims("**Progress**: 3/8 tasks", body).first)
        #expect(phase.kind == .fraction && phase.count == 3 && phase.total == 8 && phase.subject == "Phase 2")
        let done = try #require(Self.claims("Completed Phases: 6 (Phases 1, 2, 3, 5, 6, 7, 8)", Self.summary).first)
        #expect(done.noun == "phase" && done.count == 6 && done.status == .done)
        #expect(ClaimScanner.listedMembers(in: done.text) == ["1", "2", "3", "5", "6", "7", "8"])
        #expect(Self.claims("**Completed**: 2025-01-02", ClaimPlace(header: true)).isEmpty)
        // After a phase's tasks, a field could be about the phase or the document: not checked.
        #expect(Self.claims("**Total Tasks**: 142", ClaimPlace(phase: "Phase 3")).isEmpty)
        #expect(Self.claims("**Status**: COMPLETE - All 32 tasks finished", ClaimPlace()).map(\.count) == [32])
    }

    @Test("an N/M beside a named phase is about that phase")
    func namedFraction() throws {
        let claim = try #require(Self.claims("All Phase 1 tasks complete (5/5)", ClaimPlace()).first)
        #expect(claim.kind == .fraction && claim.subject == "Phase 1" && claim.count == 5 && claim.total == 5)
        let parenthesised = try #require(Self.claims("- Phase 1 (Setup): 5/5 tasks ✅", ClaimPlace()).first)
        #expect(parenthesised.subject == "Phase 1")
    }

    @Test("a completed-phases list naming a phase that is not done is a finding")
    func listedPhasesNotDone() throws {
        let text = "# Plan\n\n## Phase 1\n\n- [x] T1 Repo\n\n## Phase 2\n\n- [ ] T2 CI\n\n## Status\n\nCompleted Phases: 2 (Phases 1, 2)\n"
        let findings = try ExampleRunner.findings(RuleExample(text)).filter { $0.ruleId == .claimMismatch }
        #expect(findings.map(\.message) == ["'Completed Phases: 2 (Phases 1, 2)' names phases that are not done: Phase 2 is todo"])
        #expect(findings.map(\.range.line) == [13])
    }

    @Test("titles: a shortened restatement is the same task, another title or number is not")
    func sameTask() {
        #expect(TaskIdentity.sameTask("Implement the search box with suggestions", "Search box"))
        #expect(!TaskIdentity.sameTask("Cache frequent queries", "Highlight matches in results"))
        #expect(!TaskIdentity.sameTask("Another task, number 1", "Another task, number 10"))
        #expect(!TaskIdentity.sameTask("x", "y") && TaskIdentity.sameTask("x", "X"))
        #expect(
            TaskIdentity.sameTask(
                "Handler tests verification (BLOCKED - no test files)",
                "Verify handler tests pass (go test ./internal/handlers/... -v) - DONE: No test files exist"))
        #expect(!TaskIdentity.sameTask("Write the schema", "Write the UI"))
    }
}
