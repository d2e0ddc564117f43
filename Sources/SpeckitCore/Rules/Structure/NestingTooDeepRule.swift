/// `structure.nesting-too-deep`: task lists nested deeper than speckit follows.
struct NestingTooDeepRule: Rule {
    static let description = RuleDescription(
        id: .nestingTooDeep,
        title: "Task list nested too deeply",
        severity: .warning,
        rationale: """
            Tasks are followed 32 levels deep; anything below is kept as part of the item above it. A plan nested \
            that deeply is almost always generated or pasted by mistake.

            Warning: what lies below the limit is certainly not read as tasks, which matters for the counts; the \
            plan itself may be fine.
            """,
        triggering: [
            RuleExample(
                "# Tasks\n\n" + (0..<34).map(nestedTask).joined(),
                messages: ["tasks nest more than 32 levels deep"])
        ],
        nonTriggering: [
            RuleExample("# Tasks\n\n- [ ] T1 Parent\n  - [ ] T1.1 Child\n    - [ ] T1.1.1 Grandchild\n")
        ]
    )

    func check(_ context: RuleContext) {
        context.reportNotes(.nestingTooDeep)
    }
}

/// Task `index` of the nesting example, indented `index` levels; the first one past the limit is marked.
private func nestedTask(_ index: Int) -> String {
    String(repeating: "  ", count: index) + (index == 32 ? "↓" : "") + "- [ ] T\(index) level \(index)\n"
}
