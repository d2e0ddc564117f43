import Foundation
import Testing

/// The corners of finding kits that review and testing turned up: a named file's context never brings other
/// kits in, archives never reach the disk around them, rules read paths as spelt from the current folder.
@Suite("Discovery edge cases (end to end)")
struct DiscoveryEdgeTests {
    @Test("a flat .kiro/specs/tasks.md named beside nested specs is its own kit: the nested specs are not reported")
    func flatIndexNamed() throws {
        let folder = try FixtureRepos.copy("kiro")
        for command in [["validate"], ["parse"], ["status"]] {
            let json = try FixtureRepos.json(try CLIRunner.run(command + [".kiro/specs/tasks.md", "--format", "json"], in: folder))
            #expect(FixtureRepos.kits(json) == ["kiro .kiro/specs specs"], "\(command)")
        }
        let text = try CLIRunner.run(["validate", ".kiro/specs/tasks.md"], in: folder)
        #expect(text.status == 0 && text.stdout == "0 errors, 0 warnings, 0 notes in 1 file (1 kit, 2 tasks): passed\n", "\(text.stdout)")
    }

    @Test("#16 archived Kiro specs stay one kit each: the same task number in two of them is no conflict")
    func kiroArchiveFolder() throws {
        let spec =
            "# Requirements\n\n## Introduction\n\nX.\n\n## Requirements\n\n### Requirement 1\n\n"
            + "#### Acceptance Criteria\n\n1. WHEN a THEN b SHALL c\n"
        let folder = try CLIRunner.folder([
            ".git/HEAD": "",
            ".kiro/specs/_archived/old-search/requirements.md": spec,
            ".kiro/specs/_archived/old-search/tasks.md": "# Implementation Plan\n\n- [x] 1. Index notes\n  - _Requirements: 1.1_\n",
            ".kiro/specs/_archived/old-export/requirements.md": spec,
            ".kiro/specs/_archived/old-export/tasks.md": "# Implementation Plan\n\n- [ ] 1. Write the file\n  - _Requirements: 1.1_\n",
        ])
        let json = try FixtureRepos.json(try CLIRunner.run(["validate", ".", "--format", "json"], in: folder))
        #expect(
            FixtureRepos.kits(json) == [
                "kiro .kiro/specs/_archived/old-export old-export archived", "kiro .kiro/specs/_archived/old-search old-search archived",
            ])
        #expect(!FixtureRepos.findings(json).contains { $0.contains("status.conflicting-statements") }, "\(FixtureRepos.findings(json))")
    }

    @Test("#16 a tool's test data (a broken roadmap under tests/) is left out of `validate .`, read when its folder or file is named")
    func testDataFolders() throws {
        let broken = "milestones:\n  - id: M1\n    title: Beta\n    state: DONE\n    deliverables:\n      - id: D1\n        state: TODO\n"
        let folder = try CLIRunner.folder([
            ".git/HEAD": "",
            "roadmap.yml":
                "milestones:\n  - id: M1\n    title: Beta\n    state: DONE\n    deliverables:\n      - id: D1\n        state: DONE\n",
            "tests/roadmap.yml": broken,
        ])
        let walked = try CLIRunner.run(["validate", "."], in: folder)
        #expect(walked.status == 0, "\(walked.stdout)")
        #expect(walked.stdout.hasSuffix("passed; skipped 1 file of test data (--verbose lists them)\n"), "\(walked.stdout)")
        let verbose = try CLIRunner.run(["validate", ".", "--verbose"], in: folder)
        #expect(
            verbose.stdout.contains("skipped: tests/roadmap.yml: a tests/ folder of test data (name it, or its folder"), "\(verbose.stdout)"
        )
        for named in ["tests", "tests/roadmap.yml"] {
            let run = try CLIRunner.run(["validate", named], in: folder)
            #expect(run.status == 1 && run.stdout.contains("tests/roadmap.yml:4:12: error: M1 is declared"), "\(named): \(run.stdout)")
        }
    }

    @Test("a named file in a folder that is a kit by the files it holds is read in that kit")
    func namedFileAmongItsSiblings() throws {
        let folder = try CLIRunner.folder([
            ".speckit.yml": "rules:\n  structure.missing-section: warning\n",
            "plans/constitution.md": "# Constitution\n\n## Principles\n\n## Governance\n",
            "plans/plan.md": "# Plan\n\n## Phase 1\n\n- [ ] T1 Build\n",
        ])
        let whole = FixtureRepos.findings(try FixtureRepos.json(try CLIRunner.run(["validate", ".", "--format", "json"], in: folder)))
        let named = try FixtureRepos.json(try CLIRunner.run(["validate", "plans/plan.md", "--format", "json"], in: folder))
        #expect(FixtureRepos.kits(named) == ["speckit plans plans"])
        #expect(FixtureRepos.findings(named) == whole.filter { $0.hasPrefix("plans/plan.md:") })
        #expect(whole.contains { $0.hasPrefix("plans/plan.md:1:1 warning structure.missing-section") })
    }

    @Test("a folder named is walked, hidden or not, but templates stay templates; VS Code's tasks.json is no plan")
    func hiddenFolderNamed() throws {
        let folder = try FixtureRepos.copy("hidden-plans")
        let outcome = try CLIRunner.run(["validate", ".vscode"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("speckit: error: .vscode: no kits found"))
        #expect(outcome.stderr.hasSuffix("; skipped 1 file that is not a plan, see --verbose\n"), "\(outcome.stderr)")
        let templates = try FixtureRepos.copy("spec-kit-project")
        let named = try CLIRunner.run(["validate", "templates"], in: templates)
        #expect(named.status == 2)
        #expect(named.stderr.hasSuffix("; skipped 7 templates, see --verbose\n"), "\(named.stderr)")
    }

    @Test("fix FILE rewrites that file only, never the rest of its kit")
    func fixNamedFile() throws {
        let folder = try FixtureRepos.copy("spec-kit-user")
        let plan = folder.appendingPathComponent("specs/001-photo-albums/plan.md")
        let original = try Data(contentsOf: plan)
        try (Data([0xEF, 0xBB, 0xBF]) + original).write(to: plan)
        let outcome = try CLIRunner.run(["fix", "specs/001-photo-albums/tasks.md"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "fixed 0 of 1 file\n", "\(outcome.stdout)")
        #expect(try Data(contentsOf: plan) == Data([0xEF, 0xBB, 0xBF]) + original)
    }

    @Test("every file skipped: validate writes no report (nothing passed), one line on stderr, exit 2")
    func nothingToReport() throws {
        let folder = try CLIRunner.folder(["compose.tasks.yaml": "services:\n  web:\n    image: nginx\n"])
        for format in ["text", "json", "markdown", "sarif"] {
            let outcome = try CLIRunner.run(["validate", ".", "--format", format], in: folder)
            #expect(outcome.status == 2 && outcome.stdout.isEmpty, "\(format): \(outcome.stdout)")
            #expect(outcome.stderr.hasSuffix("; skipped 1 file that is not a plan, see --verbose\n"))
        }
        let report = folder.appendingPathComponent("report.json")
        #expect(try CLIRunner.run(["validate", ".", "--format", "json", "--output", report.path], in: folder).status == 2)
        #expect(!FileManager.default.fileExists(atPath: report.path))
    }
}
