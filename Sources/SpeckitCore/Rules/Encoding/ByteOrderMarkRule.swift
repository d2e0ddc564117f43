/// `encoding.bom`: a UTF-8 byte-order mark at the start of the file.
struct ByteOrderMarkRule: Rule {
    static let description = RuleDescription(
        id: .byteOrderMark,
        title: "File starts with a byte-order mark",
        severity: .note,
        rationale: """
            A UTF-8 byte-order mark is invisible in editors but breaks tools that look at the first bytes \
            (front matter, shebangs, diffs). `speckit fix` drops it.

            Note: style. The mark is dropped and the file is read correctly, so the rule is off unless \
            `.speckit.yml` turns it on (on real plans no one wanted it).
            """,
        triggering: [
            RuleExample(
                bytes: [0xEF, 0xBB, 0xBF] + Array("↓# Tasks\n\n- [ ] T1 Write the plan\n".utf8),
                messages: ["starts with a UTF-8 byte-order mark"])
        ],
        nonTriggering: [
            RuleExample("# Tasks\n\n- [ ] T1 Write the plan\n")
        ],
        optIn: true
    )

    func check(_ context: RuleContext) {
        context.reportNotes(.byteOrderMark, fix: "run `speckit fix` to drop the byte-order mark")
    }
}
