/// `suppression.unused`: a `speckit-disable` comment that suppresses nothing. Its findings come from the
/// validator's suppression pass (`Suppressions`), which runs after every other rule; `check` has nothing to do.
struct UnusedSuppressionRule: Rule {
    static let description = RuleDescription(
        id: .unusedSuppression,
        title: "Suppression that suppresses nothing",
        severity: .note,
        rationale: """
            A plan can silence a finding where it stands: `<!-- speckit-disable-next-line RULE -->` for the next \
            line, `<!-- speckit-disable RULE -->` … `<!-- speckit-enable -->` for a stretch, \
            `<!-- speckit-disable-file RULE -->` for the file, and `# speckit-disable-next-line RULE` (and the \
            others) in YAML. RULE is a rule id or a glob (`status.*`); none means every rule. Once the finding is \
            fixed, or the rule renamed, the comment hides nothing and only says something false about the plan: \
            it is reported so that suppressions do not rot. Comments in code blocks are examples, not directives.

            Note: the comment is certainly unused, but it harms nothing.
            """,
        triggering: [
            RuleExample(
                "# Tasks\n\n↓<!-- speckit-disable-next-line tasks.unknown-dependency -->\n- [ ] T1 Write the schema\n",
                messages: ["speckit-disable-next-line tasks.unknown-dependency suppresses nothing"]),
            RuleExample(
                "tasks:\n  ↓# speckit-disable-next-line yaml.invalid-field\n  - id: T1\n    title: Schema\n", path: "tasks.yaml",
                messages: ["speckit-disable-next-line yaml.invalid-field suppresses nothing"]),
        ],
        nonTriggering: [
            RuleExample(
                "# Tasks\n\n- [ ] T1 Write the schema\n<!-- speckit-disable-next-line tasks.unknown-dependency -->\n"
                    + "- [ ] T2 Write the API (depends on T9)\n"),
            RuleExample(
                "# Plan\n\n<!-- speckit-disable content.* -->\nOwner: TBD\n<!-- speckit-enable -->\n\n```markdown\n"
                    + "<!-- speckit-disable-file status.claim-mismatch -->\n```\n"),
        ]
    )

    func check(_ context: RuleContext) {}
}
