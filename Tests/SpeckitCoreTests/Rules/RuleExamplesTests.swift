import Testing

@testable import SpeckitCore

/// Every rule's own examples are its tests. A triggering example marks with `↓` where each finding of the
/// rule must be and gives a fragment of each message: the rule must report exactly there, once per marker,
/// and nowhere else. A non-triggering example must produce no finding of the rule. One test walks the
/// registry, so a new rule is tested the moment it is registered.
@Suite("Rule examples")
struct RuleExamplesTests {
    static let rules = RuleRegistry.descriptions

    @Test("triggering examples produce findings of the rule exactly at their markers", arguments: rules)
    func triggering(rule: RuleDescription) throws {
        #expect(!rule.triggering.isEmpty, "\(rule.id.rawValue) has no triggering example")
        for (index, example) in rule.triggering.enumerated() {
            let name = "\(rule.id.rawValue) triggering example \(index + 1)"
            let findings = try ExampleRunner.findings(example).filter { $0.ruleId == rule.id }.sorted(by: Finding.reportOrder)
            let found = findings.map { "\($0.range.file):\($0.range.line):\($0.range.column) '\($0.message)'" }
            #expect(!example.expected.isEmpty, "\(name) marks no finding (put ↓ before each); it found \(found)")
            #expect(
                example.messageCount == example.expected.count || example.messageCount == 1,
                "\(name): \(example.messageCount) message fragments for \(example.expected.count) markers")
            #expect(
                findings.map { "\($0.range.file):\($0.range.line):\($0.range.column)" }
                    == example.expected.map { "\($0.file):\($0.line):\($0.column)" },
                "\(name): expected \(example.expected), found \(found)")
            for (finding, expected) in zip(findings, example.expected) {
                #expect(
                    !expected.message.isEmpty && finding.message.contains(expected.message),
                    "\(name): expected \(expected), found \(finding.formatted)")
            }
            for finding in findings {
                // A rule reports at one severity: confidence is said by the rule, never by a finding.
                #expect(finding.severity == rule.defaultSeverity, "\(finding.formatted)")
                #expect(!finding.message.isEmpty && !finding.message.contains("\n"))
            }
        }
    }

    @Test("non-triggering examples produce no finding of the rule and mark none", arguments: rules)
    func nonTriggering(rule: RuleDescription) throws {
        #expect(!rule.nonTriggering.isEmpty, "\(rule.id.rawValue) has no non-triggering example")
        for (index, example) in rule.nonTriggering.enumerated() {
            let findings = try ExampleRunner.findings(example).filter { $0.ruleId == rule.id }
            #expect(findings.isEmpty, "\(rule.id.rawValue) non-triggering example \(index + 1): \(findings.map(\.formatted))")
            #expect(example.expected.isEmpty, "\(rule.id.rawValue) non-triggering example \(index + 1) has markers")
        }
    }

    @Test("a marker stands before the character a finding points at, counted in Unicode scalars")
    func markers() {
        let example = RuleExample("# T\r\n\n- [ ] ↓T1 Café ↓x\r↓y\n", messages: ["a", "b", "c"])
        #expect(example.files.map { String(decoding: $0.bytes, as: UTF8.self) } == ["# T\r\n\n- [ ] T1 Café x\ry\n"])
        #expect(example.expected.map(\.description) == ["tasks.md:3:7 'a'", "tasks.md:3:15 'b'", "tasks.md:4:1 'c'"])
        let bom = RuleExample(bytes: [0xEF, 0xBB, 0xBF] + Array("↓# T".utf8), messages: ["m"])
        #expect(bom.expected.map(\.description) == ["tasks.md:1:1 'm'"])
        #expect(bom.files[0].bytes == [0xEF, 0xBB, 0xBF] + Array("# T".utf8))
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
