/// `structure.paragraph-too-long`: a paragraph too long to read safely, left unread.
struct ParagraphTooLongRule: Rule {
    static let description = RuleDescription(
        id: .paragraphTooLong,
        title: "Paragraph too long to read",
        severity: .warning,
        rationale: """
        A paragraph (a block of text, or one list item with its continuation lines) longer than 32 KiB is not \
        read: cmark-gfm's inline parser slows down quadratically on such text, so one pasted log or generated \
        blob could stall a CI job for hours. Its lines are kept empty and everything around it is read as usual; \
        a task inside it is not seen. No real plan has paragraphs this long; split it.
        """,
        triggering: [
            RuleExample("# Tasks\n\n- [ ] T1 Real task\n\n" + String(repeating: "**bold** _em_ [link](x) ", count: 1500) + "\n"),
        ],
        nonTriggering: [
            RuleExample("# Tasks\n\n" + (1...2000).map { "- [ ] T\($0) A task with **bold** and [a link](x)\n" }.joined()),
            RuleExample("# Notes\n\n```\n" + String(repeating: "a log line **not** parsed\n", count: 2000) + "```\n"),
        ]
    )

    func check(_ context: RuleContext) {
        context.reportNotes(.paragraphTooLong)
    }
}
