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
                    "| [`\(rule.id.rawValue)`](#\(rule.id.rawValue.replacingOccurrences(of: ".", with: ""))) | \(rule.defaultSeverity.rawValue) |"
                ))
            #expect(markdown.contains("\n## \(rule.id.rawValue)\n"))
        }
        let text = RuleCatalogue.text()
        #expect(text.split(separator: "\n").count == RuleRegistry.descriptions.count)
    }
}
