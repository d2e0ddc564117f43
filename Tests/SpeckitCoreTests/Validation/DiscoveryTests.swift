import Testing

@testable import SpeckitCore

/// Kit discovery by layout, and the globs of the configuration.
@Suite("Kit discovery")
struct DiscoveryTests {
    @Test("every profile's layout becomes its own kits; loose files only when named like plans; templates left out")
    func layouts() {
        let files = [
            "spec/speckit/constitution.md", "spec/speckit/prd.md", "spec/speckit/plan.md", "spec/speckit/tasks.md",
            ".specify/memory/constitution.md", ".specify/templates/spec-template.md",
            "specs/001-login/spec.md", "specs/001-login/plan.md", "specs/001-login/tasks.md",
            "specs/001-login/checklists/ux.md", "specs/001-login/contracts/api.yaml", "specs/001-login/data-model.md",
            "specs/002-search/spec.md",
            ".kiro/specs/search/requirements.md", ".kiro/specs/search/design.md", ".kiro/specs/search/tasks.md",
            ".kiro/steering/product.md",
            "openspec/changes/add-search/proposal.md", "openspec/changes/add-search/tasks.md",
            "openspec/changes/archive/2025-01-01-old/proposal.md", "openspec/specs/auth/spec.md", "openspec/project.md",
            ".taskmaster/tasks/tasks.json", ".taskmaster/reports/task-complexity-report.json",
            "docs/ROADMAP.md", "docs/architecture.md", "README.md", "CHANGELOG.md", "sprint-tasks.yaml",
        ]
        let set = KitLoader().discover(memory: Dictionary(uniqueKeysWithValues: files.map { ($0, [UInt8]()) }))
        let summary = set.kits.map { "\($0.profile.rawValue) \($0.root) \($0.files.count)\($0.archived ? " archived" : "")" }
        #expect(
            summary == [
                "freeform . 1",
                "kiro .kiro/specs/search 3",
                "github-spec-kit .specify/memory 1",
                "taskmaster .taskmaster 1",
                "freeform docs 1",
                "openspec openspec/changes/add-search 2",
                "openspec openspec/changes/archive/2025-01-01-old 1 archived",
                "openspec openspec/specs 1",
                "speckit spec/speckit 4",
                "github-spec-kit specs/001-login 5",
                "github-spec-kit specs/002-search 1",
            ])
        let feature = set.kits.first { $0.root == "specs/001-login" }
        #expect(feature?.files.contains("specs/001-login/checklists/ux.md") == true)
        #expect(feature?.references == ["specs/001-login/data-model.md"])
        #expect(set.kits.first { $0.root == "." }?.name == "sprint-tasks.yaml")
        #expect(set.skipped == [SkippedFile(path: ".specify/templates/spec-template.md", reason: .template, detail: "a templates/ folder")])
    }

    @Test("plans in test-data folders (a tool's samples, broken on purpose) are left out of a walk and counted")
    func testData() {
        let files = [
            "specs/001-a/spec.md", "specs/001-a/tasks.md", "tests/roadmap.yml", "Tests/Fixtures/kiro/tasks.md",
            "src/__fixtures__/plan.md", "pkg/testdata/tasks.md", "docs/testing.md", "contest/tasks.md",
            // Below a layout's folder the name is a kit's: a Kiro spec called `tests` is a spec.
            ".kiro/specs/tests/tasks.md",
        ]
        let set = KitLoader().discover(memory: Dictionary(uniqueKeysWithValues: files.map { ($0, [UInt8]()) }))
        #expect(set.kits.map(\.root) == [".kiro/specs/tests", "contest", "specs/001-a"])
        #expect(
            set.skipped.sorted { $0.path < $1.path } == [
                SkippedFile(path: "Tests/Fixtures/kiro/tasks.md", reason: .testData, detail: "a Tests/ folder of test data"),
                SkippedFile(path: "pkg/testdata/tasks.md", reason: .testData, detail: "a testdata/ folder of test data"),
                SkippedFile(path: "src/__fixtures__/plan.md", reason: .testData, detail: "a __fixtures__/ folder of test data"),
                SkippedFile(path: "tests/roadmap.yml", reason: .testData, detail: "a tests/ folder of test data"),
            ])
        #expect(SkippedFile.summary(set.skipped) == "skipped 4 files of test data")
    }

    @Test("a forced profile makes every folder a kit of that profile")
    func forcedProfile() {
        var settings = ValidationSettings()
        settings.profile = .kiro
        let set = KitLoader(settings: settings).discover(memory: [
            "plans/a/requirements.md": [], "plans/a/tasks.md": [], "plans/b/tasks.md": [],
        ])
        #expect(set.kits.map { "\($0.profile.rawValue) \($0.root) \($0.files.count)" } == ["kiro plans/a 2", "kiro plans/b 1"])
    }

    @Test(
        "globs",
        arguments: [
            ("Tests/Fixtures/**", "Tests/Fixtures/markdown/a.md", true),
            ("Tests/Fixtures/**", "Tests/Fixtures", true),
            ("Tests/Fixtures/**", "Tests/Other/a.md", false),
            ("*.draft.md", "docs/plan.draft.md", true),
            ("*.draft.md", "docs/plan.md", false),
            ("node_modules", "web/node_modules", true),
            ("docs/*.md", "docs/plan.md", true),
            ("docs/*.md", "docs/sub/plan.md", false),
            ("docs/**/plan.md", "docs/a/b/plan.md", true),
            ("docs/**/plan.md", "docs/plan.md", true),
            ("./spec/?/tasks.md", "spec/a/tasks.md", true),
            ("spec/**", "./spec/x/tasks.md", true),
            ("**/**/plan.md", "plan.md", true),
            ("a/**/b/**", "a/b", true),
            ("a/**/b", "a/x/y/b", true),
            ("a/**/b", "a/x/y/c", false),
            ("**/x/**/y", "x/q/x/y", true),
            ("**/x/**/y", "y/x", false),
        ])
    func globs(pattern: String, path: String, matches: Bool) {
        #expect(Glob(pattern).matches(path) == matches)
    }

    @Test("paths are matched relative to the configuration's folder")
    func relativeToConfig() {
        let filter = PathFilter(exclude: ["fixtures/**"], root: "/repo")
        #expect(filter.relative("/repo/fixtures/a.md") == "fixtures/a.md")
        #expect(!filter.keeps(file: "/repo/fixtures/a.md"))
        #expect(filter.keeps(file: "/repo/spec/a.md"))
        #expect(filter.excludes(folder: "/repo/fixtures"))
    }
}
