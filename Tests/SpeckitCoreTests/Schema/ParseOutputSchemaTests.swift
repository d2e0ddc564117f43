import Foundation
import Testing

@testable import SpeckitCore

/// What the parser really prints, for every fixture, matches spec/schema/parse.schema.json.
@Suite("Parse output against the schema")
struct ParseOutputSchemaTests {
    static let inputs: [String] = [
        FixturePaths.fixture("plans/phase-deliverables.md"), FixturePaths.fixture("plans/tasks-mac-roman.md"),
        FixturePaths.fixture("plans/release-plan-windows-1252.md"), FixturePaths.fixture("plans/roadmap.md"),
        FixturePaths.fixture("plans/sync-kit"), FixturePaths.fixture("plans/plan-in-a-diff.txt"),
        FixturePaths.fixture("markdown"), FixturePaths.repositoryRoot.appendingPathComponent("spec").path,
    ]

    @Test("real output validates", arguments: inputs)
    func validates(path: String) throws {
        let validator = try JSONSchemaValidator(contentsOf: ParseSchemaTests.schemaURL)
        let json = try JSONOutput.encode(try Validator(jobs: 1).parse(paths: [path]))
        let errors = try validator.validate(json: Data(json.utf8))
        #expect(errors.isEmpty, "\(errors.prefix(5))")
    }
}
