import Foundation
import Testing

@testable import SpeckitCore

/// docs/rules.md is generated from the rule descriptions; this fails when it is stale.
/// Regenerate with `swift run speckit rules --format markdown --output docs/rules.md`
/// (or run the tests with SPECKIT_RECORD=1).
@Suite("Rule reference")
struct RuleReferenceTests {
    static let path = FixturePaths.repositoryRoot.appendingPathComponent("docs/rules.md")

    @Test("docs/rules.md is what `speckit rules --format markdown` prints")
    func upToDate() throws {
        let generated = RuleCatalogue.markdown()
        if ProcessInfo.processInfo.environment["SPECKIT_RECORD"] == "1" {
            try Data(generated.utf8).write(to: Self.path, options: .atomic)
        }
        let committed = try String(contentsOf: Self.path, encoding: .utf8)
        #expect(committed == generated, "docs/rules.md is stale: run `swift run speckit rules --format markdown --output docs/rules.md`")
    }

    @Test("the reference names every rule with its default severity")
    func everyRule() {
        let markdown = RuleCatalogue.markdown()
        for rule in RuleRegistry.descriptions {
            #expect(
                markdown.contains(
                    "| [`\(rule.id.rawValue)`](#\(rule.id.rawValue.replacingOccurrences(of: ".", with: ""))) | \(rule.defaultSeverity.rawValue)\(rule.optIn ? ", opt-in" : "") |"
                ))
            #expect(markdown.contains("\n## \(rule.id.rawValue)\n"))
        }
        let text = RuleCatalogue.text()
        #expect(text.split(separator: "\n").count == RuleRegistry.descriptions.count)
    }

    @Test("the reference states the severity policy, and every rule's rationale says why it has its severity")
    func severityPolicy() {
        #expect(RuleCatalogue.markdown().contains("\n## Severity policy\n"))
        for rule in RuleRegistry.descriptions {
            let word = rule.defaultSeverity.rawValue.prefix(1).uppercased() + rule.defaultSeverity.rawValue.dropFirst()
            #expect(rule.rationale.contains("\n\n\(word): "), "\(rule.id.rawValue)'s rationale does not say why it is \(word.lowercased())")
        }
    }

    @Test("errors only where the structure makes a finding certain (docs/rules.md, Severity policy)")
    func errorRules() {
        let errors = Set(RuleRegistry.descriptions.filter { $0.defaultSeverity == .error }.map(\.id))
        #expect(
            errors == [
                .duplicateID, .unknownDependency, .selfDependency, .dependencyCycle, .phaseContradiction,
                .conflictingStatements, .claimMismatch, .unknownRequirement, .yamlSyntax, .yamlDuplicateKey,
                .unreadable, .regression,
            ])
    }
}
