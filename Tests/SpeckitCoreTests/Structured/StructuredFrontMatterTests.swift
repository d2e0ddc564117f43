import Testing

@testable import SpeckitCore

@Suite("Structured front matter")
struct StructuredFrontMatterTests {
    /// The lines between the opening and closing `---` of a Markdown fixture, and the line before them.
    private func cut(_ name: String) throws -> (yaml: String, lineOffset: Int) {
        let lines = try StructuredFixtures.source(name).text.split(separator: "\n", omittingEmptySubsequences: false)
        let close = try #require(lines.dropFirst().firstIndex(of: "---"))
        return (lines[1..<close].joined(separator: "\n"), 1)
    }

    @Test("front matter becomes ordered JSON with typed scalars")
    func typed() throws {
        let (yaml, offset) = try cut("front-matter.md")
        let value = try StructuredPlanParser.frontMatter(yaml, file: "front-matter.md", lineOffset: offset)
        #expect(
            value
                == .object([
                    .init("title", .string("Checkout redesign")),
                    .init("status", .string("draft")),
                    .init("version", .number(2)),
                    .init("reviewed", .bool(true)),
                    .init("owners", .array([.string("alice"), .string("bob")])),
                    .init("empty", .null),
                ]))
    }

    @Test("an error names the line in the Markdown file")
    func errorLine() throws {
        let (yaml, offset) = try cut("front-matter-broken.md")
        #expect(
            throws: SpeckitError.yamlSyntax(
                file: "front-matter-broken.md", line: 4, column: 7,
                problem: "did not find expected ',' or ']' (while parsing a flow sequence at line 3)")
        ) {
            try StructuredPlanParser.frontMatter(yaml, file: "front-matter-broken.md", lineOffset: offset)
        }
    }

    @Test("YAML words stay strings; quoted numbers stay strings")
    func coreSchema() throws {
        let value = try StructuredPlanParser.frontMatter("a: yes\nb: \"3\"\nc: 1.2.3\nd: -4e2\ne: ~\n", file: "x.md", lineOffset: 1)
        #expect(
            value
                == .object([
                    .init("a", .string("yes")), .init("b", .string("3")), .init("c", .string("1.2.3")),
                    .init("d", .number(-400)), .init("e", .null),
                ]))
    }

    @Test("front matter with only a comment is null")
    func empty() throws {
        #expect(try StructuredPlanParser.frontMatter("# nothing here\n", file: "x.md", lineOffset: 1) == .null)
    }
}
