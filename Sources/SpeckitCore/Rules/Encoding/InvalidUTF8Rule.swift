/// `encoding.invalid-utf8`: bytes that are not UTF-8 (replaced by U+FFFD when read).
struct InvalidUTF8Rule: Rule {
    static let description = RuleDescription(
        id: .invalidUTF8,
        title: "Bytes that are not UTF-8",
        severity: .warning,
        rationale: """
            Invalid byte sequences are replaced by U+FFFD when the file is read, so the text around them may not \
            say what its author wrote. Re-save the file as UTF-8.

            Warning: the bytes are certainly not UTF-8, but only the characters they stand for are lost; the plan is \
            still read.
            """,
        triggering: [
            RuleExample(bytes: Array("# Tasks\n\n↓- [ ] T1 Caf".utf8) + [0xE9] + Array(" menu\n".utf8), messages: ["are not valid UTF-8"])
        ],
        nonTriggering: [
            RuleExample("# Tasks\n\n- [ ] T1 Café menu\n")
        ]
    )

    func check(_ context: RuleContext) {
        context.reportNotes(.invalidUTF8, fix: "re-save the file as UTF-8")
    }
}
