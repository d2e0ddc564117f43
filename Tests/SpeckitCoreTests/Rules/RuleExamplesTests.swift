import Testing

@testable import SpeckitCore

/// Every rule's own examples are its tests: the triggering ones must produce a finding of the rule, the
/// others none. One test walks the registry, so a new rule is tested the moment it is registered.
@Suite("Rule examples")
struct RuleExamplesTests {
    static let rules = RuleRegistry.descriptions

    @Test("triggering examples produce a finding of the rule, with a real location", arguments: rules)
    func triggering(rule: RuleDescription) throws {
        #expect(!rule.triggering.isEmpty, "\(rule.id.rawValue) has no triggering example")
        for (index, example) in rule.triggering.enumerated() {
            let findings = try ExampleRunner.findings(example).filter { $0.ruleId == rule.id }
            #expect(!findings.isEmpty, "\(rule.id.rawValue) triggering example \(index + 1) produced no finding")
            for finding in findings {
                #expect(finding.range.line >= 1 && finding.range.column >= 1, "\(finding.formatted)")
                #expect(example.files.contains { $0.path == finding.range.file }, "\(finding.formatted) names no example file")
                #expect(finding.severity == rule.defaultSeverity || rule.id == .parentChild, "\(finding.formatted)")
                #expect(!finding.message.isEmpty && !finding.message.contains("\n"))
            }
        }
    }

    @Test("non-triggering examples produce no finding of the rule", arguments: rules)
    func nonTriggering(rule: RuleDescription) throws {
        #expect(!rule.nonTriggering.isEmpty, "\(rule.id.rawValue) has no non-triggering example")
        for (index, example) in rule.nonTriggering.enumerated() {
            let findings = try ExampleRunner.findings(example).filter { $0.ruleId == rule.id }
            #expect(findings.isEmpty, "\(rule.id.rawValue) non-triggering example \(index + 1): \(findings.map(\.formatted))")
        }
    }

    @Test("every rule id is registered exactly once")
    func registry() {
        let ids = RuleRegistry.descriptions.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == Set(RuleID.allCases))
    }

    @Test("a rule set to off in the configuration reports nothing; a changed severity is used")
    func configuredSeverity() throws {
        let text = "# Tasks\n\n- [ ] T1 Schema\n- [ ] T2 API (depends on T9)\n"
        let off = try ExampleRunner.findings(RuleExample(text, config: "rules:\n  tasks.unknown-dependency: off\n"))
        #expect(!off.contains { $0.ruleId == .unknownDependency })
        let note = try ExampleRunner.findings(RuleExample(text, config: "rules:\n  tasks.unknown-dependency: note\n"))
        #expect(note.filter { $0.ruleId == .unknownDependency }.map(\.severity) == [.note])
    }
}

@Suite("Finding limits")
struct FindingLimitTests {
    @Test("past 1,000 findings of one rule in a kit, the rest are summed up in one more finding")
    func limit() throws {
        let text = "# Tasks\n\n" + (0..<1_102).map { "- [ ] T1 Another task with the same id, number \($0)\n" }.joined()
        let duplicates = try ExampleRunner.findings(RuleExample(text)).filter { $0.ruleId == .duplicateID }
        #expect(duplicates.count == RuleContext.findingLimit + 1)
        #expect(
            duplicates.contains {
                $0.message == "101 more tasks.duplicate-id findings in this kit are not listed (the limit is 1000 per rule and kit)"
                    && $0.severity == .note
            })
        // The totals still count every finding: 1,000 listed and 101 not.
        let report = Validator(jobs: 1).validate(KitLoader().discover(memory: ["tasks.md": Array(text.utf8)]))
        let listedErrors = report.findings.count { $0.severity == .error && $0.ruleId != .duplicateID }
        #expect(report.summary.errors == listedErrors + 1_101)
    }
}

extension RuleDescription: CustomTestStringConvertible {
    public var testDescription: String { id.rawValue }
}
