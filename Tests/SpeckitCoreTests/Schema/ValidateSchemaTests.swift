import Foundation
import Testing

@testable import SpeckitCore

/// `speckit validate --format json` output, for real inputs, matches spec/schema/validate.schema.json, and
/// the schema's enums are exactly the Swift ones.
@Suite("Validate output against the schema")
struct ValidateSchemaTests {
    static let schemaURL = FixturePaths.repositoryRoot.appendingPathComponent("spec/schema/validate.schema.json")
    static let inputs: [String] = [
        FixturePaths.fixture("plans/phase-deliverables.md"), FixturePaths.fixture("plans/tasks-mac-roman.md"),
        FixturePaths.fixture("plans/release-plan-windows-1252.md"), FixturePaths.fixture("plans/roadmap.md"),
        FixturePaths.fixture("plans/sync-kit"), FixturePaths.fixture("plans/plan-in-a-diff.txt"), FixturePaths.fixture("markdown"),
        FixturePaths.fixture("structured"), FixturePaths.repositoryRoot.appendingPathComponent("spec").path,
    ]

    @Test("real output validates", arguments: inputs)
    func validates(path: String) throws {
        let validator = try JSONSchemaValidator(contentsOf: Self.schemaURL)
        #expect(validator.unsupportedKeywords().isEmpty)
        let report = try Validator(jobs: 2).validate(paths: [path])
        let errors = try validator.validate(json: Data(JSONReporter.render(report).utf8))
        #expect(errors.isEmpty, "\(errors.prefix(5))")
    }

    @Test("a finding with an unknown rule id or a missing range is refused")
    func refusesBadFindings() throws {
        let validator = try JSONSchemaValidator(contentsOf: Self.schemaURL)
        let report = try Validator(jobs: 1).validate(paths: [FixturePaths.fixture("plans/tasks-mac-roman.md")])
        let json = try JSONSchemaValidator.parse(Data(JSONReporter.render(report).utf8))
        let badID = try #require(json.replacing(["findings", "0", "ruleId"], with: .string("status.made-up")))
        #expect(validator.validate(badID).contains { $0.hasPrefix("/findings/0/ruleId") })
        let noRange = try #require(json.replacing(["findings", "0", "range"], with: nil))
        #expect(validator.validate(noRange) == ["/findings/0: missing required property \"range\""])
    }

    @Test(
        "the schema's enums list exactly the Swift raw values",
        arguments: [
            ("RuleID", RuleID.allCases.map(\.rawValue)),
            ("Severity", Severity.allCases.map(\.rawValue)),
            ("Profile", Kit.Profile.allCases.map(\.rawValue)),
            ("DocumentKind", Document.Kind.allCases.map(\.rawValue)),
            ("CanonicalStatus", CanonicalStatus.allCases.map(\.rawValue)),
        ])
    func enums(name: String, rawValues: [String]) throws {
        let schema = try JSONSchemaValidator.parse(try Data(contentsOf: Self.schemaURL))
        #expect(schema["$defs"]?[name]?["enum"] == .array(rawValues.map(JSONValue.string)))
    }
}
