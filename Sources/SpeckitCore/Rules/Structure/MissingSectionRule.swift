import Foundation

/// `structure.missing-section`: a document without a section its kind requires.
struct MissingSectionRule: Rule {
    static let description = RuleDescription(
        id: .missingSection,
        title: "Document is missing a required section",
        severity: .warning,
        rationale: """
            Each document kind has sections readers rely on (a spec's requirements and success criteria, a \
            constitution's principles). The defaults follow each profile's templates; `requiredSections` in \
            .speckit.yml sets them per document kind. A heading matches when its title contains the required name \
            or, for the template sections, its name in any built-in language (`## 要件`, `## Criterios de éxito`) \
            or one `words:` in .speckit.yml adds.

            Warning: a sound heuristic. The section names are the templates' own, but a team may write the same \
            content under another heading. \
            Opt-in: on real plans the sections were nearly always there under another name, so it runs only \
            when `.speckit.yml` turns it on or names `requiredSections`.
            """,
        triggering: [
            RuleExample(
                files: [
                    ("specs/001-login/spec.md", "↓↓# Feature: Login\n\n## Requirements\n\n- FR-001: log in\n"),
                    ("specs/001-login/plan.md", "# Plan\n\n## Summary\n\n## Technical Context\n"),
                    ("specs/001-login/tasks.md", "# Tasks\n\n- [ ] T001 Build (FR-001)\n"),
                ], messages: ["prd document has no 'Success Criteria' section", "prd document has no 'User Scenarios' section"]),
            RuleExample(
                "↓# Roadmap\n\n## Phase 1\n\n- [ ] T1 Build\n", path: "plan.md",
                config: "requiredSections:\n  plan: [Risks]\n", messages: ["plan document has no 'Risks' section"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                (
                    "specs/001-login/spec.md",
                    "# 機能仕様: ログイン\n\n## ユーザーシナリオとテスト\n\n## 要件\n\n- FR-001: ログイン\n\n## 成功基準\n"
                ),
                ("specs/001-login/plan.md", "# 実装計画\n\n## サマリー\n\n## 技術コンテキスト\n"),
                ("specs/001-login/tasks.md", "# タスク\n\n- [ ] T001 作る (FR-001)\n"),
            ]),
            RuleExample(files: [
                ("openspec/changes/add-search/proposal.md", "# Add search\n\n## Why\n\nSpeed.\n\n## What Changes\n\n- Index\n"),
                ("openspec/changes/add-search/tasks.md", "## 1. Build\n\n- [ ] 1.1 Index\n"),
            ]),
            RuleExample(
                "# Roadmap\n\n## Phase 1\n\n- [ ] T1 Build\n\n## Risks *(mandatory)*\n\nNone.\n", path: "plan.md",
                config: "requiredSections:\n  plan: [Risks]\n"),
        ],
        optIn: true
    )

    func check(_ context: RuleContext) {
        let profile = context.kit.profile
        for document in context.kit.documents where document.format == .markdown {
            let name = document.path.split(separator: "/").last.map(String.init) ?? document.path
            let required =
                context.settings.requiredSections[document.kind]
                ?? KitLayouts.layout(for: profile).defaultSections(fileName: name.lowercased())
            guard !required.isEmpty else { continue }
            let titles = Self.titles(document.sections).map(Self.fold)
            let words = context.settings.vocabulary.concepts
            for section in required
            where !Self.names(of: section, words: words).contains(where: { name in
                titles.contains { $0.contains(name) }
            }) {
                context.report(
                    "\(document.kind.rawValue) document has no '\(section)' section",
                    at: SourceRange(file: document.path, line: 1, column: 1),
                    fix: "add a '## \(section)' section")
            }
        }
    }

    static func titles(_ sections: [Section]) -> [String] {
        var out: [String] = []
        var stack = sections
        while let section = stack.popLast() {
            out.append(section.title)
            stack += section.children
        }
        return out
    }

    /// The folded names a required section goes by: its own, and for the template sections (Requirements,
    /// Success Criteria, User Scenarios, Summary, Technical Context) the words of every built-in language
    /// (`要件`, `Criterios de éxito`, `成功标准` …) and those `.speckit.yml` adds.
    static func names(of section: String, words: ConceptWords) -> [String] {
        let own = fold(section)
        guard let concept = BuiltInWords.sectionConcepts[own] else { return [own] }
        return [own] + words.words(for: concept).map(fold).filter { !$0.isEmpty }
    }

    /// Lowercased letters and digits only, so `User Scenarios & Testing *(mandatory)*` contains `user scenarios`.
    static func fold(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
