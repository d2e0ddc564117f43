/// `input.unreadable`: a plan file that could not be read at all (empty, binary, not UTF-8, too large,
/// not a plan). The rest of the run goes on.
struct UnreadableFileRule: Rule {
    static let description = RuleDescription(
        id: .unreadable,
        title: "Plan file could not be read",
        severity: .error,
        rationale: """
            A file that is empty, binary, UTF-16, larger than speckit reads, or a YAML/JSON file that holds no \
            plan cannot be checked. It is reported once and every other file is still checked.

            Error: the file certainly cannot be read, so nothing in it is checked.
            """,
        triggering: [
            RuleExample(bytes: Array("↓".utf8) + [0x23, 0x20, 0x00, 0x01, 0x0A], messages: ["binary file (NUL byte at offset 2)"]),
            RuleExample(
                bytes: Array("↓".utf8) + [0xFF, 0xFE, 0x23, 0x00, 0x20, 0x00, 0x54, 0x00, 0x0A, 0x00], messages: ["text is UTF-16"]),
        ],
        nonTriggering: [
            RuleExample("# Tasks\n\n- [ ] T1 Write the plan\n"),
            // Found by walking, an empty file and a YAML file of another kind are no plans: skipped, not findings.
            RuleExample(""),
            RuleExample("services:\n  web:\n    image: nginx\n", path: "tasks.yaml"),
        ]
    )

    func check(_ context: RuleContext) {
        for failure in context.failures {
            switch failure.error {
            case .yamlSyntax, .jsonSyntax, .yamlAliasBomb, .yamlTooManyNodes, .yamlDuplicateKey:
                continue
            default:
                let message = failure.error.errorDescription ?? "cannot read \(failure.path)"
                let prefix = failure.path + ": "
                context.report(
                    message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message,
                    at: SourceRange(file: failure.path, line: 1, column: 1))
            }
        }
    }
}
