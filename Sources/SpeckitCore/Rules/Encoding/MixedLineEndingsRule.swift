/// `encoding.mixed-line-endings`: CRLF and LF line endings in one file.
struct MixedLineEndingsRule: Rule {
    static let description = RuleDescription(
        id: .mixedLineEndings,
        title: "Mixed line endings",
        severity: .note,
        rationale: """
            A file that mixes CRLF and LF line endings produces noisy diffs and confuses line-based tools. \
            A file that uses CRLF throughout is fine. `speckit fix` makes the endings the file's majority.

            Note: style. speckit reads every line ending alike; only diffs and some editors mind.
            """,
        triggering: [
            RuleExample(
                "↓# Tasks\r\n\r\n- [ ] T1 Write the plan\n- [ ] T2 Review it\r\n", messages: ["line endings are mixed (LF and CRLF/CR)"])
        ],
        nonTriggering: [
            RuleExample("# Tasks\r\n\r\n- [ ] T1 Write the plan\r\n- [ ] T2 Review it\r\n"),
            RuleExample("# Tasks\n\n- [ ] T1 Write the plan\n"),
        ]
    )

    func check(_ context: RuleContext) {
        context.reportNotes(.mixedLineEndings, fix: "run `speckit fix` to use one line ending throughout")
    }
}
