import Foundation
import Testing

@testable import SpeckitCore

@Suite("Parameter schemas of the run templates")
struct ParamsSchemaTests {
    static func problems(_ template: String, _ json: String) throws -> [String] {
        try RunTemplates.named(template).schema().problems(in: OrderedJSON.parse(json, source: "params.json")).map(\.description)
    }

    @Test("every shipped schema is read, and only uses keywords the checker understands")
    func shippedSchemasLoad() throws {
        #expect(RunTemplates.all.map(\.name) == ["generate_spec_kit", "validate_spec_kit"])
        for template in RunTemplates.all {
            let schema = try template.schema()
            #expect(!schema.propertyNames.isEmpty, "\(template.name)")
        }
        #expect(
            try RunTemplates.named("generate_spec_kit").schema().propertyNames == ["name", "description", "goals", "phases", "principles"])
    }

    @Test("good parameters have no problems")
    func goodParameters() throws {
        #expect(
            try Self.problems(
                "generate_spec_kit", #"{"name": "Ops Control Room", "goals": ["Claim runs"], "description": "Line one\nline two"}"#
            ).isEmpty)
        #expect(
            try Self.problems(
                "validate_spec_kit", #"{"path": "kit.zip", "profile": "auto", "strict": true, "formats": ["sarif", "junit"]}"#
            ).isEmpty)
    }

    @Test("a missing name, a wrong type and an unknown field are all reported at once, in the order written")
    func everyProblemAtOnce() throws {
        let problems = try Self.problems("generate_spec_kit", #"{"goals": "one goal", "colour": "red"}"#)
        #expect(
            problems == [
                "$.name: is required and missing",
                "$.goals: expected an array, got a string",
                "$.colour: unknown parameter (expected name, description, goals, phases, principles)",
            ])
    }

    @Test("enums, lengths, item counts, duplicates, patterns and nested item types")
    func eachKeyword() throws {
        #expect(
            try Self.problems(
                "validate_spec_kit", #"{"path": "", "profile": "spec", "strict": "yes", "formats": ["sarif", "sarif", "pdf", 3, "junit"]}"#)
                == [
                    "$.path: must not be empty",
                    #"$.path: must match the pattern "^[^/]" (A kit folder, a plan file, a tree of kits, or a .zip/.tar.gz kit archive, inside the step's working folder (relative, without '..').)"#,
                    #"$.profile: "spec" is not one of "auto", "speckit", "github-spec-kit", "kiro", "openspec", "freeform""#,
                    "$.strict: expected a boolean, got a string",
                    "$.formats: has 5 items; expected at most 4",
                    #"$.formats[1]: "sarif" is listed twice"#,
                    #"$.formats[2]: "pdf" is not one of "markdown", "junit", "sarif", "gitlab""#,
                    "$.formats[3]: expected a string, got a number",
                ])
        let long = String(repeating: "x", count: 101)
        #expect(
            try Self.problems("generate_spec_kit", #"{"name": "\#(long)", "phases": ["ok", "two\nlines"]}"#) == [
                "$.name: is 101 characters long; expected at most 100",
                "$.phases[1]: must not contain a line break, another control character or a text-direction control",
            ])
        #expect(
            try Self.problems("generate_spec_kit", #"{"name": "../.."}"#) == [
                #"$.name: must not contain a /, a \, a control character or a text-direction control"#
            ])
        #expect(try Self.problems("generate_spec_kit", #"[1, 2]"#) == ["$: expected an object, got an array"])
        #expect(
            try Self.problems("generate_spec_kit", #"{"name": "x", "a b": 1}"#) == [
                #"$["a b"]: unknown parameter (expected name, description, goals, phases, principles)"#
            ])
        // A value shown in a message is JSON-quoted, so a line break in it cannot break the message's line.
        #expect(
            try Self.problems("validate_spec_kit", #"{"path": "k", "profile": "a\nb"}"#).first?.hasPrefix(
                #"$.profile: "a\nb" is not one of"#) == true)
    }

    @Test(
        "a line break at the end is refused as one anywhere else is (ECMA-262 and Python agree; ICU's $ alone would not)",
        arguments: [
            #""Ops\n""#, #""Ops\r\n""#, #""Ops\r""#, #""Ops\u000b""#, #""Ops\u007f""#, #""Ops\u0085""#, #""O\u2028ps""#, #""Ops\u2029""#,
            // Text-direction controls (a right-to-left override makes a name read otherwise than it is stored).
            #""O\u202Eps""#, #""\u2066Ops\u2069""#,
        ])
    func trailingLineBreaks(name: String) throws {
        #expect(
            try Self.problems("generate_spec_kit", #"{"name": \#(name)}"#) == [
                "$.name: must not contain a /, a \\, a control character or a text-direction control"
            ])
        #expect(
            try Self.problems("generate_spec_kit", #"{"name": "Ops", "goals": [\#(name)]}"#) == [
                "$.goals[0]: must not contain a line break, another control character or a text-direction control"
            ])
    }

    @Test("a validate path must stay inside the working folder", arguments: ["/etc", "../up", "a/../../b", "kit/..", #"a\u0000b"#])
    func pathsOutside(path: String) throws {
        let problems = try Self.problems("validate_spec_kit", #"{"path": "\#(path)"}"#)
        #expect(problems.count == 1 && problems[0].hasPrefix("$.path: must"), "\(problems)")
        #expect(try Self.problems("validate_spec_kit", #"{"path": "spec/..kit/a..b"}"#).isEmpty)
    }

    @Test("a flood of problems is cut at the first 50, with a count of the rest")
    func manyProblems() throws {
        let formats = (0..<300).map(String.init).joined(separator: ", ")
        let problems = try Self.problems("validate_spec_kit", #"{"path": "k", "formats": [\#(formats)]}"#)
        #expect(problems.count == ParamsSchema.maxProblems + 1)
        #expect(problems.last == "$: and 251 more problems")
    }

    @Test("a schema with a keyword the checker does not understand is refused, not half-checked")
    func unsupportedKeyword() {
        #expect(throws: SpeckitError.self) {
            try ParamsSchema(text: #"{"type": "object", "properties": {"a": {"type": "string", "format": "email"}}}"#, source: "s.json")
        }
        #expect(throws: SpeckitError.self) { try ParamsSchema(text: #"{"type": "whatever"}"#, source: "s.json") }
        #expect(throws: SpeckitError.self) { try ParamsSchema(text: #"{"pattern": "(["}"#, source: "s.json") }
    }
}
