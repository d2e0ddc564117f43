/// `yaml.syntax`: a YAML plan, JSON tasks file or front matter that cannot be read.
struct YAMLSyntaxRule: Rule {
    static let description = RuleDescription(
        id: .yamlSyntax,
        title: "YAML or JSON that cannot be read",
        severity: .error,
        rationale: """
            A plan file (or a Markdown file's front matter) with a syntax error is not read at all, so none of \
            its tasks are checked. The finding points at the line and column the parser stopped at.

            Error: the parser stops at a certain place, so nothing in the file is checked.
            """,
        triggering: [
            RuleExample(
                "tasks:\n  - id: T1\n    title: [unclosed\n↓", path: "tasks.yaml",
                messages: ["YAML syntax error: did not find expected ',' or"]),
            RuleExample(
                "---\ntitle: [unclosed\n↓---\n# Tasks\n\n- [ ] T1 Write\n", messages: ["YAML syntax error: did not find expected ',' or"]),
            RuleExample("{\"tasks\": [ {\"id\": 1,↓, } ]}", path: "tasks.json", messages: ["JSON syntax error: expected a key in double"]),
        ],
        nonTriggering: [
            RuleExample("tasks:\n  - id: T1\n    title: Write the plan\n    status: done\n", path: "tasks.yaml")
        ]
    )

    func check(_ context: RuleContext) {
        for failure in context.failures {
            switch failure.error {
            case .yamlSyntax(let file, let line, let column, let problem):
                context.report("YAML syntax error: \(problem)", at: SourceRange(file: file, line: max(line ?? 1, 1), column: column ?? 1))
            case .jsonSyntax(let file, let line, let column, let problem):
                context.report("JSON syntax error: \(problem)", at: SourceRange(file: file, line: max(line ?? 1, 1), column: column ?? 1))
            case .yamlTooManyNodes(let file, let limit):
                context.report(SpeckitError.tooManyNodes(limit), at: SourceRange(file: file, line: 1, column: 1))
            case .yamlAliasBomb(let file, let limit):
                context.report(
                    "YAML aliases expand to more than \(limit) nodes; the file was not read (alias bomb?; limits.yamlNodes)",
                    at: SourceRange(file: file, line: 1, column: 1))
            default:
                continue
            }
        }
    }
}
