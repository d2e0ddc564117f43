import Testing

@testable import SpeckitCore

@Suite("Structured parser errors")
struct StructuredErrorTests {
    @Test("a YAML syntax error names its line and column in one line")
    func yamlSyntax() throws {
        let error = StructuredFixtures.error { try StructuredFixtures.parse("syntax-error.yaml") }
        #expect(
            error
                == .yamlSyntax(
                    file: "syntax-error.yaml", line: 6, column: 20,
                    problem: "mapping values are not allowed in this context"))
        let message = try #require(error?.errorDescription)
        #expect(message == "syntax-error.yaml:6:20: YAML syntax error: mapping values are not allowed in this context")
        #expect(!message.contains("\n"))
    }

    @Test(
        "other YAML problems: control characters, a repeated key, a second document",
        arguments: [
            ("a: 1\nb: \u{7}x\n", 2, 4, "control characters are not allowed"),
            ("tasks: []\nowner: me\ntasks: [x]\n", 3, 1, "duplicate key 'tasks' (first written on line 1)"),
            ("tasks: []\n---\ntasks: []\n", 2, 1, "found a second document (`---`); expected a single YAML document"),
        ])
    func otherYAMLProblems(text: String, line: Int, column: Int, problem: String) {
        let expected: SpeckitError =
            problem.hasPrefix("duplicate key")
            ? .yamlDuplicateKey(file: "inline.yaml", line: line, column: column, problem: problem)
            : .yamlSyntax(file: "inline.yaml", line: line, column: column, problem: problem)
        #expect(StructuredFixtures.error { try StructuredFixtures.parse(text: text) } == expected)
    }

    @Test("a billion-laughs file is refused as an alias bomb, not expanded")
    func billionLaughs() {
        let error = StructuredFixtures.error { try StructuredFixtures.parse("billion-laughs.yaml") }
        #expect(error == .yamlAliasBomb(file: "billion-laughs.yaml", limit: Limits.standard.yamlNodes))
    }

    @Test("an alias bomb used as a mapping key is refused before Yams hashes it")
    func billionLaughsKey() {
        let error = StructuredFixtures.error { try StructuredFixtures.parse("billion-laughs-key.yaml") }
        guard case .yamlSyntax(let file, let line, let column, let problem) = error else {
            Issue.record("expected a YAML syntax error, got \(String(describing: error))")
            return
        }
        #expect(file == "billion-laughs-key.yaml")
        #expect(line == 11)
        #expect(column == 1)
        #expect(problem.contains("alias *lol9 is used as a mapping key"))
    }

    @Test("front matter that is an alias bomb is refused too")
    func frontMatterBomb() throws {
        let yaml = try StructuredFixtures.source("billion-laughs.yaml").text
        #expect(throws: SpeckitError.yamlAliasBomb(file: "doc.md", limit: Limits.standard.yamlNodes)) {
            try StructuredPlanParser.frontMatter(yaml, file: "doc.md", lineOffset: 1)
        }
    }

    @Test(
        "valid YAML that is not a plan is an unrecognised structure",
        arguments: [
            "unrecognised.yaml"
        ])
    func unrecognisedFixture(name: String) {
        let error = StructuredFixtures.error { try StructuredFixtures.parse(name) }
        #expect(error == .unrecognisedStructure(file: name, expected: StructuredPlanParser.expectedShape))
    }

    @Test(
        "a scalar, a comment-only file and a list of lists are not plans",
        arguments: [
            "just a sentence\n", "# only a comment\n", "- [a, b]\n- [c]\n", "42\n",
        ])
    func unrecognisedText(text: String) {
        let error = StructuredFixtures.error { try StructuredFixtures.parse(text: text) }
        #expect(error == .unrecognisedStructure(file: "inline.yaml", expected: StructuredPlanParser.expectedShape))
    }

    @Test("a JSON syntax error names its line")
    func jsonSyntax() {
        let error = StructuredFixtures.error { try StructuredFixtures.parse("broken.json") }
        guard case .jsonSyntax(let file, let line, _, let problem) = error else {
            Issue.record("expected a JSON syntax error, got \(String(describing: error))")
            return
        }
        #expect(file == "broken.json")
        #expect(line == 4)
        #expect(problem == "expected ',' or '}'")
        #expect(error?.errorDescription?.contains("\n") == false)
    }

    @Test("nesting deeper than the limit is refused, written out or built from aliases")
    func deepNesting() {
        let written = String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n"
        #expect(
            StructuredFixtures.error { try StructuredFixtures.parse(text: written) }
                == .yamlSyntax(file: "inline.yaml", line: 1, column: 202, problem: "nesting is deeper than 200 levels (limits.yamlNesting)")
        )

        let libyamlLimit = String(repeating: "[", count: 1500) + String(repeating: "]", count: 1500) + "\n"
        guard
            case .yamlSyntax(_, _, _, let problem) = StructuredFixtures.error({
                try StructuredFixtures.parse(text: libyamlLimit)
            })
        else {
            Issue.record("expected a YAML syntax error for 1,500 levels")
            return
        }
        #expect(problem == "nesting is deeper than 1000 levels")

        // Ten anchors, each nesting the previous one 30 levels down: 300 levels once expanded.
        var chained = "a0: &a0 x\n"
        for level in 1...10 {
            chained +=
                "a\(level): &a\(level) " + String(repeating: "[", count: 30) + "*a\(level - 1)"
                + String(repeating: "]", count: 30) + "\n"
        }
        guard
            case .yamlSyntax(_, _, _, let aliasProblem) = StructuredFixtures.error({
                try StructuredFixtures.parse(text: chained + "tasks: [*a10]\n")
            })
        else {
            Issue.record("expected a YAML syntax error for nesting built from aliases")
            return
        }
        #expect(aliasProblem == "nesting is deeper than 200 levels (limits.yamlNesting)")
    }

    @Test("a YAML error in a .json file that is not JSON either is a JSON error")
    func yamlOnlyErrorInJSON() {
        let error = StructuredFixtures.error {
            try StructuredFixtures.parse(text: "{\"tasks\": [\n  {\"id\": 1,,}\n]}\n", path: "x.json", format: .json)
        }
        guard case .jsonSyntax(_, let line, _, _) = error else {
            Issue.record("expected a JSON syntax error, got \(String(describing: error))")
            return
        }
        #expect(line == 2)
    }
}
