import Foundation
import Testing

/// One way from paths to kits, on trees laid out like real repositories (`Tests/Fixtures/repos/`): every
/// command finds the same kits, files that are not plans never fail a run, and a file or an archive is read
/// in its kit.
@Suite("Discovery on real layouts (end to end)")
struct RealLayoutTests {
    @Test(
        "parse and validate find the same kits, names and profiles; parse exits 0 or 1; no input.unreadable but for broken plans",
        arguments: FixtureRepos.all)
    func sameKits(repo: String) throws {
        let folder = try FixtureRepos.copy(repo)
        let parsed = try CLIRunner.run(["parse", "."], in: folder)
        let validated = try CLIRunner.run(["validate", ".", "--format", "json"], in: folder)
        #expect(parsed.status == 0 || parsed.status == 1, "\(parsed.stderr)")
        #expect(validated.status == 0 || validated.status == 1, "\(validated.stderr)")
        let parseJSON = try FixtureRepos.json(parsed)
        let validateJSON = try FixtureRepos.json(validated)
        #expect(FixtureRepos.kits(parseJSON) == FixtureRepos.kits(validateJSON))
        #expect(FixtureRepos.skipped(parseJSON) == FixtureRepos.skipped(validateJSON))
        // Only the two broken plans of `non-plans` (YAML under `phases:`, a tasks.json cut short) cannot be read.
        let unreadable = FixtureRepos.findings(validateJSON).filter { $0.contains(" input.unreadable ") || $0.contains(" yaml.syntax ") }
        #expect(
            unreadable.map { String($0.prefix { $0 != ":" }) } == (repo == "non-plans" ? ["plans/roadmap.yaml", "plans/tasks.json"] : []))
        #expect(parsed.status == (repo == "non-plans" ? 1 : 0))
    }

    @Test(
        "each layout's kits",
        arguments: [
            (
                "spec-kit-user",
                ["github-spec-kit .specify/memory memory", "github-spec-kit specs/001-photo-albums 001-photo-albums"]
            ),
            ("spec-kit-project", ["github-spec-kit .specify/memory memory"]),
            ("kiro", ["kiro .kiro/specs specs", "kiro .kiro/specs/export export", "kiro .kiro/specs/search search"]),
            ("kiro-flat", ["kiro .kiro/specs specs"]),
            (
                "openspec",
                [
                    "openspec openspec/changes/add-export add-export",
                    "openspec openspec/changes/archive/2025-11-02-add-login 2025-11-02-add-login archived",
                    "openspec openspec/specs specs",
                ]
            ),
            ("taskmaster", ["taskmaster .taskmaster taskmaster"]),
            (
                "hidden-plans",
                [
                    "freeform .ai/assets tasks.md", "freeform .github/plans feature-offline-mode.md", "freeform .planning ROADMAP.md",
                    "freeform .planning/phases/01-setup 01-01-PLAN.md",
                ]
            ),
            ("non-plans", ["freeform plans roadmap.yaml", "freeform plans sprint-plan.md", "freeform plans tasks.json"]),
        ])
    func kits(repo: String, expected: [String]) throws {
        let folder = try FixtureRepos.copy(repo)
        let validated = try CLIRunner.run(["validate", ".", "--format", "json"], in: folder)
        #expect(FixtureRepos.kits(try FixtureRepos.json(validated)) == expected)
    }

    @Test(
        "templates, agents' prompts and files that are not plans are skipped and counted, --verbose lists them",
        arguments: [
            (
                "spec-kit-user",
                [
                    ".claude/commands/speckit.plan.md template", ".github/prompts/speckit.tasks.prompt.md template",
                    ".specify/templates/plan-template.md template", ".specify/templates/tasks-template.md template",
                ],
                "; skipped 4 templates"
            ),
            (
                "non-plans",
                [
                    "tests/fixtures/tasks.json test-data", "plans/retro-notes.txt text-file", "compose.tasks.yaml not-a-plan",
                    "empty-tasks.md not-a-plan",
                    "ansible/deploy-tasks.yml not-a-plan", "ci/tekton/build-task.yaml not-a-plan",
                    "ci/tekton/pipeline-tasks.yaml not-a-plan",
                    "deploy/ecs-task-definition.json not-a-plan", "notes/Execute Task 3.md not-a-plan",
                ],
                "; skipped 7 files that are not plans, 1 .txt file and 1 file of test data"
            ),
            (
                "hidden-plans",
                [".planning/STATE.md not-a-plan"],
                "; skipped 1 file that is not a plan"
            ),
            (
                "spec-kit-project",
                [
                    "presets/lean/commands/speckit.tasks.md template", "templates/commands/constitution.md template",
                    "templates/commands/plan.md template", "templates/commands/specify.md template", "templates/commands/tasks.md template",
                    "templates/plan-template.md template", "templates/spec-template.md template", "templates/tasks-template.md template",
                ],
                "; skipped 8 templates"
            ),
        ])
    func skipped(repo: String, expected: [String], summary: String) throws {
        let folder = try FixtureRepos.copy(repo)
        let json = try FixtureRepos.json(try CLIRunner.run(["validate", ".", "--format", "json"], in: folder))
        #expect(FixtureRepos.skipped(json) == expected)
        let text = try CLIRunner.run(["validate", "."], in: folder)
        #expect(text.stdout.hasSuffix(summary + " (--verbose lists them)\n"), "\(text.stdout)")
        let verbose = try CLIRunner.run(["validate", ".", "--verbose"], in: folder)
        #expect(verbose.stdout.hasSuffix(summary + "\n"))
        #expect(verbose.stdout.split(separator: "\n").filter { $0.hasPrefix("skipped: ") }.count == expected.count, "\(verbose.stdout)")
    }

    @Test("--include-templates (or includeTemplates: true) reads templates as plans")
    func includeTemplates() throws {
        let folder = try FixtureRepos.copy("spec-kit-project")
        let flag = try FixtureRepos.json(try CLIRunner.run(["parse", ".", "--include-templates"], in: folder))
        #expect(FixtureRepos.kits(flag).contains("speckit templates/commands commands"))
        #expect(!FixtureRepos.skipped(flag).contains { $0.hasSuffix(" template") })
        try Data("includeTemplates: true\n".utf8).write(to: folder.appendingPathComponent(".speckit.yml"))
        let config = try FixtureRepos.json(try CLIRunner.run(["parse", "."], in: folder))
        #expect(FixtureRepos.kits(config) == FixtureRepos.kits(flag))
    }

    @Test(
        "validate KIT/FILE reports exactly the findings of validate KIT that lie in FILE",
        arguments: [
            ("spec-kit-user", "specs/001-photo-albums", "specs/001-photo-albums/tasks.md"),
            ("spec-kit-user", "specs/001-photo-albums", "specs/001-photo-albums/spec.md"),
            ("kiro", ".kiro/specs/export", ".kiro/specs/export/requirements.md"),
            ("kiro", ".kiro/specs/search", ".kiro/specs/search/tasks.md"),
        ])
    func fileInItsKit(repo: String, kit: String, file: String) throws {
        let folder = try FixtureRepos.copy(repo)
        // The opt-in kit and section checks are on, so every kit has findings to compare.
        try Data("rules:\n  structure.missing-document: warning\n  structure.missing-section: warning\n".utf8).write(
            to: folder.appendingPathComponent(".speckit.yml"))
        let whole = FixtureRepos.findings(try FixtureRepos.json(try CLIRunner.run(["validate", kit, "--format", "json"], in: folder)))
        let named = try CLIRunner.run(["validate", file, "--format", "json"], in: folder)
        let mine = FixtureRepos.findings(try FixtureRepos.json(named))
        #expect(mine == whole.filter { $0.hasPrefix(file + ":") })
        #expect(!whole.isEmpty)
        // The file is read in its kit: same kit name and profile, and the summary counts the file.
        let kits = FixtureRepos.kits(try FixtureRepos.json(named))
        #expect(kits == FixtureRepos.kits(try FixtureRepos.json(try CLIRunner.run(["validate", kit, "--format", "json"], in: folder))))
        let text = try CLIRunner.run(["validate", file], in: folder)
        #expect(text.stdout.contains(" in 1 file (1 kit, "), "\(text.stdout)")
    }

    @Test("several files of one kit are one kit; a folder inside a kit is read in its kit")
    func severalFiles() throws {
        let folder = try FixtureRepos.copy("spec-kit-user")
        let two = try FixtureRepos.json(
            try CLIRunner.run(
                ["parse", "specs/001-photo-albums/tasks.md", "specs/001-photo-albums/plan.md"], in: folder))
        #expect(FixtureRepos.kits(two) == ["github-spec-kit specs/001-photo-albums 001-photo-albums"])
        let documents = try FixtureRepos.firstKit(two).documents
        #expect(documents.compactMap { $0["path"] as? String } == ["specs/001-photo-albums/plan.md", "specs/001-photo-albums/tasks.md"])
        let inside = try FixtureRepos.json(
            try CLIRunner.run(["validate", "specs/001-photo-albums/checklists", "--format", "json"], in: folder))
        #expect(FixtureRepos.kits(inside) == ["github-spec-kit specs/001-photo-albums 001-photo-albums"])
    }

    @Test("Spec Kit's data model, research, quickstart and contracts are reference documents: read, never counted as tasks")
    func referenceDocuments() throws {
        let folder = try FixtureRepos.copy("spec-kit-user")
        let json = try FixtureRepos.json(try CLIRunner.run(["parse", "specs/001-photo-albums"], in: folder))
        let documents = try FixtureRepos.firstKit(json).documents
        let kinds = Dictionary(uniqueKeysWithValues: documents.map { ($0["path"] as? String ?? "", $0["kind"] as? String ?? "") })
        for reference in ["contracts/events.md", "data-model.md", "quickstart.md", "research.md"] {
            #expect(kinds["specs/001-photo-albums/" + reference] == "reference", "\(reference)")
        }
        let referenceTasks = documents.filter { $0["kind"] as? String == "reference" }.flatMap { $0["tasks"] as? [Any] ?? [] }
        #expect(referenceTasks.isEmpty)
        let status = try CLIRunner.run(["status", "specs/001-photo-albums"], in: folder)
        // checklists/requirements.md holds checks, not work: shown apart, never counted as tasks.
        #expect(status.stdout.hasPrefix("001-photo-albums (specs/001-photo-albums, github-spec-kit): 3/6 tasks done"), "\(status.stdout)")
        #expect(status.stdout.contains("\n  checklists: 2/3 items checked (not counted as tasks)\n"), "\(status.stdout)")
    }

    @Test("OpenSpec's archived changes are reported but counted apart")
    func archivedChanges() throws {
        let folder = try FixtureRepos.copy("openspec")
        let status = try CLIRunner.run(["status", "."], in: folder)
        #expect(status.status == 0)
        #expect(
            status.stdout.contains(
                "2025-11-02-add-login (openspec/changes/archive/2025-11-02-add-login, openspec, archived): 2/2 tasks done (100%)\n"))
        #expect(
            status.stdout.hasSuffix(
                "1/3 tasks done (33%) in 2 kits; 0 in progress, 0 blocked, 2 ready to start; 0 claims, 0 not matching; "
                    + "1 archived kit not counted\n"), "\(status.stdout)")
        let json = try FixtureRepos.json(try CLIRunner.run(["status", ".", "--format", "json"], in: folder))
        let totals = json["totals"] as? [String: Any] ?? [:]
        #expect(totals["archivedKits"] as? Int == 1 && totals["kits"] as? Int == 2 && totals["tasks"] as? Int == 3)
    }

    @Test(
        "validate k.zip after pack KIT gives the findings of validate KIT, for every layout",
        arguments: [
            ("spec-kit-user", "specs/001-photo-albums"), ("spec-kit-user", ".specify/memory"), ("kiro", ".kiro/specs/export"),
            ("kiro", ".kiro/specs/search"), ("kiro-flat", ".kiro/specs"), ("openspec", "openspec/changes/add-export"),
            ("openspec", "openspec/changes/archive/2025-11-02-add-login"), ("taskmaster", ".taskmaster"),
            ("hidden-plans", ".planning"), ("non-plans", "plans"),
        ])
    func packedKit(repo: String, kit: String) throws {
        let folder = try FixtureRepos.copy(repo)
        let packed = try CLIRunner.run(["pack", kit, "--out", "k.zip"], in: folder)
        #expect(packed.status == 0, "\(packed.stderr)")
        let fromFolder = try CLIRunner.run(["validate", kit, "--format", "json"], in: folder)
        let fromZip = try CLIRunner.run(["validate", "k.zip", "--format", "json"], in: folder)
        #expect(fromZip.status == fromFolder.status, "\(fromZip.stderr)")
        let folderJSON = try FixtureRepos.json(fromFolder)
        let zipJSON = try FixtureRepos.json(fromZip)
        #expect(
            FixtureRepos.findings(zipJSON, prefix: "k.zip/", replacing: ["k.zip": "<kit>"])
                == FixtureRepos.findings(folderJSON, prefix: kit + "/", replacing: [kit: "<kit>"]))
        let names = { (json: [String: Any]) in
            (json["kits"] as? [[String: Any]] ?? []).map { "\($0["profile"] ?? "") \($0["name"] ?? "") \($0["archived"] ?? "")" }
        }
        #expect(names(zipJSON) == names(folderJSON))
        #expect(
            FixtureRepos.skipped(zipJSON).map { $0.replacingOccurrences(of: "k.zip/", with: "") }
                == FixtureRepos.skipped(folderJSON).map { $0.replacingOccurrences(of: kit + "/", with: "") })
        // --profile works on archives too.
        let forced = try FixtureRepos.json(
            try CLIRunner.run(["validate", "k.zip", "--format", "json", "--profile", "freeform"], in: folder))
        #expect((forced["kits"] as? [[String: Any]] ?? []).allSatisfy { $0["profile"] as? String == "freeform" })
    }

    @Test("a folder whose plan files the configuration excludes says so, exit 2")
    func excludedByConfiguration() throws {
        let folder = try FixtureRepos.copy("kiro")
        try Data("exclude: [\".kiro/**\"]\n".utf8).write(to: folder.appendingPathComponent(".speckit.yml"))
        let outcome = try CLIRunner.run(["validate", "."], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("speckit: error: .: no kits found outside what the include/exclude globs of the .speckit.yml in "))
    }

    @Test("a tree with nothing but files that are not plans: no kits, exit 2, and what was skipped")
    func nothingButNonPlans() throws {
        let folder = try FixtureRepos.copy("non-plans")
        for file in ["plans", "empty-tasks.md"] { try FileManager.default.removeItem(at: folder.appendingPathComponent(file)) }
        for command in [["validate", "."], ["parse", "."], ["status", "."]] {
            let outcome = try CLIRunner.run(command, in: folder)
            #expect(outcome.status == 2, "\(command)")
            #expect(
                outcome.stderr.hasSuffix("; skipped 6 files that are not plans and 1 file of test data, see --verbose\n"),
                "\(command): \(outcome.stderr)")
        }
    }
}
