import Foundation
import Testing

/// Issue 16, causes 6 and 7: the noise of `content.placeholder`, `structure.heading-skip`,
/// `trace.uncovered-requirement` and `acceptance.missing` on the shapes real Spec Kit and freeform repositories
/// have, and the placeholders that were missed. One small repository (`Tests/Fixtures/repos/noise16`) holds them all.
@Suite("Noise rules on real shapes (#16)")
struct NoiseRulesTests {
    /// `rule file:line:column` of every finding of `rules`, in report order.
    static func findings(of rules: Set<String>) throws -> [String] {
        let folder = try FixtureRepos.copy("noise16")
        let outcome = try CLIRunner.run(["validate", ".", "--format", "json"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try FixtureRepos.json(outcome)
        return (json["findings"] as? [[String: Any]] ?? []).compactMap { finding in
            guard let rule = finding["ruleId"] as? String, rules.contains(rule), let range = finding["range"] as? [String: Any]
            else { return nil }
            return "\(rule) \(range["file"] ?? ""):\(range["line"] ?? 0):\(range["column"] ?? 0) \(finding["message"] ?? "")"
        }
    }

    @Test(
        "placeholders: italic brackets once each; the checklist's talk about markers and placeholders in code are not placeholders"
    )
    func placeholders() throws {
        #expect(
            try Self.findings(of: ["content.placeholder"]) == [
                "content.placeholder specs/001-cart/spec.md:3:14 template token '_[Date]_' left in the document",
                "content.placeholder specs/001-cart/spec.md:4:12 template token '_[To be filled]_' left in the document",
                "content.placeholder specs/001-cart/spec.md:5:15 template token '_[TBD]_' left in the document",
            ])
    }

    @Test("#16 placeholders a team leaves on purpose are not reported; an untouched template is reported once")
    func deliberatePlaceholders() throws {
        let folder = try CLIRunner.folder([
            ".git/HEAD": "",
            "plans/plan.md": "# Plan\n\n| Metric | Current | Target |\n| --- | --- | --- |\n| p95 | TBD | 200 ms |\n\n"
                + "The button design is TBD during planning.\n\nUse [NEEDS CLARIFICATION: specific question] for guesses.\n\n"
                + "- [ ] T1 Build\n\n```ts\n// ... existing fields\n```\n\n**Owner**: TBD\n",
            ".specify/memory/constitution.md": "# [PROJECT_NAME] Constitution\n\n## [PRINCIPLE_1_NAME]\n\n[PRINCIPLE_1_DESCRIPTION]\n\n"
                + "## [PRINCIPLE_2_NAME]\n\n[PRINCIPLE_2_DESCRIPTION]\n\n**Ratified**: [RATIFICATION_DATE]\n",
        ])
        let run = try CLIRunner.run(["validate", ".", "--format", "json"], in: folder)
        let found = FixtureRepos.findings(try FixtureRepos.json(run)).filter { $0.contains("content.placeholder") }
        #expect(
            found == [
                ".specify/memory/constitution.md:1:3 warning content.placeholder template token '[PROJECT_NAME]' left in the document, "
                    + "and 5 more: the document is still its template",
                "plans/plan.md:17:12 warning content.placeholder unfinished note 'TBD' left in the document",
            ], "\(found)")
    }

    @Test("a plan that goes from # to ### throughout has a style, not skipped headings")
    func headingSkip() throws {
        #expect(try Self.findings(of: ["structure.heading-skip"]) == [])
    }

    @Test("Spec Kit's tasks cite stories: every story is cited, and the FRs are not checked")
    func uncoveredRequirement() throws {
        #expect(try Self.findings(of: ["trace.uncovered-requirement"]) == [])
    }

    @Test("acceptance criteria are asked of plan phases only, and Independent Test / Checkpoint count as criteria")
    func acceptanceMissing() throws {
        #expect(
            try Self.findings(of: ["acceptance.missing"]) == [
                "acceptance.missing plan.md:9:1 Phase 2 ('Release') has no acceptance criteria"
            ])
    }
}
