/// `encoding.mojibake`: UTF-8 text that was decoded as Windows-1252 or Mac Roman and saved again.
struct MojibakeRule: Rule {
    static let description = RuleDescription(
        id: .mojibake,
        title: "Text was mis-decoded (mojibake)",
        severity: .warning,
        rationale: """
            UTF-8 text that was once decoded as Windows-1252 or Mac Roman and saved again shows `âœ…` or `‚úÖ` \
            where ✅ was meant. speckit repairs it before reading statuses; `speckit fix` repairs the file.

            Warning: a sound heuristic. The repair is checked against the encodings' tables, but a rare legitimate \
            character pair can look the same.
            """,
        triggering: [
            RuleExample(
                "# Plan\n\n## T1 — Setup ↓âœ… COMPLETE\n\n- [x] T1.1 Create the repo\n",
                messages: ["text is UTF-8 that was decoded as Windows-1252"]),
            RuleExample(
                "# Plan\n\n## T1 — Setup ↓‚úÖ COMPLETE\n\n- [x] T1.1 Create the repo\n",
                messages: ["text is UTF-8 that was decoded as Mac Roman and"]),
        ],
        nonTriggering: [
            RuleExample("# Plan\n\n## T1 — Setup ✅ COMPLETE\n\n- [x] T1.1 Create the repo\n"),
            RuleExample("# Plan\n\nQuote the bytes `âœ…` in code to show what mojibake looks like.\n"),
        ]
    )

    func check(_ context: RuleContext) {
        context.reportNotes(.mojibake, fix: "run `speckit fix` to repair the file")
    }
}
