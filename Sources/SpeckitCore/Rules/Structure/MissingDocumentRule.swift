/// `structure.missing-document`: a kit without one of the documents its profile is made of.
struct MissingDocumentRule: Rule {
    static let description = RuleDescription(
        id: .missingDocument,
        title: "Kit is missing a document",
        severity: .warning,
        rationale: """
            Each profile's kit is a set of documents that refer to each other: speckit needs constitution, prd, \
            plan and tasks; a GitHub Spec Kit feature needs spec, plan and tasks; Kiro needs requirements, design \
            and tasks; an OpenSpec change needs proposal and tasks. A missing one usually means a step was skipped.

            Warning: a sound heuristic. The kit's layout expects the document, but a kit in progress may not have \
            written it yet. \
            Opt-in: a kit at an early stage (a spec before its plan) is normal work, not a defect, so it runs \
            only when `.speckit.yml` turns it on.
            """,
        triggering: [
            RuleExample(
                files: [
                    ("specs/001-login/spec.md", "# Feature: Login\n"),
                    ("specs/001-login/plan.md", "↓# Plan: Login\n"),
                ], messages: ["github-spec-kit kit '001-login' has no tasks.md"]),
            RuleExample(
                files: [
                    (".kiro/specs/search/requirements.md", "↓# Requirements\n"),
                    (".kiro/specs/search/tasks.md", "# Tasks\n\n- [ ] 1. Build the index\n"),
                ], messages: ["kiro kit 'search' has no design.md (expected"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                ("openspec/changes/add-search/proposal.md", "# Add search\n"),
                ("openspec/changes/add-search/tasks.md", "## 1. Build\n\n- [ ] 1.1 Index\n"),
            ]),
            RuleExample("# Tasks\n\n- [ ] T1 A loose plan file needs no companions\n"),
        ],
        optIn: true
    )

    func check(_ context: RuleContext) {
        let kit = context.kit
        // A file that is there counts, even when it could not be read or held no plan (an empty tasks.md).
        let there = kit.documents.map(\.path) + context.failures.map(\.path) + context.skipped
        let present = Set(there.map(Self.fileName))
        let anchor = kit.documents.first?.path ?? context.failures.first?.path ?? kit.root
        for required in context.expectedDocuments {
            let names = required.split(separator: "|").map(String.init)
            guard present.isDisjoint(with: names) else { continue }
            let all = context.expectedDocuments.map { $0.split(separator: "|").first.map(String.init) ?? $0 }
            context.report(
                "\(kit.profile.rawValue) kit '\(kit.name)' has no \(names[0]) (expected \(all.joined(separator: ", ")) in \(kit.root))",
                at: SourceRange(file: anchor, line: 1, column: 1),
                fix: "add \(kit.root)/\(names[0])")
        }
    }

    static func fileName(_ path: String) -> String {
        (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
    }
}
