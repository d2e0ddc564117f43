/// `structure.heading-skip`: a heading more than one level below the heading it sits under.
struct HeadingSkipRule: Rule {
    static let description = RuleDescription(
        id: .headingSkip,
        title: "Heading level skipped",
        severity: .note,
        rationale: """
            A `####` directly under a `##` leaves the outline with a hole: tools that build a table of contents, \
            and speckit's own phase detection, read the skipped level as missing structure.

            Note: style, a Markdown-lint matter. Only a skip that breaks the document's own pattern is reported: a \
            document that goes from `#` to `###` throughout has a style, not a mistake. \
            Opt-in: heading levels are a Markdown-lint matter, and on real plans every skip judged was a style \
            or an HTML block that hid a heading, so it runs only when `.speckit.yml` turns it on.
            """,
        triggering: [
            RuleExample(
                "# Plan\n\n## Phase 1\n\n↓#### Task 1\n\n- [ ] T1 Build\n\n## Phase 2\n\n### Task 2\n\n- [ ] T2 Ship\n",
                path: "plan.md", messages: ["heading level 4 'Task 1' sits directly under"])
        ],
        nonTriggering: [
            RuleExample("# Plan\n\n## Phase 1\n\n### Task 1\n\n- [ ] T1 Build\n\n## Phase 2\n", path: "plan.md"),
            // One consistent style: `#` then `###` throughout, `##` never used. A house style, not a hole.
            RuleExample("# Plan\n\n### Phase 1\n\n- [ ] T1 Build\n\n### Phase 2\n\n- [ ] T2 Ship\n", path: "plan.md"),
        ],
        optIn: true
    )

    func check(_ context: RuleContext) {
        for document in context.kit.documents where document.format == .markdown {
            // Levels the document uses anywhere: a skip over a level it never uses is its style, not a hole.
            var used = Set<Int>()
            var pending = document.sections
            while let section = pending.popLast() {
                used.insert(section.level)
                pending += section.children
            }
            var stack: [(parent: Section?, children: [Section])] = [(nil, document.sections)]
            while let (parent, children) = stack.popLast() {
                for child in children {
                    if let parent, child.level > parent.level + 1, used.contains(parent.level + 1) {
                        context.report(
                            "heading level \(child.level) '\(child.title)' sits directly under level \(parent.level) '\(parent.title)'",
                            at: child.range,
                            fix: "make it a level \(parent.level + 1) heading")
                    }
                    stack.append((child, child.children))
                }
            }
        }
    }
}
