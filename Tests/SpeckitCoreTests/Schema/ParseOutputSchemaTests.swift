import Foundation
import Testing

@testable import SpeckitCore

/// What the parser really prints, for every seed and fixture, matches spec/schema/parse.schema.json.
@Suite("Parse output against the schema")
struct ParseOutputSchemaTests {
    static let inputs: [String] = [
        FixturePaths.seed("000_"), FixturePaths.seed("001_"), FixturePaths.seed("003_"),
        FixturePaths.seed("004_"), FixturePaths.seed("from-002"),
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
