import Foundation
import Testing

@testable import SpeckitCore

/// Issue 17, item 4: `speckit init` writes a commented `.speckit.yml` for the layouts it finds (and with
/// `--github` the workflow); what it writes reads back as the defaults, and every commented setting is valid.
@Suite("speckit init (end to end)")
struct InitCommandTests {
    private func repository() throws -> URL {
        try CLIRunner.folder([
            ".git/HEAD": "",
            "specs/001-login/tasks.md": "# Tasks\n\n- [ ] T001 Build it (depends on T009)\n",
            "specs/002-search/tasks.md": "# Tasks\n\n- [x] T001 Index\n",
            ".kiro/specs/billing/tasks.md": "# Tasks\n\n- [ ] 1. Charge\n",
            ".kiro/specs/billing/requirements.md": "# Requirements\n",
            ".kiro/specs/billing/design.md": "# Design\n",
            "ROADMAP.md": "# Roadmap\n\n- [ ] Ship\n",
        ])
    }

    @Test("init writes what it found and changes nothing: validate reports the same with and without the file")
    func writesCommentedConfig() throws {
        let folder = try repository()
        let before = try CLIRunner.run(["validate", "."], in: folder)
        let run = try CLIRunner.run(["init"], in: folder)
        #expect(run.status == 0 && run.stdout == "wrote .speckit.yml\n", "\(run.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent(".speckit.yml"), encoding: .utf8)
        #expect(text.contains("#   github-spec-kit 2 kits: specs/001-login, specs/002-search\n"), "\(text)")
        #expect(text.contains("#   kiro            1 kit: .kiro/specs/billing\n"))
        #expect(text.contains("#   freeform        1 kit: ROADMAP.md\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".github").path))
        let after = try CLIRunner.run(["validate", "."], in: folder)
        #expect(after.stdout == before.stdout && after.status == before.status)
    }

    @Test("every commented setting is valid uncommented: the file then parses, with the rules it names")
    func uncommentedParses() throws {
        let text = ConfigTemplate.text(kits: [(.githubSpecKit, "specs/001-x", "001-x")])
        let setting = try Regex(#"^#\s?(\s*[A-Za-z*"][\w.*"-]*:( .*)?)$"#)
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let match = String(line).wholeMatch(of: setting) else { return String(line) }
            return String(match.output[1].substring ?? "")
        }.joined(separator: "\n")
        #expect(uncommented.contains("\nrules:\n  status.*: warning\n"), "\(uncommented)")
        let settings = try ConfigFile.parse(uncommented, file: ".speckit.yml")
        #expect(settings.profile == .githubSpecKit)
        #expect(settings.severity(of: PlaceholderRule.description) == nil)
        #expect(settings.severity(of: ConflictingStatementsRule.description) == .warning)
        #expect(settings.severity(of: AcceptanceMissingRule.description) == .warning, "an opt-in rule named is on")
        #expect(settings.statusWords["shipped-to-qa"] == .review)
        let defaults = try ConfigFile.parse(text, file: ".speckit.yml")
        #expect(defaults.profile == nil && defaults.severities.isEmpty && defaults.severityPatterns.isEmpty && !defaults.strict)
    }

    @Test("--github writes the workflow; an existing file is kept unless --force, and nothing is half written")
    func githubAndForce() throws {
        let folder = try repository()
        try "profile: kiro\n".write(to: folder.appendingPathComponent(".speckit.yml"), atomically: true, encoding: .utf8)
        let refused = try CLIRunner.run(["init", "--github"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr == "speckit: error: .speckit.yml: already exists; pass --force to overwrite the files speckit generates\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".github/workflows/speckit.yml").path))
        #expect(try String(contentsOf: folder.appendingPathComponent(".speckit.yml"), encoding: .utf8) == "profile: kiro\n")

        let forced = try CLIRunner.run(["init", "--github", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(forced.stdout == "wrote .speckit.yml\nwrote .github/workflows/speckit.yml\n")
        let workflow = try String(contentsOf: folder.appendingPathComponent(".github/workflows/speckit.yml"), encoding: .utf8)
        #expect(workflow == ConfigTemplate.workflow && workflow.contains("uses: speckit-dev/speckit@v"))
    }

    @Test("the embedded workflow is templates/init/speckit-workflow.yml (run scripts/embed-templates.py after editing)")
    func embeddedMatchesFile() throws {
        let folder = CLIRunner.repositoryRoot.appendingPathComponent("templates/init")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(Set(names) == Set(EmbeddedInitTemplates.files.keys))
        for name in names {
            #expect(
                EmbeddedInitTemplates.files[name] == (try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)),
                "\(name)")
        }
    }

    @Test("init never writes through a linked folder a checkout may hold")
    func refusesLinks() throws {
        let folder = try repository()
        let elsewhere = try CLIRunner.temporaryFolder()
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent(".github").path, withDestinationPath: elsewhere.path)
        let run = try CLIRunner.run(["init", "--github"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains(".github"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".speckit.yml").path), "nothing half written")
    }

    @Test("--github where .github is a file, or below the repository's root: one line, exit 2, nothing written")
    func githubRefusals() throws {
        let folder = try repository()
        try "not a folder".write(to: folder.appendingPathComponent(".github"), atomically: true, encoding: .utf8)
        let file = try CLIRunner.run(["init", "--github"], in: folder)
        #expect(file.status == 2)
        #expect(file.stderr == "speckit: error: .github/workflows/speckit.yml: cannot write: .github is not a folder\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".speckit.yml").path))

        let below = folder.appendingPathComponent("specs")
        let nested = try CLIRunner.run(["init", "--github"], in: below)
        #expect(nested.status == 2)
        #expect(nested.stderr.contains("which GitHub reads only at the repository's root: run init in "), "\(nested.stderr)")
        #expect(!FileManager.default.fileExists(atPath: below.appendingPathComponent(".speckit.yml").path))
        #expect(!FileManager.default.fileExists(atPath: below.appendingPathComponent(".github").path))
        // A configuration for a folder below the root is fine: the search for it stops at the root.
        #expect(try CLIRunner.run(["init"], in: below).status == 0)

        // --force replaces files, never a folder, and writes nothing when it cannot write everything.
        try FileManager.default.removeItem(at: folder.appendingPathComponent(".github"))
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".github/workflows/speckit.yml"), withIntermediateDirectories: true)
        let forced = try CLIRunner.run(["init", "--github", "--force"], in: folder)
        #expect(forced.status == 2 && forced.stdout.isEmpty, "\(forced.stdout)")
        #expect(forced.stderr == "speckit: error: .github/workflows/speckit.yml: cannot write: it is a folder; expected a file name\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".speckit.yml").path))
    }

    @Test("the profile line says the default is to tell each kit's layout apart")
    func profileComment() {
        let text = ConfigTemplate.text(kits: [])
        #expect(text.contains("# Each kit's layout is told apart on its own (the default)."))
    }
}
