/// `structure.paragraph-too-long`: a paragraph too long to read safely, left unread.
struct ParagraphTooLongRule: Rule {
    static let description = RuleDescription(
        id: .paragraphTooLong,
        title: "Paragraph too long to read",
        severity: .warning,
        rationale: """
            A paragraph (a block of text, or one list item with its continuation lines) longer than \
            `limits.paragraphBytes` (32 KiB unless configured) is not read: cmark-gfm's inline parser slows down \
            quadratically on such text, so one pasted log or generated blob could stall a CI job for hours. Its \
            lines are kept empty and everything around it is read as usual; a task inside it is not seen. No real \
            plan has paragraphs this long; split it. The same goes for a table or paragraph with a line of more than \
            `limits.tableCells` `|` (128 unless configured): cmark-gfm's tables are quadratic in a row's cells. And \
            for a paragraph with more than two lines that look like a table's delimiter row but start no table, or \
            with so many `@` that cmark-gfm's autolinker would rescan and copy more than eight times its length. \
            (The examples set the paragraph limit to 64 bytes.)

            Warning: the paragraph is certainly not read, so tasks or claims in it are not checked; the plan itself \
            may be fine.
            """,
        triggering: [
            RuleExample(
                "# Tasks\n\n- [ ] T1 Real task\n\n↓A pasted blob: **bold** _em_ [link](x) **bold** _em_ [link](x) **bold**\n",
                config: "limits:\n  paragraphBytes: 64\n", messages: ["paragraph of 72 bytes (lines 5–5) is longer"])
        ],
        nonTriggering: [
            RuleExample(
                "# Tasks\n\n- [ ] T1 A task with **bold** and [a link](x)\n- [ ] T2 Another task, also short\n",
                config: "limits:\n  paragraphBytes: 64\n"),
            RuleExample(
                "# Notes\n\n```\na log line **not** parsed, as long as it likes to be: it is code\n```\n",
                config: "limits:\n  paragraphBytes: 64\n"),
        ]
    )

    func check(_ context: RuleContext) {
        context.reportNotes(.paragraphTooLong)
    }
}
